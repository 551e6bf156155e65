import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { AdvisorVillageInput, AdvisorVillageListQuery, OrgTreeNode, RULE_OF_LAW_LEVELS, RULE_OF_LAW_LEVEL_LABELS, RuleOfLawLevel } from '@fazhi/contracts';
import { NzMessageService } from 'ng-zorro-antd/message';
import { OrgApi } from '../../core/api/org.api';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { LedgerFilters, ListFilters, read } from '../../shared/ledger/ledger-filters';
import { LedgerCellDirective, LedgerColumn, LedgerTableComponent } from '../../shared/ledger/ledger-table.component';
import { OrgNames } from '../../shared/org-tree';
import { RegisterEditor, RegisterField } from '../../shared/register/register-form';
import { RegisterDialogComponent } from '../../shared/register/register-form.component';
import { UrlList } from '../../shared/register/register-list';
import { RegisterFilter, RegisterPageComponent, RegisterView } from '../../shared/register/register-page.component';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { AdvisorRegistersApi, VillageRow } from './advisor-registers.api';
import { ServiceListsComponent } from './service-lists.component';

export type VillageQuery = ListFilters<AdvisorVillageListQuery> & { sort: null; order: null };

/** The village register's filters: the village figures open it with theirs (`roomYear=2021`…). */
export const VILLAGE_FILTERS = new LedgerFilters<VillageQuery>(
  {
    townId: read.uuid,
    roomYear: read.year,
    advisorYear: read.year,
    publishedListYear: read.year,
    meetsHoursYear: read.year,
    ruleOfLawLevel: read.oneOf(RULE_OF_LAW_LEVELS),
    sort: read.never,
    order: read.never,
  },
  {
    townId: 'record.town',
    roomYear: 'advisorVillages.filterRoomYear',
    advisorYear: 'advisorVillages.filterAdvisorYear',
    publishedListYear: 'advisorVillages.filterPublishedListYear',
    meetsHoursYear: 'advisorVillages.filterMeetsHoursYear',
    ruleOfLawLevel: 'advisorVillages.ruleOfLawLevel',
  },
);

const VIEW: RegisterView = { name: 'advisor-village', title: 'advisorVillages.title', subtitle: 'advisorVillages.subtitle', manage: 'advisor.check' };

/** The villages' legal-service rooms, published service lists and 民主法治村 levels, kept by legal-affairs staff. */
@Component({
  selector: 'fz-advisor-village-register',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, ZORRO_IMPORTS, LedgerTableComponent, LedgerCellDirective, RegisterPageComponent, RegisterDialogComponent, ServiceListsComponent],
  templateUrl: './village-register.component.html',
})
export class AdvisorVillageRegisterComponent {
  private readonly api = inject(AdvisorRegistersApi);
  private readonly auth = inject(AuthService);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly view = VIEW;

  private readonly towns = computed(() => this.auth.me()?.scope.towns ?? []);
  private readonly orgTree = signal<OrgTreeNode[]>([]);
  private readonly names = computed(() => new OrgNames(this.orgTree()));
  protected readonly level = (level: RuleOfLawLevel) => this.i18n.pick(RULE_OF_LAW_LEVEL_LABELS[level]);
  private readonly levels = () => RULE_OF_LAW_LEVELS.map((level) => ({ value: level, label: this.level(level) }));

  protected readonly filters = new FormGroup({ townId: new FormControl<string | null>(null), ruleOfLawLevel: new FormControl<RuleOfLawLevel | null>(null) });
  protected readonly filterFields: RegisterFilter[] = [
    { name: 'townId', kind: 'select', label: 'record.town', options: () => this.towns().map((town) => ({ value: town.id, label: town.name })), when: () => this.towns().length > 1 },
    { name: 'ruleOfLawLevel', kind: 'select', label: 'advisorVillages.ruleOfLawLevel', options: this.levels, testId: 'filter-level' },
  ];
  protected readonly list = new UrlList<VillageRow, VillageQuery>(
    (query) => this.api.villages(query),
    VILLAGE_FILTERS,
    (query, key) => (key === 'townId' ? this.names().name(query.townId) : key === 'ruleOfLawLevel' && query.ruleOfLawLevel ? this.level(query.ruleOfLawLevel) : null),
    (query) => this.filters.setValue({ townId: query.townId, ruleOfLawLevel: query.ruleOfLawLevel }),
  );
  protected readonly columns: LedgerColumn<VillageRow>[] = [
    { key: 'villageName', header: 'record.village', width: '110px', fixed: 'left' },
    { key: 'room', header: 'advisorVillages.room', width: '220px', wrap: true },
    { key: 'roomOpenedOn', header: 'advisorVillages.roomOpenedOn', width: '110px', phone: false },
    { key: 'serviceList', header: 'advisorVillages.serviceList', width: '220px', wrap: true },
    { key: 'ruleOfLaw', header: 'advisorVillages.ruleOfLaw', width: '120px', value: (v) => this.level(v.ruleOfLawLevel) + (v.ruleOfLawYear ? ` · ${v.ruleOfLawYear}` : '') },
    { key: 'advisorNames', header: 'advisorVillages.advisors', width: '120px', value: (v) => v.advisorNames.join('、'), phone: false },
    { key: 'actions', header: 'common.actions', width: '80px', fixed: 'right', permission: ['advisor.check'] },
  ];
  protected readonly rowKey = (v: VillageRow) => v.villageName;
  /** The village whose published service lists are open. */
  protected readonly lists = signal<VillageRow | null>(null);

  private readonly fields: RegisterField<VillageRow>[] = [
    {
      name: 'hasRoom',
      kind: 'select',
      label: 'advisorVillages.room',
      required: true,
      half: true,
      options: () => [
        { value: true, label: this.t('advisorVillages.hasRoom') },
        { value: false, label: this.t('advisorVillages.noRoom') },
      ],
    },
    { name: 'roomOpenedOn', kind: 'date', label: 'advisorVillages.roomOpenedOn', half: true },
    { name: 'roomAddress', kind: 'text', label: 'advisorVillages.roomAddress', max: 200 },
    { name: 'serviceListTitle', kind: 'text', label: 'advisorVillages.serviceListTitle', max: 200 },
    { name: 'serviceListVersion', kind: 'text', label: 'advisorVillages.serviceListVersion', max: 32, half: true },
    { name: 'serviceListPublishedOn', kind: 'date', label: 'advisorVillages.serviceListPublishedOn', half: true },
    { name: 'ruleOfLawLevel', kind: 'select', label: 'advisorVillages.ruleOfLawLevel', required: true, half: true, options: this.levels },
    { name: 'ruleOfLawYear', kind: 'number', label: 'advisorVillages.ruleOfLawYear', min: 1990, max: 2100, half: true },
  ];
  protected readonly editor = new RegisterEditor<VillageRow, AdvisorVillageInput>(
    this.fields,
    {
      create: () => {
        throw new Error('villages are not created here');
      },
      update: (villageId, body) => this.api.setVillage(villageId, body as AdvisorVillageInput),
    },
    (saved) => {
      this.message.success(this.t('advisorVillages.saved', { village: saved.villageName }));
      this.list.load();
    },
  );

  constructor() {
    inject(OrgApi)
      .tree()
      .subscribe((tree) => this.orgTree.set(tree));
  }

  protected search(): void {
    const value = this.filters.getRawValue();
    this.list.go({ ...this.list.filters(), townId: value.townId, ruleOfLawLevel: value.ruleOfLawLevel });
  }
}
