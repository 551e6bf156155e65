import { inject } from '@angular/core';
import { ADVISOR_FIGURES, AdvisorFigure, AdvisorRate, AdvisorStatistics } from '@fazhi/contracts';
import { villageRowName } from '../../shared/breakdown-table.component';
import { FigureCard, StatisticsPageDefinition, breakdown } from '../../shared/ledger/statistics-page.component';
import { AdvisorServicesApi } from './advisors.api';

const COLORS = ['#1677ff', '#13c2c2', '#389e0d', '#722ed1', '#eb2f96', '#fa8c16', '#fa541c', '#2f54eb', '#595959'];

const isRate = (value: unknown): value is AdvisorRate => typeof value === 'object' && value !== null && 'denominator' in value;

/** A figure as its card shows it: a rate as a percentage (its fraction under it), a count or a sum as it is. */
export function advisorFigureValue(figure: AdvisorFigure, stats: AdvisorStatistics): { value: string; detail: string } {
  const value = stats[figure];
  if (isRate(value)) return { value: value.value === null ? '—' : `${(value.value * 100).toFixed(1)}%`, detail: `${value.numerator} / ${value.denominator}` };
  return { value: String(value), detail: '' };
}

/** A figure's card; a village figure opens the village register, the others the service log. */
function card(key: AdvisorFigure, i: number): FigureCard<AdvisorStatistics> {
  return {
    key,
    label: `advisorFigures.${key}`,
    color: COLORS[i % COLORS.length],
    value: (stats) => advisorFigureValue(key, stats).value,
    detail: (stats) => advisorFigureValue(key, stats).detail,
    ...(ADVISOR_FIGURES[key].ledger === 'advisor-village' ? { path: '/advisors/villages' } : {}),
  };
}

/** The advisors' figures of a year and town, in the contracts' order; every card opens the rows it counts. */
export const ADVISOR_STATISTICS: StatisticsPageDefinition<AdvisorStatistics> = {
  title: 'advisorStats.title',
  subtitle: 'advisorStats.subtitle',
  source: () => {
    const api = inject(AdvisorServicesApi);
    return (year, townId) => api.statistics(year, townId);
  },
  path: '/advisors',
  figures: (Object.keys(ADVISOR_FIGURES) as AdvisorFigure[]).map(card),
  panels: [
    breakdown(8, {
      title: 'advisorStats.byMonth',
      nameHeader: 'advisorStats.month',
      rows: (s) => s.byMonth,
      name: (row) => row.month,
      columns: [
        { header: 'advisorStats.entries', value: (row) => row.entries },
        { header: 'advisorStats.hours', value: (row) => row.hours },
        { header: 'advisorStats.consultations', value: (row) => row.consultations },
      ],
      testId: 'stats-months',
    }),
    breakdown(8, {
      title: 'advisorStats.byVillage',
      nameHeader: 'record.village',
      rows: (s) => s.byVillage,
      name: (row, t) => villageRowName(t)(row),
      columns: [
        { header: 'advisorStats.entries', value: (row) => row.entries },
        { header: 'advisorStats.hours', value: (row) => row.hours },
        { header: 'advisorStats.monthsMet', value: (row) => row.monthsMet },
      ],
      testId: 'stats-villages',
    }),
    breakdown(8, {
      title: 'advisorStats.byType',
      nameHeader: 'advisors.type',
      rows: (s) => s.byType,
      name: (row, t) => t(`advisorTypes.${row.type}`),
      columns: [
        { header: 'advisorStats.entries', value: (row) => row.entries },
        { header: 'advisorStats.hours', value: (row) => row.hours },
        { header: 'advisorStats.attendees', value: (row) => row.attendees },
      ],
      testId: 'stats-types',
    }),
  ],
};
