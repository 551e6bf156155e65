import { AccountLockEntity, LoginAttemptEntity, PasswordHistoryEntity, SessionEntity } from '../auth/auth.entities';
import { AuditCheckpointEntity, AuditLogEntity, AuditSealEntity } from '../audit/audit.entities';
import { OrgUnitEntity } from '../org/org-unit.entity';
import { RoleEntity, UserRoleEntity } from '../org/role.entity';
import { UserEntity } from '../org/user.entity';
import { SecurityPolicyEntity } from '../security/security-policy.entity';
import { SeedVersionEntity } from './seed-version.entity';
import { CalendarDayEntity, CalendarYearEntity } from '../ledger-core/calendar/calendar-day.entity';
import { DeadlineEntity } from '../ledger-core/deadlines/deadline.entity';
import { CertificateEntity, CertificateEventEntity } from '../vessel-cases/certificates/certificate.entities';
import { LedgerTypeEntity, RecordCounterEntity } from '../ledger-core/numbering/numbering.entities';
import { StatusHistoryEntity } from '../ledger-core/status/status-history.entity';
import { AttachmentEntity } from '../ledger-core/attachments/attachment.entity';
import { CampaignEntity, VesselCaseEntity, VesselPersuasionEntity } from '../vessel-cases/vessel-case.entities';
import { DisputeEntity, DisputeFollowUpEntity, DisputePartyEntity, DisputeSessionEntity } from '../disputes/dispute.entities';
import { PeaceOfficerEntity } from '../peace-officers/peace-officer.entity';
import { NotificationEntity } from '../notifications/notification.entity';
import { TownSettingEntity } from '../ledger-core/settings/town-setting.entity';
import { DocumentTemplateEntity } from '../ledger-core/documents/document-template.entity';

export const ENTITIES = [
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
  CampaignEntity,
  VesselCaseEntity,
  VesselPersuasionEntity,
  CertificateEntity,
  CertificateEventEntity,
  PeaceOfficerEntity,
  DisputeEntity,
  DisputePartyEntity,
  DisputeSessionEntity,
  DisputeFollowUpEntity,
  NotificationEntity,
  TownSettingEntity,
  DocumentTemplateEntity,
];
