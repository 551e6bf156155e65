import { DEADLINE_WARNING_DAYS } from '@fazhi/contracts';
import type { DeadlineDto, DeadlineState } from '@fazhi/contracts';
import { calendarDaysBetween } from '../calendar/working-days';

export interface DeadlineFacts {
  kind: string;
  dueDate: string;
  pausedFrom: string | null;
  doneAt: Date | null;
}

/**
 * Where a deadline stands on `today` (the town's date): days left to the due date in calendar
 * days (negative when overdue), and its state — done, paused, overdue past the due date, warning
 * within `DEADLINE_WARNING_DAYS`, else ok.
 */
export function deadlineStatus(d: DeadlineFacts, today: string): DeadlineDto {
  const daysLeft = calendarDaysBetween(today, d.dueDate);
  let state: DeadlineState;
  if (d.doneAt) state = 'done';
  else if (d.pausedFrom) state = 'paused';
  else if (daysLeft < 0) state = 'overdue';
  else if (daysLeft <= DEADLINE_WARNING_DAYS) state = 'warning';
  else state = 'ok';
  return { kind: d.kind, dueDate: d.dueDate, daysLeft, state };
}
