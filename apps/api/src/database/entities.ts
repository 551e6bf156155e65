import { AccountLockEntity, LoginAttemptEntity, SessionEntity } from '../auth/auth.entities';
import { AuditLogEntity, AuditSealEntity } from '../audit/audit.entities';
import { OrgUnitEntity } from '../org/org-unit.entity';
import { RoleEntity, UserRoleEntity } from '../org/role.entity';
import { UserEntity } from '../org/user.entity';
import { SecurityPolicyEntity } from '../security/security-policy.entity';
import { SeedVersionEntity } from './seed-version.entity';

export const ENTITIES = [
  OrgUnitEntity,
  UserEntity,
  RoleEntity,
  UserRoleEntity,
  SessionEntity,
  LoginAttemptEntity,
  AccountLockEntity,
  SecurityPolicyEntity,
  AuditLogEntity,
  AuditSealEntity,
  SeedVersionEntity,
];
