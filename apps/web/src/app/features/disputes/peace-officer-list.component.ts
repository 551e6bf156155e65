import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, FormGroup, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { ActivatedRoute } from '@angular/router';
import { OrgTreeNode, PeaceOfficerDto, UserChoiceDto, isValidMobile } from '@fazhi/contracts';
import { NzMessageService } from 'ng-zorro-antd/message';
import { Observable, Subject, catchError, map, of, switchMap } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { TKey } from '../../core/i18n/dictionary';
import { I18nService } from '../../core/i18n/i18n.service';
import { HasPermissionDirective } from '../../core/permissions/has-permission.directive';
import { Submission } from '../../shared/api-error-message';
import { FilterTag, FilterTagsComponent } from '../../shared/filter-tags.component';
import { revealErrors } from '../../shared/form-errors';
import { OrgNames, villagesUnder } from '../../shared/org-tree';
import { PageHeaderComponent } from '../../shared/page-header.component';
import { RoutedList } from '../../shared/paged-list';
import { fromPlainDate, toPlainDate } from '../../shared/plain-date';
import { ReasonModalComponent } from '../../shared/reason-modal.component';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { OrgApi } from '../../core/api/org.api';
import { Source, reader, text, toApiQuery, uuid, year } from '../../shared/query-params';
import { PeaceOfficerQuery, PeaceOfficersApi } from './peace-officers.api';
import { FilterActionsComponent } from '../../shared/filter-actions.component';
import { FieldComponent } from '../../shared/field.component';
import { LedgerCellDirective, LedgerColumn, LedgerTableComponent } from '../../shared/ledger/ledger-table.component';

/** The year filter's choice for every year (also its value in the page's URL). */
export const ALL_YEARS = 'all';
type YearChoice = number | typeof ALL_YEARS;
type FilterKey = keyof PeaceOfficerQuery;

const FILTER_LABELS: Record<FilterKey, TKey> = {
  townId: 'record.town',
  villageId: 'record.village',
  activeInYear: 'peaceOfficers.year',
  q: 'peaceOfficers.name',
};

type Dialog = { kind: 'create' } | { kind: 'edit'; officer: PeaceOfficerDto } | { kind: 'unmask'; officer: PeaceOfficerDto };

export function defaultPeaceOfficerQuery(thisYear: number): PeaceOfficerQuery {
  return { townId: null, villageId: null, activeInYear: thisYear, q: null };
}

/** Reads the filters from the page's query parameters: the API's names, `activeInYear=all` for every year, this year when absent. */
export function peaceOfficerQueryFromParams(source: Source, thisYear: number): PeaceOfficerQuery {
  const get = reader(source);
  return {
    townId: uuid(get('townId')),
    villageId: uuid(get('villageId')),
    activeInYear: get('activeInYear') === ALL_YEARS ? null : (year(get('activeInYear')) ?? thisYear),
    q: text(get('q'), 50),
  };
}

/** Whether the active period overlaps the year (DOMAIN.md §3.2); without a year, whether it holds today. */
export function activeIn(officer: PeaceOfficerDto, year: number | null): boolean {
  if (year === null) return officer.activeNow;
  return officer.activeFrom <= `${year}-12-31` && (officer.activeTo === null || officer.activeTo >= `${year}-01-01`);
}

/** The name or village filter narrows the rows below the year's figure. */
function narrowed(query: PeaceOfficerQuery): boolean {
  return query.villageId !== null || query.q !== null;
}

const masked = (value: string): boolean => value.includes('*');

/** A mobile or landline number; a masked one (unchanged on edit) passes, the server checks the rest. */
function phoneValidator(control: AbstractControl<string>): ValidationErrors | null {
  const value = control.value.trim();
  return value === '' || masked(value) || isValidMobile(value) ? null : { phone: true };
}

/** The end of the active period is not before its start. */
function notBeforeStart(control: AbstractControl<Date | null>): ValidationErrors | null {
  const from = toPlainDate(control.parent?.get('activeFrom')?.value as Date | null);
  const to = toPlainDate(control.value);
  return from && to && to < from ? { order: true } : null;
}

/** The peace officer register (平安员名册): who mediates where and when, and the year's count for the annual report. */
@Component({
  selector: 'fz-peace-officer-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    ZORRO_IMPORTS,
    PageHeaderComponent,
    HasPermissionDirective,
    FilterTagsComponent,
    ReasonModalComponent,
    FilterActionsComponent,
    FieldComponent,
    LedgerTableComponent,
    LedgerCellDirective,
  ],
  templateUrl: './peace-officer-list.component.html',
  styleUrl: './peace-officer-list.component.css',
})
export class PeaceOfficerListComponent {
  private readonly api = inject(PeaceOfficersApi);
  private readonly auth = inject(AuthService);
  private readonly route = inject(ActivatedRoute);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;

  protected readonly thisYear = new Date().getFullYear();
  protected readonly years = Array.from({ length: 8 }, (_, i) => this.thisYear - i);
  protected readonly allYears = ALL_YEARS;
  private readonly initial = defaultPeaceOfficerQuery(this.thisYear);

  protected readonly list = new RoutedList<PeaceOfficerDto, PeaceOfficerQuery>((query) => this.api.list(query), this.initial);
  protected readonly towns = computed(() => this.auth.me()?.scope.towns ?? []);
  protected readonly multiTown = computed(() => this.towns().length > 1);
  protected readonly orgTree = signal<OrgTreeNode[]>([]);
  protected readonly names = computed(() => new OrgNames(this.orgTree()));

  protected readonly filters = new FormGroup({
    townId: new FormControl<string | null>(null),
    villageId: new FormControl<string | null>(null),
    year: new FormControl<YearChoice>(this.thisYear, { nonNullable: true }),
    q: new FormControl('', { nonNullable: true }),
  });
  private readonly filterTown = toSignal(this.filters.controls.townId.valueChanges, { initialValue: null });
  protected readonly filterVillages = computed(() => {
    const town = this.filterTown();
    return this.names().villages.filter((village) => !town || village.townId === town);
  });
  protected readonly tags = computed<FilterTag[]>(() => {
    const query = this.list.filters();
    return (Object.keys(FILTER_LABELS) as FilterKey[]).filter((key) => query[key] !== this.initial[key]).map((key) => ({ key, label: this.t(FILTER_LABELS[key]), value: this.tagValue(query, key) }));
  });

  /** Officers of the town(s) in the chosen year, whatever the name or village filter: the annual report's figure. */
  private readonly townCount = signal<number | null>(null);
  private readonly countQueries = new Subject<PeaceOfficerQuery>();
  protected readonly count = computed(() => {
    if (narrowed(this.list.filters())) return this.townCount();
    return this.list.loading() ? null : this.list.total();
  });

  protected readonly officerName = (officer: PeaceOfficerDto) => officer.name;
  protected readonly columns: LedgerColumn<PeaceOfficerDto>[] = [
    { key: 'name', header: 'peaceOfficers.name', width: '100px', fixed: 'left' },
    { key: 'place', header: (t) => (this.multiTown() ? `${t('record.town')} · ${t('record.village')}` : t('record.village')), width: '150px', value: (o) => this.place(o) },
    { key: 'phone', header: 'peaceOfficers.phone', width: '170px', nowrap: true },
    { key: 'period', header: 'peaceOfficers.activePeriod', width: '200px', value: (o) => `${o.activeFrom} ~ ${o.activeTo ?? this.t('peaceOfficers.present')}`, nowrap: true },
    { key: 'userName', header: 'peaceOfficers.account', width: '100px' },
    { key: 'remark', header: 'record.remark', wrap: true },
    { key: 'status', header: 'peaceOfficers.status', width: '90px' },
    { key: 'actions', header: 'common.actions', width: '80px', fixed: 'right', permission: ['peace_officer.manage'] },
  ];
  protected readonly dialog = signal<Dialog | null>(null);
  protected readonly submission = new Submission(this.t);
  /** Phone numbers shown in full after an audited request, by officer id. */
  protected readonly unmasked = signal<ReadonlyMap<string, string | null>>(new Map());

  readonly form = new FormGroup({
    townId: new FormControl<string | null>(null),
    name: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.pattern(/\S/), Validators.maxLength(50)] }),
    villageId: new FormControl<string | null>(null),
    phone: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(20), phoneValidator] }),
    activeFrom: new FormControl<Date | null>(null, Validators.required),
    activeTo: new FormControl<Date | null>(null, notBeforeStart),
    userId: new FormControl<string | null>(null),
    remark: new FormControl('', { nonNullable: true, validators: Validators.maxLength(500) }),
  });
  private readonly formTown = toSignal(this.form.controls.townId.valueChanges, { initialValue: null });
  /** The villages of the officer's town: the row's on edit, the chosen one (or the only one) on create. */
  private readonly formTownId = computed(() => {
    const dialog = this.dialog();
    if (!dialog || dialog.kind === 'unmask') return null;
    const towns = this.towns();
    return dialog.kind === 'edit' ? dialog.officer.townId : (this.formTown() ?? (towns.length === 1 ? towns[0].id : null));
  });
  protected readonly formVillages = computed(() => {
    const town = this.formTownId();
    return town ? villagesUnder(this.orgTree(), town) : [];
  });
  /** The accounts of the officer's town a row may be linked to. */
  protected readonly accounts = toSignal(toObservable(this.formTownId).pipe(switchMap((town) => (town ? this.api.accounts(town).pipe(catchError(() => of([]))) : of([])))), {
    initialValue: [] as UserChoiceDto[],
  });

  constructor() {
    this.countQueries
      .pipe(
        switchMap((query) =>
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
    this.route.queryParamMap.pipe(takeUntilDestroyed()).subscribe((params) => {
      const query = peaceOfficerQueryFromParams(params, this.thisYear);
      this.fillFilters(query);
      this.list.search(query);
      this.countQueries.next(query);
    });
    this.filters.controls.townId.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.filters.controls.villageId.setValue(null));
    this.form.controls.townId.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.form.controls.villageId.setValue(null));
    this.form.controls.activeFrom.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.form.controls.activeTo.updateValueAndValidity());
    inject(OrgApi)
      .tree()
      .subscribe((tree) => this.orgTree.set(tree));
  }

  protected search(): void {
    const v = this.filters.getRawValue();
    this.go({ townId: v.townId, villageId: v.villageId, activeInYear: v.year === ALL_YEARS ? null : v.year, q: v.q.trim() || null });
  }

  protected reset(): void {
    this.go(this.initial);
  }

  protected removeFilter(key: string): void {
    this.go({ ...this.list.filters(), [key]: this.initial[key as FilterKey] });
  }

  protected active(officer: PeaceOfficerDto): boolean {
    return activeIn(officer, this.list.filters().activeInYear);
  }

  protected phone(officer: PeaceOfficerDto): string | null {
    const plain = this.unmasked();
    return plain.has(officer.id) ? (plain.get(officer.id) ?? null) : officer.phone;
  }

  protected place(officer: PeaceOfficerDto): string {
    const village = officer.villageName ?? '—';
    return this.multiTown() ? `${officer.townName} · ${village}` : village;
  }

  protected openCreate(): void {
    this.form.controls.townId.setValidators(this.multiTown() ? Validators.required : null);
    this.form.reset({ townId: null, name: '', villageId: null, phone: '', activeFrom: new Date(), activeTo: null, userId: null, remark: '' });
    this.open({ kind: 'create' });
  }

  protected openEdit(officer: PeaceOfficerDto): void {
    this.form.controls.townId.setValidators(null);
    this.form.reset({
      townId: null,
      name: officer.name,
      villageId: officer.villageId,
      phone: officer.phone ?? '',
      activeFrom: fromPlainDate(officer.activeFrom),
      activeTo: fromPlainDate(officer.activeTo),
      userId: officer.userId,
      remark: officer.remark ?? '',
    });
    this.open({ kind: 'edit', officer });
  }

  protected open(dialog: Dialog): void {
    this.submission.error.set(null);
    this.dialog.set(dialog);
  }

  protected submit(): void {
    const dialog = this.dialog();
    if (!dialog || dialog.kind === 'unmask') return;
    if (this.form.invalid) {
      revealErrors(this.form);
      return;
    }
    this.submission.run(
      this.request(dialog),
      (saved) => {
        this.dialog.set(null);
        this.unmasked.update((plain) => new Map([...plain].filter(([id]) => id !== saved.id)));
        this.message.success(this.t(dialog.kind === 'create' ? 'peaceOfficers.created' : 'peaceOfficers.saved', { name: saved.name }));
        this.list.load();
        this.countQueries.next(this.list.filters());
      },
      this.form,
    );
  }

  protected confirmUnmask(reason: string): void {
    const dialog = this.dialog();
    if (dialog?.kind !== 'unmask') return;
    this.submission.run(this.api.unmask(dialog.officer.id, reason), (plain) => {
      this.dialog.set(null);
      this.unmasked.update((shown) => new Map(shown).set(dialog.officer.id, plain.phone ?? null));
    });
  }

  /** The form as the API takes it: trimmed, empty optional fields as null; on edit an untouched or masked phone stays out. */
  private request(dialog: Exclude<Dialog, { kind: 'unmask' }>): Observable<PeaceOfficerDto> {
    const v = this.form.getRawValue();
    const phone = v.phone.trim();
    const fields = {
      name: v.name.trim(),
      villageId: v.villageId,
      activeFrom: toPlainDate(v.activeFrom) ?? '',
      activeTo: toPlainDate(v.activeTo),
      userId: v.userId,
      remark: v.remark.trim() || null,
    };
    if (dialog.kind === 'edit') {
      const phoneChanged = this.form.controls.phone.dirty && !masked(phone);
      return this.api.update(dialog.officer.id, { version: dialog.officer.version, ...fields, ...(phoneChanged ? { phone: phone || null } : {}) });
    }
    return this.api.create({ ...(this.multiTown() && v.townId ? { townId: v.townId } : {}), ...fields, phone: phone || null });
  }

  /** Puts the filters in the URL (every year as `all`); searched in place, the count follows. */
  private go(query: PeaceOfficerQuery): void {
    if (this.list.go(query, toApiQuery({ ...query, activeInYear: query.activeInYear ?? ALL_YEARS }))) this.countQueries.next(query);
  }

  private fillFilters(query: PeaceOfficerQuery): void {
    this.filters.setValue({
      townId: query.townId,
      villageId: query.villageId,
      year: query.activeInYear ?? ALL_YEARS,
      q: query.q ?? '',
    });
  }

  private tagValue(query: PeaceOfficerQuery, key: FilterKey): string {
    switch (key) {
      case 'townId':
      case 'villageId':
        return this.names().name(query[key]);
      case 'activeInYear':
        return query.activeInYear === null ? this.t('peaceOfficers.allYears') : String(query.activeInYear);
      default:
        return query.q ?? '';
    }
  }
}
