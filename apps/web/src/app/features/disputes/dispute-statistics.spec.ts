import { DisputeStatistics } from '@fazhi/contracts';
import { figureCards, figureUrl } from '../../shared/ledger/statistics-page.component';
import { toApiQuery } from '../../shared/query-params';
import { DISPUTE_FILTERS } from './dispute-filters';
import { DISPUTE_STATISTICS } from './dispute-statistics';
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

const value = (key: string, stats: DisputeStatistics) => figureCards(DISPUTE_STATISTICS.figures, stats).find((c) => c.key === key);

describe('dispute statistics cards', () => {
  it('opens the dispute list with each figure query, which the list reads back whole', () => {
    for (const card of DISPUTE_STATISTICS.figures.filter((c) => c.key !== 'peaceOfficers')) {
      const url = figureUrl(DISPUTE_STATISTICS, card.key, STATS);
      const [path, query] = url.split('?');
      expect(path).toBe('/disputes');
      expect(query).toBe(STATS.filters[card.key]);
      const back = new URLSearchParams(Object.entries(toApiQuery(DISPUTE_FILTERS.fromParams(new URLSearchParams(query)))).map(([k, v]) => [k, String(v)]));
      expect([...back.entries()].sort()).toEqual([...new URLSearchParams(query).entries()].sort());
    }
  });

  it('opens the peace officer register with its filter, which the register reads back', () => {
    const url = figureUrl(DISPUTE_STATISTICS, 'peaceOfficers', STATS);
    expect(url).toBe('/disputes/peace-officers?activeInYear=2021');
    expect(peaceOfficerFilters(2026).fromParams(new URLSearchParams(url.split('?')[1])).activeInYear).toBe(2021);
  });

  it('shows the success rate as a percentage with its fraction, and the counts as they are', () => {
    expect(value('successRate', STATS)).toMatchObject({ value: '95.7%', detail: '110 / 115' });
    expect(value('received', STATS)).toEqual({ key: 'received', label: 'disputeStats.received', color: '#1677ff', value: '120' });
    expect(value('successRate', { ...STATS, successRate: { value: null, numerator: 0, denominator: 0 } })?.value).toBe('—');
  });
});
