import type { AdvisorHandoverKind, AdvisorServiceType, RuleOfLawLevel } from '@fazhi/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { RegisterEntity } from '../ledger-core/kit/register-entity';
import { LedgerRecordEntity } from '../ledger-core/ledger-record.entity';

/**
 * One service of a village legal advisor (the service log, 法律顾问服务台账): the day and the
 * hours it took (from the start and end in the town's zone), what was done, for whom, and where
 * a consultation went next.
 */
@Entity({ name: 'advisor_service' })
@Index('ux_advisor_service_number', ['townId', 'number'], { unique: true })
@Index('ix_advisor_service_advisor_started', ['townId', 'advisorId', 'startedAt'])
@Index('ix_advisor_service_client_name', ['townId', 'clientNameIdx'])
@Index('ix_advisor_service_client_phone', ['townId', 'clientPhoneIdx'])
@Index('ix_advisor_service_village_date', ['townId', 'villageId', 'serviceDate'])
export class AdvisorServiceEntity extends LedgerRecordEntity {
  @Column('uuid', { name: 'advisor_id' }) advisorId!: string;
  @Column('varchar', { length: 24 }) type!: AdvisorServiceType;
  @Column('date', { name: 'service_date' }) serviceDate!: string;
  @Column('varchar', { name: 'start_time', length: 5 }) startTime!: string;
  @Column('varchar', { name: 'end_time', length: 5 }) endTime!: string;
  @Column('timestamptz', { name: 'started_at' }) startedAt!: Date;
  @Column('timestamptz', { name: 'ended_at' }) endedAt!: Date;
  @Column('int') minutes!: number;
  @Column('text', { name: 'client_name_enc', nullable: true }) clientNameEnc!: string | null;
  @Column('varchar', { name: 'client_name_idx', length: 64, nullable: true }) clientNameIdx!: string | null;
  @Column('text', { name: 'client_phone_enc', nullable: true }) clientPhoneEnc!: string | null;
  @Column('varchar', { name: 'client_phone_idx', length: 64, nullable: true }) clientPhoneIdx!: string | null;
  @Column('varchar', { length: 2000 }) content!: string;
  @Column('varchar', { length: 1000, nullable: true }) result!: string | null;
  @Column('int', { nullable: true }) attendees!: number | null;
  @Column('varchar', { name: 'handover_kind', length: 16, nullable: true }) handoverKind!: AdvisorHandoverKind | null;
  @Column('timestamptz', { name: 'handover_at', nullable: true }) handoverAt!: Date | null;
  @Column('varchar', { name: 'handover_receiving_body', length: 200, nullable: true }) handoverReceivingBody!: string | null;
  @Column('varchar', { name: 'handover_note', length: 500, nullable: true }) handoverNote!: string | null;
  @Column('varchar', { length: 1000, nullable: true }) remark!: string | null;
}

/** An advisor of the register (法律顾问名册): a lawyer, the firm, the licence, the business phone (personal data) and the account that logs as them. */
@Entity({ name: 'advisor' })
@Index('ix_advisor_user', ['townId', 'userId'])
@Index('ix_advisor_phone', ['townId', 'phoneIdx'])
export class AdvisorEntity extends RegisterEntity {
  @Column('varchar', { length: 50 }) name!: string;
  @Column('varchar', { name: 'law_firm', length: 100 }) lawFirm!: string;
  @Column('varchar', { name: 'licence_no', length: 32 }) licenceNo!: string;
  @Column('text', { name: 'phone_enc', nullable: true }) phoneEnc!: string | null;
  @Column('varchar', { name: 'phone_idx', length: 64, nullable: true }) phoneIdx!: string | null;
  @Column('uuid', { name: 'user_id', nullable: true }) userId!: string | null;
  @Column('varchar', { length: 500, nullable: true }) remark!: string | null;
}

/** A village an advisor serves, from a day until a day (open while `to` is null). */
@Entity({ name: 'advisor_assignment' })
@Index('ix_advisor_assignment_village', ['townId', 'villageId', 'fromDate'])
@Index('ix_advisor_assignment_advisor', ['townId', 'advisorId'])
export class AdvisorAssignmentEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'town_id' }) townId!: string;
  @Column('uuid', { name: 'advisor_id' }) advisorId!: string;
  @Column('uuid', { name: 'village_id' }) villageId!: string;
  @Column('date', { name: 'from_date' }) fromDate!: string;
  @Column('date', { name: 'to_date', nullable: true }) toDate!: string | null;
}

/** A village's legal-service room, published service list and 民主法治村 level. */
@Entity({ name: 'advisor_village' })
@Index('ix_advisor_village_town', ['townId'])
export class AdvisorVillageEntity {
  @PrimaryColumn('uuid', { name: 'village_id' }) villageId!: string;
  @Column('uuid', { name: 'town_id' }) townId!: string;
  @Column('boolean', { name: 'has_room', default: false }) hasRoom!: boolean;
  @Column('varchar', { name: 'room_address', length: 200, nullable: true }) roomAddress!: string | null;
  @Column('date', { name: 'room_opened_on', nullable: true }) roomOpenedOn!: string | null;
  @Column('varchar', { name: 'service_list_title', length: 200, nullable: true }) serviceListTitle!: string | null;
  @Column('varchar', { name: 'service_list_version', length: 32, nullable: true }) serviceListVersion!: string | null;
  @Column('date', { name: 'service_list_published_on', nullable: true }) serviceListPublishedOn!: string | null;
  @Column('uuid', { name: 'service_list_attachment_id', nullable: true }) serviceListAttachmentId!: string | null;
  @Column('varchar', { name: 'rule_of_law_level', length: 16, default: 'none' }) ruleOfLawLevel!: RuleOfLawLevel;
  @Column('int', { name: 'rule_of_law_year', nullable: true }) ruleOfLawYear!: number | null;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy!: string | null;
  @Column('int', { default: 1 }) version!: number;
}

/** The monthly check of a village-month by legal-affairs staff: signed off (locking its entries) or reopened. */
@Entity({ name: 'advisor_month_check' })
@Index('ux_advisor_month_check', ['townId', 'villageId', 'month'], { unique: true })
export class AdvisorMonthCheckEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'town_id' }) townId!: string;
  @Column('uuid', { name: 'village_id' }) villageId!: string;
  @Column('varchar', { length: 7 }) month!: string;
  @Column('varchar', { length: 16 }) status!: 'checked' | 'reopened';
  @Column('varchar', { length: 500, nullable: true }) remark!: string | null;
  @Column('timestamptz', { name: 'checked_at' }) checkedAt!: Date;
  @Column('uuid', { name: 'checked_by', nullable: true }) checkedBy!: string | null;
  @Column('timestamptz', { name: 'reopened_at', nullable: true }) reopenedAt!: Date | null;
  @Column('uuid', { name: 'reopened_by', nullable: true }) reopenedBy!: string | null;
  @Column('varchar', { name: 'reopen_reason', length: 500, nullable: true }) reopenReason!: string | null;
  @Column('int', { default: 1 }) version!: number;
}

/** A published service list of a village (公示的服务清单): one version of the document, kept when a newer one replaces it. */
@Entity({ name: 'advisor_service_list' })
@Index('ix_advisor_service_list_village', ['townId', 'villageId', 'publishedOn'])
export class AdvisorServiceListEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'town_id' }) townId!: string;
  @Column('uuid', { name: 'village_id' }) villageId!: string;
  @Column('varchar', { name: 'list_version', length: 32 }) listVersion!: string;
  @Column('date', { name: 'published_on' }) publishedOn!: string;
  @Column('uuid', { name: 'attachment_id' }) attachmentId!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
}
