/**
 * Permission codes. Each code carries one duty; separation of duties (三权分立) is decided on
 * the duties of the codes a role or a user holds.
 */
export type Duty = 'system' | 'security' | 'audit' | 'business';

export interface PermissionDef {
  code: string;
  duty: Duty;
  name: string;
  nameEn: string;
}

export const PERMISSIONS = [
  // system administration
  { code: 'org.manage', duty: 'system', name: '组织机构管理', nameEn: 'Manage org units' },
  { code: 'user.read', duty: 'system', name: '查看用户', nameEn: 'View users' },
  { code: 'user.manage', duty: 'system', name: '用户管理', nameEn: 'Manage users' },
  { code: 'role.read', duty: 'system', name: '查看角色', nameEn: 'View roles' },
  { code: 'role.manage', duty: 'system', name: '角色管理', nameEn: 'Manage roles' },
  { code: 'dict.manage', duty: 'system', name: '字典管理', nameEn: 'Manage dictionaries' },
  { code: 'calendar.manage', duty: 'system', name: '节假日日历管理', nameEn: 'Manage holiday calendar' },
  // security administration
  { code: 'security.policy', duty: 'security', name: '安全策略', nameEn: 'Security policy' },
  { code: 'security.unlock', duty: 'security', name: '解锁账户', nameEn: 'Unlock accounts' },
  { code: 'security.login_history', duty: 'security', name: '登录日志(安全)', nameEn: 'Login history (security)' },
  { code: 'security.accounts', duty: 'security', name: '管理员账户管理', nameEn: 'Manage administrator accounts' },
  // audit
  { code: 'audit.read', duty: 'audit', name: '查看审计日志', nameEn: 'Read audit log' },
  { code: 'audit.login_history', duty: 'audit', name: '登录日志(审计)', nameEn: 'Login history (audit)' },
  // business
  { code: 'dashboard.read', duty: 'business', name: '查看统计看板', nameEn: 'View dashboards' },
  { code: 'report.read', duty: 'business', name: '查看年度报告', nameEn: 'Read annual report' },
  { code: 'report.edit', duty: 'business', name: '编辑年度报告', nameEn: 'Edit annual report' },
  { code: 'report.approve', duty: 'business', name: '审定年度报告', nameEn: 'Approve annual report' },
  { code: 'report.export', duty: 'business', name: '导出年度报告', nameEn: 'Export annual report' },
  { code: 'personal.unmask', duty: 'business', name: '查看完整个人信息', nameEn: 'Unmask personal data' },
  { code: 'record.reopen', duty: 'business', name: '重新打开已办结记录', nameEn: 'Reopen closed records' },
  { code: 'vessel.read', duty: 'business', name: '查看三无船舶台账', nameEn: 'Read vessel ledger' },
  { code: 'vessel.write', duty: 'business', name: '登记三无船舶', nameEn: 'Write vessel ledger' },
  { code: 'campaign.manage', duty: 'business', name: '集中销毁行动', nameEn: 'Manage destruction campaigns' },
  { code: 'dispute.read', duty: 'business', name: '查看矛盾纠纷台账', nameEn: 'Read dispute ledger' },
  { code: 'dispute.write', duty: 'business', name: '登记矛盾纠纷', nameEn: 'Write dispute ledger' },
  { code: 'dispute.warning', duty: 'business', name: '接收矛盾纠纷预警', nameEn: 'Receive dispute warnings' },
  { code: 'peace_officer.manage', duty: 'business', name: '平安员名册管理', nameEn: 'Manage the peace officer register' },
  { code: 'template.manage', duty: 'business', name: '文书模板管理', nameEn: 'Manage document templates' },
  { code: 'advisor.read', duty: 'business', name: '查看法律顾问台账', nameEn: 'Read advisor ledger' },
  { code: 'advisor.write', duty: 'business', name: '登记法律顾问服务', nameEn: 'Write advisor ledger' },
  { code: 'advisor.check', duty: 'business', name: '法律顾问服务月度检查与名册管理', nameEn: 'Check advisor months and keep the advisor registers' },
  { code: 'petition.read', duty: 'business', name: '查看信访台账', nameEn: 'Read petition ledger' },
  { code: 'petition.write', duty: 'business', name: '登记信访与12345工单', nameEn: 'Write petition ledger' },
  { code: 'legal.read', duty: 'business', name: '查看法治工作台账', nameEn: 'Read rule-of-law work' },
  { code: 'legal.write', duty: 'business', name: '登记普法、学法、复议诉讼、规范性文件', nameEn: 'Write rule-of-law work' },
  { code: 'certificate.manage', duty: 'business', name: '执法证管理', nameEn: 'Manage enforcement certificates' },
] as const satisfies readonly PermissionDef[];

export type PermissionCode = (typeof PERMISSIONS)[number]['code'];

export const PERMISSION_CODES: readonly PermissionCode[] = PERMISSIONS.map((p) => p.code);

const dutyByCode = new Map<string, Duty>(PERMISSIONS.map((p) => [p.code, p.duty]));

export function isPermissionCode(code: string): code is PermissionCode {
  return dutyByCode.has(code);
}

export function dutyOf(code: string): Duty | undefined {
  return dutyByCode.get(code);
}

export type DutyConflict = 'multiple_admin_duties' | 'admin_and_business';

/**
 * Separation of duties: a set of codes may hold at most one of system/security/audit, and an
 * administrative duty never together with business codes. Returns the conflict, or null.
 */
export function dutyConflict(codes: Iterable<string>): { conflict: DutyConflict; duties: Duty[] } | null {
  const duties = new Set<Duty>();
  for (const code of codes) {
    const duty = dutyOf(code);
    if (duty) duties.add(duty);
  }
  const list = [...duties].sort();
  const admin = list.filter((d) => d !== 'business');
  if (admin.length > 1) return { conflict: 'multiple_admin_duties', duties: list };
  if (admin.length === 1 && duties.has('business')) return { conflict: 'admin_and_business', duties: list };
  return null;
}

/** The three administrative duties (三权): system, security and audit. */
export const ADMIN_DUTIES: readonly Duty[] = ['system', 'security', 'audit'];

/**
 * The duty a role or an account carries: its administrative duty when any of its codes has one,
 * otherwise business. Accounts and roles of an administrative duty are managed by the security
 * administrator (`security.accounts`), business ones by the system administrator.
 */
export function dutyOfCodes(codes: Iterable<string>): Duty {
  for (const code of codes) {
    const duty = dutyOf(code);
    if (duty && duty !== 'business') return duty;
  }
  return 'business';
}

/** The permission that manages accounts (or roles) of one duty. */
export function managingPermission(duty: Duty, of: 'account' | 'role'): PermissionCode {
  if (duty !== 'business') return 'security.accounts';
  return of === 'account' ? 'user.manage' : 'role.manage';
}
