import type { DeadlineDto, DeadlineState } from './ledger';
import { zonedParts } from './time';

/* ---------- Holiday calendar (法定节假日与调休) ---------- */

/**
 * A special day: `holiday` is a day off (statutory holiday, also when it falls on a weekend);
 * `workday` is a day that is worked although it is a weekend (调休上班). Every other day is a
 * working day from Monday to Friday and a rest day on Saturday and Sunday.
 */
export type CalendarDayKind = 'holiday' | 'workday';
export const CALENDAR_DAY_KINDS: readonly CalendarDayKind[] = ['holiday', 'workday'];
export const CALENDAR_DAY_KIND_LABELS: Record<CalendarDayKind, { zh: string; en: string }> = {
  holiday: { zh: '放假', en: 'Holiday' },
  workday: { zh: '调休上班', en: 'Make-up workday' },
};

/** Where a day comes from: the kept national arrangement, or an administrator's edit. */
export type CalendarDaySource = 'chinese-days' | 'admin';

/** The years the calendar accepts. */
export const CALENDAR_MIN_YEAR = 2000;
export const CALENDAR_MAX_YEAR = 2099;

export interface CalendarDayDto {
  /** `YYYY-MM-DD`, a plain date. */
  date: string;
  kind: CalendarDayKind;
  name: string;
  source: CalendarDaySource;
  updatedAt: string;
  updatedBy: string | null;
  version: number;
}

/**
 * A year whose holiday arrangement is complete in the calendar: a year of the kept national
 * arrangement, or one an administrator declared entered after entering its days. Deadlines
 * counted over a year without one are provisional (`DeadlineDto.provisional`).
 */
export interface CalendarYearEntryDto {
  year: number;
  source: CalendarDaySource;
  enteredAt: string;
  enteredBy: string | null;
  version: number;
}

export interface CalendarYearDto {
  year: number;
  /** Whether the kept national arrangement covers this year; otherwise an administrator enters it. */
  sourceCovered: boolean;
  /** Whether the year's arrangement is complete (kept, or declared entered); null while it is not. */
  entered: CalendarYearEntryDto | null;
  days: CalendarDayDto[];
}

/** `PUT /api/calendar/years/:year`: declares the year's days entered; `version` 0 when it is not yet. */
export interface CalendarYearInput {
  version: number;
}

/**
 * From this day of the year (month and day, in the caller's town) the holders of `calendar.manage`
 * are reminded to enter the next year's arrangement (the State Council usually publishes it in
 * October or November), until it is entered.
 */
export const CALENDAR_REMINDER_FROM = { month: 11, day: 1 } as const;

/** `PUT /api/calendar/:date`; `version` is the day's current version, 0 when it has no entry yet. */
export interface CalendarDayInput {
  kind: CalendarDayKind;
  name: string;
  version: number;
}

/* ---------- Deadlines (期限) ---------- */

/**
 * `working`: working days on the holiday calendar, the first working day after the start date
 * being day 1. `calendar`: calendar days after the start date; when the last day is a rest day
 * the period ends on the next working day (民事诉讼法 第八十五条, applied to administrative
 * procedure through 行政复议法 第八十八条 and 行政诉讼法 第一百零一条).
 */
export type DeadlineUnit = 'calendar' | 'working';
export const DEADLINE_UNITS: readonly DeadlineUnit[] = ['calendar', 'working'];
export const DEADLINE_UNIT_LABELS: Record<DeadlineUnit, { zh: string; en: string }> = {
  calendar: { zh: '日', en: 'calendar days' },
  working: { zh: '个工作日', en: 'working days' },
};

/** A deadline this many calendar days away or fewer is in the warning state. */
export const DEADLINE_WARNING_DAYS = 3;
/** The longest period a deadline rule, a pause or an extension may count. */
export const DEADLINE_MAX_DAYS = 3660;

export const DEADLINE_STATES: readonly DeadlineState[] = ['overdue', 'warning', 'ok', 'paused', 'done'];
export const DEADLINE_STATE_LABELS: Record<DeadlineState, { zh: string; en: string }> = {
  ok: { zh: '正常', en: 'On track' },
  warning: { zh: '即将到期', en: 'Due soon' },
  overdue: { zh: '已超期', en: 'Overdue' },
  paused: { zh: '已暂停', en: 'Paused' },
  done: { zh: '已完成', en: 'Done' },
};

/** A deadline's period: its rule, pauses and extensions, and the due date they give. */
export interface DeadlinePeriod {
  ruleDays: number;
  unit: DeadlineUnit;
  startDate: string;
  /** The due date the rule gives before pauses and extensions. */
  baseDueDate: string;
  pausedFrom: string | null;
  /** Days spent paused, in the rule's unit. */
  pausedDays: number;
  extensionDays: number;
  extensionReason: string | null;
  extendedBy: string | null;
  dueDate: string;
}

/** A deadline as a record's detail page shows it. */
export interface DeadlineDetailDto extends DeadlineDto, DeadlinePeriod {
  id: string;
  title: string;
  doneAt: string | null;
  assigneeIds: string[];
  version: number;
}

/**
 * The `ledger` and `kind` of the item `GET /api/my/deadlines` gives a holder of `calendar.manage`
 * for a year whose holiday arrangement is still to be entered: `recordId` is the year, the due
 * date the last day before it.
 */
export const CALENDAR_YEAR_ITEM = { ledger: 'calendar', kind: 'calendar-year' } as const;

/**
 * One row of `GET /api/my/deadlines`: the caller's due and overdue work, most urgent first: the
 * deadlines of records, and for calendar administrators the years to enter (`CALENDAR_YEAR_ITEM`,
 * listed first, with no town).
 */
export interface MyDeadlineDto extends DeadlineDto {
  id: string;
  townId: string | null;
  ledger: string;
  recordId: string;
  title: string;
}

/** The plain date (`YYYY-MM-DD`) of an instant in a time zone: "today" in a town. */
export function plainDateInZone(instant: Date, timeZone: string): string {
  const { year, month, day } = zonedParts(instant, timeZone);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
