import { PermissionCode } from './permissions';

/** Data scope of one role assignment (DOMAIN.md §1). */
export type DataScope = 'all' | 'town' | 'villages' | 'own';
export const DATA_SCOPES: readonly DataScope[] = ['all', 'town', 'villages', 'own'];

export const DATA_SCOPE_LABELS: Record<DataScope, { zh: string; en: string }> = {
  all: { zh: '本单位及下级全部', en: 'Unit and everything below' },
  town: { zh: '本镇', en: 'Whole town' },
  villages: { zh: '指定村(社区)', en: 'Assigned villages' },
  own: { zh: '本人经办', en: 'Own records' },
};

export type SeedRoleCode = 'admin' | 'security' | 'auditor' | 'leader' | 'legal_affairs' | 'enforcement_officer' | 'mediator' | 'legal_advisor' | 'petition_officer';

export interface SeedRole {
  code: SeedRoleCode;
  name: string;
  nameEn: string;
  defaultScope: DataScope;
  permissions: readonly PermissionCode[];
}

const LEDGER_READ: readonly PermissionCode[] = ['vessel.read', 'dispute.read', 'advisor.read', 'petition.read', 'legal.read'];

/** The seed role table (DOMAIN.md §1). Admins may compose further roles from the same codes. */
export const SEED_ROLES: readonly SeedRole[] = [
  {
    code: 'admin',
    name: '系统管理员',
    nameEn: 'System administrator',
    defaultScope: 'town',
    permissions: ['org.manage', 'user.read', 'user.manage', 'role.read', 'role.manage', 'dict.manage', 'calendar.manage'],
  },
  {
    code: 'security',
    name: '安全管理员',
    nameEn: 'Security administrator',
    defaultScope: 'town',
    permissions: ['security.policy', 'security.unlock', 'security.login_history', 'security.accounts'],
  },
  {
    code: 'auditor',
    name: '审计管理员',
    nameEn: 'Auditor',
    defaultScope: 'town',
    permissions: ['audit.read', 'audit.login_history'],
  },
  {
    code: 'leader',
    name: '镇领导',
    nameEn: 'Town leader',
    defaultScope: 'town',
    permissions: [...LEDGER_READ, 'dashboard.read', 'report.read', 'report.edit', 'report.approve', 'report.export', 'personal.unmask', 'record.reopen', 'dispute.warning'],
  },
  {
    code: 'legal_affairs',
    name: '司法所/法治办',
    nameEn: 'Legal affairs office',
    defaultScope: 'town',
    permissions: [...LEDGER_READ, 'legal.write', 'certificate.manage', 'dashboard.read', 'report.read', 'report.edit', 'peace_officer.manage', 'template.manage', 'advisor.check'],
  },
  {
    code: 'enforcement_officer',
    name: '执法人员',
    nameEn: 'Enforcement officer',
    defaultScope: 'town',
    permissions: ['vessel.read', 'vessel.write', 'campaign.manage', 'personal.unmask'],
  },
  {
    code: 'mediator',
    name: '平安员/人民调解员',
    nameEn: 'Peace officer / mediator',
    defaultScope: 'town',
    permissions: ['dispute.read', 'dispute.write', 'personal.unmask'],
  },
  {
    code: 'legal_advisor',
    name: '村居法律顾问',
    nameEn: 'Village legal advisor',
    defaultScope: 'villages',
    permissions: ['advisor.read', 'advisor.write'],
  },
  {
    code: 'petition_officer',
    name: '信访工作人员',
    nameEn: 'Petition officer',
    defaultScope: 'town',
    permissions: ['petition.read', 'petition.write', 'personal.unmask'],
  },
];

/**
 * The three administrative roles that no account may combine. Being built in, they cannot be
 * edited or deleted by anyone: the duties they carry are fixed.
 */
export const ADMIN_ROLE_CODES: readonly SeedRoleCode[] = ['admin', 'security', 'auditor'];

export function isProtectedRole(role: { code: string; builtin: boolean }): boolean {
  return role.builtin && (ADMIN_ROLE_CODES as readonly string[]).includes(role.code);
}
