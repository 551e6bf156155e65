import type { DeadlineDetailDto } from './deadlines';
import { AttachmentDto, AttachmentStage, ColumnSpec, DeadlineDto, LedgerRecordDto, RegisterRowDto, StatusHistoryDto, TransitionRule } from './ledger';

/** Dispute mediation (矛盾纠纷排查化解, DOMAIN.md §3.2; 人民调解法). */
export type DisputeStatus = 'registered' | 'accepted' | 'refused' | 'mediating' | 'agreed' | 'terminated' | 'performing' | 'followed_up' | 'archived';

export const DISPUTE_STATUSES: readonly DisputeStatus[] = ['registered', 'accepted', 'refused', 'mediating', 'agreed', 'terminated', 'performing', 'followed_up', 'archived'];

export const DISPUTE_STATUS_LABELS: Record<DisputeStatus, { zh: string; en: string; color: string }> = {
  registered: { zh: '已登记', en: 'Registered', color: 'default' },
  accepted: { zh: '已受理', en: 'Accepted', color: 'blue' },
  refused: { zh: '当事人拒绝调解', en: 'Refused by a party', color: 'orange' },
  mediating: { zh: '调解中', en: 'Mediating', color: 'processing' },
  agreed: { zh: '达成协议', en: 'Agreement reached', color: 'cyan' },
  terminated: { zh: '调解终止', en: 'Mediation terminated', color: 'red' },
  performing: { zh: '履行中', en: 'Being performed', color: 'purple' },
  followed_up: { zh: '已回访', en: 'Followed up', color: 'green' },
  archived: { zh: '已归档', en: 'Archived', color: 'success' },
};

/** Closed records change only by reopen (DOMAIN.md §2). */
export const DISPUTE_CLOSED_STATUSES: readonly DisputeStatus[] = ['archived'];
/** States in which the mediation itself is over (the mediation period is complete). */
export const DISPUTE_MEDIATION_ENDED_STATUSES: readonly DisputeStatus[] = ['refused', 'agreed', 'terminated', 'performing', 'followed_up', 'archived'];
/** States in which an agreement binds the parties and its performance is followed (Art 31). */
export const DISPUTE_AGREEMENT_STATUSES: readonly DisputeStatus[] = ['agreed', 'performing', 'followed_up'];
/** Before an outcome the parties and sessions of a mediation may still change. */
export const DISPUTE_MEDIATION_OPEN_STATUSES: readonly DisputeStatus[] = ['registered', 'accepted', 'mediating'];
/** Mediation sessions are recorded between acceptance and the outcome. */
export const DISPUTE_SESSION_STATUSES: readonly DisputeStatus[] = ['accepted', 'mediating'];

/**
 * The reviewed workflow of a dispute. A party's refusal ends the mediation (Art 17); a failed
 * mediation is terminated with the routes the parties were told (Art 26) and never enters
 * performance; an agreement (Arts 28–29) is performed and followed up (Art 31), then archived (Art 27).
 */
export const DISPUTE_TRANSITIONS: readonly TransitionRule<DisputeStatus>[] = [
  { from: ['registered'], to: 'accepted', permission: 'dispute.write', guard: 'partiesRecorded', requires: ['acceptedOn', 'mediatorIds'], label: { zh: '受理', en: 'Accept' } },
  {
    from: ['registered', 'accepted', 'mediating'],
    to: 'refused',
    permission: 'dispute.write',
    guard: 'refusingParty',
    requires: ['refusedOn', 'refusingPartyId', 'refusalReason'],
    label: { zh: '当事人拒绝调解', en: 'A party refuses mediation' },
  },
  { from: ['accepted'], to: 'mediating', permission: 'dispute.write', label: { zh: '开始调解', en: 'Start mediation' } },
  {
    from: ['mediating'],
    to: 'agreed',
    permission: 'dispute.write',
    guard: 'agreementReached',
    requires: ['agreementForm', 'agreedOn', 'terms', 'performanceManner', 'performanceDeadline'],
    label: { zh: '达成调解协议', en: 'Record the agreement' },
  },
  {
    from: ['mediating'],
    to: 'terminated',
    permission: 'dispute.write',
    guard: 'mediationAttempted',
    requires: ['terminatedOn', 'terminationReason', 'referralRoute'],
    label: { zh: '终止调解', en: 'Terminate mediation' },
  },
  { from: ['agreed'], to: 'performing', permission: 'dispute.write', label: { zh: '进入履行', en: 'Start performance' } },
  { from: ['performing'], to: 'followed_up', permission: 'dispute.write', guard: 'hasFollowUp', requires: ['performanceStatus'], label: { zh: '回访完成', en: 'Follow-up done' } },
  { from: ['followed_up', 'terminated', 'refused'], to: 'archived', permission: 'dispute.write', requires: ['archivedOn'], label: { zh: '立卷归档', en: 'Archive' } },
];

export type DisputeSource = 'screening' | 'application' | 'police' | 'court' | 'government';
export const DISPUTE_SOURCE_LABELS: Record<DisputeSource, string> = {
  screening: '排查发现',
  application: '当事人申请',
  police: '公安机关移送',
  court: '人民法院委派',
  government: '政府部门转办',
};

export type DisputeCategory = 'marriage_family' | 'neighbour' | 'land_forest' | 'sea_fishery' | 'labour' | 'contract' | 'damages' | 'other';
export const DISPUTE_CATEGORY_LABELS: Record<DisputeCategory, string> = {
  marriage_family: '婚姻家庭',
  neighbour: '邻里纠纷',
  land_forest: '山林土地',
  sea_fishery: '海域渔业',
  labour: '劳动争议',
  contract: '合同纠纷',
  damages: '损害赔偿',
  other: '其他纠纷',
};
export const DISPUTE_CATEGORIES = Object.keys(DISPUTE_CATEGORY_LABELS) as DisputeCategory[];

/** The attachment stages as a dispute's files are filed: around the mediation. */
export const DISPUTE_ATTACHMENT_STAGE_LABELS: Record<AttachmentStage, { zh: string; en: string }> = {
  before: { zh: '调解前', en: 'Before mediation' },
  during: { zh: '调解中', en: 'During mediation' },
  after: { zh: '调解后', en: 'After mediation' },
  document: { zh: '文书', en: 'Document' },
  other: { zh: '其他', en: 'Other' },
};

export type DisputeRiskLevel = 'normal' | 'elevated' | 'group_incident';
export const DISPUTE_RISK_LABELS: Record<DisputeRiskLevel, string> = { normal: '一般', elevated: '可能激化', group_incident: '群体性事件预警' };

export type DisputePartyRole = 'applicant' | 'respondent' | 'party' | 'third_party';
export const DISPUTE_PARTY_ROLE_LABELS: Record<DisputePartyRole, string> = { applicant: '申请人', respondent: '被申请人', party: '当事人', third_party: '第三人' };

export type AgreementForm = 'written' | 'oral';
export const AGREEMENT_FORM_LABELS: Record<AgreementForm, string> = { written: '书面协议', oral: '口头协议' };

/** Routes the parties are told of when a mediation fails (Art 26). */
export type ReferralRoute = 'litigation' | 'arbitration' | 'administrative' | 'other';
export const REFERRAL_ROUTE_LABELS: Record<ReferralRoute, string> = { litigation: '向人民法院起诉', arbitration: '申请仲裁', administrative: '行政途径', other: '其他途径' };

export type PerformanceStatus = 'pending' | 'in_progress' | 'fulfilled' | 'partial' | 'unfulfilled';
export const PERFORMANCE_STATUS_LABELS: Record<PerformanceStatus, string> = {
  pending: '待履行',
  in_progress: '履行中',
  fulfilled: '已履行',
  partial: '部分履行',
  unfulfilled: '未履行',
};

export type Satisfaction = 'satisfied' | 'basically_satisfied' | 'dissatisfied';
export const SATISFACTION_LABELS: Record<Satisfaction, string> = { satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意' };

export type EscalationLevel = 'county' | 'city' | 'province' | 'national';
export const ESCALATION_LEVEL_LABELS: Record<EscalationLevel, string> = { county: '县(市)级', city: '地级市', province: '省级', national: '国家级' };
export type EscalationKind = 'petition' | 'group_incident';
export const ESCALATION_KIND_LABELS: Record<EscalationKind, string> = { petition: '越级信访', group_incident: '群体性事件上报' };

export type JudicialConfirmationResult = 'pending' | 'confirmed' | 'rejected';
export const JUDICIAL_RESULT_LABELS: Record<JudicialConfirmationResult, string> = { pending: '审查中', confirmed: '确认有效', rejected: '不予确认' };
/** Days after an agreement takes effect within which the parties may apply for judicial confirmation (Art 33). */
export const JUDICIAL_CONFIRMATION_DAYS = 30;

/** The mediation period (normally one month from acceptance); a town may set its own. */
export interface MediationPeriod {
  amount: number;
  unit: 'month' | 'calendar' | 'working';
}
export const DEFAULT_MEDIATION_PERIOD: MediationPeriod = { amount: 1, unit: 'month' };
export const MEDIATION_PERIOD_SETTING = 'dispute.mediation-period';
export const MEDIATION_DEADLINE_KIND = 'mediation-period';

export interface DisputePartyInput {
  role: DisputePartyRole;
  name: string;
  idNumber?: string | null;
  phone?: string | null;
  address?: string | null;
}

export interface DisputePartyDto {
  id: string;
  role: DisputePartyRole;
  /** Masked unless unmasked on request. */
  name: string | null;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
  sortOrder: number;
}

export interface DisputeSessionDto {
  id: string;
  date: string;
  place: string;
  attendees: string;
  record: string;
  createdAt: string;
}

export interface DisputeFollowUpDto {
  id: string;
  date: string;
  visitor: string;
  performance: PerformanceStatus;
  satisfaction: Satisfaction;
  newRisk: boolean;
  note: string | null;
  createdAt: string;
}

export interface DisputeWarningDto {
  raisedAt: string;
  reason: string;
  policeInformedOn: string;
  policeUnit: string;
  measures: string | null;
  resolvedAt: string | null;
  resolution: string | null;
}

export interface DisputeEscalationDto {
  escalatedOn: string;
  level: EscalationLevel;
  kind: EscalationKind;
  note: string | null;
}

export interface JudicialConfirmationDto {
  appliedOn: string;
  court: string;
  result: JudicialConfirmationResult;
  decidedOn: string | null;
  caseNo: string | null;
}

export interface DisputeInput {
  townId?: string;
  villageId?: string | null;
  occurredOn: string;
  source: DisputeSource;
  category: DisputeCategory;
  summary: string;
  place?: string | null;
  riskLevel?: Exclude<DisputeRiskLevel, 'group_incident'>;
  parties?: DisputePartyInput[];
  mediatorIds?: string[];
  remark?: string | null;
}

export type DisputeSort = 'number' | 'registeredAt' | 'occurredOn' | 'agreedOn' | 'status';
export const DISPUTE_SORTS: readonly DisputeSort[] = ['number', 'registeredAt', 'occurredOn', 'agreedOn', 'status'];
/** The person search of the list: sent in a POST body (`/search`), never in a URL. */
export const DISPUTE_PARTY_SEARCH_FIELDS = ['partyName', 'partyIdNumber', 'partyPhone'] as const;
export type DisputePartySearchField = (typeof DISPUTE_PARTY_SEARCH_FIELDS)[number];

/**
 * The filters of GET /api/disputes (and POST /api/disputes/search), without the page and the sort
 * (`ListSort<DisputeSort>`): the API's list DTO implements it and the web's list filters are typed from it.
 */
export interface DisputeListQuery {
  status?: DisputeStatus[];
  /** Reached every one of these states at some time (status history). */
  reached?: DisputeStatus[];
  townId?: string;
  villageId?: string;
  /** Disputes without a village. */
  noVillage?: 'true';
  category?: DisputeCategory;
  source?: DisputeSource;
  riskLevel?: DisputeRiskLevel;
  /** A peace officer's id. */
  mediatorId?: string;
  /** Occurred on or after (YYYY-MM-DD). */
  from?: string;
  /** Occurred on or before (YYYY-MM-DD). */
  to?: string;
  /** Number or summary. */
  q?: string;
  partyName?: string;
  partyIdNumber?: string;
  partyPhone?: string;
  registeredYear?: number;
  /** YYYY-MM */
  registeredMonth?: string;
  acceptedYear?: number;
  agreedYear?: number;
  agreedMonth?: string;
  terminatedYear?: number;
  /** Agreed or terminated in the year (the success rate's denominator). */
  concludedYear?: number;
  /** A group-incident warning raised in the year. */
  warningYear?: number;
  escalatedYear?: number;
  /** Escalated beyond the town. */
  escalated?: 'true' | 'false';
  /** Mediation period overdue, or due within the warning days or overdue. */
  deadline?: 'overdue' | 'due';
  voided?: 'true' | 'false';
}

export interface DisputeDto extends LedgerRecordDto<DisputeStatus> {
  occurredOn: string;
  source: DisputeSource;
  category: DisputeCategory;
  summary: string;
  place: string | null;
  riskLevel: DisputeRiskLevel;
  warning: DisputeWarningDto | null;
  parties: DisputePartyDto[];
  /** Peace officers (register rows) mediating. */
  mediatorIds: string[];
  mediatorNames: string[];
  acceptedOn: string | null;
  refusedOn: string | null;
  refusingPartyId: string | null;
  refusalReason: string | null;
  agreementForm: AgreementForm | null;
  agreedOn: string | null;
  facts: string | null;
  issues: string | null;
  responsibilities: string | null;
  terms: string | null;
  performanceManner: string | null;
  performanceDeadline: string | null;
  terminatedOn: string | null;
  terminationReason: string | null;
  referralRoute: ReferralRoute | null;
  referralNote: string | null;
  performanceStatus: PerformanceStatus | null;
  followUpCount: number;
  judicialConfirmation: JudicialConfirmationDto | null;
  escalation: DisputeEscalationDto | null;
  archivedOn: string | null;
  archiveNo: string | null;
  /** The mediation period: due date, days left and state. */
  deadline: DeadlineDto | null;
}

export interface DisputeDetailDto extends DisputeDto {
  sessions: DisputeSessionDto[];
  followUps: DisputeFollowUpDto[];
  history: StatusHistoryDto[];
  attachments: AttachmentDto[];
  /** The mediation period with its pauses and extensions. */
  deadlineDetail: DeadlineDetailDto | null;
  transitions: { to: DisputeStatus; label: { zh: string; en: string }; requires: string[] }[];
}

/** `GET /api/disputes/warnings`: a dispute under a group-incident warning, as leaders see it. */
export interface DisputeWarningListItem {
  id: string;
  number: string;
  townId: string;
  townName: string;
  villageName: string | null;
  category: DisputeCategory;
  summary: string;
  status: DisputeStatus;
  riskLevel: DisputeRiskLevel;
  warning: DisputeWarningDto;
  mediatorNames: string[];
}

/* ---------- Peace officer register (平安员) ---------- */

export interface PeaceOfficerInput {
  townId?: string;
  villageId?: string | null;
  name: string;
  phone?: string | null;
  activeFrom: string;
  activeTo?: string | null;
  userId?: string | null;
  remark?: string | null;
}

/** A peace officer of the register; `activeNow`: the active period holds today (town zone). */
export interface PeaceOfficerDto extends RegisterRowDto {
  villageId: string | null;
  villageName: string | null;
  name: string;
  /** Masked unless unmasked on request. */
  phone: string | null;
  activeFrom: string;
  activeTo: string | null;
}

/* ---------- Notifications ---------- */

export type NotificationKind = 'dispute-warning';

export interface NotificationDto {
  id: string;
  townId: string;
  /** A `NotificationKind`; kept open to kinds this build does not know yet. */
  kind: string;
  title: string;
  body: string | null;
  /** Web route to open, e.g. `/disputes/<id>`. */
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  items: NotificationDto[];
  total: number;
  page: number;
  pageSize: number;
  unread: number;
}

/* ---------- Agreement document (人民调解协议书, Art 29) ---------- */

/** Placeholders of the agreement template: `{{当事人}}` etc. Those marked required must be in an uploaded template. */
export const AGREEMENT_PLACEHOLDERS = [
  { key: 'number', placeholder: '编号', required: false, label: '协议编号(纠纷编号)' },
  { key: 'committee', placeholder: '调解委员会', required: false, label: '人民调解委员会名称' },
  { key: 'parties', placeholder: '当事人', required: true, label: '当事人基本情况(每人一行)' },
  { key: 'facts', placeholder: '纠纷事实', required: true, label: '纠纷的主要事实' },
  { key: 'issues', placeholder: '争议事项', required: true, label: '争议事项' },
  { key: 'responsibilities', placeholder: '各方责任', required: false, label: '各方当事人的责任' },
  { key: 'terms', placeholder: '协议内容', required: true, label: '达成协议的内容' },
  { key: 'performanceManner', placeholder: '履行方式', required: true, label: '履行方式' },
  { key: 'performanceDeadline', placeholder: '履行期限', required: true, label: '履行期限' },
  { key: 'mediators', placeholder: '调解员', required: false, label: '人民调解员' },
  { key: 'agreedOn', placeholder: '协议日期', required: false, label: '达成协议日期' },
  { key: 'village', placeholder: '村居', required: false, label: '村(社区)' },
] as const;
export type AgreementPlaceholderKey = (typeof AGREEMENT_PLACEHOLDERS)[number]['key'];

export interface DocumentTemplateDto {
  kind: string;
  townId: string;
  /** `builtin` when no uploaded template replaces the built-in one. */
  source: 'builtin' | 'uploaded';
  fileName: string;
  size: number | null;
  sha256: string | null;
  uploadedAt: string | null;
  uploadedBy: string | null;
  uploadedByName: string | null;
  placeholders: string[];
  version: number;
}

/* ---------- Figures ---------- */

/** `GET /api/statistics/disputes` (DOMAIN.md §4.1). */
export interface DisputeStatistics {
  year: number;
  townId: string | null;
  received: number;
  accepted: number;
  agreed: number;
  terminated: number;
  /** agreed / (agreed + terminated): the mediations concluded in the year that ended in an agreement. */
  successRate: { value: number | null; numerator: number; denominator: number };
  warnings: number;
  escalated: number;
  peaceOfficers: number;
  byCategory: { category: DisputeCategory; name: string; received: number; agreed: number }[];
  byVillage: { villageId: string | null; name: string; received: number; agreed: number }[];
  byMonth: { month: string; received: number; agreed: number; terminated: number }[];
  /** Query strings for `/api/disputes` (for `peaceOfficers`: `/api/peace-officers`; for `successRate`: its denominator). */
  filters: Record<'received' | 'accepted' | 'agreed' | 'terminated' | 'successRate' | 'warnings' | 'escalated' | 'peaceOfficers', string>;
}

/**
 * The dispute figures, each defined once: the date that puts a row in a year (town zone for
 * instants) and the condition, a state reached at any time as the status history tells it. Void
 * records never count.
 */
export const DISPUTE_FIGURES = {
  received: { ledger: 'dispute', date: 'registered_at', condition: 'any state' },
  accepted: { ledger: 'dispute', date: 'accepted_on', condition: 'reached accepted' },
  agreed: { ledger: 'dispute', date: 'agreed_on', condition: 'reached agreed (whatever the later state)' },
  terminated: { ledger: 'dispute', date: 'terminated_on', condition: 'reached terminated' },
  successRate: { ledger: 'dispute', date: 'agreed_on or terminated_on', condition: 'agreed ÷ (agreed + terminated)' },
  warnings: { ledger: 'dispute', date: 'warning_raised_at', condition: 'a group-incident warning was raised' },
  escalated: { ledger: 'dispute', date: 'escalated_on', condition: 'went beyond the town (petition or group incident reported higher)' },
  peaceOfficers: { ledger: 'peace-officer', date: 'active_from…active_to', condition: 'active period overlaps the year' },
} as const;

const statusLabels = Object.fromEntries(Object.entries(DISPUTE_STATUS_LABELS).map(([k, v]) => [k, v.zh]));

/** The 台账 layout of the dispute ledger; drives both export and import. */
export const DISPUTE_COLUMNS: readonly ColumnSpec[] = [
  { header: '编号', field: 'number', type: 'string', maxLength: 64, width: 24 },
  { header: '村(社区)', field: 'villageName', type: 'string', maxLength: 100, width: 12 },
  { header: '发生日期', field: 'occurredOn', type: 'date', required: true, width: 12 },
  { header: '纠纷来源', field: 'source', type: 'enum', required: true, labels: DISPUTE_SOURCE_LABELS },
  { header: '纠纷类别', field: 'category', type: 'enum', required: true, labels: DISPUTE_CATEGORY_LABELS },
  { header: '纠纷简要情况', field: 'summary', type: 'string', required: true, maxLength: 2000, width: 40 },
  { header: '发生地点', field: 'place', type: 'string', maxLength: 200, width: 16 },
  { header: '当事人', field: 'partyNames', type: 'string', readOnly: true, width: 20 },
  { header: '风险等级', field: 'riskLevel', type: 'enum', readOnly: true, labels: DISPUTE_RISK_LABELS },
  { header: '调解员', field: 'mediatorNames', type: 'string', readOnly: true, width: 16 },
  { header: '状态', field: 'status', type: 'enum', readOnly: true, labels: statusLabels },
  { header: '受理日期', field: 'acceptedOn', type: 'date', readOnly: true },
  { header: '协议形式', field: 'agreementForm', type: 'enum', readOnly: true, labels: AGREEMENT_FORM_LABELS },
  { header: '达成协议日期', field: 'agreedOn', type: 'date', readOnly: true },
  { header: '协议内容', field: 'terms', type: 'string', readOnly: true, width: 30 },
  { header: '履行期限', field: 'performanceDeadline', type: 'date', readOnly: true },
  { header: '终止日期', field: 'terminatedOn', type: 'date', readOnly: true },
  { header: '告知途径', field: 'referralRoute', type: 'enum', readOnly: true, labels: REFERRAL_ROUTE_LABELS },
  { header: '履行情况', field: 'performanceStatus', type: 'enum', readOnly: true, labels: PERFORMANCE_STATUS_LABELS },
  { header: '回访次数', field: 'followUpCount', type: 'integer', readOnly: true },
  { header: '备注', field: 'remark', type: 'string', maxLength: 1000, width: 30 },
];
