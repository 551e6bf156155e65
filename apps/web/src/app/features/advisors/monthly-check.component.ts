import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { Router } from '@angular/router';
import { ADVISOR_MONTHLY_HOURS, ADVISOR_MONTH_STATE_LABELS, AdvisorMonthCell, AdvisorMonthCheckDto, AdvisorMonthlyGrid } from '@fazhi/contracts';
import { NzMessageService } from 'ng-zorro-antd/message';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { DateTimePipe } from '../../shared/date-time.pipe';
import { PartForms } from '../../shared/ledger/part-form';
import { PageHeaderComponent } from '../../shared/page-header.component';
import { StatisticsSelection, StatisticsSelectorComponent } from '../../shared/statistics-selection';
import { StepModalComponent } from '../../shared/transition-modal.component';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { AdvisorServicesApi } from './advisors.api';
import { MONTH_STATES, MONTH_STATE_CLASS, cellActions, cellClass, cellEntriesUrl, cellKey, cellPending, shortHours } from './monthly-check';

type Row = AdvisorMonthlyGrid['villages'][number];

/**
 * The monthly check: a village × month grid of a year, each cell the hours served against the
 * 8-hour rule; a cell opens its entries, and legal-affairs staff sign a village-month off or
 * reopen it with a reason. The grid scrolls inside its own box on a phone.
 */
@Component({
  selector: 'fz-advisor-monthly-check',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ZORRO_IMPORTS, DateTimePipe, PageHeaderComponent, StatisticsSelectorComponent, StepModalComponent],
  templateUrl: './monthly-check.component.html',
  styleUrl: './monthly-check.component.css',
})
export class AdvisorMonthlyCheckComponent {
  private readonly api = inject(AdvisorServicesApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;

  protected readonly selection = new StatisticsSelection<AdvisorMonthlyGrid>((year, townId) => this.api.grid(year, townId));
  protected readonly requiredHours = ADVISOR_MONTHLY_HOURS;
  protected readonly states = MONTH_STATES;
  protected readonly stateClass = MONTH_STATE_CLASS;
  protected readonly stateLabels = ADVISOR_MONTH_STATE_LABELS;
  protected readonly cellClass = cellClass;
  protected readonly shortHours = shortHours;
  protected readonly months = computed(() => this.selection.stats()?.villages[0]?.months.map((m) => m.month) ?? []);
  protected readonly exportHref = computed(() => this.api.gridExportUrl(this.selection.year(), this.selection.townId()));
  /** The cell opened in the drawer. */
  protected readonly opened = signal<{ row: Row; cell: AdvisorMonthCell } | null>(null);
  protected readonly actions = computed(() => {
    const open = this.opened();
    return open ? cellActions(open.cell, this.auth.hasAny(['advisor.check'])) : { signOff: false, reopen: false };
  });
  protected readonly forms = new PartForms<AdvisorMonthCheckDto>();
  /** The route's `:cell` (a due item's `<villageId>:<YYYY-MM>`): the grid opens on its year with that cell shown. */
  readonly cell = input<string>();

  constructor() {
    // The check is of this year's months (or the URL's year), or of the year of the cell asked for; other years are a choice away.
    const asked = computed(() => cellKey(this.cell()));
    effect(() => {
      const year = Number(asked()?.month.slice(0, 4));
      if (year && year !== untracked(this.selection.year)) untracked(() => this.selection.setYear(year));
    });
    let shown: string | null = null;
    effect(() => {
      const key = asked();
      const grid = this.selection.stats();
      const row = key && grid?.villages.find((v) => v.villageId === key.villageId);
      const cell = row?.months.find((m) => m.month === key?.month);
      if (!row || !cell || shown === this.cell()) return;
      shown = this.cell() ?? null;
      untracked(() => this.opened.set({ row, cell }));
    });
  }

  /** A cell's name: its state's, or "not over yet" for a running month under the rule. */
  protected cellLabel(cell: AdvisorMonthCell): string {
    return cellPending(cell) ? this.t('advisorMonths.open') : this.i18n.pick(ADVISOR_MONTH_STATE_LABELS[cell.state]);
  }

  protected monthNumber(month: string): number {
    return Number(month.slice(5));
  }

  protected open(row: Row, cell: AdvisorMonthCell): void {
    this.opened.set({ row, cell });
  }

  protected showEntries(cell: AdvisorMonthCell): void {
    void this.router.navigateByUrl(cellEntriesUrl(cell));
  }

  protected signOff(): void {
    const { row, cell } = this.opened()!;
    this.forms.show(
      this.t('advisorMonths.signOffTitle', { village: row.villageName, month: cell.month }),
      [{ name: 'remark', kind: 'textarea', label: this.t('advisorMonths.remark'), optional: true, max: 500, extra: this.t('advisorMonths.signOffHint') }],
      (data) => this.api.signOff({ villageId: row.villageId, month: cell.month, remark: (data['remark'] as string | undefined) ?? null, version: cell.check?.version ?? 0 }),
      'sign-off',
    );
  }

  protected reopen(): void {
    const { row, cell } = this.opened()!;
    this.forms.show(
      this.t('advisorMonths.reopenTitle', { village: row.villageName, month: cell.month }),
      [{ name: 'reason', kind: 'textarea', label: this.t('record.reason'), max: 500, extra: this.t('advisorMonths.reopenHint') }],
      (data) => this.api.reopenMonth({ villageId: row.villageId, month: cell.month, reason: (data['reason'] as string | undefined) ?? '', version: cell.check?.version ?? 0 }),
      'reopen',
    );
  }

  /** A sign-off or reopen went through: the cell shows its new check, and the grid is read again. */
  protected checked(check: AdvisorMonthCheckDto): void {
    this.forms.close();
    const open = this.opened();
    if (open) this.opened.set({ row: open.row, cell: { ...open.cell, check } });
    this.message.success(this.t(check.status === 'checked' ? 'advisorMonths.signedOff' : 'advisorMonths.reopenedDone'));
    this.selection.reload();
  }
}
