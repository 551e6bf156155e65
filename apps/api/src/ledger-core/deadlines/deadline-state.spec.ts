import { DEADLINE_WARNING_DAYS } from '@fazhi/contracts';
import { deadlineStatus } from './deadline-state';

const open = { kind: 'notice', dueDate: '2021-10-09', pausedFrom: null, doneAt: null };

describe('deadline state', () => {
  it('counts calendar days left from the town date to the due date', () => {
    expect(deadlineStatus(open, '2021-09-27')).toEqual({ kind: 'notice', dueDate: '2021-10-09', daysLeft: 12, state: 'ok' });
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
});
