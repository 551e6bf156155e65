import { DEADLINE_WARNING_DAYS } from '@fazhi/contracts';
import { calendarYearItem, deadlineStatus, yearsToEnter } from './deadline-state';

const open = { kind: 'notice', dueDate: '2021-10-09', pausedFrom: null, doneAt: null, provisional: false };

describe('deadline state', () => {
  it('counts calendar days left from the town date to the due date', () => {
    expect(deadlineStatus(open, '2021-09-27')).toEqual({ kind: 'notice', dueDate: '2021-10-09', daysLeft: 12, state: 'ok', provisional: false });
  });

  it(`warns within ${DEADLINE_WARNING_DAYS} days, the due day included, and is overdue after it`, () => {
    expect(deadlineStatus(open, '2021-10-05').state).toBe('ok');
    expect(deadlineStatus(open, '2021-10-06')).toMatchObject({ daysLeft: 3, state: 'warning' });
    expect(deadlineStatus(open, '2021-10-09')).toMatchObject({ daysLeft: 0, state: 'warning' });
    expect(deadlineStatus(open, '2021-10-10')).toMatchObject({ daysLeft: -1, state: 'overdue' });
  });

  it('puts done before paused before the dates', () => {
    expect(deadlineStatus({ ...open, pausedFrom: '2021-10-01' }, '2021-10-20').state).toBe('paused');
    expect(deadlineStatus({ ...open, pausedFrom: '2021-10-01', doneAt: new Date('2021-10-02T00:00:00Z') }, '2021-10-20')).toMatchObject({ daysLeft: -11, state: 'done' });
  });

  it('is provisional while open, paused or overdue, and no longer once met', () => {
    const unsure = { ...open, dueDate: '2027-01-05', provisional: true };
    expect(deadlineStatus(unsure, '2026-12-21')).toEqual({ kind: 'notice', dueDate: '2027-01-05', daysLeft: 15, state: 'ok', provisional: true });
    expect(deadlineStatus({ ...unsure, pausedFrom: '2026-12-22' }, '2026-12-23')).toMatchObject({ state: 'paused', provisional: true });
    expect(deadlineStatus(unsure, '2027-01-06')).toMatchObject({ state: 'overdue', provisional: true });
    expect(deadlineStatus({ ...unsure, doneAt: new Date('2026-12-30T02:00:00Z') }, '2027-01-06')).toMatchObject({ state: 'done', provisional: false });
  });
});

describe('the years a calendar administrator is to enter', () => {
  const kept = (year: number) => year <= 2026;

  it('asks for next year from 1 November, and not a day before', () => {
    expect(yearsToEnter('2026-10-31', kept)).toEqual([]);
    expect(yearsToEnter('2026-11-01', kept)).toEqual([2027]);
    expect(yearsToEnter('2026-12-31', kept)).toEqual([2027]);
  });

  it('keeps asking for a year already begun while it is missing', () => {
    expect(yearsToEnter('2027-01-01', kept)).toEqual([2027]);
    expect(yearsToEnter('2027-06-30', kept)).toEqual([2027]);
    expect(yearsToEnter('2027-11-01', kept)).toEqual([2027, 2028]);
  });

  it('stops asking for a year once entered', () => {
    const entered = (year: number) => year <= 2027;
    expect(yearsToEnter('2026-11-01', entered)).toEqual([]);
    expect(yearsToEnter('2027-11-01', entered)).toEqual([2028]);
  });

  it('makes the year a due item ending on the eve of the year', () => {
    expect(calendarYearItem(2027, '2026-11-01')).toEqual({
      id: 'calendar-year:2027',
      townId: null,
      ledger: 'calendar',
      recordId: '2027',
      kind: 'calendar-year',
      title: '2027 年节假日安排',
      dueDate: '2026-12-31',
      daysLeft: 60,
      state: 'ok',
      provisional: false,
    });
    expect(calendarYearItem(2027, '2026-12-29')).toMatchObject({ daysLeft: 2, state: 'warning' });
    expect(calendarYearItem(2027, '2027-01-04')).toMatchObject({ daysLeft: -4, state: 'overdue' });
  });
});
