import { KEPT_CALENDAR } from './kept-calendar';
import {
  addCalendarDays,
  addWorkingDays,
  calendarDaysBetween,
  countsUncoveredYear,
  DayKindLookup,
  isPlainDate,
  isWorkday,
  periodEnd,
  restOfMonth,
  spanLength,
  weekdayOf,
  workdayOnOrAfter,
  workingDaysBetween,
} from './working-days';

const kept: DayKindLookup = (date) => KEPT_CALENDAR.byDate.get(date)?.kind;
const plain: DayKindLookup = () => undefined;

describe('plain dates', () => {
  it('accepts only real YYYY-MM-DD dates', () => {
    expect(isPlainDate('2021-10-01')).toBe(true);
    expect(isPlainDate('2024-02-29')).toBe(true);
    for (const bad of ['2021-02-29', '2021-13-01', '2021-1-01', '2021-10-01T00:00:00Z', '', 20211001, null]) expect(isPlainDate(bad)).toBe(false);
  });

  it('adds and subtracts calendar days across months, years and leap days', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2021-12-31', 1)).toBe('2022-01-01');
    expect(addCalendarDays('2021-03-01', -1)).toBe('2021-02-28');
    expect(calendarDaysBetween('2021-09-30', '2021-10-08')).toBe(8);
    expect(calendarDaysBetween('2021-10-08', '2021-09-30')).toBe(-8);
  });

  it('never shifts a date, whatever the process time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
        process.env.TZ = tz;
        expect(addCalendarDays('2021-10-31', 1)).toBe('2021-11-01');
        expect(weekdayOf('2021-09-18')).toBe(6);
        expect(addWorkingDays('2021-09-30', 1, kept)).toBe('2021-10-08');
      }
    } finally {
      process.env.TZ = saved;
    }
  });
});

describe('working days on the 2021 calendar', () => {
  it('treats make-up Saturdays and Sundays (调休) as working days and holidays as days off', () => {
    for (const d of ['2021-02-07', '2021-02-20', '2021-09-18', '2021-10-09']) expect(isWorkday(d, kept)).toBe(true);
    for (let day = 1; day <= 7; day++) expect(isWorkday(`2021-10-0${day}`, kept)).toBe(false);
    expect(isWorkday('2021-10-08', kept)).toBe(true);
    expect(isWorkday('2021-10-10', kept)).toBe(false);
    expect(isWorkday('2021-10-09', plain)).toBe(false);
  });

  it('counts the first working day after the start date as day 1', () => {
    expect(addWorkingDays('2021-09-30', 1, kept)).toBe('2021-10-08');
    expect(addWorkingDays('2021-10-08', 1, kept)).toBe('2021-10-09');
    expect(addWorkingDays('2021-09-17', 1, kept)).toBe('2021-09-18');
    expect(addWorkingDays('2021-09-18', 1, kept)).toBe('2021-09-22');
    expect(addWorkingDays('2021-02-05', 1, kept)).toBe('2021-02-07');
    expect(addWorkingDays('2021-02-10', 1, kept)).toBe('2021-02-18');
    expect(addWorkingDays('2021-02-19', 1, kept)).toBe('2021-02-20');
    expect(addWorkingDays('2021-09-27', 5, kept)).toBe('2021-10-09');
    expect(addWorkingDays('2021-10-01', 0, kept)).toBe('2021-10-01');
  });

  it('counts backwards for a negative n', () => {
    expect(addWorkingDays('2021-10-08', -1, kept)).toBe('2021-09-30');
    expect(addWorkingDays('2021-09-22', -1, kept)).toBe('2021-09-18');
  });

  it('counts working days between two dates as (a, b], the inverse of adding them', () => {
    expect(workingDaysBetween('2021-09-30', '2021-10-09', kept)).toBe(2);
    expect(workingDaysBetween('2021-10-01', '2021-10-07', kept)).toBe(0);
    expect(workingDaysBetween('2021-10-09', '2021-09-30', kept)).toBe(-2);
    for (let i = 0; i < 365; i += 7) {
      const start = addCalendarDays('2021-01-01', i);
      for (const n of [1, 5, 15, 60]) expect(workingDaysBetween(start, addWorkingDays(start, n, kept), kept)).toBe(n);
    }
  });

  it('ends a calendar-day period that falls on a rest day on the next working day', () => {
    expect(periodEnd('2021-09-16', 15, 'calendar', kept)).toBe('2021-10-08');
    expect(periodEnd('2021-09-15', 3, 'calendar', kept)).toBe('2021-09-18');
    expect(periodEnd('2021-06-15', 30, 'calendar', kept)).toBe('2021-07-15');
    expect(periodEnd('2021-09-27', 5, 'working', kept)).toBe('2021-10-09');
    expect(workdayOnOrAfter('2021-10-02', kept)).toBe('2021-10-08');
    expect(workdayOnOrAfter('2021-10-08', kept)).toBe('2021-10-08');
  });

  it('measures a paused span in the rule unit', () => {
    expect(spanLength('2021-09-28', '2021-10-11', 'working', kept)).toBe(5);
    expect(spanLength('2021-09-28', '2021-10-11', 'calendar', kept)).toBe(13);
  });

  it('refuses to walk a calendar without working days', () => {
    expect(() => addWorkingDays('2021-01-01', 1, () => 'holiday')).toThrow(RangeError);
  });
});

describe('periods over a year without a holiday arrangement', () => {
  const keptYears = (year: number) => year >= KEPT_CALENDAR.firstYear && year <= KEPT_CALENDAR.lastYear;

  it('counts 1 January 2027 as a working day while 2027 is missing', () => {
    expect(KEPT_CALENDAR.lastYear).toBe(2026);
    expect(isWorkday('2027-01-01', kept)).toBe(true);
    expect(addWorkingDays('2026-12-31', 1, kept)).toBe('2027-01-01');
    expect(periodEnd('2026-12-02', 30, 'calendar', kept)).toBe('2027-01-01');
  });

  it('marks a period provisional when any day it counted lies in a missing year', () => {
    const end = addWorkingDays('2026-12-21', 10, kept);
    expect(end).toBe('2027-01-04');
    expect(countsUncoveredYear('2026-12-21', end, keptYears)).toBe(true);
    expect(countsUncoveredYear('2026-12-01', periodEnd('2026-12-01', 30, 'calendar', kept), keptYears)).toBe(false);
    expect(countsUncoveredYear('2026-12-02', periodEnd('2026-12-02', 30, 'calendar', kept), keptYears)).toBe(true);
  });

  it('never counts the start day itself, and finds a missing year in the middle of a long period', () => {
    expect(countsUncoveredYear('2026-12-31', '2026-12-31', keptYears)).toBe(false);
    expect(countsUncoveredYear('2026-12-31', '2027-01-01', keptYears)).toBe(true);
    expect(countsUncoveredYear('2020-12-31', '2021-01-04', keptYears)).toBe(false);
    expect(countsUncoveredYear('2020-12-30', '2021-01-04', keptYears)).toBe(true);
    const only2028 = (year: number) => year !== 2028;
    expect(countsUncoveredYear('2027-06-01', '2029-03-01', only2028)).toBe(true);
    expect(countsUncoveredYear('2027-06-01', '2027-12-31', only2028)).toBe(false);
  });

  it('is no longer provisional once the year is entered', () => {
    const entered = (year: number) => keptYears(year) || year === 2027;
    expect(countsUncoveredYear('2026-12-21', '2027-01-04', entered)).toBe(false);
  });
});

describe('the rest of a month', () => {
  it('counts the working days left, the day itself included, and finds the month’s last working day', () => {
    // December 2025 ends on a Wednesday; September 2023 ends with 中秋 and a Saturday off.
    expect(restOfMonth('2025-12-24', plain)).toEqual({ workingDaysLeft: 6, lastWorkingDay: '2025-12-31' });
    expect(restOfMonth('2025-12-25', plain)).toEqual({ workingDaysLeft: 5, lastWorkingDay: '2025-12-31' });
    expect(restOfMonth('2023-09-22', plain)).toEqual({ workingDaysLeft: 6, lastWorkingDay: '2023-09-29' });
    expect(restOfMonth('2023-09-22', kept)).toEqual({ workingDaysLeft: 5, lastWorkingDay: '2023-09-28' });
    // A Saturday counts nothing for itself; February of a leap year ends on the 29th.
    expect(restOfMonth('2025-12-27', plain)).toEqual({ workingDaysLeft: 3, lastWorkingDay: '2025-12-31' });
    expect(restOfMonth('2024-02-29', plain)).toEqual({ workingDaysLeft: 1, lastWorkingDay: '2024-02-29' });
  });
});
