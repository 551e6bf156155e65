/** Password rules shared by the API (authoritative) and the web (hints). */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '12345678', '123456789', '1234567890', '12345678910', '11111111', '00000000', '88888888',
  '66666666', '87654321', '11223344', '12344321', '123123123', '147258369', '1qaz2wsx',
  '1q2w3e4r', '1q2w3e4r5t', 'qwertyui', 'qwerty123', 'qwertyuiop', 'asdfghjk', 'zxcvbnm1',
  'password', 'password1', 'password123', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'admin123',
  'admin@123', 'admin888', 'administrator', 'root1234', 'abc12345', 'abcd1234', 'abc123456',
  'a1234567', 'a12345678', 'aa123456', 'iloveyou', 'woaini1314', '5201314520', 'welcome1',
  'letmein1', 'sunshine', 'football', 'baseball', 'superman', 'princess', 'trustno1',
  'changeme', 'default1', 'test1234', 'test@123', 'user1234', 'guest123', 'qq123456',
  'q1w2e3r4', 'zaq12wsx', 'Aa123456', 'Aa123456.', 'Admin@123', 'Admin123', 'Abc@1234',
  'Abc12345', 'P@ssw0rd', 'P@ssword1', 'Password1', 'Password@1', 'Password123', 'Qwer1234',
  'Zxcv1234', 'Huawei@123', 'Huawei12#$', 'Changeme123', 'Welcome@123', 'Fazhi@123',
]);

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'contains_username' | 'same_as_current';

export const PASSWORD_MAX_LENGTH = 128;

export function passwordProblems(
  password: string,
  opts: { username: string; minLength: number; currentPassword?: string },
): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...password].length < opts.minLength) problems.push('too_short');
  if (password.length > PASSWORD_MAX_LENGTH) problems.push('too_long');
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(password) || COMMON_PASSWORDS.has(lower)) problems.push('common');
  const user = opts.username.trim().toLowerCase();
  if (user.length > 0 && lower.includes(user)) problems.push('contains_username');
  if (opts.currentPassword !== undefined && opts.currentPassword === password) problems.push('same_as_current');
  return problems;
}

export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, { zh: string; en: string }> = {
  too_short: { zh: '密码长度不足', en: 'Password is too short' },
  too_long: { zh: '密码过长(最多128个字符)', en: 'Password is too long (128 characters at most)' },
  common: { zh: '密码过于常见,请换一个', en: 'Password is too common' },
  contains_username: { zh: '密码不能包含用户名', en: 'Password must not contain the username' },
  same_as_current: { zh: '新密码不能与当前密码相同', en: 'New password must differ from the current one' },
};
