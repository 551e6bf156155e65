import { ADVISOR_MONTH_STATE_LABELS, AdvisorMonthCell, AdvisorMonthState } from '@fazhi/contracts';

/** The cell's colours: met green, short orange, none red; a month not over yet and under the rule shows grey. */
export const MONTH_STATE_CLASS: Record<AdvisorMonthState, string> = { met: 'fz-month-met', short: 'fz-month-short', none: 'fz-month-none' };

/** The states in the legend's order. */
export const MONTH_STATES = Object.keys(ADVISOR_MONTH_STATE_LABELS) as AdvisorMonthState[];

/** A month still running and not yet at the rule's hours: not short yet, only not over yet. */
export function cellPending(cell: Pick<AdvisorMonthCell, 'open' | 'state'>): boolean {
  return cell.open && cell.state !== 'met';
}

/** A cell's class: its state, or "not over yet" (grey) for a running month under the rule. */
export function cellClass(cell: AdvisorMonthCell): string {
  return cellPending(cell) ? 'fz-month-pending' : MONTH_STATE_CLASS[cell.state];
}

/** Hours as a cell shows them: at most one decimal, none when whole. */
export function shortHours(hours: number): string {
  return String(Math.round(hours * 10) / 10);
}

/** The service log page showing a cell's entries (its `filter` is the list's query string). */
export function cellEntriesUrl(cell: Pick<AdvisorMonthCell, 'filter'>): string {
  return cell.filter ? `/advisors?${cell.filter}` : '/advisors';
}

/** Who may do what with a cell: sign off a month that is over and not checked, reopen a checked one. */
export function cellActions(cell: AdvisorMonthCell, canCheck: boolean): { signOff: boolean; reopen: boolean } {
  const checked = cell.check?.status === 'checked';
  return { signOff: canCheck && !cell.open && !checked, reopen: canCheck && checked };
}

/** A due item's village-month (`<villageId>:<YYYY-MM>`, the route's `:cell`), or null when malformed. */
export function cellKey(value: string | null | undefined): { villageId: string; month: string } | null {
  const m = /^([0-9a-f-]{36}):(\d{4}-(0[1-9]|1[0-2]))$/i.exec(value ?? '');
  return m ? { villageId: m[1], month: m[2] } : null;
}
