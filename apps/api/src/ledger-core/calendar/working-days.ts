import type { CalendarDayKind, DeadlineUnit } from '@fazhi/contracts';

/**
 * Date arithmetic on plain dates (`YYYY-MM-DD`). Dates are counted as day numbers in UTC, so no
 * time zone — the server's or the town's — ever shifts them.
 */

const MS_PER_DAY = 86_400_000;
/** How far a walk over the calendar may go before it is taken for a calendar with no working day. */
const MAX_WALK_DAYS = 100 * 366;

/** The special-day kind of a date, or undefined for an ordinary day. */
export type DayKindLookup = (date: string) => CalendarDayKind | undefined;

export function isPlainDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function dayNumber(date: string): number {
  if (!isPlainDate(date)) throw new RangeError(`not a plain date: ${String(date)}`);
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

function fromDayNumber(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return new Date(dayNumber(date) * MS_PER_DAY).getUTCDay();
}

export function isWeekend(date: string): boolean {
  const wd = weekdayOf(date);
  return wd === 0 || wd === 6;
}

export function addCalendarDays(date: string, n: number): string {
  return fromDayNumber(dayNumber(date) + n);
}

/** `b − a` in calendar days. */
export function calendarDaysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

export function isWorkday(date: string, kindOf: DayKindLookup): boolean {
  const kind = kindOf(date);
  if (kind === 'workday') return true;
  if (kind === 'holiday') return false;
  return !isWeekend(date);
}

/**
 * The n-th working day after `date` (Chinese statutes' counting: the start date is not counted,
 * the first working day after it is day 1). n = 0 answers `date`; a negative n counts backwards.
 */
export function addWorkingDays(date: string, n: number, kindOf: DayKindLookup): string {
  const step = n < 0 ? -1 : 1;
  let day = dayNumber(date);
  let left = Math.abs(n);
  let walked = 0;
  while (left > 0) {
    day += step;
    if (++walked > MAX_WALK_DAYS) throw new RangeError('the calendar has no working day in a century');
    if (isWorkday(fromDayNumber(day), kindOf)) left -= 1;
  }
  return fromDayNumber(day);
}

/**
 * Working days in (a, b]: how many working days after `a` reach `b`, so that
 * `workingDaysBetween(a, addWorkingDays(a, n)) === n`. Negative when b is before a.
 */
export function workingDaysBetween(a: string, b: string, kindOf: DayKindLookup): number {
  const from = dayNumber(a);
  const to = dayNumber(b);
  if (to < from) return -workingDaysBetween(b, a, kindOf);
  let count = 0;
  for (let day = from + 1; day <= to; day++) if (isWorkday(fromDayNumber(day), kindOf)) count += 1;
  return count;
}

/**
 * What is left of `date`'s month: its working days from `date` to the month's end, `date` itself
 * counted when it is a working day, and the month's last working day.
 */
export function restOfMonth(date: string, kindOf: DayKindLookup): { workingDaysLeft: number; lastWorkingDay: string } {
  const [year, month] = date.split('-').map(Number);
  const monthEnd = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  let lastWorkingDay = monthEnd;
  while (lastWorkingDay > date.slice(0, 7) && !isWorkday(lastWorkingDay, kindOf)) lastWorkingDay = addCalendarDays(lastWorkingDay, -1);
  return { workingDaysLeft: workingDaysBetween(addCalendarDays(date, -1), monthEnd, kindOf), lastWorkingDay };
}

/** `date` itself when it is a working day, else the first working day after it. */
export function workdayOnOrAfter(date: string, kindOf: DayKindLookup): string {
  return isWorkday(date, kindOf) ? date : addWorkingDays(date, 1, kindOf);
}

/**
 * The last day of a period of `days` counted from `start` in `unit` (see `DeadlineUnit`): working
 * days as `addWorkingDays`; calendar days with a last day that is a rest day moved to the next
 * working day.
 */
export function periodEnd(start: string, days: number, unit: DeadlineUnit, kindOf: DayKindLookup): string {
  return unit === 'working' ? addWorkingDays(start, days, kindOf) : workdayOnOrAfter(addCalendarDays(start, days), kindOf);
}

/** The length of the span (from, to] in `unit`: working days or calendar days. */
export function spanLength(from: string, to: string, unit: DeadlineUnit, kindOf: DayKindLookup): number {
  return unit === 'working' ? workingDaysBetween(from, to, kindOf) : calendarDaysBetween(from, to);
}

/**
 * The date `n` months after `date`: the same day of the month, or the month's last day when it
 * has no such day (a period of one month from 31 January ends on 28 or 29 February).
 */
export function addMonths(date: string, n: number): string {
  if (!isPlainDate(date)) throw new RangeError(`not a plain date: ${String(date)}`);
  const [y, m, d] = date.split('-').map(Number);
  const months = y * 12 + (m - 1) + n;
  const year = Math.floor(months / 12);
  const month = (months % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * Whether a period (start, end] counted a day in a year the calendar lacks (`covered` says which
 * years it has): its working days there were taken as Monday to Friday, so its end is provisional
 * until that year is entered. An empty period counted no day.
 */
export function countsUncoveredYear(start: string, end: string, covered: (year: number) => boolean): boolean {
  if (calendarDaysBetween(start, end) <= 0) return false;
  for (let year = yearOf(addCalendarDays(start, 1)); year <= yearOf(end); year++) if (!covered(year)) return true;
  return false;
}
