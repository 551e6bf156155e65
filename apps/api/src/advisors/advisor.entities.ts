import { ADVISOR_HANDOVER_KIND_LABELS, ADVISOR_SERVICE_TYPE_LABELS, RULE_OF_LAW_LEVEL_LABELS } from '@fazhi/contracts';
import { Column, PrimaryColumn } from 'typeorm';
import { entityOf, field, personal } from '../ledger-core/kit/fields';
import { RegisterEntity } from '../ledger-core/kit/register-entity';
import { LedgerRecordEntity, RecordPartEntity } from '../ledger-core/ledger-record.entity';

const instant = () => field.stored<Date>('timestamptz', { nullable: false });

/**
 * One service of a village legal advisor (the service log, 法律顾问服务台账): the day and the
 * hours it took (from the start and end in the town's zone), what was done, for whom, and where
 * a consultation went next.
 */
export const SERVICE_FIELDS = {
  advisorId: field.id(),
  type: field.oneOf(ADVISOR_SERVICE_TYPE_LABELS, 24).required(),
  serviceDate: field.date().required().describe('the day the service started (YYYY-MM-DD)'),
  startTime: field.time().required().describe('HH:mm'),
  endTime: field.time().required().describe('HH:mm; at or before the start: the next day'),
  startedAt: instant(),
  endedAt: instant(),
  minutes: field.stored<number>('int', { nullable: false }),
  ...personal('clientName'),
  ...personal('clientPhone'),
  content: field.text(2000).required(),
  result: field.text(1000),
  attendees: field.int(0, 100000),
  handoverKind: field.oneOf(ADVISOR_HANDOVER_KIND_LABELS, 16),
  handoverAt: field.stored<Date | null>('timestamptz'),
  handoverReceivingBody: field.text(200),
  handoverNote: field.text(500),
  remark: field.text(1000),
};
export const AdvisorServiceEntity = entityOf('advisor_service', 'AdvisorServiceEntity', LedgerRecordEntity, SERVICE_FIELDS, {
  indexes: [
    ['ux_advisor_service_number', ['townId', 'number'], { unique: true }],
    ['ix_advisor_service_advisor_started', ['townId', 'advisorId', 'startedAt']],
    ['ix_advisor_service_client_name', ['townId', 'clientNameIdx']],
    ['ix_advisor_service_client_phone', ['townId', 'clientPhoneIdx']],
    ['ix_advisor_service_village_date', ['townId', 'villageId', 'serviceDate']],
  ],
});
export type AdvisorServiceEntity = InstanceType<typeof AdvisorServiceEntity>;

/** An advisor of the register (法律顾问名册): a lawyer, the firm, the licence, the business phone (personal data) and the account that logs as them. */
export const ADVISOR_FIELDS = {
  name: field.text(50).required(),
  lawFirm: field.text(100).required(),
  licenceNo: field.text(32).required(),
  ...personal('phone'),
  userId: field.uuid(),
  remark: field.text(500),
};
export const AdvisorEntity = entityOf('advisor', 'AdvisorEntity', RegisterEntity, ADVISOR_FIELDS, {
  indexes: [
    ['ix_advisor_user', ['townId', 'userId']],
    ['ix_advisor_phone', ['townId', 'phoneIdx']],
  ],
});
export type AdvisorEntity = InstanceType<typeof AdvisorEntity>;

/** A row's key and town (rows kept without who and when). */
abstract class TownRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'town_id' }) townId!: string;
}

/** A village an advisor serves, from a day until a day (open while `to` is null). */
export const ASSIGNMENT_FIELDS = { advisorId: field.id(), villageId: field.id(), fromDate: field.date().required(), toDate: field.date() };
export const AdvisorAssignmentEntity = entityOf('advisor_assignment', 'AdvisorAssignmentEntity', TownRow, ASSIGNMENT_FIELDS, {
  indexes: [
    ['ix_advisor_assignment_village', ['townId', 'villageId', 'fromDate']],
    ['ix_advisor_assignment_advisor', ['townId', 'advisorId']],
  ],
});
export type AdvisorAssignmentEntity = InstanceType<typeof AdvisorAssignmentEntity>;

/** A village's legal-service room, published service list and 民主法治村 level. */
export const VILLAGE_FIELDS = {
  villageId: field.stored<string>('uuid', { primary: true, nullable: false }),
  townId: field.id(),
  hasRoom: field.bool().withDefault(false),
  roomAddress: field.text(200),
  roomOpenedOn: field.date(),
  serviceListTitle: field.text(200),
  serviceListVersion: field.text(32),
  serviceListPublishedOn: field.date(),
  serviceListAttachmentId: field.uuid(),
  ruleOfLawLevel: field.oneOf(RULE_OF_LAW_LEVEL_LABELS, 16).withDefault('none'),
  ruleOfLawYear: field.int(1990, 2100),
  updatedAt: instant(),
  updatedBy: field.uuid(),
  version: field.version(),
};
export const AdvisorVillageEntity = entityOf('advisor_village', 'AdvisorVillageEntity', Object, VILLAGE_FIELDS, { indexes: [['ix_advisor_village_town', ['townId']]] });
export type AdvisorVillageEntity = InstanceType<typeof AdvisorVillageEntity>;

/** The monthly check of a village-month by legal-affairs staff: signed off (locking its entries) or reopened. */
export const MONTH_CHECK_FIELDS = {
  villageId: field.id(),
  month: field.month().required(),
  status: field.stored<'checked' | 'reopened'>('varchar', { length: 16, nullable: false }),
  remark: field.text(500),
  checkedAt: instant(),
  checkedBy: field.uuid(),
  reopenedAt: field.stored<Date | null>('timestamptz'),
  reopenedBy: field.uuid(),
  reopenReason: field.text(500),
  version: field.version(),
};
export const AdvisorMonthCheckEntity = entityOf('advisor_month_check', 'AdvisorMonthCheckEntity', TownRow, MONTH_CHECK_FIELDS, {
  indexes: [['ux_advisor_month_check', ['townId', 'villageId', 'month'], { unique: true }]],
});
export type AdvisorMonthCheckEntity = InstanceType<typeof AdvisorMonthCheckEntity>;

/** A published service list of a village (公示的服务清单): one version of the document, kept when a newer one replaces it. */
export const SERVICE_LIST_FIELDS = { villageId: field.id(), listVersion: field.text(32).required(), publishedOn: field.date().required(), attachmentId: field.id() };
export const AdvisorServiceListEntity = entityOf('advisor_service_list', 'AdvisorServiceListEntity', RecordPartEntity, SERVICE_LIST_FIELDS, {
  indexes: [['ix_advisor_service_list_village', ['townId', 'villageId', 'publishedOn']]],
});
export type AdvisorServiceListEntity = InstanceType<typeof AdvisorServiceListEntity>;
