import { AttachmentDto, ColumnSpec, LedgerRecordDto, RegisterRowDto, StatusHistoryDto, TransitionRule } from './ledger';

/** Village legal advisors (一村(社区)一法律顾问, DOMAIN.md §3.3): the service log, the monthly check and the registers. */

/* ---------- The service log ---------- */

/** What an advisor did in a village. */
export type AdvisorServiceType = 'consultation' | 'publicity' | 'mediation' | 'review' | 'health_check' | 'legal_aid' | 'visit' | 'election';

export const ADVISOR_SERVICE_TYPES: readonly AdvisorServiceType[] = ['consultation', 'publicity', 'mediation', 'review', 'health_check', 'legal_aid', 'visit', 'election'];

export const ADVISOR_SERVICE_TYPE_LABELS: Record<AdvisorServiceType, { zh: string; en: string }> = {
  consultation: { zh: '法律咨询', en: 'Consultation' },
  publicity: { zh: '法治宣传/讲座', en: 'Publicity / lecture' },
  mediation: { zh: '参与调解', en: 'Mediation' },
  review: { zh: '合同/村务决策审查', en: 'Contract or village-decision review' },
  health_check: { zh: '法治体检', en: 'Legal health check' },
  legal_aid: { zh: '法律援助转介', en: 'Legal-aid referral' },
  visit: { zh: '下乡走访', en: 'Visit to a village group' },
  election: { zh: '换届选举', en: 'Election support' },
};

/** Types that are events: their entries record the number of attendees. */
export const ADVISOR_EVENT_TYPES: readonly AdvisorServiceType[] = ['publicity', 'visit', 'health_check', 'election'];
/** Types whose entries name a client (personal data: encrypted, masked, unmasking audited). */
export const ADVISOR_CLIENT_TYPES: readonly AdvisorServiceType[] = ['consultation', 'legal_aid', 'mediation'];

/**
 * A log entry has no workflow: it is `logged` until void. The monthly check (sign-off of a
 * village-month) locks the entries of that month; only a logged reopen of the month unlocks them.
 */
export type AdvisorServiceStatus = 'logged';
export const ADVISOR_SERVICE_STATUSES: readonly AdvisorServiceStatus[] = ['logged'];
export const ADVISOR_SERVICE_STATUS_LABELS: Record<AdvisorServiceStatus, { zh: string; en: string; color: string }> = {
  logged: { zh: '已登记', en: 'Logged', color: 'blue' },
};
export const ADVISOR_SERVICE_CLOSED_STATUSES: readonly AdvisorServiceStatus[] = [];
export const ADVISOR_SERVICE_TRANSITIONS: readonly TransitionRule<AdvisorServiceStatus>[] = [];

/** Guangdong's rule: at least 8 service hours per village per month. */
export const ADVISOR_MONTHLY_HOURS = 8;
/** An advisor short of the monthly hours gets a due item this many working days before the month ends. */
export const ADVISOR_DUE_WORKING_DAYS = 5;
/** The deadline kind of the monthly hours (the advisor's due item). */
export const ADVISOR_HOURS_DEADLINE_KIND = 'advisor-monthly-hours';
/** The longest single entry, in hours. */
export const ADVISOR_MAX_ENTRY_HOURS = 12;

/**
 * `POST /api/advisor-services`. The hours come from `startTime`–`endTime` on `serviceDate` in the
 * town's zone; an end at or before the start means the service ended the next day (it crosses
 * midnight), and its hours belong to the day and month it started. The advisor is the caller's
 * linked advisor (register row); `advisorId` is for staff logging on an advisor's behalf.
 */
export interface AdvisorServiceInput {
  townId?: string;
  villageId: string;
  advisorId?: string;
  type: AdvisorServiceType;
  /** YYYY-MM-DD, the day the service started. */
  serviceDate: string;
  /** HH:mm */
  startTime: string;
  /** HH:mm; at or before `startTime` it is on the next day. */
  endTime: string;
  /** Consultations, legal-aid referrals and mediations: the client. */
  clientName?: string | null;
  clientPhone?: string | null;
  content: string;
  result?: string | null;
  /** Events (`ADVISOR_EVENT_TYPES`): how many attended. */
  attendees?: number | null;
  remark?: string | null;
}

/** `PATCH /api/advisor-services/:id`: any field of the input, with the record's version. */
export type AdvisorServiceUpdate = Partial<Omit<AdvisorServiceInput, 'townId' | 'advisorId'>> & { version: number };

export type AdvisorServiceSort = 'number' | 'serviceDate' | 'hours';
export const ADVISOR_SERVICE_SORTS: readonly AdvisorServiceSort[] = ['number', 'serviceDate', 'hours'];
/** The person search of the log: sent in a POST body (`/search`), never in a URL. */
export const ADVISOR_CLIENT_SEARCH_FIELDS = ['clientName', 'clientPhone'] as const;

/** The filters of `GET /api/advisor-services` (and `POST /api/advisor-services/search`). */
export interface AdvisorServiceListQuery {
  townId?: string;
  villageId?: string;
  advisorId?: string;
  type?: AdvisorServiceType[];
  /** Service date on or after (YYYY-MM-DD). */
  from?: string;
  /** Service date on or before (YYYY-MM-DD). */
  to?: string;
  /** Service date in the year. */
  year?: number;
  /** Service date in the month (YYYY-MM). */
  month?: string;
  /** Handed over to mediation or legal aid. */
  handedOver?: 'true' | 'false';
  /** A legal-aid referral: an entry of type legal_aid, or a consultation referred to legal aid. */
  legalAidReferral?: 'true';
  /** Number, content or result. */
  q?: string;
  clientName?: string;
  clientPhone?: string;
  voided?: 'true' | 'false';
}

/** Where a consultation went: to mediation (a dispute, linked both ways) or to legal aid. */
export type AdvisorHandoverKind = 'mediation' | 'legal_aid';
export const ADVISOR_HANDOVER_KIND_LABELS: Record<AdvisorHandoverKind, { zh: string; en: string }> = {
  mediation: { zh: '转人民调解', en: 'Handed to mediation' },
  legal_aid: { zh: '转法律援助', en: 'Referred to legal aid' },
};

export interface AdvisorHandoverDto {
  kind: AdvisorHandoverKind;
  at: string;
  /** Mediation: the dispute created from the consultation. */
  disputeId: string | null;
  disputeNumber: string | null;
  /** Legal aid: the body that received the referral. */
  receivingBody: string | null;
  note: string | null;
}

/** `POST /api/advisor-services/:id/handover`. */
export interface AdvisorHandoverInput {
  kind: AdvisorHandoverKind;
  version: number;
  /** Legal aid: the receiving body (e.g. 台山市法律援助处). */
  receivingBody?: string | null;
  /** Mediation: the dispute's category (`DisputeCategory`); the summary defaults to the entry's content. */
  category?: string;
  summary?: string | null;
  note?: string | null;
}

export interface AdvisorServiceDto extends LedgerRecordDto<AdvisorServiceStatus> {
  advisorId: string;
  advisorName: string;
  type: AdvisorServiceType;
  serviceDate: string;
  startTime: string;
  endTime: string;
  startedAt: string;
  endedAt: string;
  /** Ends the day after it started. */
  crossesMidnight: boolean;
  /** Hours, two decimals. */
  hours: number;
  /** Masked unless unmasked on request. */
  clientName: string | null;
  clientPhone: string | null;
  content: string;
  result: string | null;
  attendees: number | null;
  handover: AdvisorHandoverDto | null;
  /** The village-month is signed off: the entry is locked. */
  locked: boolean;
}

export interface AdvisorServiceDetailDto extends AdvisorServiceDto {
  history: StatusHistoryDto[];
  attachments: AttachmentDto[];
  links: RecordLinkDto[];
  transitions: { to: AdvisorServiceStatus; label: { zh: string; en: string }; requires: string[] }[];
}

/** A link between records of two ledgers, kept by the core (`GET /api/records/:ledger/:id/links`). */
export interface RecordLinkDto {
  /** The other record's ledger (`LedgerType`). */
  ledger: string;
  id: string;
  number: string;
  /** `handover`: this consultation was handed to that dispute, or that dispute came from this consultation. */
  relation: 'handover';
  /** Whether this record is the origin of the link. */
  outgoing: boolean;
  createdAt: string;
}

/* ---------- The monthly check ---------- */

export type AdvisorMonthState = 'met' | 'short' | 'none';
export const ADVISOR_MONTH_STATE_LABELS: Record<AdvisorMonthState, { zh: string; en: string; color: string }> = {
  met: { zh: '达标', en: 'Met', color: 'success' },
  short: { zh: '不足8小时', en: 'Short of 8 hours', color: 'warning' },
  none: { zh: '无服务', en: 'No service', color: 'error' },
};

/** A village-month's sign-off by legal-affairs staff (`advisor.check`). */
export interface AdvisorMonthCheckDto {
  villageId: string;
  /** YYYY-MM */
  month: string;
  /** `checked` locks the month's entries; `reopened` after a logged reopen. */
  status: 'checked' | 'reopened';
  remark: string | null;
  checkedAt: string;
  checkedBy: string | null;
  checkedByName: string | null;
  reopenedAt: string | null;
  reopenReason: string | null;
  version: number;
}

export interface AdvisorMonthCell {
  /** YYYY-MM */
  month: string;
  hours: number;
  entries: number;
  state: AdvisorMonthState;
  /** The month has not ended yet in the town's zone (its state may still change). */
  open: boolean;
  check: AdvisorMonthCheckDto | null;
  /** Query string for `/api/advisor-services`: the cell's entries. */
  filter: string;
}

/** `GET /api/advisor-checks?year=&townId=`: the village × month grid of a year. */
export interface AdvisorMonthlyGrid {
  year: number;
  townId: string | null;
  requiredHours: number;
  villages: { villageId: string; villageName: string; townId: string; townName: string; advisorNames: string[]; months: AdvisorMonthCell[] }[];
}

/** `POST /api/advisor-checks/sign-off`: version 0 when the month has no check yet. */
export interface AdvisorSignOffInput {
  villageId: string;
  month: string;
  remark?: string | null;
  version: number;
}

/** `POST /api/advisor-checks/reopen`: unlocks a signed-off month, logged with its reason. */
export interface AdvisorReopenMonthInput {
  villageId: string;
  month: string;
  reason: string;
  version: number;
}

/* ---------- Registers: advisors and villages ---------- */

export interface AdvisorVillageAssignment {
  villageId: string;
  villageName?: string;
  /** YYYY-MM-DD */
  from: string;
  to: string | null;
}

/** `POST /api/advisors`, `PATCH /api/advisors/:id` (with `version`). */
export interface AdvisorInput {
  townId?: string;
  name: string;
  lawFirm: string;
  licenceNo: string;
  /** The business phone (not personal data). */
  phone: string;
  villages: AdvisorVillageAssignment[];
  userId?: string | null;
  remark?: string | null;
}

/** An advisor of the register; `activeNow`: serves a village today (town zone). */
export interface AdvisorDto extends RegisterRowDto {
  name: string;
  lawFirm: string;
  licenceNo: string;
  phone: string;
  villages: Required<AdvisorVillageAssignment>[];
}

/** 民主法治示范村(社区) creation level. */
export type RuleOfLawLevel = 'none' | 'county' | 'city' | 'province' | 'national';
export const RULE_OF_LAW_LEVELS: readonly RuleOfLawLevel[] = ['none', 'county', 'city', 'province', 'national'];
export const RULE_OF_LAW_LEVEL_LABELS: Record<RuleOfLawLevel, { zh: string; en: string }> = {
  none: { zh: '未创建', en: 'None' },
  county: { zh: '县级', en: 'County' },
  city: { zh: '市级', en: 'City' },
  province: { zh: '省级', en: 'Provincial' },
  national: { zh: '国家级', en: 'National' },
};

/** `PUT /api/advisor-villages/:villageId` (version 0 while the village has no attributes yet). */
export interface AdvisorVillageInput {
  hasRoom: boolean;
  roomAddress?: string | null;
  /** YYYY-MM-DD */
  roomOpenedOn?: string | null;
  /** The published service list (服务清单): its title, version and publication date; the document is an attachment. */
  serviceListTitle?: string | null;
  serviceListVersion?: string | null;
  serviceListPublishedOn?: string | null;
  ruleOfLawLevel: RuleOfLawLevel;
  ruleOfLawYear?: number | null;
  version: number;
}

export interface AdvisorVillageDto {
  villageId: string;
  villageName: string;
  townId: string;
  townName: string;
  hasRoom: boolean;
  roomAddress: string | null;
  roomOpenedOn: string | null;
  serviceListTitle: string | null;
  serviceListVersion: string | null;
  serviceListPublishedOn: string | null;
  serviceListDocument: AttachmentDto | null;
  ruleOfLawLevel: RuleOfLawLevel;
  ruleOfLawYear: number | null;
  /** Advisors serving the village today. */
  advisorNames: string[];
  version: number;
  updatedAt: string | null;
}

/** One version of a village's published service list (`GET /api/advisor-villages/:id/service-lists`, newest first). */
export interface AdvisorServiceListDto {
  id: string;
  villageId: string;
  /** The list's own version label (e.g. 2021版). */
  listVersion: string;
  publishedOn: string;
  document: AttachmentDto;
  createdAt: string;
  createdBy: string | null;
  createdByName: string | null;
}

/** The text fields of a service-list upload (multipart, with one pdf, Word or image file). */
export interface AdvisorServiceListInput {
  listVersion: string;
  publishedOn: string;
  /** The village attributes' version (0 while the village has none yet). */
  version: number;
}

/** The filters of `GET /api/advisor-villages` (the village figures open here). */
export interface AdvisorVillageListQuery {
  townId?: string;
  /** A room opened by the end of the year. */
  roomYear?: number;
  /** An advisor served the village during the year. */
  advisorYear?: number;
  /** The service list published by the end of the year. */
  publishedListYear?: number;
  /** Served at least 8 hours in every month of the year. */
  meetsHoursYear?: number;
  ruleOfLawLevel?: RuleOfLawLevel;
}

/* ---------- Figures ---------- */

export interface AdvisorRate {
  value: number | null;
  numerator: number;
  denominator: number;
}

/** `GET /api/statistics/advisors?year=&townId=` (DOMAIN.md §4.1). */
export interface AdvisorStatistics {
  year: number;
  townId: string | null;
  consultations: number;
  publicityEvents: number;
  publicityAttendees: number;
  villageGroupVisits: number;
  legalHealthChecks: number;
  decisionReviews: number;
  legalAidReferrals: number;
  hours: number;
  villages: number;
  villagesWithRoom: number;
  villagesWithAdvisor: number;
  villagesWithPublishedList: number;
  villagesMeetingHours: number;
  /** Each of these over `villages`. */
  roomRate: AdvisorRate;
  advisorRate: AdvisorRate;
  publishedListRate: AdvisorRate;
  meetingHoursRate: AdvisorRate;
  byMonth: { month: string; entries: number; hours: number; consultations: number; publicityEvents: number }[];
  byVillage: { villageId: string | null; name: string; entries: number; hours: number; consultations: number; monthsMet: number }[];
  byType: { type: AdvisorServiceType; name: string; entries: number; hours: number; attendees: number }[];
  /**
   * Query strings: the log figures for `/api/advisor-services`, the village figures (and the rates,
   * their numerators) for `/api/advisor-villages`.
   */
  filters: Record<AdvisorFigure, string>;
}

/**
 * The advisor figures, each defined once: the date that puts a row in a year (the service date, a
 * plain date in the town's zone) and the condition. Void entries never count.
 */
export const ADVISOR_FIGURES = {
  consultations: { ledger: 'advisor-service', date: 'service_date', condition: 'type = consultation' },
  publicityEvents: { ledger: 'advisor-service', date: 'service_date', condition: 'type = publicity' },
  publicityAttendees: { ledger: 'advisor-service', date: 'service_date', condition: 'sum of attendees of type = publicity' },
  villageGroupVisits: { ledger: 'advisor-service', date: 'service_date', condition: 'type = visit' },
  legalHealthChecks: { ledger: 'advisor-service', date: 'service_date', condition: 'type = health_check' },
  decisionReviews: { ledger: 'advisor-service', date: 'service_date', condition: 'type = review' },
  legalAidReferrals: { ledger: 'advisor-service', date: 'service_date', condition: 'type = legal_aid, or a consultation referred to legal aid' },
  hours: { ledger: 'advisor-service', date: 'service_date', condition: 'sum of hours, each entry in the day it started' },
  villages: { ledger: 'advisor-village', date: '-', condition: 'villages of the town' },
  villagesWithRoom: { ledger: 'advisor-village', date: 'room_opened_on ≤ end of year', condition: 'has a legal-service room' },
  villagesWithAdvisor: { ledger: 'advisor-village', date: 'served from…to', condition: 'an advisor served the village during the year' },
  villagesWithPublishedList: { ledger: 'advisor-village', date: 'service_list_published_on ≤ end of year', condition: 'the service list is published' },
  villagesMeetingHours: { ledger: 'advisor-village', date: 'service_date', condition: 'at least 8 hours in every month of the year' },
  roomRate: { ledger: 'advisor-village', date: 'room_opened_on ≤ end of year', condition: 'villagesWithRoom ÷ villages' },
  advisorRate: { ledger: 'advisor-village', date: 'served from…to', condition: 'villagesWithAdvisor ÷ villages' },
  publishedListRate: { ledger: 'advisor-village', date: 'service_list_published_on ≤ end of year', condition: 'villagesWithPublishedList ÷ villages' },
  meetingHoursRate: { ledger: 'advisor-village', date: 'service_date', condition: 'villagesMeetingHours ÷ villages' },
} as const;
export type AdvisorFigure = keyof typeof ADVISOR_FIGURES;

/** The figure labels in both languages (statistics page, dashboards, report). */
export const ADVISOR_FIGURE_LABELS: Record<AdvisorFigure, { zh: string; en: string; unit: { zh: string; en: string } }> = {
  consultations: { zh: '法律咨询', en: 'Consultations', unit: { zh: '次', en: '' } },
  publicityEvents: { zh: '法治宣传/讲座', en: 'Publicity events', unit: { zh: '场', en: '' } },
  publicityAttendees: { zh: '宣传受众', en: 'Publicity attendees', unit: { zh: '人次', en: '' } },
  villageGroupVisits: { zh: '下乡走访', en: 'Village-group visits', unit: { zh: '次', en: '' } },
  legalHealthChecks: { zh: '法治体检', en: 'Legal health checks', unit: { zh: '次', en: '' } },
  decisionReviews: { zh: '合同/村务决策审查', en: 'Decision reviews', unit: { zh: '件', en: '' } },
  legalAidReferrals: { zh: '法律援助转介', en: 'Legal-aid referrals', unit: { zh: '件', en: '' } },
  hours: { zh: '服务时长', en: 'Service hours', unit: { zh: '小时', en: 'h' } },
  villages: { zh: '村(社区)', en: 'Villages', unit: { zh: '个', en: '' } },
  villagesWithRoom: { zh: '有法律服务室', en: 'With a legal-service room', unit: { zh: '个', en: '' } },
  villagesWithAdvisor: { zh: '配备法律顾问', en: 'With an advisor', unit: { zh: '个', en: '' } },
  villagesWithPublishedList: { zh: '公布服务清单', en: 'With a published service list', unit: { zh: '个', en: '' } },
  villagesMeetingHours: { zh: '每月服务满8小时', en: 'Meeting 8 hours every month', unit: { zh: '个', en: '' } },
  roomRate: { zh: '法律服务室覆盖率', en: 'Room coverage', unit: { zh: '', en: '' } },
  advisorRate: { zh: '法律顾问覆盖率', en: 'Advisor coverage', unit: { zh: '', en: '' } },
  publishedListRate: { zh: '服务清单公布率', en: 'Published-list rate', unit: { zh: '', en: '' } },
  meetingHoursRate: { zh: '服务时长达标率', en: 'Hours-rule rate', unit: { zh: '', en: '' } },
};

/* ---------- The 台账 layout ---------- */

const typeLabels = Object.fromEntries(Object.entries(ADVISOR_SERVICE_TYPE_LABELS).map(([k, v]) => [k, v.zh]));

/** The 台账 layout of the service log; drives both export and import. */
export const ADVISOR_SERVICE_COLUMNS: readonly ColumnSpec[] = [
  { header: '编号', field: 'number', type: 'string', maxLength: 64, width: 24 },
  { header: '村(社区)', field: 'villageName', type: 'string', required: true, maxLength: 100, width: 12 },
  { header: '法律顾问', field: 'advisorName', type: 'string', required: true, maxLength: 50, width: 10 },
  { header: '服务日期', field: 'serviceDate', type: 'date', required: true, width: 12 },
  { header: '开始时间', field: 'startTime', type: 'string', required: true, maxLength: 5, width: 9 },
  { header: '结束时间', field: 'endTime', type: 'string', required: true, maxLength: 5, width: 9 },
  { header: '时长(小时)', field: 'hours', type: 'number', readOnly: true, width: 10 },
  { header: '服务类型', field: 'type', type: 'enum', required: true, labels: typeLabels, width: 14 },
  { header: '服务对象', field: 'clientName', type: 'string', masked: 'name', maxLength: 50 },
  { header: '联系电话', field: 'clientPhone', type: 'string', masked: 'phone', maxLength: 20, width: 15 },
  { header: '服务内容', field: 'content', type: 'string', required: true, maxLength: 2000, width: 40 },
  { header: '处理结果', field: 'result', type: 'string', maxLength: 1000, width: 30 },
  { header: '参加人数', field: 'attendees', type: 'integer' },
  { header: '转办情况', field: 'handover', type: 'string', readOnly: true, width: 20 },
  { header: '备注', field: 'remark', type: 'string', maxLength: 1000, width: 30 },
];
