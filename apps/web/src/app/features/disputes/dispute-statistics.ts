import { inject } from '@angular/core';
import { DisputeStatistics } from '@fazhi/contracts';
import { BreakdownColumn, villageRowName } from '../../shared/breakdown-table.component';
import { StatisticsPageDefinition, breakdown } from '../../shared/ledger/statistics-page.component';
import { DisputesApi } from './disputes.api';

const COUNTS: BreakdownColumn<{ received: number; agreed: number }>[] = [
  { header: 'disputeStats.received', value: (row) => row.received },
  { header: 'disputeStats.agreed', value: (row) => row.agreed },
];

/** Dispute figures of a year and town; every card opens the rows it counts (the peace officers: their register). */
export const DISPUTE_STATISTICS: StatisticsPageDefinition<DisputeStatistics> = {
  title: 'disputeStats.title',
  subtitle: 'disputeStats.subtitle',
  source: () => {
    const api = inject(DisputesApi);
    return (year, townId) => api.statistics(year, townId);
  },
  path: '/disputes',
  figures: [
    { key: 'received', label: 'disputeStats.received', color: '#1677ff' },
    { key: 'accepted', label: 'disputeStats.accepted', color: '#13c2c2' },
    { key: 'agreed', label: 'disputeStats.agreed', color: '#389e0d' },
    { key: 'terminated', label: 'disputeStats.terminated', color: '#cf1322' },
    {
      key: 'successRate',
      label: 'disputeStats.successRate',
      color: '#722ed1',
      value: ({ successRate: rate }) => (rate.value === null ? '—' : `${(rate.value * 100).toFixed(1)}%`),
      detail: ({ successRate: rate }) => `${rate.numerator} / ${rate.denominator}`,
    },
    { key: 'warnings', label: 'disputeStats.warnings', color: '#fa541c' },
    { key: 'escalated', label: 'disputeStats.escalated', color: '#fa8c16' },
    { key: 'peaceOfficers', label: 'disputeStats.peaceOfficers', color: '#595959', path: '/disputes/peace-officers' },
  ],
  panels: [
    breakdown(12, { title: 'disputeStats.byCategory', nameHeader: 'disputes.category', rows: (s) => s.byCategory, name: (row) => row.name, columns: COUNTS, testId: 'stats-categories' }),
    breakdown(12, { title: 'stats.byVillage', nameHeader: 'record.village', rows: (s) => s.byVillage, name: (row, t) => villageRowName(t)(row), columns: COUNTS, testId: 'stats-villages' }),
  ],
};
