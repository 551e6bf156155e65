import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { ActivatedRoute, Router } from '@angular/router';
import type { EChartsCoreOption } from 'echarts/core';
import { NgxEchartsDirective } from 'ngx-echarts';
import { Observable } from 'rxjs';
import { TKey } from '../../core/i18n/dictionary';
import { I18nService } from '../../core/i18n/i18n.service';
import { BreakdownColumn, BreakdownTableComponent } from '../breakdown-table.component';
import { PageHeaderComponent } from '../page-header.component';
import { StatCard, StatCardsComponent } from '../stat-cards.component';
import { StatisticsSelection, StatisticsSelectorComponent } from '../statistics-selection';
import { ZORRO_IMPORTS } from '../zorro';

type T = I18nService['t'];

/** A ledger's figures: each names, in `filters`, the list query of the rows it counts. */
export interface Figures {
  filters: Partial<Record<string, string>>;
}

export type FigureKey<S extends Figures> = keyof S['filters'] & string;

/** One figure's card: its words and colour, the value shown (the figure itself unless given), and the list it opens (the page's unless given). */
export interface FigureCard<S extends Figures> {
  key: FigureKey<S>;
  label: TKey;
  color: string;
  value?: (stats: S) => string;
  detail?: (stats: S) => string;
  path?: string;
}

/** A figure broken down into rows (by village, by category…): `fz-breakdown-table`. */
export interface BreakdownPanel<S, R = never> {
  title: TKey;
  nameHeader: TKey;
  rows: (stats: S) => readonly R[];
  name: (row: R, t: T) => string;
  columns: readonly BreakdownColumn<R>[];
  testId: string;
}

/** A panel of the page: a breakdown table or a chart, `span` columns (of 24) wide on a wide screen. */
export interface StatisticsPanel<S> {
  span: number;
  table?: BreakdownPanel<S, unknown>;
  chart?: { title: TKey; options: (stats: S, t: T) => EChartsCoreOption };
}

/** A statistics page, as route data `statistics` of the shared page. */
export interface StatisticsPageDefinition<S extends Figures> {
  title: TKey;
  subtitle: TKey;
  /** Called in the page's injection context: fetches the figures of a year and town (all towns for null). */
  source: () => (year: number, townId: string | null) => Observable<S>;
  figures: readonly FigureCard<S>[];
  /** The list the figures open, with the figure's query. */
  path: string;
  panels: readonly StatisticsPanel<S>[];
}

/** A breakdown panel, typed by its rows. */
export function breakdown<S, R>(span: number, table: BreakdownPanel<S, R>): StatisticsPanel<S> {
  return { span, table: table as unknown as BreakdownPanel<S, unknown> };
}

/** The list behind a figure: its path with the figure's query string. */
export function figureUrl<S extends Figures>(page: Pick<StatisticsPageDefinition<S>, 'figures' | 'path'>, key: FigureKey<S>, stats: Pick<S, 'filters'>): string {
  const path = page.figures.find((f) => f.key === key)?.path ?? page.path;
  const query = stats.filters[key];
  return query ? `${path}?${query}` : path;
}

/** The cards of the figures, in the definition's order. */
export function figureCards<S extends Figures>(figures: readonly FigureCard<S>[], stats: S): StatCard<FigureKey<S>>[] {
  return figures.map(({ key, label, color, value, detail }) => ({
    key,
    label,
    color,
    value: value ? value(stats) : String((stats as unknown as Record<string, unknown>)[key]),
    ...(detail ? { detail: detail(stats) } : {}),
  }));
}

/**
 * A ledger's statistics page from its definition (route data `statistics`): the year and town
 * choice, a card per figure that opens the rows it counts, and the breakdown tables and charts.
 * A page with a chart is routed with the chart library's providers.
 */
@Component({
  selector: 'fz-statistics-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ZORRO_IMPORTS, PageHeaderComponent, StatisticsSelectorComponent, StatCardsComponent, BreakdownTableComponent, NgxEchartsDirective],
  template: `
    <fz-page-header [title]="t(page.title)" [subtitle]="t(page.subtitle)">
      <fz-statistics-selector [selection]="selection" />
    </fz-page-header>

    <nz-spin [nzSpinning]="selection.loading()">
      @if (selection.stats(); as s) {
        <fz-stat-cards [cards]="cards()" (opened)="open($event)" />

        <div nz-row [nzGutter]="[16, 16]">
          @for (panel of page.panels; track $index) {
            <div nz-col [nzXs]="24" [nzXl]="panel.span">
              @if (panel.table; as b) {
                <fz-breakdown-table [title]="b.title" [nameHeader]="b.nameHeader" [rows]="b.rows(s)" [name]="rowName(b)" [columns]="b.columns" [testId]="b.testId" />
              } @else if (panel.chart; as chart) {
                <nz-card [nzTitle]="t(chart.title)">
                  <div echarts class="fz-stats-chart" [options]="charts()[$index]!" data-test="stats-chart"></div>
                </nz-card>
              }
            </div>
          }
        </div>
      }
    </nz-spin>
  `,
  styles: `
    .fz-stats-chart {
      height: 320px;
    }
  `,
})
export class StatisticsPageComponent<S extends Figures> {
  private readonly router = inject(Router);
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly page = inject(ActivatedRoute).snapshot.data['statistics'] as StatisticsPageDefinition<S>;

  protected readonly selection = new StatisticsSelection<S>(this.page.source());
  protected readonly cards = computed(() => {
    const stats = this.selection.stats();
    return stats ? figureCards(this.page.figures, stats) : [];
  });
  protected readonly charts = computed(() => {
    const stats = this.selection.stats();
    return this.page.panels.map((panel) => (stats && panel.chart ? panel.chart.options(stats, this.t) : null));
  });
  private readonly names = new Map<BreakdownPanel<S, unknown>, (row: unknown) => string>();

  /** A breakdown's row names in the reader's language (one function per panel, so the table keeps its input). */
  protected rowName(panel: BreakdownPanel<S, unknown>): (row: unknown) => string {
    let name = this.names.get(panel);
    if (!name) this.names.set(panel, (name = (row) => panel.name(row, this.t)));
    return name;
  }

  protected open(figure: FigureKey<S>): void {
    const stats = this.selection.stats();
    if (stats) void this.router.navigateByUrl(figureUrl(this.page, figure, stats));
  }
}
