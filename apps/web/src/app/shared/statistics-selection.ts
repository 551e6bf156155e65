import { ChangeDetectionStrategy, Component, Signal, WritableSignal, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router } from '@angular/router';
import { DEFAULT_TIME_ZONE, MeScopeUnit, plainDateInZone } from '@fazhi/contracts';
import { EMPTY, Observable, Subject, catchError, finalize, switchMap } from 'rxjs';
import { AuthService } from '../core/auth/auth.service';
import { I18nService } from '../core/i18n/i18n.service';
import { ZORRO_IMPORTS } from './zorro';

/** The years the statistics routes take (`year`, 2000–2100). */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;
/** How many years the year choice offers, this year first. */
const OFFERED_YEARS = 8;

/** The calendar year of an instant in a time zone: "this year" in a town. */
export function yearInZone(instant: Date, timeZone: string): number {
  return Number(plainDateInZone(instant, timeZone).slice(0, 4));
}

/** This year and the ones before it, newest first, with the chosen year among them wherever it falls. */
export function selectableYears(thisYear: number, chosen: number): number[] {
  const years = Array.from({ length: OFFERED_YEARS }, (_, i) => thisYear - i);
  return years.includes(chosen) ? years : [...years, chosen].sort((a, b) => b - a);
}

/** A `?year=` the statistics routes take, or null. */
function yearParam(value: string | null | undefined): number | null {
  const year = /^\d{4}$/.test(value ?? '') ? Number(value) : NaN;
  return year >= FIRST_YEAR && year <= LAST_YEAR ? year : null;
}

/**
 * What a statistics page shows: a year (the URL's `?year=`, else this year in the user's town),
 * a town (the user's own when there is one), and the figures fetched for them; a later choice
 * cancels the answer still on its way. A year the user chooses is kept in the URL, so that going
 * back to the page opens on it. Made in a component's field initialiser.
 */
export class StatisticsSelection<T> {
  /** This year in the town's zone (the user's unit's), on the browser's clock. */
  readonly thisYear: number;
  readonly year: WritableSignal<number>;
  readonly years: Signal<number[]>;
  /** The towns the user's data scope reaches. */
  readonly towns: Signal<readonly MeScopeUnit[]>;
  readonly townId = signal<string | null>(null);
  readonly stats = signal<T | null>(null);
  readonly loading = signal(false);
  private readonly requests = new Subject<{ year: number; townId: string | null }>();
  private readonly router = inject(Router);

  constructor(fetch: (year: number, townId: string | null) => Observable<T>) {
    const auth = inject(AuthService);
    this.thisYear = yearInZone(new Date(), auth.me()?.timeZone ?? DEFAULT_TIME_ZONE);
    this.year = signal(yearParam(inject(ActivatedRoute).snapshot.queryParamMap.get('year')) ?? this.thisYear);
    this.years = computed(() => selectableYears(this.thisYear, this.year()));
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

  /** The user's choice of a year: shown, and kept in the URL's `?year=`. */
  choose(year: number): void {
    this.setYear(year);
    const url = this.router.parseUrl(this.router.url);
    url.queryParams = { ...url.queryParams, year: String(year) };
    void this.router.navigateByUrl(url, { replaceUrl: true });
  }

  setYear(year: number): void {
    this.year.set(year);
    this.load();
  }

  /** The figures read again (after a change they count). */
  reload(): void {
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
    <nz-select class="fz-stats-year" [ngModel]="s.year()" (ngModelChange)="s.choose($event)" [attr.aria-label]="t('stats.year')" data-test="stats-year">
      @for (y of s.years(); track y) {
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
