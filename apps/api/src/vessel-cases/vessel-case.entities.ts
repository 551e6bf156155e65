import { DISPOSAL_LABELS, HULL_MATERIAL_LABELS, PERSUASION_MEASURE_LABELS, VESSEL_SOURCE_LABELS } from '@fazhi/contracts';
import { entityOf, field, personal } from '../ledger-core/kit/fields';
import { LedgerRecordEntity, RecordPartEntity } from '../ledger-core/ledger-record.entity';

/** A concentrated destruction campaign (集中销毁行动). Status: planned → closed. */
export const CAMPAIGN_FIELDS = {
  date: field.date().required(),
  place: field.text(200).required(),
  agencies: field.texts(30, 100),
  closedAt: field.stored<Date | null>('timestamptz'),
  remark: field.text(1000),
};
export const CampaignEntity = entityOf('campaign', 'CampaignEntity', LedgerRecordEntity, CAMPAIGN_FIELDS, {
  indexes: [
    ['ux_campaign_number', ['townId', 'number'], { unique: true }],
    ['ix_campaign_date', ['townId', 'date']],
  ],
});
export type CampaignEntity = InstanceType<typeof CampaignEntity>;

/** The owner's personal fields as given; stored encrypted (`*Enc`) with a blind index (`*Idx`). */
export const OWNER_INPUT = { ownerName: field.text(50), ownerIdNumber: field.text(18), ownerPhone: field.text(20) };

/** A three-no vessel case, in the order of its answer. */
export const VESSEL_FIELDS = {
  discoveredAt: field.instant().required(),
  place: field.text(200).required(),
  gpsLat: field.decimal(9, 6, -90, 90),
  gpsLng: field.decimal(9, 6, -180, 180),
  source: field.oneOf(VESSEL_SOURCE_LABELS, 16).required(),
  hullMaterial: field.oneOf(HULL_MATERIAL_LABELS, 16).required(),
  lengthM: field.decimal(6, 2, 0, 1000),
  enginePowerKw: field.decimal(8, 2, 0, 100000),
  gearType: field.text(100),
  gearCount: field.int(0, 100000),
  marks: field.text(200),
  unclaimed: field.bool().withDefault(false),
  ...personal('ownerName'),
  ...personal('ownerId'),
  ...personal('ownerPhone'),
  noticeStart: field.date(),
  noticeEnd: field.date(),
  committedOn: field.date(),
  disposal: field.oneOf(DISPOSAL_LABELS, 16),
  dismantledOn: field.date(),
  dismantlePlace: field.text(200),
  campaignId: field.uuid(),
  witnesses: field.text(500),
  verifiedOn: field.date(),
  verifiedBy: field.text(100),
  handedOverOn: field.date(),
  externalCaseNo: field.text(64),
  remark: field.text(1000),
};
export const VesselCaseEntity = entityOf('vessel_case', 'VesselCaseEntity', LedgerRecordEntity, VESSEL_FIELDS, {
  indexes: [
    ['ux_vessel_case_number', ['townId', 'number'], { unique: true }],
    ['ix_vessel_case_status', ['townId', 'status']],
    ['ix_vessel_case_registered', ['townId', 'registeredAt']],
    ['ix_vessel_case_village_discovered', ['townId', 'villageId', 'discoveredAt']],
    ['ix_vessel_case_dismantled', ['townId', 'dismantledOn']],
    ['ix_vessel_case_campaign', ['townId', 'campaignId']],
    ['ix_vessel_case_owner_name', ['townId', 'ownerNameIdx']],
    ['ix_vessel_case_owner_id', ['townId', 'ownerIdIdx']],
    ['ix_vessel_case_owner_phone', ['townId', 'ownerPhoneIdx']],
  ],
  relations: [{ property: 'campaign', target: () => CampaignEntity, column: 'campaign_id', constraint: 'fk_vessel_case_campaign', onDelete: 'RESTRICT' }],
});
export type VesselCaseEntity = InstanceType<typeof VesselCaseEntity>;

export const PERSUASION_FIELDS = {
  caseId: field.uuid().required(),
  date: field.date().required(),
  staff: field.text(100).required(),
  measure: field.oneOf(PERSUASION_MEASURE_LABELS, 16).required(),
  result: field.text(1000).required(),
};
export const VesselPersuasionEntity = entityOf('vessel_persuasion', 'VesselPersuasionEntity', RecordPartEntity, PERSUASION_FIELDS, {
  indexes: [['ix_vessel_persuasion_case', ['townId', 'caseId', 'date']]],
  relations: [{ property: 'vesselCase', target: () => VesselCaseEntity, column: 'case_id', constraint: 'fk_vessel_persuasion_case', onDelete: 'CASCADE' }],
});
