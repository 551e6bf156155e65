import { AttachmentDto, ColumnSpec, DeadlineDto, LedgerRecordDto, StatusHistoryDto, TransitionRule } from './ledger';

/** Three-no fishing vessels (DOMAIN.md §3.1). */
export type VesselStatus = 'registered' | 'persuading' | 'owner_committed' | 'self_dismantled' | 'unclaimed' | 'in_campaign' | 'dismantled' | 'verified' | 'handed_over';

export const VESSEL_STATUSES: readonly VesselStatus[] = ['registered', 'persuading', 'owner_committed', 'self_dismantled', 'unclaimed', 'in_campaign', 'dismantled', 'verified', 'handed_over'];

export const VESSEL_STATUS_LABELS: Record<VesselStatus, { zh: string; en: string; color: string }> = {
  registered: { zh: '已登记', en: 'Registered', color: 'default' },
  persuading: { zh: '劝导中', en: 'Persuading', color: 'processing' },
  owner_committed: { zh: '船主承诺自拆', en: 'Owner committed', color: 'cyan' },
  self_dismantled: { zh: '已自行拆解', en: 'Self-dismantled', color: 'green' },
  unclaimed: { zh: '无主公告期满', en: 'Unclaimed', color: 'orange' },
  in_campaign: { zh: '纳入集中销毁', en: 'In campaign', color: 'purple' },
  dismantled: { zh: '已集中销毁', en: 'Dismantled', color: 'green' },
  verified: { zh: '已核验销号', en: 'Verified', color: 'success' },
  handed_over: { zh: '已移交县执法部门', en: 'Handed over', color: 'magenta' },
};

/** States after which a vessel needs no further work; closed records change only by reopen. */
export const VESSEL_CLOSED_STATUSES: readonly VesselStatus[] = ['verified', 'handed_over'];
/** States that mean the vessel is gone (dismantled or handed over) for "open" counts. */
export const VESSEL_DONE_STATUSES: readonly VesselStatus[] = ['self_dismantled', 'dismantled', 'verified', 'handed_over'];

/** The reviewed workflow of a vessel case. */
export const VESSEL_TRANSITIONS: readonly TransitionRule<VesselStatus>[] = [
  { from: ['registered'], to: 'persuading', permission: 'vessel.write', label: { zh: '开始劝导', en: 'Start persuasion' } },
  { from: ['persuading'], to: 'owner_committed', permission: 'vessel.write', requires: ['committedOn'], label: { zh: '船主承诺自拆', en: 'Owner commits' } },
  {
    from: ['persuading', 'owner_committed'],
    to: 'self_dismantled',
    permission: 'vessel.write',
    guard: 'dismantlingEvidenceAndCertificate',
    requires: ['dismantledOn', 'dismantlePlace'],
    label: { zh: '确认自行拆解', en: 'Confirm self-dismantling' },
  },
  { from: ['registered'], to: 'unclaimed', permission: 'vessel.write', guard: 'noticePeriodOver', label: { zh: '公告期满认定无主', en: 'Declare unclaimed' } },
  { from: ['persuading', 'unclaimed'], to: 'in_campaign', permission: 'campaign.manage', guard: 'openCampaign', requires: ['campaignId'], label: { zh: '纳入集中销毁', en: 'Add to campaign' } },
  { from: ['in_campaign'], to: 'persuading', permission: 'campaign.manage', label: { zh: '移出集中销毁', en: 'Remove from campaign' } },
  { from: ['in_campaign'], to: 'dismantled', permission: 'campaign.manage', guard: 'onlyByCampaignClose', label: { zh: '集中销毁完成', en: 'Dismantled in campaign' } },
  { from: ['self_dismantled', 'dismantled'], to: 'verified', permission: 'vessel.write', requires: ['verifiedOn', 'verifiedBy'], label: { zh: '核验销号', en: 'Verify' } },
  {
    from: ['registered', 'persuading', 'owner_committed', 'unclaimed'],
    to: 'handed_over',
    permission: 'vessel.write',
    requires: ['handedOverOn', 'externalCaseNo'],
    label: { zh: '移交县执法部门', en: 'Hand over to county' },
  },
];

export type VesselSource = 'patrol' | 'report' | 'joint';
export const VESSEL_SOURCE_LABELS: Record<VesselSource, string> = { patrol: '巡查发现', report: '群众举报', joint: '联合执法' };
export type HullMaterial = 'wood' | 'fibreglass' | 'steel' | 'rubber' | 'plastic_steel';
export const HULL_MATERIAL_LABELS: Record<HullMaterial, string> = { wood: '木质', fibreglass: '玻璃钢', steel: '钢质', rubber: '橡胶', plastic_steel: '塑钢' };
export type Disposal = 'self' | 'campaign' | 'handed_over';
export const DISPOSAL_LABELS: Record<Disposal, string> = { self: '自行拆解', campaign: '集中销毁', handed_over: '移交县执法部门' };
export type PersuasionMeasure = 'education' | 'demonstration' | 'guidance' | 'notice' | 'visit';
export const PERSUASION_MEASURE_LABELS: Record<PersuasionMeasure, string> = {
  education: '说法教育',
  demonstration: '劝导示范',
  guidance: '行政指导',
  notice: '送达告知书',
  visit: '上门走访',
};

/** Days an unclaimed-vessel notice runs before the vessel may be declared unclaimed. */
export const UNCLAIMED_NOTICE_DAYS = 30;

export interface PersuasionEntryDto {
  id: string;
  date: string;
  staff: string;
  measure: PersuasionMeasure;
  result: string;
  createdAt: string;
}

export interface VesselCaseInput {
  villageId?: string | null;
  discoveredAt: string;
  place: string;
  gpsLat?: number | null;
  gpsLng?: number | null;
  source: VesselSource;
  hullMaterial: HullMaterial;
  lengthM?: number | null;
  enginePowerKw?: number | null;
  gearType?: string | null;
  gearCount?: number | null;
  marks?: string | null;
  unclaimed?: boolean;
  ownerName?: string | null;
  ownerIdNumber?: string | null;
  ownerPhone?: string | null;
  noticeStart?: string | null;
  noticeEnd?: string | null;
  handlerIds?: string[];
  remark?: string | null;
}

/** The columns the vessel list sorts by. */
export const VESSEL_CASE_SORTS = ['number', 'registeredAt', 'discoveredAt', 'dismantledOn', 'status'] as const;
export type VesselCaseSort = (typeof VESSEL_CASE_SORTS)[number];
/** The owner search: sent in a POST body (`/search`, the export), never in a URL. */
export const VESSEL_OWNER_SEARCH_FIELDS = ['ownerName', 'ownerIdNumber', 'ownerPhone'] as const;

/**
 * The filters of `GET /api/vessel-cases` (and of its search and export), by the names the API
 * reads, without the page and the sort: the API's list DTO implements it and the web's list
 * filters are typed from it.
 */
export interface VesselCaseListQuery {
  status?: VesselStatus[];
  townId?: string;
  villageId?: string;
  /** Discovered on or after (YYYY-MM-DD, town zone). */
  from?: string;
  /** Discovered on or before. */
  to?: string;
  campaignId?: string;
  /** Number, place or marks. */
  q?: string;
  ownerName?: string;
  ownerIdNumber?: string;
  ownerPhone?: string;
  registeredYear?: number;
  registeredMonth?: string;
  dismantledYear?: number;
  dismantledMonth?: string;
  disposal?: Disposal;
  handedOverYear?: number;
  /** Still open at the end of this day. */
  openAt?: string;
  voided?: 'true' | 'false';
}

export interface VesselCaseDto extends LedgerRecordDto<VesselStatus> {
  discoveredAt: string;
  place: string;
  gpsLat: number | null;
  gpsLng: number | null;
  source: VesselSource;
  hullMaterial: HullMaterial;
  lengthM: number | null;
  enginePowerKw: number | null;
  gearType: string | null;
  gearCount: number | null;
  marks: string | null;
  unclaimed: boolean;
  /** Masked unless unmasked on request. */
  ownerName: string | null;
  ownerIdNumber: string | null;
  ownerPhone: string | null;
  noticeStart: string | null;
  noticeEnd: string | null;
  committedOn: string | null;
  disposal: Disposal | null;
  dismantledOn: string | null;
  dismantlePlace: string | null;
  campaignId: string | null;
  campaignNumber: string | null;
  witnesses: string | null;
  verifiedOn: string | null;
  verifiedBy: string | null;
  handedOverOn: string | null;
  externalCaseNo: string | null;
  handlerIds: string[];
  handlerNames: string[];
}

export interface VesselCaseDetailDto extends VesselCaseDto {
  persuasions: PersuasionEntryDto[];
  history: StatusHistoryDto[];
  attachments: AttachmentDto[];
  campaignAttachments: AttachmentDto[];
  deadline: DeadlineDto | null;
  /** Steps the caller may take now (their `to` states). */
  transitions: { to: VesselStatus; label: { zh: string; en: string }; requires: string[] }[];
}

export type CampaignStatus = 'planned' | 'closed';

export interface CampaignDto {
  id: string;
  number: string;
  townId: string;
  date: string;
  place: string;
  agencies: string[];
  status: CampaignStatus;
  vesselCount: number;
  remark: string | null;
  closedAt: string | null;
  voided: boolean;
  version: number;
}

export type CertificateStatus = 'valid' | 'suspended' | 'cancelled';
export type CertificateEventKind = 'apply' | 'renew' | 'cancel' | 'replace' | 'annual_review';
export const CERTIFICATE_EVENT_LABELS: Record<CertificateEventKind, string> = {
  apply: '申领',
  renew: '换证',
  cancel: '注销',
  replace: '补证',
  annual_review: '年审',
};

export interface CertificateDto {
  id: string;
  townId: string;
  officerId: string;
  officerName: string;
  number: string;
  issuedOn: string;
  expiresOn: string;
  status: CertificateStatus;
  /** Valid today and not within 30 days of expiry → ok; within 30 days → due; past → expired. */
  validity: 'ok' | 'due' | 'expired' | 'inactive';
  daysToExpiry: number;
  events: { kind: CertificateEventKind; date: string; remark: string | null }[];
  version: number;
}

export const CERTIFICATE_DUE_DAYS = 30;

/** An enforcement officer who may hold a certificate (`GET /api/certificates/officers`). */
export interface OfficerOption {
  id: string;
  displayName: string;
  orgUnitName: string;
}

/** `GET /api/statistics/vessels` (DOMAIN.md §4.1). */
export interface VesselStatistics {
  year: number;
  townId: string | null;
  registered: number;
  dismantled: number;
  selfDismantled: number;
  campaignDismantled: number;
  campaigns: number;
  handedOver: number;
  open: number;
  byMonth: { month: string; registered: number; dismantled: number; selfDismantled: number; campaignDismantled: number }[];
  byVillage: { villageId: string | null; name: string; registered: number; dismantled: number }[];
  filters: Record<'registered' | 'dismantled' | 'selfDismantled' | 'campaignDismantled' | 'campaigns' | 'handedOver' | 'open', string>;
}

/**
 * The vessel figures, each defined once: the date that puts a row in a year (town zone) and the
 * condition. Void records never count. The list endpoints take the same filters.
 */
export const VESSEL_FIGURES = {
  registered: { ledger: 'vessel-case', date: 'registered_at', condition: 'any state' },
  dismantled: { ledger: 'vessel-case', date: 'dismantled_on', condition: 'reached self_dismantled or dismantled (whatever the later state)' },
  selfDismantled: { ledger: 'vessel-case', date: 'dismantled_on', condition: 'disposal = self' },
  campaignDismantled: { ledger: 'vessel-case', date: 'dismantled_on', condition: 'disposal = campaign' },
  campaigns: { ledger: 'campaign', date: 'date', condition: 'closed' },
  handedOver: { ledger: 'vessel-case', date: 'handed_over_on', condition: 'reached handed_over' },
  open: { ledger: 'vessel-case', date: 'registered_at ≤ end of year', condition: 'not dismantled or handed over by the end of the year' },
} as const;

/** The 台账 layout of the vessel ledger; drives both export and import. */
export const VESSEL_COLUMNS: readonly ColumnSpec[] = [
  { header: '编号', field: 'number', type: 'string', maxLength: 64, width: 26 },
  { header: '村(社区)', field: 'villageName', type: 'string', maxLength: 100, width: 12 },
  { header: '发现时间', field: 'discoveredAt', type: 'datetime', required: true, width: 18 },
  { header: '发现地点', field: 'place', type: 'string', required: true, maxLength: 200, width: 20 },
  { header: '线索来源', field: 'source', type: 'enum', required: true, labels: VESSEL_SOURCE_LABELS },
  { header: '船体材质', field: 'hullMaterial', type: 'enum', required: true, labels: HULL_MATERIAL_LABELS },
  { header: '船长(米)', field: 'lengthM', type: 'number' },
  { header: '主机功率(千瓦)', field: 'enginePowerKw', type: 'number' },
  { header: '网具类型', field: 'gearType', type: 'string', maxLength: 100 },
  { header: '网具数量', field: 'gearCount', type: 'integer' },
  { header: '船体标识', field: 'marks', type: 'string', maxLength: 200 },
  { header: '是否无主', field: 'unclaimed', type: 'boolean' },
  { header: '船主姓名', field: 'ownerName', type: 'string', masked: 'name', maxLength: 50 },
  { header: '船主身份证号', field: 'ownerIdNumber', type: 'string', masked: 'idNumber', maxLength: 18, width: 22 },
  { header: '船主电话', field: 'ownerPhone', type: 'string', masked: 'phone', maxLength: 20, width: 15 },
  { header: '状态', field: 'status', type: 'enum', readOnly: true, labels: Object.fromEntries(Object.entries(VESSEL_STATUS_LABELS).map(([k, v]) => [k, v.zh])) },
  { header: '处置方式', field: 'disposal', type: 'enum', readOnly: true, labels: DISPOSAL_LABELS },
  { header: '拆解日期', field: 'dismantledOn', type: 'date', readOnly: true },
  { header: '拆解地点', field: 'dismantlePlace', type: 'string', readOnly: true },
  { header: '集中销毁行动', field: 'campaignNumber', type: 'string', readOnly: true, width: 26 },
  { header: '核验日期', field: 'verifiedOn', type: 'date', readOnly: true },
  { header: '外部案件编号', field: 'externalCaseNo', type: 'string', readOnly: true },
  { header: '备注', field: 'remark', type: 'string', maxLength: 1000, width: 30 },
];
