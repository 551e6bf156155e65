import { CALENDAR_REMINDER_FROM, CALENDAR_YEAR_ITEM, DEADLINE_WARNING_DAYS } from '@fazhi/contracts';
import type { DeadlineDto, DeadlineState, MyDeadlineDto } from '@fazhi/contracts';
import { calendarDaysBetween, yearOf } from '../calendar/working-days';

export interface DeadlineFacts {
  kind: string;
  dueDate: string;
  pausedFrom: string | null;
  doneAt: Date | null;
  /** The period counted a day in a year without a complete holiday arrangement. */
  provisional: boolean;
}

function stateOf(daysLeft: number, done: boolean, paused: boolean): DeadlineState {
  if (done) return 'done';
  if (paused) return 'paused';
  if (daysLeft < 0) return 'overdue';
  if (daysLeft <= DEADLINE_WARNING_DAYS) return 'warning';
  return 'ok';
}

/**
 * Where a deadline stands on `today` (the town's date): days left to the due date in calendar
 * days (negative when overdue), and its state — done, paused, overdue past the due date, warning
 * within `DEADLINE_WARNING_DAYS`, else ok. An open deadline counted over a year without a
 * holiday arrangement is provisional; a met one no longer waits on the calendar.
 */
export function deadlineStatus(d: DeadlineFacts, today: string): DeadlineDto {
  const daysLeft = calendarDaysBetween(today, d.dueDate);
  const state = stateOf(daysLeft, Boolean(d.doneAt), Boolean(d.pausedFrom));
  return { kind: d.kind, dueDate: d.dueDate, daysLeft, state, provisional: !d.doneAt && d.provisional };
}

/**
 * The years whose holiday arrangement a calendar administrator is to enter on `today` (the
 * caller's town date): this year while it has none, and next year from `CALENDAR_REMINDER_FROM`
 * on while it has none.
 */
export function yearsToEnter(today: string, covered: (year: number) => boolean): number[] {
  const year = yearOf(today);
  const from = `${year}-${String(CALENDAR_REMINDER_FROM.month).padStart(2, '0')}-${String(CALENDAR_REMINDER_FROM.day).padStart(2, '0')}`;
  const years = today >= from ? [year, year + 1] : [year];
  return years.filter((y) => !covered(y));
}

/** The home list's item for a year to enter: due on the last day before the year begins. */
export function calendarYearItem(year: number, today: string): MyDeadlineDto {
  const dueDate = `${year - 1}-12-31`;
  const status = deadlineStatus({ kind: CALENDAR_YEAR_ITEM.kind, dueDate, pausedFrom: null, doneAt: null, provisional: false }, today);
  return { ...status, id: `${CALENDAR_YEAR_ITEM.kind}:${year}`, townId: null, ledger: CALENDAR_YEAR_ITEM.ledger, recordId: String(year), title: `${year} 年节假日安排` };
}

/** What a computed due item states (`DueItemProvider`): its ledger, kind, place and due date. */
export interface ComputedDueItem {
  ledger: string;
  kind: string;
  townId: string;
  recordId: string;
  title: string;
  dueDate: string;
  provisional: boolean;
}

/** The home list's row for a computed due item on `today`: due from the moment it is listed, so never merely on track. */
export function computedDueItem(item: ComputedDueItem, today: string): MyDeadlineDto {
  const status = deadlineStatus({ kind: item.kind, dueDate: item.dueDate, pausedFrom: null, doneAt: null, provisional: item.provisional }, today);
  return {
    ...status,
    state: status.state === 'ok' ? 'warning' : status.state,
    id: `${item.kind}:${item.recordId}`,
    townId: item.townId,
    ledger: item.ledger,
    recordId: item.recordId,
    title: item.title,
  };
}
