import { DataScope } from './roles';
import { OrgLevel } from './org';
import { Duty, PermissionCode } from './permissions';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface OrgUnitDto {
  id: string;
  parentId: string | null;
  level: OrgLevel;
  code: string;
  name: string;
  timeZone: string;
  numberPrefix: string | null;
  sortOrder: number;
  townId: string | null;
  version: number;
}

export interface OrgTreeNode extends OrgUnitDto {
  children: OrgTreeNode[];
}

export interface RoleAssignmentDto {
  id: string;
  roleId: string;
  roleCode: string;
  roleName: string;
  roleNameEn: string;
  orgUnitId: string;
  orgUnitName: string;
  scope: DataScope;
  villageIds: string[];
}

export interface RoleAssignmentInput {
  roleId: string;
  orgUnitId: string;
  scope: DataScope;
  villageIds?: string[];
}

export type UserStatus = 'active' | 'disabled';

export interface UserDto {
  id: string;
  username: string;
  displayName: string;
  /** Masked unless the caller manages users. */
  phone: string | null;
  orgUnitId: string;
  orgUnitName: string;
  status: UserStatus;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  lockedUntil: string | null;
  /** The account's duty, from its roles: an administrative one is managed by the security administrator. */
  duty: Duty;
  roles: RoleAssignmentDto[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface RoleDto {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  builtin: boolean;
  /** A built-in administrative role (admin, security, auditor): nobody edits or deletes it. */
  protected: boolean;
  /** The role's duty: an administrative one is managed by the security administrator. */
  duty: Duty;
  defaultScope: DataScope;
  permissions: PermissionCode[];
  version: number;
}

export interface MeScopeUnit {
  id: string;
  name: string;
  level: OrgLevel;
}

export interface MeDto {
  id: string;
  username: string;
  displayName: string;
  orgUnitId: string;
  orgUnitName: string;
  townId: string | null;
  timeZone: string;
  roles: { code: string; name: string; nameEn: string; scope: DataScope; orgUnitName: string }[];
  permissions: PermissionCode[];
  /** Towns and villages the caller's data scope reaches (names, for display). */
  scope: { towns: MeScopeUnit[]; villages: MeScopeUnit[]; ownOnly: boolean };
  mustChangePassword: boolean;
  passwordExpiresAt: string | null;
  sessionExpiresAt: string;
}

export interface LoginResult {
  user: MeDto;
}

/** `GET /api/auth/session`: who is signed in, without an error status when nobody is. */
export interface SessionState {
  user: MeDto | null;
}

export interface TokenResult {
  token: string;
  tokenType: 'Bearer';
  expiresAt: string;
}

export interface SecurityPolicy {
  passwordMinLength: number;
  /** 0 disables rotation. */
  passwordMaxAgeDays: number;
  lockoutThreshold: number;
  lockoutWindowMinutes: number;
  lockoutDurationMinutes: number;
  addressFailureLimit: number;
  idleTimeoutMinutes: number;
  absoluteTimeoutHours: number;
}

export interface SecurityPolicyDto extends SecurityPolicy {
  version: number;
  updatedAt: string | null;
}

export const DEFAULT_SECURITY_POLICY: SecurityPolicy = {
  passwordMinLength: 8,
  passwordMaxAgeDays: 90,
  lockoutThreshold: 5,
  lockoutWindowMinutes: 15,
  lockoutDurationMinutes: 15,
  addressFailureLimit: 100,
  idleTimeoutMinutes: 30,
  absoluteTimeoutHours: 12,
};

export interface LoginHistoryEntry {
  id: string;
  at: string;
  username: string;
  userId: string | null;
  displayName: string | null;
  address: string | null;
  userAgent: string | null;
  success: boolean;
  reason: string;
}

export interface LockedAccountDto {
  username: string;
  userId: string | null;
  displayName: string | null;
  lockedUntil: string;
  failures: number;
}

export type AuditOutcome = 'success' | 'denied' | 'conflict' | 'invalid' | 'not_found' | 'failure';

export interface AuditEntryDto {
  id: string;
  at: string;
  townId: string | null;
  userId: string | null;
  username: string | null;
  address: string | null;
  requestId: string | null;
  action: string;
  entity: string | null;
  entityId: string | null;
  outcome: AuditOutcome;
  before: unknown;
  after: unknown;
  detail: unknown;
  sealed: boolean;
}

export interface SessionDto {
  id: string;
  kind: 'cookie' | 'bearer';
  createdAt: string;
  lastSeenAt: string;
  address: string | null;
  userAgent: string | null;
  current: boolean;
}

/** A user offered as a choice (an approver, an account to link), by display name. */
export interface UserChoiceDto {
  id: string;
  name: string;
}
