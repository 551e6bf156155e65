import {
  AGREEMENT_FORM_LABELS,
  DISPUTE_CATEGORY_LABELS,
  DISPUTE_PARTY_ROLE_LABELS,
  DISPUTE_RISK_LABELS,
  DISPUTE_SOURCE_LABELS,
  ESCALATION_KIND_LABELS,
  ESCALATION_LEVEL_LABELS,
  JUDICIAL_RESULT_LABELS,
  PERFORMANCE_STATUS_LABELS,
  REFERRAL_ROUTE_LABELS,
  SATISFACTION_LABELS,
} from '@fazhi/contracts';
import { entityOf, field, personal } from '../ledger-core/kit/fields';
import { LedgerRecordEntity, RecordPartEntity } from '../ledger-core/ledger-record.entity';

/** A dispute (矛盾纠纷), in the order of its answer. */
export const DISPUTE_FIELDS = {
  occurredOn: field.date().required(),
  source: field.oneOf(DISPUTE_SOURCE_LABELS, 16).required(),
  category: field.oneOf(DISPUTE_CATEGORY_LABELS, 24).required(),
  summary: field.text(2000).required(),
  place: field.text(200),
  riskLevel: field.oneOf(DISPUTE_RISK_LABELS, 16).withDefault('normal'),
  warningRaisedAt: field.instant(),
  warningReason: field.text(500),
  policeInformedOn: field.date(),
  policeUnit: field.text(100),
  warningMeasures: field.text(1000),
  warningResolvedAt: field.instant(),
  warningResolution: field.text(500),
  /** Peace officers (register rows) mediating. */
  mediatorIds: field.uuids(10).describe('peace officer ids'),
  acceptedOn: field.date(),
  refusedOn: field.date(),
  refusingPartyId: field.uuid(),
  refusalReason: field.text(500),
  agreementForm: field.oneOf(AGREEMENT_FORM_LABELS, 8),
  agreedOn: field.date(),
  facts: field.text(4000),
  issues: field.text(2000),
  responsibilities: field.text(2000),
  terms: field.text(4000).filled(),
  performanceManner: field.text(500).filled(),
  performanceDeadline: field.date(),
  terminatedOn: field.date(),
  terminationReason: field.text(1000),
  referralRoute: field.oneOf(REFERRAL_ROUTE_LABELS, 16),
  referralNote: field.text(500),
  performanceStatus: field.oneOf(PERFORMANCE_STATUS_LABELS, 16),
  jcAppliedOn: field.date(),
  jcCourt: field.text(100),
  jcResult: field.oneOf(JUDICIAL_RESULT_LABELS, 16),
  jcDecidedOn: field.date(),
  jcCaseNo: field.text(64),
  escalatedOn: field.date(),
  escalationLevel: field.oneOf(ESCALATION_LEVEL_LABELS, 16),
  escalationKind: field.oneOf(ESCALATION_KIND_LABELS, 16),
  escalationNote: field.text(500),
  archivedOn: field.date(),
  archiveNo: field.text(64),
  remark: field.text(1000),
};
export const DisputeEntity = entityOf('dispute', 'DisputeEntity', LedgerRecordEntity, DISPUTE_FIELDS, {
  indexes: [
    ['ux_dispute_number', ['townId', 'number'], { unique: true }],
    ['ix_dispute_status', ['townId', 'status']],
    ['ix_dispute_registered', ['townId', 'registeredAt']],
    ['ix_dispute_village', ['townId', 'villageId']],
    ['ix_dispute_agreed', ['townId', 'agreedOn']],
    ['ix_dispute_warning', ['townId', 'warningRaisedAt']],
  ],
});
export type DisputeEntity = InstanceType<typeof DisputeEntity>;

/** The dispute a child row belongs to (deleted with it). */
const ofDispute = (table: string) => ({ property: 'dispute', target: () => DisputeEntity, column: 'dispute_id', constraint: `fk_${table}_dispute`, onDelete: 'CASCADE' as const });

/** A party's personal fields as given; stored encrypted (`*Enc`) with a blind index (`*Idx`). */
export const PARTY_INPUT = { name: field.text(50).required(), idNumber: field.text(18), phone: field.text(20), address: field.text(200) };

export const PARTY_FIELDS = {
  disputeId: field.uuid().required(),
  role: field.oneOf(DISPUTE_PARTY_ROLE_LABELS, 16).required(),
  ...personal('name', { required: true }),
  ...personal('idNumber'),
  ...personal('phone'),
  ...personal('address'),
  sortOrder: field.stored<number>('int', { nullable: false, default: 0 }),
};
export const DisputePartyEntity = entityOf('dispute_party', 'DisputePartyEntity', RecordPartEntity, PARTY_FIELDS, {
  indexes: [
    ['ix_dispute_party_dispute', ['townId', 'disputeId']],
    ['ix_dispute_party_name', ['townId', 'nameIdx']],
    ['ix_dispute_party_id_number', ['townId', 'idNumberIdx']],
    ['ix_dispute_party_phone', ['townId', 'phoneIdx']],
  ],
  relations: [ofDispute('dispute_party')],
});

export const SESSION_FIELDS = {
  disputeId: field.uuid().required(),
  date: field.date().required(),
  place: field.text(200).required(),
  attendees: field.text(500).required(),
  record: field.text(4000).required(),
};
export const DisputeSessionEntity = entityOf('dispute_session', 'DisputeSessionEntity', RecordPartEntity, SESSION_FIELDS, {
  indexes: [['ix_dispute_session_dispute', ['townId', 'disputeId', 'date']]],
  relations: [ofDispute('dispute_session')],
});

export const FOLLOW_UP_FIELDS = {
  disputeId: field.uuid().required(),
  date: field.date().required(),
  visitor: field.text(100).required(),
  performance: field.oneOf(PERFORMANCE_STATUS_LABELS, 16).required(),
  satisfaction: field.oneOf(SATISFACTION_LABELS, 24).required(),
  newRisk: field.bool().withDefault(false),
  note: field.text(1000),
};
export const DisputeFollowUpEntity = entityOf('dispute_follow_up', 'DisputeFollowUpEntity', RecordPartEntity, FOLLOW_UP_FIELDS, {
  indexes: [['ix_dispute_follow_up_dispute', ['townId', 'disputeId', 'date']]],
  relations: [ofDispute('dispute_follow_up')],
});
