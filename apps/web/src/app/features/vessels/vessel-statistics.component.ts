import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Router } from '@angular/router';
import { VesselStatistics } from '@fazhi/contracts';
import type { EChartsCoreOption } from 'echarts/core';
import { NgxEchartsDirective } from 'ngx-echarts';
import { I18nService } from '../../core/i18n/i18n.service';
import { TKey } from '../../core/i18n/dictionary';
import { BreakdownColumn, BreakdownTableComponent, villageRowName } from '../../shared/breakdown-table.component';
import { PageHeaderComponent } from '../../shared/page-header.component';
import { StatCard, StatCardsComponent } from '../../shared/stat-cards.component';
import { StatisticsSelection, StatisticsSelectorComponent } from '../../shared/statistics-selection';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { VesselStatisticsApi } from './statistics.api';

export type Figure = keyof VesselStatistics['filters'];

/** The cards, in the report's order. */
export const FIGURES: readonly { key: Figure; label: TKey; color: string }[] = [
  { key: 'registered', label: 'stats.registered', color: '#1677ff' },
  { key: 'dismantled', label: 'stats.dismantled', color: '#389e0d' },
  { key: 'selfDismantled', label: 'stats.selfDismantled', color: '#13c2c2' },
  { key: 'campaignDismantled', label: 'stats.campaignDismantled', color: '#722ed1' },
  { key: 'campaigns', label: 'stats.campaigns', color: '#eb2f96' },
  { key: 'handedOver', label: 'stats.handedOver', color: '#fa8c16' },
  { key: 'open', label: 'stats.open', color: '#595959' },
];

/** The list that shows the rows behind a figure: its query string on the vessel (or campaign) list. */
export function figureUrl(figure: Figure, stats: Pick<VesselStatistics, 'filters'>): string {
  const query = stats.filters[figure];
  const path = figure === 'campaigns' ? '/vessels/campaigns' : '/vessels';
  return query ? `${path}?${query}` : path;
}

/** Vessel figures of a year and town; every card opens the rows it counts. */
@Component({
  selector: 'fz-vessel-statistics',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ZORRO_IMPORTS, PageHeaderComponent, StatisticsSelectorComponent, StatCardsComponent, BreakdownTableComponent, NgxEchartsDirective],
  templateUrl: './vessel-statistics.component.html',
  styles: `
    .fz-stats-chart {
      height: 320px;
    }
  `,
})
export class VesselStatisticsComponent {
  private readonly api = inject(VesselStatisticsApi);
  private readonly router = inject(Router);
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;

  protected readonly selection = new StatisticsSelection<VesselStatistics>((year, townId) => this.api.vessels(year, townId));
  protected readonly cards = computed<StatCard<Figure>[]>(() => {
    const stats = this.selection.stats();
    return stats ? FIGURES.map((f) => ({ ...f, value: stats[f.key] })) : [];
  });
  protected readonly villageName = villageRowName(this.t);
  protected readonly villageColumns: BreakdownColumn<VesselStatistics['byVillage'][number]>[] = [
    { header: 'stats.registered', value: (v) => v.registered },
    { header: 'stats.dismantled', value: (v) => v.dismantled },
  ];

  protected readonly chart = computed<EChartsCoreOption | null>(() => {
    const stats = this.selection.stats();
    if (!stats) return null;
    const series: { key: 'registered' | 'dismantled' | 'selfDismantled' | 'campaignDismantled'; label: TKey }[] = [
      { key: 'registered', label: 'stats.registered' },
      { key: 'dismantled', label: 'stats.dismantled' },
      { key: 'selfDismantled', label: 'stats.selfDismantled' },
      { key: 'campaignDismantled', label: 'stats.campaignDismantled' },
    ];
    return {
      color: ['#1677ff', '#389e0d', '#13c2c2', '#722ed1'],
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 48, containLabel: true },
      xAxis: { type: 'category', data: stats.byMonth.map((m) => m.month.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: series.map((s) => ({ type: 'bar', name: this.t(s.label), data: stats.byMonth.map((m) => m[s.key]) })),
    };
  });

  protected open(figure: Figure): void {
    const stats = this.selection.stats();
    if (stats) void this.router.navigateByUrl(figureUrl(figure, stats));
  }
}
