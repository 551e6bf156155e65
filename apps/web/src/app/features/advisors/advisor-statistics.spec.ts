import { ADVISOR_FIGURES, AdvisorFigure, AdvisorStatistics } from '@fazhi/contracts';
import { toApiQuery } from '../../shared/query-params';
import { ADVISOR_SERVICE_FILTERS } from './advisor-filters';
import { figureUrl } from '../../shared/ledger/statistics-page.component';
import { ADVISOR_STATISTICS, advisorFigureValue } from './advisor-statistics';

const advisorFigureUrl = (figure: AdvisorFigure, stats: Pick<AdvisorStatistics, 'filters'>) => figureUrl(ADVISOR_STATISTICS, figure, stats);

const LOG_FILTERS: Partial<Record<AdvisorFigure, string>> = {
  consultations: 'voided=false&year=2021&type=consultation',
  publicityEvents: 'voided=false&year=2021&type=publicity',
  publicityAttendees: 'voided=false&year=2021&type=publicity',
  villageGroupVisits: 'voided=false&year=2021&type=visit',
  legalHealthChecks: 'voided=false&year=2021&type=health_check',
  decisionReviews: 'voided=false&year=2021&type=review',
  legalAidReferrals: 'voided=false&year=2021&legalAidReferral=true',
  hours: 'voided=false&year=2021',
};
const rate = (numerator: number, denominator: number) => ({ value: denominator ? numerator / denominator : null, numerator, denominator });
const STATS = {
  year: 2021,
  consultations: 123,
  hours: 1012.5,
  roomRate: rate(9, 9),
  meetingHoursRate: rate(0, 0),
  filters: { ...LOG_FILTERS, villagesWithRoom: 'roomYear=2021', roomRate: 'roomYear=2021' },
} as unknown as AdvisorStatistics;

describe('advisor statistics cards', () => {
  it('has a card for every figure of the contracts, in their order', () => {
    expect(ADVISOR_STATISTICS.figures.map((card) => card.key)).toEqual(Object.keys(ADVISOR_FIGURES));
  });

  it('opens the service log with each log figure query, which the log reads back whole', () => {
    for (const [figure, query] of Object.entries(LOG_FILTERS) as [AdvisorFigure, string][]) {
      const [path, search] = advisorFigureUrl(figure, STATS).split('?');
      expect(path).toBe('/advisors');
      expect(search).toBe(query);
      const back = new URLSearchParams(Object.entries(toApiQuery(ADVISOR_SERVICE_FILTERS.fromParams(new URLSearchParams(search)))).map(([k, v]) => [k, String(v)]));
      expect([...back.entries()].sort()).toEqual([...new URLSearchParams(search).entries()].sort());
    }
  });

  it('opens the village register for the village figures and rates', () => {
    expect(advisorFigureUrl('villagesWithRoom', STATS)).toBe('/advisors/villages?roomYear=2021');
    expect(advisorFigureUrl('roomRate', STATS)).toBe('/advisors/villages?roomYear=2021');
  });

  it('shows a rate as a percentage with its fraction, a count as it is', () => {
    expect(advisorFigureValue('roomRate', STATS)).toEqual({ value: '100.0%', detail: '9 / 9' });
    expect(advisorFigureValue('meetingHoursRate', STATS)).toEqual({ value: '—', detail: '0 / 0' });
    expect(advisorFigureValue('consultations', STATS)).toEqual({ value: '123', detail: '' });
    expect(advisorFigureValue('hours', STATS)).toEqual({ value: '1012.5', detail: '' });
  });
});
