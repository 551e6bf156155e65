import { ChangeDetectionStrategy, Component, Signal, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MeScopeUnit } from '@fazhi/contracts';
import { EMPTY, Observable, Subject, catchError, finalize, switchMap } from 'rxjs';
import { AuthService } from '../core/auth/auth.service';
import { I18nService } from '../core/i18n/i18n.service';
import { ZORRO_IMPORTS } from './zorro';

/**
 * What a statistics page shows: a year (last year first), a town (the user's own when there is
 * one), and the figures fetched for them; a later choice cancels the answer still on its way.
 * Made in a component's field initialiser.
 */
export class StatisticsSelection<T> {
  readonly years = Array.from({ length: 8 }, (_, i) => new Date().getFullYear() - i);
  readonly year = signal(new Date().getFullYear() - 1);
  /** The towns the user's data scope reaches. */
  readonly towns: Signal<readonly MeScopeUnit[]>;
  readonly townId = signal<string | null>(null);
  readonly stats = signal<T | null>(null);
  readonly loading = signal(false);
  private readonly requests = new Subject<{ year: number; townId: string | null }>();

  constructor(fetch: (year: number, townId: string | null) => Observable<T>) {
    const auth = inject(AuthService);
    this.towns = computed(() => auth.me()?.scope.towns ?? []);
    const towns = this.towns();
    if (towns.length === 1) this.townId.set(towns[0].id);
    this.requests
      .pipe(
        switchMap(({ year, townId }) => {
          this.loading.set(true);
          return fetch(year, townId).pipe(
            catchError(() => EMPTY),
            finalize(() => this.loading.set(false)),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((stats) => this.stats.set(stats));
    this.load();
  }

  setYear(year: number): void {
    this.year.set(year);
    this.load();
  }

  setTown(townId: string | null): void {
    this.townId.set(townId);
    this.load();
  }

  private load(): void {
    this.requests.next({ year: this.year(), townId: this.townId() });
  }
}

/** The year and town pickers of a statistics page (the town only for users of several towns). */
@Component({
  selector: 'fz-statistics-selector',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, ZORRO_IMPORTS],
  template: `
    @let s = selection();
    <nz-select class="fz-stats-year" [ngModel]="s.year()" (ngModelChange)="s.setYear($event)" [attr.aria-label]="t('stats.year')" data-test="stats-year">
      @for (y of s.years; track y) {
        <nz-option [nzValue]="y" [nzLabel]="t('stats.yearLabel', { year: y })" />
      }
    </nz-select>
    @if (s.towns().length > 1) {
      <nz-select class="fz-stats-town" [ngModel]="s.townId()" (ngModelChange)="s.setTown($event)" [attr.aria-label]="t('record.town')" data-test="stats-town">
        <nz-option [nzValue]="null" [nzLabel]="t('stats.allTowns')" />
        @for (town of s.towns(); track town.id) {
          <nz-option [nzValue]="town.id" [nzLabel]="town.name" />
        }
      </nz-select>
    }
  `,
  styles: `
    :host {
      display: contents;
    }
    .fz-stats-year {
      width: 120px;
    }
    .fz-stats-town {
      width: 140px;
    }
  `,
})
export class StatisticsSelectorComponent<T> {
  protected readonly t = inject(I18nService).t;
  readonly selection = input.required<StatisticsSelection<T>>();
}
