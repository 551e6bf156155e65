import { PermissionCode, StatusHistoryDto } from '@fazhi/contracts';
import { TKey } from '../../core/i18n/dictionary';
import { formatInstant } from '../date-time.pipe';
import { TimelineEntry } from '../record-timeline.component';

type Bilingual = { zh: string; en: string };

/** The words a ledger's pages use where the kit cannot use generic ones. */
export interface LedgerWords {
  /** The list page's title and subtitle, and its create button. */
  title: TKey;
  subtitle: TKey;
  create: TKey;
  /** The due-date sentence of the record's deadline (with `{date}`). */
  dueText: TKey;
  /** What voiding this kind of record means. */
  voidHint: TKey;
  voidDone: TKey;
  reopenDone: TKey;
  /** The title of the unmask dialog (whose personal data it shows). */
  unmaskTitle: TKey;
  /** The message after a workflow step. */
  stepDone: TKey;
  /** The evidence card's title. */
  evidence: TKey;
}

/** How a ledger shows on the web: its route, permission, states and words; the kit's pages and shell read it. */
export interface LedgerView<S extends string = string> {
  /** The records' name in `data-test` and `data-*` attributes: `dispute` → `dispute-table`, `dispute-number`, `tr[data-dispute]`. */
  name: string;
  /** The list page's route (`/disputes`); a record is at `<path>/<id>`. */
  path: string;
  /** Who writes the ledger (create, import, change, void). */
  write: PermissionCode;
  statusLabels: Record<S, Bilingual & { color: string }>;
  /** The states in which a record is closed: it no longer changes, and `record.reopen` may reopen it. */
  closed: readonly S[];
  words: LedgerWords;
}

/** Who may change a record: open (not void, not closed), to a writer of the ledger. */
export function isWritable(view: LedgerView, record: { status: string; voided: boolean } | null, auth: { hasAny(codes: readonly PermissionCode[]): boolean }): boolean {
  return record !== null && !record.voided && !view.closed.includes(record.status) && auth.hasAny([view.write]);
}

/** Who may reopen a record: a closed one (not void), to a holder of `record.reopen`. */
export function canReopen(view: LedgerView, record: { status: string; voided: boolean } | null, auth: { hasAny(codes: readonly PermissionCode[]): boolean }): boolean {
  return record !== null && !record.voided && view.closed.includes(record.status) && auth.hasAny(['record.reopen']);
}

/** A record's status in the reader's language (unknown states as they are). */
export function statusText(view: LedgerView, status: string | null, pick: (label: Bilingual) => string): string {
  const label = status ? (view.statusLabels as Record<string, Bilingual | undefined>)[status] : undefined;
  return label ? pick(label) : (status ?? '');
}

export function statusColor(view: LedgerView, status: unknown): string {
  return (view.statusLabels as Record<string, { color: string } | undefined>)[status as string]?.color ?? 'default';
}

/** A record's status history as timeline entries (`red` for the states given, blue otherwise). */
export function statusEntries(
  view: LedgerView,
  history: readonly StatusHistoryDto[],
  timeZone: string,
  pick: (label: Bilingual) => string,
  color: (to: string) => string = () => 'blue',
): TimelineEntry[] {
  const status = (value: string | null) => statusText(view, value, pick);
  return history.map((h) => ({
    key: `h-${h.id}`,
    when: formatInstant(h.at, timeZone),
    shown: formatInstant(h.at, timeZone),
    kind: 'status',
    title: h.from ? `${status(h.from)} → ${status(h.to)}` : status(h.to),
    detail: [h.userName, h.remark].filter(Boolean).join(' · '),
    color: color(h.to),
  }));
}

/** A dated entry of a record's part (a session, a visit…): it sorts at noon of its day. */
export function datedEntry(key: string, date: string, title: string, detail: string, color: string, kind?: string): TimelineEntry {
  return { key, when: `${date} 12:00:00`, shown: date, title, detail, color, ...(kind ? { kind } : {}) };
}

/** Timeline entries in date order. */
export function byTime(entries: readonly TimelineEntry[]): TimelineEntry[] {
  return [...entries].sort((a, b) => a.when.localeCompare(b.when));
}
