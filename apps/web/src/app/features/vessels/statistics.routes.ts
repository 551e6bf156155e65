import { inject } from '@angular/core';
import { Routes } from '@angular/router';
import { VesselStatistics } from '@fazhi/contracts';
import { toParams } from '../../core/http/params';
import { HttpClient } from '@angular/common/http';
import { TKey } from '../../core/i18n/dictionary';
import { villageRowName } from '../../shared/breakdown-table.component';
import { StatisticsPageDefinition, breakdown } from '../../shared/ledger/statistics-page.component';
import { VESSEL_CHART_PROVIDERS } from './echarts';

const MONTHLY: { key: 'registered' | 'dismantled' | 'selfDismantled' | 'campaignDismantled'; label: TKey; color: string }[] = [
  { key: 'registered', label: 'stats.registered', color: '#1677ff' },
  { key: 'dismantled', label: 'stats.dismantled', color: '#389e0d' },
  { key: 'selfDismantled', label: 'stats.selfDismantled', color: '#13c2c2' },
  { key: 'campaignDismantled', label: 'stats.campaignDismantled', color: '#722ed1' },
];

/** Vessel figures of a year and town (`/api/statistics/vessels`); every card opens the rows it counts (the campaigns: the campaign list). */
export const VESSEL_STATISTICS: StatisticsPageDefinition<VesselStatistics> = {
  title: 'stats.title',
  subtitle: 'stats.subtitle',
  source: () => {
    const http = inject(HttpClient);
    return (year, townId) => http.get<VesselStatistics>('/api/statistics/vessels', { params: toParams({ year, townId }) });
  },
  path: '/vessels',
  figures: [
    ...MONTHLY.map(({ key, label, color }) => ({ key, label, color })),
    { key: 'campaigns', label: 'stats.campaigns', color: '#eb2f96', path: '/vessels/campaigns' },
    { key: 'handedOver', label: 'stats.handedOver', color: '#fa8c16' },
    { key: 'open', label: 'stats.open', color: '#595959' },
  ],
  panels: [
    {
      span: 14,
      chart: {
        title: 'stats.byMonth',
        options: (stats, t) => ({
          color: MONTHLY.map((s) => s.color),
          tooltip: { trigger: 'axis' },
          legend: { top: 0 },
          grid: { left: 8, right: 8, bottom: 8, top: 48, containLabel: true },
          xAxis: { type: 'category', data: stats.byMonth.map((m) => m.month.slice(5)) },
          yAxis: { type: 'value', minInterval: 1 },
          series: MONTHLY.map((s) => ({ type: 'bar', name: t(s.label), data: stats.byMonth.map((m) => m[s.key]) })),
        }),
      },
    },
    breakdown(10, {
      title: 'stats.byVillage',
      nameHeader: 'record.village',
      rows: (s) => s.byVillage,
      name: (row, t) => villageRowName(t)(row),
      columns: [
        { header: 'stats.registered', value: (v) => v.registered },
        { header: 'stats.dismantled', value: (v) => v.dismantled },
      ],
      testId: 'stats-villages',
    }),
  ],
};

/** The statistics page with its charting library, both loaded only when the page opens. */
export const STATISTICS_ROUTES: Routes = [
  {
    path: '',
    providers: VESSEL_CHART_PROVIDERS,
    data: { statistics: VESSEL_STATISTICS },
    loadComponent: () => import('../../shared/ledger/statistics-page.component').then((m) => m.StatisticsPageComponent),
  },
];
