import { DisputeStatistics } from '@fazhi/contracts';
import { DISPUTE_FIGURE_CARDS, disputeFigureUrl, figureValue } from './dispute-statistics.component';
import { toApiQuery } from '../../shared/query-params';
import { DISPUTE_FILTERS } from './dispute-filters';
import { peaceOfficerFilters } from './peace-officer-list.component';

const STATS = {
  received: 120,
  accepted: 118,
  agreed: 110,
  terminated: 5,
  successRate: { value: 110 / 115, numerator: 110, denominator: 115 },
  warnings: 2,
  escalated: 0,
  peaceOfficers: 56,
  filters: {
    received: 'voided=false&registeredYear=2021',
    accepted: 'voided=false&acceptedYear=2021',
    agreed: 'voided=false&agreedYear=2021',
    terminated: 'voided=false&terminatedYear=2021',
    successRate: 'voided=false&concludedYear=2021',
    warnings: 'voided=false&warningYear=2021',
    escalated: 'voided=false&escalatedYear=2021',
    peaceOfficers: 'activeInYear=2021',
  },
} as unknown as DisputeStatistics;

describe('dispute statistics cards', () => {
  it('opens the dispute list with each figure query, which the list reads back whole', () => {
    for (const card of DISPUTE_FIGURE_CARDS.filter((c) => c.key !== 'peaceOfficers')) {
      const url = disputeFigureUrl(card.key, STATS);
      const [path, query] = url.split('?');
      expect(path).toBe('/disputes');
      expect(query).toBe(STATS.filters[card.key]);
      const back = new URLSearchParams(Object.entries(toApiQuery(DISPUTE_FILTERS.fromParams(new URLSearchParams(query)))).map(([k, v]) => [k, String(v)]));
      expect([...back.entries()].sort()).toEqual([...new URLSearchParams(query).entries()].sort());
    }
  });

  it('opens the peace officer register with its filter, which the register reads back', () => {
    const url = disputeFigureUrl('peaceOfficers', STATS);
    expect(url).toBe('/disputes/peace-officers?activeInYear=2021');
    expect(peaceOfficerFilters(2026).fromParams(new URLSearchParams(url.split('?')[1])).activeInYear).toBe(2021);
  });

  it('shows the success rate as a percentage and the counts as they are', () => {
    expect(figureValue('successRate', STATS)).toBe('95.7%');
    expect(figureValue('received', STATS)).toBe('120');
    expect(figureValue('successRate', { ...STATS, successRate: { value: null, numerator: 0, denominator: 0 } })).toBe('—');
  });
});
