import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Router } from '@angular/router';
import { DisputeStatistics } from '@fazhi/contracts';
import { TKey } from '../../core/i18n/dictionary';
import { I18nService } from '../../core/i18n/i18n.service';
import { BreakdownColumn, BreakdownTableComponent, villageRowName } from '../../shared/breakdown-table.component';
import { PageHeaderComponent } from '../../shared/page-header.component';
import { StatCard, StatCardsComponent } from '../../shared/stat-cards.component';
import { StatisticsSelection, StatisticsSelectorComponent } from '../../shared/statistics-selection';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { DisputesApi } from './disputes.api';

export type DisputeFigure = keyof DisputeStatistics['filters'];

/** The cards, in the report's order. */
export const DISPUTE_FIGURE_CARDS: readonly { key: DisputeFigure; label: TKey; color: string }[] = [
  { key: 'received', label: 'disputeStats.received', color: '#1677ff' },
  { key: 'accepted', label: 'disputeStats.accepted', color: '#13c2c2' },
  { key: 'agreed', label: 'disputeStats.agreed', color: '#389e0d' },
  { key: 'terminated', label: 'disputeStats.terminated', color: '#cf1322' },
  { key: 'successRate', label: 'disputeStats.successRate', color: '#722ed1' },
  { key: 'warnings', label: 'disputeStats.warnings', color: '#fa541c' },
  { key: 'escalated', label: 'disputeStats.escalated', color: '#fa8c16' },
  { key: 'peaceOfficers', label: 'disputeStats.peaceOfficers', color: '#595959' },
];

/** The list behind a figure: its query string on the dispute list, or on the peace officer register. */
export function disputeFigureUrl(figure: DisputeFigure, stats: Pick<DisputeStatistics, 'filters'>): string {
  const page = figure === 'peaceOfficers' ? '/disputes/peace-officers' : '/disputes';
  const query = stats.filters[figure];
  return query ? `${page}?${query}` : page;
}

/** The figure as the card shows it (the success rate as a percentage). */
export function figureValue(figure: DisputeFigure, stats: DisputeStatistics): string {
  if (figure === 'successRate') {
    const rate = stats.successRate;
    return rate.value === null ? '—' : `${(rate.value * 100).toFixed(1)}%`;
  }
  return String(stats[figure]);
}

/** Dispute figures of a year and town; every card opens the rows it counts. */
@Component({
  selector: 'fz-dispute-statistics',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ZORRO_IMPORTS, PageHeaderComponent, StatisticsSelectorComponent, StatCardsComponent, BreakdownTableComponent],
  templateUrl: './dispute-statistics.component.html',
})
export class DisputeStatisticsComponent {
  private readonly api = inject(DisputesApi);
  private readonly router = inject(Router);
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;

  protected readonly selection = new StatisticsSelection<DisputeStatistics>((year, townId) => this.api.statistics(year, townId));
  protected readonly cards = computed<StatCard<DisputeFigure>[]>(() => {
    const stats = this.selection.stats();
    if (!stats) return [];
    const rate = stats.successRate;
    return DISPUTE_FIGURE_CARDS.map((f) => ({
      ...f,
      value: figureValue(f.key, stats),
      detail: f.key === 'successRate' ? `${rate.numerator} / ${rate.denominator}` : undefined,
    }));
  });
  protected readonly categoryName = (row: DisputeStatistics['byCategory'][number]) => row.name;
  protected readonly villageName = villageRowName(this.t);
  protected readonly columns: BreakdownColumn<{ received: number; agreed: number }>[] = [
    { header: 'disputeStats.received', value: (row) => row.received },
    { header: 'disputeStats.agreed', value: (row) => row.agreed },
  ];

  protected open(figure: DisputeFigure): void {
    const stats = this.selection.stats();
    if (stats) void this.router.navigateByUrl(disputeFigureUrl(figure, stats));
  }
}
