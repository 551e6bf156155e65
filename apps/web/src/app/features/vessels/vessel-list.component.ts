import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { CampaignDto, OrgTreeNode, VESSEL_STATUSES, VesselCaseDto, VesselStatus } from '@fazhi/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { DateTimePipe } from '../../shared/date-time.pipe';
import { FilterActionsComponent } from '../../shared/filter-actions.component';
import { FilterTagsComponent } from '../../shared/filter-tags.component';
import { LedgerHeaderComponent } from '../../shared/ledger/ledger-header.component';
import { LedgerList } from '../../shared/ledger/ledger-list';
import { LedgerCellDirective, LedgerColumn, LedgerTableComponent } from '../../shared/ledger/ledger-table.component';
import { statusText } from '../../shared/ledger/ledger-view';
import { PersonSearchComponent, personQuery, personSearchOf } from '../../shared/ledger/person-search.component';
import { StatusSelectComponent } from '../../shared/ledger/status-select.component';
import { StatusTagComponent } from '../../shared/ledger/status-tag.component';
import { OrgNames } from '../../shared/org-tree';
import { fromPlainDate, toPlainDate } from '../../shared/plain-date';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { OrgApi } from '../../core/api/org.api';
import { CampaignsApi } from './campaigns.api';
import { OWNER_SEARCH_FIELDS, VESSEL_FILTERS, VesselQuery } from './vessel-filters';
import { DISPOSAL_KEYS } from './vessel-labels';
import { VESSEL_VIEW } from './vessel-view';
import { VesselTypes, VesselsApi } from './vessels.api';

/** The vessel ledger: filters (also from a statistic's query string), pages, export and import. */
@Component({
  selector: 'fz-vessel-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    ZORRO_IMPORTS,
    DateTimePipe,
    LedgerHeaderComponent,
    LedgerTableComponent,
    LedgerCellDirective,
    StatusSelectComponent,
    StatusTagComponent,
    PersonSearchComponent,
    FilterTagsComponent,
    FilterActionsComponent,
  ],
  templateUrl: './vessel-list.component.html',
})
export class VesselListComponent {
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly view = VESSEL_VIEW;
  protected readonly columns: readonly LedgerColumn<VesselCaseDto>[] = [
    { key: 'number', header: 'vessels.number', width: '210px', fixed: 'left', sort: 'number', link: (item) => ['/vessels', item.id] },
    { key: 'status', header: 'vessels.status', width: '130px', sort: 'status' },
    { key: 'villageName', header: 'record.village', width: '110px', phone: false },
    { key: 'place', header: 'vessels.place', width: '150px', wrap: true },
    { key: 'discoveredAt', header: 'vessels.discoveredAt', width: '150px', sort: 'discoveredAt', phone: false },
    { key: 'owner', header: 'vessels.owner', width: '100px', value: (item) => (item.unclaimed ? this.t('vessels.unclaimed') : item.ownerName), phone: false },
    { key: 'disposal', header: 'vessels.disposal', width: '110px', value: (item) => item.disposal && this.t(DISPOSAL_KEYS[item.disposal]), phone: false },
    { key: 'dismantledOn', header: 'vessels.dismantledOn', width: '120px', sort: 'dismantledOn', phone: false },
    { key: 'campaign', header: 'vessels.campaign', width: '200px', phone: false },
  ];
  protected readonly rowKey = (item: VesselCaseDto) => item.number;
  /** Before the list: the list fills it from the URL as soon as it is made. */
  protected readonly filters = new FormGroup({
    status: new FormControl<VesselStatus[]>([], { nonNullable: true }),
    villageId: new FormControl<string | null>(null),
    range: new FormControl<Date[]>([], { nonNullable: true }),
    campaignId: new FormControl<string | null>(null),
    q: new FormControl('', { nonNullable: true }),
    ownerField: new FormControl<string>('ownerName', { nonNullable: true }),
    owner: new FormControl('', { nonNullable: true }),
  });
  protected readonly list = new LedgerList<VesselTypes, VesselQuery>(
    inject(VesselsApi),
    VESSEL_FILTERS,
    (query, key) => this.tagValue(query, key),
    (query) => this.fillForm(query),
  );
  protected readonly statuses = VESSEL_STATUSES;
  protected readonly ownerFields = OWNER_SEARCH_FIELDS;
  protected readonly orgTree = signal<OrgTreeNode[]>([]);
  protected readonly names = computed(() => new OrgNames(this.orgTree()));
  protected readonly campaigns = signal<CampaignDto[]>([]);
  /** On a phone, the less used filters fold away unless one of them is set. */
  protected readonly moreOpen = signal(false);

  constructor() {
    inject(OrgApi)
      .tree()
      .subscribe((tree) => this.orgTree.set(tree));
    inject(CampaignsApi)
      .list({ voided: 'false', pageSize: 100 })
      .subscribe((page) => this.campaigns.set(page.items));
  }

  protected search(): void {
    const value = this.filters.getRawValue();
    const [start, end] = value.range;
    this.list.go({
      ...this.list.filters(),
      status: value.status,
      villageId: value.villageId,
      from: toPlainDate(start),
      to: toPlainDate(end),
      campaignId: value.campaignId,
      q: value.q.trim() || null,
      ...personQuery(OWNER_SEARCH_FIELDS, value.ownerField, value.owner),
    });
  }

  private fillForm(query: VesselQuery): void {
    const owner = personSearchOf(query, OWNER_SEARCH_FIELDS);
    if (query.villageId || query.from || query.campaignId || owner.value) this.moreOpen.set(true);
    const from = fromPlainDate(query.from);
    const to = fromPlainDate(query.to);
    this.filters.setValue({
      status: query.status,
      villageId: query.villageId,
      range: from && to ? [from, to] : [],
      campaignId: query.campaignId,
      q: query.q ?? '',
      ownerField: owner.field,
      owner: owner.value,
    });
  }

  private tagValue(query: VesselQuery, key: keyof VesselQuery): string | null {
    switch (key) {
      case 'status':
        return query.status.map((s) => statusText(VESSEL_VIEW, s, this.i18n.pick)).join('、');
      case 'townId':
      case 'villageId':
        return this.names().name(query[key]);
      case 'campaignId':
        return this.campaigns().find((c) => c.id === query.campaignId)?.number ?? null;
      case 'disposal':
        return query.disposal && this.t(DISPOSAL_KEYS[query.disposal]);
      case 'voided':
        return this.t(query.voided === 'true' ? 'common.yes' : 'common.no');
      default:
        return null;
    }
  }
}
