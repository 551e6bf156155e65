import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { ActivatedRoute } from '@angular/router';
import { FormControl, FormGroup, FormsModule, ReactiveFormsModule, Validators } from '@angular/forms';
import { CALENDAR_DAY_KINDS, CALENDAR_DAY_KIND_LABELS, CALENDAR_MAX_YEAR, CALENDAR_MIN_YEAR, CalendarDayDto, CalendarDayKind, CalendarYearDto } from '@fazhi/contracts';
import { NzMessageService } from 'ng-zorro-antd/message';
import { Observable } from 'rxjs';
import { I18nService } from '../../core/i18n/i18n.service';
import { DateTimePipe } from '../../shared/date-time.pipe';
import { revealErrors } from '../../shared/form-errors';
import { PageHeaderComponent } from '../../shared/page-header.component';
import { fromPlainDate, toPlainDate } from '../../shared/plain-date';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { Submission } from '../../shared/api-error-message';
import { CalendarApi } from './calendar.api';
import { FieldComponent } from '../../shared/field.component';

/** A year query parameter the page accepts, or null. */
export function requestedYear(value: string | null): number | null {
  const year = value && /^\d{4}$/.test(value) ? Number(value) : NaN;
  return year >= CALENDAR_MIN_YEAR && year <= CALENDAR_MAX_YEAR ? year : null;
}

const WEEKDAY_KEYS = ['calendar.sun', 'calendar.mon', 'calendar.tue', 'calendar.wed', 'calendar.thu', 'calendar.fri', 'calendar.sat'] as const;

/** The holiday calendar of a year: holidays and make-up workdays; add, change or remove a day. */
@Component({
  selector: 'fz-calendar-admin',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, ReactiveFormsModule, ZORRO_IMPORTS, PageHeaderComponent, DateTimePipe, FieldComponent],
  templateUrl: './calendar-admin.component.html',
  styles: `
    .fz-calendar-kind {
      width: 140px;
    }
    .fz-calendar-summary {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin-top: 12px;
    }
  `,
})
export class CalendarAdminComponent {
  private readonly api = inject(CalendarApi);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;

  protected readonly kinds = CALENDAR_DAY_KINDS;
  protected readonly minYear = CALENDAR_MIN_YEAR;
  protected readonly maxYear = CALENDAR_MAX_YEAR;
  /** The year asked for (`?year=`, e.g. from the home page's reminder), else this year. */
  protected readonly year = signal(requestedYear(inject(ActivatedRoute).snapshot.queryParamMap.get('year')) ?? new Date().getFullYear());
  protected readonly data = signal<CalendarYearDto | null>(null);
  protected readonly loading = signal(false);
  protected readonly kindFilter = signal<CalendarDayKind | null>(null);
  protected readonly days = computed(() => {
    const kind = this.kindFilter();
    return (this.data()?.days ?? []).filter((day) => !kind || day.kind === kind);
  });
  protected readonly counts = computed(() => {
    const days = this.data()?.days ?? [];
    return { holiday: days.filter((d) => d.kind === 'holiday').length, workday: days.filter((d) => d.kind === 'workday').length };
  });
  /** The day being edited (`null` version: a new day). */
  protected readonly editing = signal<{ day: CalendarDayDto | null } | null>(null);
  protected readonly submission = new Submission(this.t);
  protected readonly form = new FormGroup({
    date: new FormControl<Date | null>(null, Validators.required),
    kind: new FormControl<CalendarDayKind>('holiday', { nonNullable: true }),
    name: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.pattern(/\S/), Validators.maxLength(64)] }),
  });

  constructor() {
    this.load();
  }

  protected setYear(year: number | null): void {
    if (!year || year < CALENDAR_MIN_YEAR || year > CALENDAR_MAX_YEAR) return;
    this.year.set(year);
    this.load();
  }

  protected kindLabel(kind: CalendarDayKind): string {
    return this.i18n.pick(CALENDAR_DAY_KIND_LABELS[kind]);
  }

  protected weekday(date: string): string {
    const day = fromPlainDate(date);
    return day ? this.t(WEEKDAY_KEYS[day.getDay()]) : '';
  }

  protected add(): void {
    this.form.reset({ date: null, kind: 'holiday', name: '' });
    this.form.controls.date.enable();
    this.submission.error.set(null);
    this.editing.set({ day: null });
  }

  protected edit(day: CalendarDayDto): void {
    this.form.reset({ date: fromPlainDate(day.date), kind: day.kind, name: day.name });
    this.form.controls.date.disable();
    this.submission.error.set(null);
    this.editing.set({ day });
  }

  protected save(): void {
    const editing = this.editing();
    if (!editing || this.form.invalid) {
      revealErrors(this.form);
      return;
    }
    const value = this.form.getRawValue();
    const date = toPlainDate(value.date) ?? '';
    const existing = editing.day ?? this.data()?.days.find((d) => d.date === date) ?? null;
    const request = this.api.put(date, { kind: value.kind, name: value.name.trim(), version: existing?.version ?? 0 });
    this.submission.run(
      request,
      () => {
        this.editing.set(null);
        this.message.success(this.t('calendar.saved', { date }));
        if (date.startsWith(String(this.year()))) this.load();
      },
      this.form,
    );
  }

  protected enterYear(): void {
    const year = this.year();
    this.act(this.api.enterYear(year, this.data()?.entered?.version ?? 0), this.t('calendar.yearEnteredSaved', { year }));
  }

  protected reopenYear(): void {
    const entered = this.data()?.entered;
    if (entered) this.act(this.api.reopenYear(entered.year, entered.version), this.t('calendar.yearReopened', { year: entered.year }));
  }

  protected remove(day: CalendarDayDto): void {
    this.act(this.api.remove(day.date, day.version), this.t('calendar.removed', { date: day.date }));
  }

  /** Runs a change, says it is done, and reloads the year; a refusal is reported by the HTTP layer and the year reloaded too. */
  private act(request: Observable<unknown>, done: string): void {
    request.subscribe({
      next: () => {
        this.message.success(done);
        this.load();
      },
      error: () => this.load(),
    });
  }

  private load(): void {
    this.loading.set(true);
    this.api.year(this.year()).subscribe({
      next: (data) => {
        this.loading.set(false);
        this.data.set(data);
      },
      error: () => this.loading.set(false),
    });
  }
}
