import { AdvisorMonthCell } from '@fazhi/contracts';
import { ADVISOR_SERVICE_FILTERS } from './advisor-filters';
import { cellActions, cellClass, cellEntriesUrl, cellKey, shortHours } from './monthly-check';

const CELL: AdvisorMonthCell = {
  month: '2026-11',
  hours: 5.25,
  entries: 2,
  state: 'short',
  open: false,
  check: null,
  filter: 'voided=false&villageId=7f1c2d3e-0000-4000-8000-000000000001&month=2026-11',
};
const CHECK = {
  villageId: '7f1c2d3e-0000-4000-8000-000000000001',
  month: '2026-11',
  status: 'checked' as const,
  remark: null,
  checkedAt: '2026-12-02T02:00:00Z',
  checkedBy: 'u-2',
  checkedByName: '梁文静',
  reopenedAt: null,
  reopenReason: null,
  version: 1,
};

describe('monthly check cells', () => {
  it('colours a cell by its state, a running month under the rule as pending', () => {
    expect(cellClass(CELL)).toBe('fz-month-short');
    expect(cellClass({ ...CELL, state: 'met' })).toBe('fz-month-met');
    expect(cellClass({ ...CELL, state: 'none', entries: 0 })).toBe('fz-month-none');
    expect(cellClass({ ...CELL, state: 'none', entries: 0, open: true })).toBe('fz-month-pending');
    expect(cellClass({ ...CELL, open: true })).toBe('fz-month-pending');
    expect(cellClass({ ...CELL, state: 'met', open: true })).toBe('fz-month-met');
  });

  it('shows hours with at most one decimal', () => {
    expect(shortHours(5.25)).toBe('5.3');
    expect(shortHours(8)).toBe('8');
    expect(shortHours(0)).toBe('0');
  });

  it("opens the cell's entries on the service log, which reads its filter whole", () => {
    const url = cellEntriesUrl(CELL);
    expect(url).toBe(`/advisors?${CELL.filter}`);
    const query = ADVISOR_SERVICE_FILTERS.fromParams(new URLSearchParams(url.split('?')[1]));
    expect(query).toMatchObject({ voided: 'false', villageId: '7f1c2d3e-0000-4000-8000-000000000001', month: '2026-11' });
  });

  it('lets checkers sign off a finished month and reopen a checked one, nobody else', () => {
    expect(cellActions(CELL, true)).toEqual({ signOff: true, reopen: false });
    expect(cellActions({ ...CELL, open: true }, true)).toEqual({ signOff: false, reopen: false });
    expect(cellActions({ ...CELL, check: CHECK }, true)).toEqual({ signOff: false, reopen: true });
    expect(cellActions({ ...CELL, check: { ...CHECK, status: 'reopened' } }, true)).toEqual({ signOff: true, reopen: false });
    expect(cellActions({ ...CELL, check: CHECK }, false)).toEqual({ signOff: false, reopen: false });
    expect(cellActions(CELL, false)).toEqual({ signOff: false, reopen: false });
  });
});

describe('a due item opening its village-month', () => {
  it("reads the item's record id as the village and the month", () => {
    expect(cellKey('7f1c2d3e-0000-4000-8000-000000000001:2026-12')).toEqual({ villageId: '7f1c2d3e-0000-4000-8000-000000000001', month: '2026-12' });
    expect(cellKey('7f1c2d3e-0000-4000-8000-000000000001:2026-13')).toBeNull();
    expect(cellKey('2026-12')).toBeNull();
    expect(cellKey(undefined)).toBeNull();
  });
});
