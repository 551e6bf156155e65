import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { AdvisorDto, AdvisorInput, AdvisorVillageAssignment, OrgTreeNode, UserChoiceDto } from '@fazhi/contracts';
import { NzMessageService } from 'ng-zorro-antd/message';
import { Observable, catchError, of, switchMap } from 'rxjs';
import { OrgApi } from '../../core/api/org.api';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { LedgerFilters, ListFilters, read } from '../../shared/ledger/ledger-filters';
import { LedgerCellDirective, LedgerColumn, LedgerTableComponent } from '../../shared/ledger/ledger-table.component';
import { OrgNames, villagesUnder } from '../../shared/org-tree';
import { toPlainDate } from '../../shared/plain-date';
import { RegisterEditor, RegisterField, phoneNumber } from '../../shared/register/register-form';
import { RegisterDialogComponent } from '../../shared/register/register-form.component';
import { UrlList } from '../../shared/register/register-list';
import { RegisterFilter, RegisterPageComponent, RegisterView } from '../../shared/register/register-page.component';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { AdvisorRegistersApi } from './advisor-registers.api';

type Assignment = Omit<AdvisorVillageAssignment, 'villageName'>;

/**
 * The villages an advisor serves after the form: the chosen ones still served keep their dates,
 * newly chosen ones are served from `from`, and those no longer chosen end today; ended ones stay as they were.
 */
export function assignmentsAfter(current: readonly AdvisorVillageAssignment[], chosen: readonly string[], from: string, today: string): Assignment[] {
  const serving = (a: AdvisorVillageAssignment) => a.to === null || a.to >= today;
  const kept = current.map(({ villageId, from: start, to }) => ({ villageId, from: start, to: serving({ villageId, from: start, to }) && !chosen.includes(villageId) ? today : to }));
  const added = chosen.filter((id) => !current.some((a) => a.villageId === id && serving(a))).map((villageId) => ({ villageId, from, to: null }));
  return [...kept, ...added];
}

export type AdvisorQuery = ListFilters<{ townId?: string; villageId?: string; year?: number }> & { sort: null; order: null };

export const ADVISOR_FILTERS = new LedgerFilters<AdvisorQuery>(
  { townId: read.uuid, villageId: read.uuid, year: read.year, sort: read.never, order: read.never },
  { townId: 'record.town', villageId: 'record.village', year: 'advisorRegister.filterYear' },
);

/** The form's fields beyond the row's own: the villages chosen and the day the new ones start. */
type AdvisorForm = Omit<AdvisorInput, 'villages'> & { villageIds: string[]; servingFrom: string };

const VIEW: RegisterView = { name: 'advisor', title: 'advisorRegister.title', subtitle: 'advisorRegister.subtitle', create: 'advisorRegister.create', manage: 'advisor.check' };

/** The advisor register (法律顾问名册): who advises which villages since when, kept by legal-affairs staff. */
@Component({
  selector: 'fz-advisor-register',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, ZORRO_IMPORTS, LedgerTableComponent, LedgerCellDirective, RegisterPageComponent, RegisterDialogComponent],
  templateUrl: './advisor-register.component.html',
})
export class AdvisorRegisterComponent {
  private readonly api = inject(AdvisorRegistersApi);
  private readonly auth = inject(AuthService);
  private readonly message = inject(NzMessageService);
  protected readonly t = inject(I18nService).t;
  protected readonly view = VIEW;

  private readonly towns = computed(() => this.auth.me()?.scope.towns ?? []);
  private readonly orgTree = signal<OrgTreeNode[]>([]);
  private readonly names = computed(() => new OrgNames(this.orgTree()));
  private readonly villageOptions = () => this.names().villages.map((v) => ({ value: v.id, label: this.names().villageLabel(v) }));

  protected readonly filters = new FormGroup({ townId: new FormControl<string | null>(null), villageId: new FormControl<string | null>(null) });
  protected readonly filterFields: RegisterFilter[] = [
    { name: 'townId', kind: 'select', label: 'record.town', options: () => this.towns().map((town) => ({ value: town.id, label: town.name })), when: () => this.towns().length > 1 },
    { name: 'villageId', kind: 'select', label: 'record.village', search: true, options: this.villageOptions, testId: 'filter-village' },
  ];
  protected readonly list = new UrlList<AdvisorDto, AdvisorQuery>(
    (query) => this.api.advisors(query),
    ADVISOR_FILTERS,
    (query, key) => (key === 'townId' || key === 'villageId' ? this.names().name(query[key]) : null),
    (query) => this.filters.setValue({ townId: query.townId, villageId: query.villageId }),
  );
  protected readonly columns: LedgerColumn<AdvisorDto>[] = [
    { key: 'name', header: 'advisorRegister.name', width: '90px', fixed: 'left' },
    { key: 'lawFirm', header: 'advisorRegister.lawFirm', width: '180px', wrap: true },
    { key: 'licenceNo', header: 'advisorRegister.licenceNo', width: '170px', phone: false },
    { key: 'phone', header: 'advisorRegister.phone', width: '120px', nowrap: true, phone: false },
    { key: 'villages', header: 'advisorRegister.villages', width: '240px', wrap: true, phone: false },
    { key: 'userName', header: 'advisorRegister.account', width: '90px', phone: false },
    { key: 'status', header: 'advisorRegister.active', width: '80px' },
    { key: 'actions', header: 'common.actions', width: '80px', fixed: 'right', permission: ['advisor.check'] },
  ];
  protected readonly rowKey = (a: AdvisorDto) => a.name;

  /** The town of the advisor in the form: the row's, the one chosen on create, or the caller's only town. */
  private readonly formTown = computed(() => this.editor.item()?.townId ?? (this.editor.values()['townId'] as string | null) ?? this.towns()[0]?.id ?? null);
  /** The accounts of that town an advisor may be linked to. */
  private readonly accounts = toSignal(toObservable(this.formTown).pipe(switchMap((town) => (town ? this.api.accounts(town).pipe(catchError(() => of([]))) : of([])))), {
    initialValue: [] as UserChoiceDto[],
  });

  private readonly fields: RegisterField<AdvisorDto>[] = [
    {
      name: 'townId',
      kind: 'select',
      label: 'record.town',
      required: true,
      when: () => this.editor.item() === null && this.towns().length > 1,
      options: () => this.towns().map((t) => ({ value: t.id, label: t.name })),
    },
    { name: 'name', kind: 'text', label: 'advisorRegister.name', required: true, max: 50, half: true },
    { name: 'phone', kind: 'text', label: 'advisorRegister.phone', required: true, max: 20, half: true, validators: [phoneNumber], masked: true, inputmode: 'tel' },
    { name: 'lawFirm', kind: 'text', label: 'advisorRegister.lawFirm', required: true, max: 100 },
    { name: 'licenceNo', kind: 'text', label: 'advisorRegister.licenceNo', required: true, max: 32 },
    {
      name: 'villageIds',
      kind: 'tags',
      label: 'advisorRegister.villages',
      options: () => villagesUnder(this.orgTree(), this.formTown()).map((v) => ({ value: v.id, label: v.name })),
    },
    { name: 'servingFrom', kind: 'date', label: 'advisorRegister.servingFrom', required: true, extra: 'advisorRegister.servingHint' },
    {
      name: 'userId',
      kind: 'select',
      label: 'advisorRegister.account',
      search: true,
      placeholder: 'advisorRegister.noAccount',
      extra: 'advisorRegister.accountHint',
      options: () => this.accounts().map((a) => ({ value: a.id, label: a.name })),
    },
    { name: 'remark', kind: 'textarea', label: 'common.remarkOptional', max: 500 },
  ];
  protected readonly editor: RegisterEditor<AdvisorDto, AdvisorForm> = new RegisterEditor<AdvisorDto, AdvisorForm>(
    this.fields,
    {
      create: (body) => this.api.createAdvisor(this.input(body, [])),
      update: (id, body): Observable<AdvisorDto> => this.api.updateAdvisor(id, { ...this.input(body as AdvisorForm, this.editor.item()?.villages ?? []), version: body.version }),
    },
    (saved) => {
      this.message.success(this.t('advisorRegister.saved', { name: saved.name }));
      this.list.load();
    },
  );

  constructor() {
    inject(OrgApi)
      .tree()
      .subscribe((tree) => this.orgTree.set(tree));
  }

  protected villages(advisor: AdvisorDto): string {
    return advisor.villages.map((v) => `${v.villageName}（${v.from} ~ ${v.to ?? this.t('advisorRegister.present')}）`).join('、');
  }

  /** Opens the form on an advisor: the villages served today chosen, new ones starting today. */
  protected edit(advisor: AdvisorDto): void {
    const today = toPlainDate(new Date()) ?? '';
    const villageIds = advisor.villages.filter((v) => v.to === null || v.to >= today).map((v) => v.villageId);
    this.editor.edit(Object.assign({}, advisor, { villageIds, servingFrom: today }));
  }

  protected search(): void {
    const value = this.filters.getRawValue();
    this.list.go({ ...this.list.filters(), townId: value.townId, villageId: value.villageId });
  }

  /** The form as the API takes it: the villages as assignments with their dates. */
  private input(form: AdvisorForm, current: readonly AdvisorVillageAssignment[]): AdvisorInput {
    const { villageIds, servingFrom, ...rest } = form;
    return { ...rest, villages: assignmentsAfter(current, villageIds, servingFrom, toPlainDate(new Date()) ?? servingFrom) };
  }
}
