import { AccountLockEntity, LoginAttemptEntity, PasswordHistoryEntity, SessionEntity } from '../auth/auth.entities';
import { AuditCheckpointEntity, AuditLogEntity, AuditSealEntity } from '../audit/audit.entities';
import { OrgUnitEntity } from '../org/org-unit.entity';
import { RoleEntity, UserRoleEntity } from '../org/role.entity';
import { UserEntity } from '../org/user.entity';
import { SecurityPolicyEntity } from '../auth/security-policy.entity';
import { SeedVersionEntity } from './seed-version.entity';
import { CalendarDayEntity, CalendarYearEntity } from '../ledger-core/calendar/calendar-day.entity';
import { DeadlineEntity } from '../ledger-core/deadlines/deadline.entity';
import { LedgerTypeEntity, RecordCounterEntity } from '../ledger-core/numbering/numbering.entities';
import { StatusHistoryEntity } from '../ledger-core/status/status-history.entity';
import { AttachmentEntity } from '../ledger-core/attachments/attachment.entity';
import { NotificationEntity } from '../notifications/notification.entity';
import { TownSettingEntity } from '../ledger-core/settings/town-setting.entity';
import { DocumentTemplateEntity } from '../ledger-core/documents/document-template.entity';
import { RecordLinkEntity } from '../ledger-core/links/record-link.entity';
import { EntityClass, LedgerDescriptor, ledgerEntities } from '../ledger-core/kit/ledger';
import { LEDGERS } from '../ledgers';

/** The entities of the platform and the core; each ledger brings its own. */
const CORE_ENTITIES = [
  OrgUnitEntity,
  UserEntity,
  RoleEntity,
  UserRoleEntity,
  SessionEntity,
  LoginAttemptEntity,
  AccountLockEntity,
  PasswordHistoryEntity,
  SecurityPolicyEntity,
  AuditLogEntity,
  AuditSealEntity,
  AuditCheckpointEntity,
  SeedVersionEntity,
  CalendarDayEntity,
  CalendarYearEntity,
  DeadlineEntity,
  LedgerTypeEntity,
  RecordCounterEntity,
  StatusHistoryEntity,
  AttachmentEntity,
  NotificationEntity,
  TownSettingEntity,
  DocumentTemplateEntity,
  RecordLinkEntity,
];

export const entitiesOf = (ledgers: readonly LedgerDescriptor[]): EntityClass[] => [...CORE_ENTITIES, ...ledgerEntities(ledgers)];

export const ENTITIES = entitiesOf(LEDGERS);
