import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { PeaceOfficerDto, UserChoiceDto } from '@fazhi/contracts';
import { NzMessageService } from 'ng-zorro-antd/message';
import { catchError, map, of, switchMap } from 'rxjs';
import { I18nService } from '../../core/i18n/i18n.service';
import { LedgerFilters, read } from '../../shared/ledger/ledger-filters';
import { LedgerCellDirective, LedgerColumn, LedgerTableComponent } from '../../shared/ledger/ledger-table.component';
import { year } from '../../shared/query-params';
import { MaskedComponent, Unmasks } from '../../shared/register/masked.component';
import { RegisterEditor, RegisterField, phoneNumber } from '../../shared/register/register-form';
import { RegisterPlaces } from '../../shared/register/register-places';
import { RegisterDialogComponent } from '../../shared/register/register-form.component';
import { UrlList } from '../../shared/register/register-list';
import { RegisterFilter, RegisterPageComponent, RegisterView } from '../../shared/register/register-page.component';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { PeaceOfficerQuery, PeaceOfficersApi } from './peace-officers.api';

/** The year filter's choice for every year (also its value in the page's URL). */
export const ALL_YEARS = 'all';

/** The filters as the page's URL holds them: the API's names, `activeInYear=all` for every year, this year when absent. */
export function peaceOfficerFilters(thisYear: number): LedgerFilters<PeaceOfficerQuery> {
  return new LedgerFilters<PeaceOfficerQuery>(
    { townId: read.uuid, villageId: read.uuid, activeInYear: (value) => (value === ALL_YEARS ? null : (year(value) ?? thisYear)), q: read.text(50) },
    { townId: 'record.town', villageId: 'record.village', activeInYear: 'peaceOfficers.year', q: 'peaceOfficers.name' },
    [],
    { activeInYear: (value) => value ?? ALL_YEARS },
  );
}

/** Whether the active period overlaps the year (DOMAIN.md §3.2); without a year, whether it holds today. */
export function activeIn(officer: PeaceOfficerDto, year: number | null): boolean {
  if (year === null) return officer.activeNow;
  return officer.activeFrom <= `${year}-12-31` && (officer.activeTo === null || officer.activeTo >= `${year}-01-01`);
}

/** The name or village filter narrows the rows below the year's figure. */
const narrowed = (query: PeaceOfficerQuery): boolean => query.villageId !== null || query.q !== null;

const VIEW: RegisterView = { name: 'peace-officer', title: 'peaceOfficers.title', subtitle: 'peaceOfficers.subtitle', create: 'peaceOfficers.create', manage: 'peace_officer.manage' };

/** The peace officer register (平安员名册): who mediates where and when, and the year's count for the annual report. */
@Component({
  selector: 'fz-peace-officer-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, ZORRO_IMPORTS, MaskedComponent, LedgerTableComponent, LedgerCellDirective, RegisterPageComponent, RegisterDialogComponent],
  templateUrl: './peace-officer-list.component.html',
  styles: `
    .fz-officer-count {
      margin: 0 0 12px;
    }
    .fz-officer-count strong {
      margin: 0 4px;
      font-size: 20px;
    }
  `,
})
export class PeaceOfficerListComponent {
  private readonly api = inject(PeaceOfficersApi);
  private readonly message = inject(NzMessageService);
  protected readonly t = inject(I18nService).t;
  protected readonly view = VIEW;

  private readonly thisYear = new Date().getFullYear();
  private readonly places = new RegisterPlaces();

  protected readonly filters = new FormGroup({
    townId: new FormControl<string | null>(null),
    villageId: new FormControl<string | null>(null),
    year: new FormControl<number | typeof ALL_YEARS>(this.thisYear, { nonNullable: true }),
    q: new FormControl('', { nonNullable: true }),
  });
  protected readonly filterFields: RegisterFilter[] = [
    ...this.places.filters(this.filters),
    {
      name: 'year',
      kind: 'select',
      label: 'peaceOfficers.year',
      required: true,
      lg: 4,
      testId: 'filter-year',
      options: () => [
        { value: ALL_YEARS, label: this.t('peaceOfficers.allYears') },
        ...Array.from({ length: 8 }, (_, i) => this.thisYear - i).map((year) => ({ value: year, label: this.t('peaceOfficers.yearOption', { year }) })),
      ],
    },
    { name: 'q', kind: 'text', label: 'peaceOfficers.name', placeholder: 'peaceOfficers.searchPlaceholder', testId: 'filter-name' },
  ];

  /** Officers of the town(s) in the chosen year, whatever the name or village filter: the annual report's figure. */
  private readonly townCount = signal<number | null>(null);
  private readonly saves = signal(0);
  protected readonly list = new UrlList<PeaceOfficerDto, PeaceOfficerQuery>(
    (query) => this.api.list(query),
    peaceOfficerFilters(this.thisYear),
    (query, key) => this.tagValue(query, key),
    (query) => this.filters.setValue({ townId: query.townId, villageId: query.villageId, year: query.activeInYear ?? ALL_YEARS, q: query.q ?? '' }),
  );
  protected readonly count = computed(() => (narrowed(this.list.filters()) ? this.townCount() : this.list.loading() ? null : this.list.total()));

  protected readonly columns: LedgerColumn<PeaceOfficerDto>[] = [
    { key: 'name', header: 'peaceOfficers.name', width: '100px', fixed: 'left' },
    { key: 'place', header: (t) => (this.places.several() ? `${t('record.town')} · ${t('record.village')}` : t('record.village')), width: '150px', value: (o) => this.place(o) },
    { key: 'phone', header: 'peaceOfficers.phone', width: '170px', nowrap: true },
    { key: 'period', header: 'peaceOfficers.activePeriod', width: '200px', value: (o) => `${o.activeFrom} ~ ${o.activeTo ?? this.t('peaceOfficers.present')}`, nowrap: true },
    { key: 'userName', header: 'peaceOfficers.account', width: '100px' },
    { key: 'remark', header: 'record.remark', wrap: true },
    { key: 'status', header: 'peaceOfficers.status', width: '90px' },
    { key: 'actions', header: 'common.actions', width: '80px', fixed: 'right', permission: ['peace_officer.manage'] },
  ];
  protected readonly officerName = (officer: PeaceOfficerDto) => officer.name;

  private readonly officerPlace = this.places.fields(() => this.editor);
  /** The accounts of the officer's town a row may be linked to. */
  private readonly accounts = toSignal(toObservable(this.officerPlace.town).pipe(switchMap((town) => (town ? this.api.accounts(town).pipe(catchError(() => of([]))) : of([])))), {
    initialValue: [] as UserChoiceDto[],
  });
  private readonly fields: RegisterField<PeaceOfficerDto>[] = [
    this.officerPlace.fields[0],
    { name: 'name', kind: 'text', label: 'peaceOfficers.name', required: true, max: 50, half: true },
    this.officerPlace.fields[1],
    {
      name: 'phone',
      kind: 'text',
      label: 'peaceOfficers.phone',
      max: 20,
      validators: [phoneNumber],
      masked: true,
      inputmode: 'tel',
      extra: (o) => (o?.phone ? 'peaceOfficers.phoneMaskedHint' : null),
    },
    { name: 'activeFrom', kind: 'date', label: 'peaceOfficers.activeFrom', required: true, half: true },
    { name: 'activeTo', kind: 'date', label: 'peaceOfficers.activeTo', half: true, after: 'activeFrom', extra: 'peaceOfficers.activeToHint', problems: { order: 'peaceOfficers.activeToOrder' } },
    {
      name: 'userId',
      kind: 'select',
      label: 'peaceOfficers.account',
      search: true,
      placeholder: 'peaceOfficers.noAccount',
      extra: 'peaceOfficers.accountHint',
      options: () => this.accounts().map((a) => ({ value: a.id, label: a.name })),
    },
    { name: 'remark', kind: 'textarea', label: 'common.remarkOptional', max: 500 },
  ];
  protected readonly editor = new RegisterEditor(this.fields, this.api, (saved, created) => {
    this.unmasks.forget(saved.id);
    this.message.success(this.t(created ? 'peaceOfficers.created' : 'peaceOfficers.saved', { name: saved.name }));
    this.list.load();
    this.saves.update((n) => n + 1);
  });
  /** Phone numbers shown in full after an audited request. */
  protected readonly unmasks = new Unmasks<PeaceOfficerDto>(this.api, ['phone']);

  constructor() {
    toObservable(computed(() => [this.saves(), this.list.filters()] as const))
      .pipe(
        switchMap(([, query]) =>
          narrowed(query)
            ? this.api.list({ townId: query.townId, activeInYear: query.activeInYear, page: 1, pageSize: 1 }).pipe(
                map((page) => page.total),
                catchError(() => of(null)),
              )
            : of(null),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((total) => this.townCount.set(total));
  }

  protected search(): void {
    const v = this.filters.getRawValue();
    this.list.go({ townId: v.townId, villageId: v.villageId, activeInYear: v.year === ALL_YEARS ? null : v.year, q: v.q.trim() || null });
  }

  protected active(officer: PeaceOfficerDto): boolean {
    return activeIn(officer, this.list.filters().activeInYear);
  }

  private place(officer: PeaceOfficerDto): string {
    const village = officer.villageName ?? '—';
    return this.places.several() ? `${officer.townName} · ${village}` : village;
  }

  private tagValue(query: PeaceOfficerQuery, key: keyof PeaceOfficerQuery): string | null {
    if (key === 'activeInYear') return query.activeInYear === null ? this.t('peaceOfficers.allYears') : null;
    return key === 'townId' || key === 'villageId' ? this.places.names().name(query[key]) : null;
  }
}
