import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ADVISOR_SERVICE_TYPES, ADVISOR_SERVICE_TYPE_LABELS, AdvisorServiceDto, AdvisorServiceType } from '@fazhi/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { FilterBarComponent } from '../../shared/ledger/filter-bar.component';
import { LedgerHeaderComponent } from '../../shared/ledger/ledger-header.component';
import { LedgerList } from '../../shared/ledger/ledger-list';
import { LedgerCellDirective, LedgerColumn, LedgerTableComponent } from '../../shared/ledger/ledger-table.component';
import { ListSearch } from '../../shared/ledger/list-search';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { ADVISOR_SERVICE_FILTERS, AdvisorServiceQuery, CLIENT_SEARCH_FIELDS } from './advisor-filters';
import { ADVISOR_SERVICE_VIEW } from './advisor-view';
import { AdvisorServiceTypes, AdvisorServicesApi } from './advisors.api';

/** The service log: filters (also from a month cell's or a figure's query string), pages, export and import. */
@Component({
  selector: 'fz-advisor-service-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, ZORRO_IMPORTS, LedgerHeaderComponent, LedgerTableComponent, LedgerCellDirective, FilterBarComponent],
  templateUrl: './service-list.component.html',
})
export class AdvisorServiceListComponent {
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly view = ADVISOR_SERVICE_VIEW;
  protected readonly typeName = (type: AdvisorServiceType) => this.i18n.pick(ADVISOR_SERVICE_TYPE_LABELS[type]);
  protected readonly columns: readonly LedgerColumn<AdvisorServiceDto>[] = [
    { key: 'number', header: 'advisors.number', width: '230px', fixed: 'left', sort: 'number', link: (item) => ['/advisors', item.id] },
    { key: 'serviceDate', header: 'advisors.serviceDate', width: '110px', sort: 'serviceDate' },
    { key: 'hours', header: 'advisors.hours', width: '90px', sort: 'hours', value: (item) => item.hours.toFixed(2) },
    { key: 'villageName', header: 'record.village', width: '110px', phone: false },
    { key: 'type', header: 'advisors.type', width: '150px', value: (item) => this.typeName(item.type), phone: false },
    { key: 'time', header: 'advisors.time', width: '120px', value: (item) => `${item.startTime}–${item.endTime}`, phone: false },
    { key: 'advisorName', header: 'advisors.advisor', width: '100px', phone: false },
    { key: 'content', header: 'advisors.content', wrap: true, phone: false },
    { key: 'handover', header: 'advisors.handover', width: '140px', phone: false },
  ];
  protected readonly rowKey = (item: AdvisorServiceDto) => item.number;
  /** Before the list: the list fills it from the URL as soon as it is made. The client search is posted, never put in the URL. */
  protected readonly search = new ListSearch<AdvisorServiceQuery>(
    [
      { kind: 'keyword', placeholder: 'advisors.searchPlaceholder' },
      {
        kind: 'select',
        name: 'type',
        multiple: true,
        options: () => ADVISOR_SERVICE_TYPES.map((type) => ({ value: type, label: this.typeName(type) })),
        placeholder: 'advisors.type',
        testId: 'filter-type',
      },
      { kind: 'village', more: true },
      { kind: 'range', placeholders: ['advisors.filterFrom', 'advisors.filterTo'], more: true },
      { kind: 'person', label: 'advisors.clientSearch', placeholder: 'advisors.clientExact', testId: 'filter-client', more: true, lg: 8 },
    ],
    CLIENT_SEARCH_FIELDS,
  );
  protected readonly list = new LedgerList<AdvisorServiceTypes, AdvisorServiceQuery>(inject(AdvisorServicesApi), ADVISOR_SERVICE_FILTERS, this.search.tag(ADVISOR_SERVICE_VIEW, this.i18n), (query) =>
    this.search.fill(query),
  );
}
