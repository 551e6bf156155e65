import { PermissionCode } from './permissions';

/** Ledger types (DOMAIN.md §5 glossary identifiers). */
export type LedgerType = 'vessel-case' | 'campaign' | 'dispute' | 'advisor-service' | 'petition' | 'hotline-ticket' | 'publicity-event' | 'training' | 'certificate' | 'admin-litigation';

/** The label between town prefix and year in a record number, e.g. 广海三无〔2021〕第0001号. */
export const LEDGER_NUMBER_LABELS: Record<LedgerType, string> = {
  'vessel-case': '三无',
  campaign: '销毁',
  dispute: '调',
  'advisor-service': '顾问',
  petition: '信',
  'hotline-ticket': '12345',
  'publicity-event': '普法',
  training: '学法',
  certificate: '执法证',
  'admin-litigation': '复诉',
};

export const MIN_NUMBER_DIGITS = 4;

/** `广海三无〔2021〕第0001号` — never truncated: numbers beyond 9999 keep every digit. */
export function formatRecordNumber(prefix: string, label: string, year: number, seq: number): string {
  return `${prefix}${label}〔${year}〕第${String(seq).padStart(MIN_NUMBER_DIGITS, '0')}号`;
}

/** Parses a record number back into its parts, or null. */
export function parseRecordNumber(value: string): { prefix: string; year: number; seq: number } | null {
  const m = /^(.*)〔(\d{4})〕第(\d{1,12})号$/.exec(value.trim());
  if (!m) return null;
  return { prefix: m[1], year: Number(m[2]), seq: Number(m[3]) };
}

/** One row of a ledger's declarative transition table. */
export interface TransitionRule<S extends string = string> {
  from: readonly S[];
  to: S;
  permission: PermissionCode;
  /** Name of a guard the ledger's service evaluates (e.g. 'hasEvidence'); reviewed here, coded there. */
  guard?: string;
  /** Fields of `data` the step must carry. */
  requires?: readonly string[];
  label: { zh: string; en: string };
}

export interface TransitionRequest<D = Record<string, unknown>> {
  to: string;
  remark?: string;
  version: number;
  data?: D;
}

/** What every ledger record's DTO carries (DOMAIN.md §2): number, status, place in the org tree, void and version. */
export interface LedgerRecordDto<S extends string = string> {
  id: string;
  number: string;
  status: S;
  townId: string;
  townName: string;
  villageId: string | null;
  villageName: string | null;
  registeredAt: string;
  remark: string | null;
  voided: boolean;
  voidReason: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * What a register row with a period of service and a linked account answers (a peace officer, an
 * advisor): its town, whether it is active today, the account, and its version and times. The
 * register's DTO extends it with its own fields.
 */
export interface RegisterRowDto {
  id: string;
  townId: string;
  townName: string;
  /** Active today (town zone): the register says by what. */
  activeNow: boolean;
  userId: string | null;
  userName: string | null;
  remark: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface StatusHistoryDto {
  id: string;
  from: string | null;
  to: string;
  at: string;
  userId: string | null;
  userName: string | null;
  remark: string | null;
}

/** Finds the rule for `from → to`, or null when the step is not in the table. */
export function findTransition<S extends string>(table: readonly TransitionRule<S>[], from: S, to: S): TransitionRule<S> | null {
  return table.find((r) => r.to === to && r.from.includes(from)) ?? null;
}

/** Steps open from a state for a caller holding `permissions`. */
export function availableTransitions<S extends string>(table: readonly TransitionRule<S>[], from: S, permissions: ReadonlySet<string>): TransitionRule<S>[] {
  return table.filter((r) => r.from.includes(from) && permissions.has(r.permission));
}

export type DeadlineState = 'ok' | 'warning' | 'overdue' | 'paused' | 'done';

export interface DeadlineDto {
  kind: string;
  dueDate: string;
  /** Calendar days from today (town zone) to the due date; negative when overdue. */
  daysLeft: number;
  state: DeadlineState;
  /**
   * The due date was counted over a year whose holiday arrangement is not in the calendar yet
   * (its weekends taken as the only rest days): it moves when that year is entered. Never set on
   * a met deadline.
   */
  provisional: boolean;
}

export type AttachmentStage = 'before' | 'during' | 'after' | 'document' | 'other';
export const ATTACHMENT_STAGES: readonly AttachmentStage[] = ['before', 'during', 'after', 'document', 'other'];
export const ATTACHMENT_STAGE_LABELS: Record<AttachmentStage, { zh: string; en: string }> = {
  before: { zh: '处置前', en: 'Before' },
  during: { zh: '处置中', en: 'During' },
  after: { zh: '处置后', en: 'After' },
  document: { zh: '文书', en: 'Document' },
  other: { zh: '其他', en: 'Other' },
};

export interface AttachmentDto {
  id: string;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  stage: AttachmentStage;
  hasThumbnail: boolean;
  uploadedAt: string;
  uploadedBy: string | null;
  /** Holds personal data in full: downloads need `personal.unmask`. */
  personal: boolean;
}

/** One column of a ledger's Excel layout; the same spec drives export and import. */
export interface ColumnSpec {
  header: string;
  field: string;
  type: 'string' | 'number' | 'integer' | 'date' | 'datetime' | 'enum' | 'boolean';
  required?: boolean;
  /** Personal data: masked on export unless the caller may unmask; a masked cell on import means unchanged. */
  masked?: 'name' | 'phone' | 'idNumber';
  /** For enums: value → Chinese label (the cell holds the label). */
  labels?: Record<string, string>;
  maxLength?: number;
  width?: number;
  /** Exported only (e.g. status), ignored on import. */
  readOnly?: boolean;
}

export interface ImportRowError {
  row: number;
  field: string;
  header: string;
  message: string;
}

export interface ImportPreview {
  rows: number;
  creates: number;
  updates: number;
  errors: ImportRowError[];
}

/** A setting a town may set for itself, with the product default while it has not. */
export interface TownSetting<T> {
  townId: string;
  key: string;
  value: T;
  /** Whether the value is the product default (no row for the town). */
  isDefault: boolean;
  updatedAt: string | null;
  /** 0 while the default applies; send it back to change the setting. */
  version: number;
}

/** A list's sort as the API takes it (`sort=<key>&order=asc|desc`). */
export interface ListSort<S extends string> {
  sort?: S;
  order?: 'asc' | 'desc';
}
