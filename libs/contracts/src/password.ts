/**
 * Password rules shared by the API (authoritative) and the web (hints). The list below is the
 * short one the web checks as you type; the API checks a list of about 49,000 common passwords
 * (apps/api/src/auth/common-passwords.ts) as well.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '12345678',
  '123456789',
  '1234567890',
  '12345678910',
  '11111111',
  '00000000',
  '88888888',
  '66666666',
  '87654321',
  '11223344',
  '12344321',
  '123123123',
  '147258369',
  '1qaz2wsx',
  '1q2w3e4r',
  '1q2w3e4r5t',
  'qwertyui',
  'qwerty123',
  'qwertyuiop',
  'asdfghjk',
  'zxcvbnm1',
  'password',
  'password1',
  'password123',
  'passw0rd',
  'p@ssw0rd',
  'p@ssword',
  'admin123',
  'admin@123',
  'admin888',
  'administrator',
  'root1234',
  'abc12345',
  'abcd1234',
  'abc123456',
  'a1234567',
  'a12345678',
  'aa123456',
  'iloveyou',
  'woaini1314',
  '5201314520',
  'welcome1',
  'letmein1',
  'sunshine',
  'football',
  'baseball',
  'superman',
  'princess',
  'trustno1',
  'changeme',
  'default1',
  'test1234',
  'test@123',
  'user1234',
  'guest123',
  'qq123456',
  'q1w2e3r4',
  'zaq12wsx',
  'Aa123456',
  'Aa123456.',
  'Admin@123',
  'Admin123',
  'Abc@1234',
  'Abc12345',
  'P@ssw0rd',
  'P@ssword1',
  'Password1',
  'Password@1',
  'Password123',
  'Qwer1234',
  'Zxcv1234',
  'Huawei@123',
  'Huawei12#$',
  'Changeme123',
  'Welcome@123',
  'Fazhi@123',
]);

export type PasswordProblem = 'too_short' | 'too_long' | 'few_classes' | 'common' | 'contains_username' | 'same_as_current' | 'reused';

export const PASSWORD_MAX_LENGTH = 128;
/** The floor of the policy's minimum length (MLPS level 2, 等保二级). */
export const PASSWORD_MIN_LENGTH_FLOOR = 8;
/** Of lower-case letters, upper-case letters, digits and other characters, a password has at least three. */
export const PASSWORD_MIN_CLASSES = 3;
/** A new password differs from this many of the account's latest passwords (the current one included). */
export const PASSWORD_HISTORY_SIZE = 5;

export function characterClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
}

const UNLEET: Record<string, string> = { '@': 'a', '4': 'a', '0': 'o', '1': 'i', '!': 'i', '3': 'e', $: 's', '5': 's', '7': 't', '+': 't' };

/**
 * The forms a common-password list is searched for: the password in lower case, without the
 * digits and symbols around its core (`Admin@123` → `admin`), and each with look-alike characters
 * read as letters (`P@ssw0rd!` → `password`). Cores shorter than 4 characters are left out.
 */
export function commonPasswordForms(password: string): string[] {
  const lower = password.toLowerCase();
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  const unleet = (s: string) => s.replace(/[@40!13$57+]/g, (c) => UNLEET[c]);
  const leetCore = unleet(lower).replace(/^[^a-z]+|[^a-z]+$/g, '');
  const forms = [lower, unleet(lower), ...(core.length >= 4 ? [core, unleet(core)] : []), ...(leetCore.length >= 4 ? [leetCore] : [])];
  return [...new Set(forms)];
}

export function passwordProblems(password: string, opts: { username: string; minLength: number; currentPassword?: string; commonPasswords?: ReadonlySet<string> }): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...password].length < Math.max(opts.minLength, PASSWORD_MIN_LENGTH_FLOOR)) problems.push('too_short');
  if (password.length > PASSWORD_MAX_LENGTH) problems.push('too_long');
  if (characterClasses(password) < PASSWORD_MIN_CLASSES) problems.push('few_classes');
  const common = opts.commonPasswords ?? COMMON_PASSWORDS;
  if (common.has(password) || commonPasswordForms(password).some((form) => common.has(form))) problems.push('common');
  const lower = password.toLowerCase();
  const user = opts.username.trim().toLowerCase();
  if (user.length > 0 && lower.includes(user)) problems.push('contains_username');
  if (opts.currentPassword !== undefined && opts.currentPassword === password) problems.push('same_as_current');
  return problems;
}

export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, { zh: string; en: string }> = {
  too_short: { zh: '密码长度不足', en: 'Password is too short' },
  few_classes: {
    zh: '密码须包含小写字母、大写字母、数字、符号中的至少三类',
    en: 'Password must mix at least three of lower-case letters, upper-case letters, digits and symbols',
  },
  too_long: { zh: '密码过长(最多128个字符)', en: 'Password is too long (128 characters at most)' },
  common: { zh: '密码过于常见,请换一个', en: 'Password is too common' },
  contains_username: { zh: '密码不能包含用户名', en: 'Password must not contain the username' },
  same_as_current: { zh: '新密码不能与当前密码相同', en: 'New password must differ from the current one' },
  reused: { zh: '不能使用最近 5 次用过的密码', en: 'Password must differ from the last 5 passwords' },
};
