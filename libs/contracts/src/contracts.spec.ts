import { dutyConflict, dutyOf, isValidIdNumber, maskIdNumber, maskName, maskPhone, monthInZone, commonPasswordForms, passwordProblems, PERMISSIONS, SEED_ROLES, yearInZone } from './index';

describe('permissions and duties', () => {
  it('gives every code one duty and unique codes', () => {
    expect(new Set(PERMISSIONS.map((p) => p.code)).size).toBe(PERMISSIONS.length);
    expect(dutyOf('audit.read')).toBe('audit');
    expect(dutyOf('nope')).toBeUndefined();
  });

  it('keeps system, security and audit apart, and each from business', () => {
    expect(dutyConflict(['user.manage', 'org.manage'])).toBeNull();
    expect(dutyConflict(['vessel.read', 'dispute.write'])).toBeNull();
    expect(dutyConflict(['user.manage', 'audit.read'])).toEqual({ conflict: 'multiple_admin_duties', duties: ['audit', 'system'] });
    expect(dutyConflict(['security.policy', 'vessel.read'])).toEqual({ conflict: 'admin_and_business', duties: ['business', 'security'] });
  });

  it('seeds nine roles, each within one duty, the three administrators on different duties', () => {
    expect(SEED_ROLES.map((r) => r.code)).toEqual(['admin', 'security', 'auditor', 'leader', 'legal_affairs', 'enforcement_officer', 'mediator', 'legal_advisor', 'petition_officer']);
    for (const role of SEED_ROLES) expect(dutyConflict(role.permissions)).toBeNull();
    const duty = (code: string) => new Set(SEED_ROLES.find((r) => r.code === code)!.permissions.map(dutyOf));
    expect([...duty('admin')]).toEqual(['system']);
    expect([...duty('security')]).toEqual(['security']);
    expect([...duty('auditor')]).toEqual(['audit']);
    expect(SEED_ROLES.find((r) => r.code === 'admin')!.permissions).not.toContain('audit.read');
  });
});

describe('password rules', () => {
  const opts = { username: 'leader', minLength: 8 };
  it('accepts a long, uncommon password without the username', () => {
    expect(passwordProblems('Harbour#Tide2021', opts)).toEqual([]);
  });
  it('names each problem', () => {
    expect(passwordProblems('Ab1!', opts)).toEqual(['too_short']);
    expect(passwordProblems('password123', opts)).toEqual(['few_classes', 'common']);
    expect(passwordProblems('LEADER-2021!', opts)).toEqual(['contains_username']);
    expect(passwordProblems('Same#Pass2021', { ...opts, currentPassword: 'Same#Pass2021' })).toEqual(['same_as_current']);
    expect(passwordProblems('x'.repeat(129) + 'Q', opts)).toContain('too_long');
  });
  it('counts characters, not bytes', () => {
    expect(passwordProblems('法治台账2021Ab', opts)).toEqual([]);
    expect(passwordProblems('法治1Ab', opts)).toEqual(['too_short']);
  });
  it('wants three of lower, upper, digit and other characters, and a minimum of 8 whatever the policy says', () => {
    expect(passwordProblems('法治台账法治台账', opts)).toEqual(['few_classes']);
    expect(passwordProblems('harbour#tide', opts)).toEqual(['few_classes']);
    expect(passwordProblems('Fazhi@2021', opts)).toEqual([]);
    expect(passwordProblems('Ab1#xyz', { ...opts, minLength: 6 })).toEqual(['too_short']);
  });
  it('finds common passwords in trivial variants', () => {
    expect(commonPasswordForms('P@ssw0rd2021!')).toContain('password');
    expect(passwordProblems('Password123!', opts)).toEqual(['common']);
    expect(passwordProblems('Fazhi@123', opts)).toEqual(['common']);
  });
});

describe('personal data', () => {
  it('masks phones, ID numbers and names', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskIdNumber('440781199001011234')).toBe('440781********1234');
    expect(maskName('黄平安')).toBe('黄**');
    expect(maskPhone(null)).toBeNull();
  });
  it('validates ID numbers by GB 11643 check digit and birth date', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('110105194902310027')).toBe(false);
    expect(isValidIdNumber('11010519491231002')).toBe(false);
  });
});

describe('town time', () => {
  it('takes year and month in the town zone', () => {
    expect(yearInZone(new Date('2021-12-31T16:30:00Z'), 'Asia/Shanghai')).toBe(2022);
    expect(monthInZone(new Date('2021-06-30T16:00:00Z'), 'Asia/Shanghai')).toBe('2021-07');
    expect(yearInZone(new Date('2021-12-31T16:30:00Z'), 'UTC')).toBe(2021);
  });
});
