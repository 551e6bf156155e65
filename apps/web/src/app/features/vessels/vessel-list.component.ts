import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { CampaignDto, VESSEL_STATUSES, VesselCaseDto } from '@fazhi/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { DateTimePipe } from '../../shared/date-time.pipe';
import { FilterBarComponent } from '../../shared/ledger/filter-bar.component';
import { LedgerHeaderComponent } from '../../shared/ledger/ledger-header.component';
import { LedgerList } from '../../shared/ledger/ledger-list';
import { LedgerCellDirective, LedgerColumn, LedgerTableComponent } from '../../shared/ledger/ledger-table.component';
import { ListSearch } from '../../shared/ledger/list-search';
import { StatusTagComponent } from '../../shared/ledger/status-tag.component';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { CampaignsApi } from './campaigns.api';
import { OWNER_SEARCH_FIELDS, VESSEL_FILTERS, VesselQuery } from './vessel-filters';
import { DISPOSAL_KEYS } from './vessel-labels';
import { VESSEL_VIEW } from './vessel-view';
import { VesselTypes, VesselsApi } from './vessels.api';

/** The vessel ledger: filters (also from a statistic's query string), pages, export and import. */
@Component({
  selector: 'fz-vessel-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, ZORRO_IMPORTS, DateTimePipe, LedgerHeaderComponent, LedgerTableComponent, LedgerCellDirective, StatusTagComponent, FilterBarComponent],
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
  protected readonly campaigns = signal<CampaignDto[]>([]);
  /** Before the list: the list fills it from the URL as soon as it is made. */
  protected readonly search = new ListSearch<VesselQuery>(
    [
      { kind: 'keyword', placeholder: 'vessels.searchPlaceholder' },
      { kind: 'status', statuses: VESSEL_STATUSES, placeholder: 'vessels.status' },
      { kind: 'village', more: true },
      { kind: 'range', placeholders: ['vessels.discoveredFrom', 'vessels.discoveredTo'], more: true },
      { kind: 'select', name: 'campaignId', options: () => this.campaigns().map((c) => ({ value: c.id, label: c.number })), showSearch: true, placeholder: 'vessels.campaign', more: true },
      { kind: 'person', label: 'vessels.ownerSearch', placeholder: 'vessels.ownerExact', testId: 'filter-owner', more: true, lg: 8 },
    ],
    OWNER_SEARCH_FIELDS,
  );
  protected readonly list = new LedgerList<VesselTypes, VesselQuery>(
    inject(VesselsApi),
    VESSEL_FILTERS,
    this.search.tag(VESSEL_VIEW, this.i18n, (query, key) => (key === 'disposal' && query.disposal ? this.t(DISPOSAL_KEYS[query.disposal]) : null)),
    (query) => this.search.fill(query),
  );

  constructor() {
    inject(CampaignsApi)
      .list({ voided: 'false', pageSize: 100 })
      .subscribe((page) => this.campaigns.set(page.items));
  }
}
