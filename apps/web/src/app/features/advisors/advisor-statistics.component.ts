import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Router } from '@angular/router';
import { ADVISOR_FIGURES, ADVISOR_SERVICE_TYPE_LABELS, AdvisorFigure, AdvisorRate, AdvisorStatistics } from '@fazhi/contracts';
import { TKey } from '../../core/i18n/dictionary';
import { I18nService } from '../../core/i18n/i18n.service';
import { BreakdownColumn, BreakdownTableComponent, villageRowName } from '../../shared/breakdown-table.component';
import { PageHeaderComponent } from '../../shared/page-header.component';
import { StatCard, StatCardsComponent } from '../../shared/stat-cards.component';
import { StatisticsSelection, StatisticsSelectorComponent } from '../../shared/statistics-selection';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { AdvisorServicesApi } from './advisors.api';

const COLORS = ['#1677ff', '#13c2c2', '#389e0d', '#722ed1', '#eb2f96', '#fa8c16', '#fa541c', '#2f54eb', '#595959'];

/** The cards, in the order of the contracts' figures (the report's). */
export const ADVISOR_FIGURE_CARDS: readonly { key: AdvisorFigure; label: TKey; color: string }[] = (Object.keys(ADVISOR_FIGURES) as AdvisorFigure[]).map((key, i) => ({
  key,
  label: `advisorFigures.${key}`,
  color: COLORS[i % COLORS.length],
}));

/** The list behind a figure: the service log, or the village register for the village figures and rates. */
export function advisorFigureUrl(figure: AdvisorFigure, stats: Pick<AdvisorStatistics, 'filters'>): string {
  const page = ADVISOR_FIGURES[figure].ledger === 'advisor-village' ? '/advisors/villages' : '/advisors';
  const query = stats.filters[figure];
  return query ? `${page}?${query}` : page;
}

const isRate = (value: unknown): value is AdvisorRate => typeof value === 'object' && value !== null && 'denominator' in value;

/** A figure as its card shows it: a rate as a percentage with its fraction, a count as it is. */
export function advisorFigureValue(figure: AdvisorFigure, stats: AdvisorStatistics): { value: string; detail?: string } {
  const figureValue = stats[figure];
  if (isRate(figureValue)) return { value: figureValue.value === null ? '—' : `${(figureValue.value * 100).toFixed(1)}%`, detail: `${figureValue.numerator} / ${figureValue.denominator}` };
  return { value: String(figureValue) };
}

type Breakdown<K extends 'byMonth' | 'byVillage' | 'byType'> = AdvisorStatistics[K][number];

/** The advisors' figures of a year and town; every card opens the rows it counts. */
@Component({
  selector: 'fz-advisor-statistics',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ZORRO_IMPORTS, PageHeaderComponent, StatisticsSelectorComponent, StatCardsComponent, BreakdownTableComponent],
  templateUrl: './advisor-statistics.component.html',
})
export class AdvisorStatisticsComponent {
  private readonly api = inject(AdvisorServicesApi);
  private readonly router = inject(Router);
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;

  protected readonly selection = new StatisticsSelection<AdvisorStatistics>((year, townId) => this.api.statistics(year, townId));
  protected readonly cards = computed<StatCard<AdvisorFigure>[]>(() => {
    const stats = this.selection.stats();
    return stats ? ADVISOR_FIGURE_CARDS.map((card) => ({ ...card, ...advisorFigureValue(card.key, stats) })) : [];
  });
  protected readonly monthName = (row: Breakdown<'byMonth'>) => row.month;
  protected readonly villageName = villageRowName(this.t);
  protected readonly typeName = (row: Breakdown<'byType'>) => this.i18n.pick(ADVISOR_SERVICE_TYPE_LABELS[row.type]);
  protected readonly monthColumns: BreakdownColumn<Breakdown<'byMonth'>>[] = [
    { header: 'advisorStats.entries', value: (row) => row.entries },
    { header: 'advisorStats.hours', value: (row) => row.hours },
    { header: 'advisorStats.consultations', value: (row) => row.consultations },
  ];
  protected readonly villageColumns: BreakdownColumn<Breakdown<'byVillage'>>[] = [
    { header: 'advisorStats.entries', value: (row) => row.entries },
    { header: 'advisorStats.hours', value: (row) => row.hours },
    { header: 'advisorStats.monthsMet', value: (row) => row.monthsMet },
  ];
  protected readonly typeColumns: BreakdownColumn<Breakdown<'byType'>>[] = [
    { header: 'advisorStats.entries', value: (row) => row.entries },
    { header: 'advisorStats.hours', value: (row) => row.hours },
    { header: 'advisorStats.attendees', value: (row) => row.attendees },
  ];

  protected open(figure: AdvisorFigure): void {
    const stats = this.selection.stats();
    if (stats) void this.router.navigateByUrl(advisorFigureUrl(figure, stats));
  }
}
