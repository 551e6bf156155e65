import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { DISPUTE_CATEGORY_LABELS, DISPUTE_PARTY_SEARCH_FIELDS, DISPUTE_RISK_LABELS, DISPUTE_SOURCE_LABELS, DISPUTE_STATUSES, DisputeDto } from '@fazhi/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { DEADLINE_COLORS } from '../../shared/deadline.component';
import { FilterBarComponent } from '../../shared/ledger/filter-bar.component';
import { labelOptions } from '../../shared/ledger/form-page.component';
import { LedgerHeaderComponent } from '../../shared/ledger/ledger-header.component';
import { LedgerList } from '../../shared/ledger/ledger-list';
import { LedgerCellDirective, LedgerColumn, LedgerTableComponent } from '../../shared/ledger/ledger-table.component';
import { ListFilterField, ListSearch } from '../../shared/ledger/list-search';
import { StatusTagComponent } from '../../shared/ledger/status-tag.component';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { DISPUTE_FILTERS, DisputeQuery } from './dispute-filters';
import { DISPUTE_VIEW, RISK_COLORS } from './dispute-view';
import { DisputeTypes, DisputesApi } from './disputes.api';

const COLUMNS: readonly LedgerColumn<DisputeDto>[] = [
  { key: 'number', header: 'disputes.number', width: '190px', fixed: 'left', sort: 'number', link: (item) => ['/disputes', item.id] },
  { key: 'status', header: 'disputes.status', width: '140px', sort: 'status' },
  { key: 'category', header: 'disputes.category', width: '100px', value: (item) => DISPUTE_CATEGORY_LABELS[item.category], phone: false },
  { key: 'villageName', header: 'record.village', width: '110px', phone: false },
  { key: 'occurredOn', header: 'disputes.occurredOn', width: '120px', sort: 'occurredOn', phone: false },
  { key: 'summary', header: 'disputes.summary', width: '240px', wrap: true },
  { key: 'parties', header: 'disputes.parties', width: '150px', value: (item) => item.parties.map((p) => p.name ?? '—').join('、'), phone: false },
  { key: 'riskLevel', header: 'disputes.riskLevel', width: '110px', phone: false },
  { key: 'deadline', header: 'disputes.deadline', width: '130px' },
];

/** The filters with a control on the page. */
export const DISPUTE_SEARCH: readonly ListFilterField[] = [
  { kind: 'keyword', placeholder: 'disputes.searchPlaceholder' },
  { kind: 'status', statuses: DISPUTE_STATUSES, placeholder: 'disputes.status' },
  { kind: 'select', name: 'category', options: labelOptions(DISPUTE_CATEGORY_LABELS), placeholder: 'disputes.category', testId: 'filter-category' },
  { kind: 'village', more: true },
  { kind: 'select', name: 'riskLevel', options: labelOptions(DISPUTE_RISK_LABELS), placeholder: 'disputes.riskLevel', testId: 'filter-risk', more: true },
  { kind: 'range', placeholders: ['disputes.occurredFrom', 'disputes.occurredTo'], more: true },
  { kind: 'person', label: 'disputes.partySearch', placeholder: 'disputes.partyExact', testId: 'filter-party', more: true, lg: 8 },
];

/** The dispute ledger: filters (also from a statistic's query string) and pages. */
@Component({
  selector: 'fz-dispute-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ZORRO_IMPORTS, LedgerHeaderComponent, LedgerTableComponent, LedgerCellDirective, FilterBarComponent, StatusTagComponent],
  templateUrl: './dispute-list.component.html',
})
export class DisputeListComponent {
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly view = DISPUTE_VIEW;
  protected readonly columns = COLUMNS;
  protected readonly rowKey = (item: DisputeDto) => item.number;
  /** Before the list: the list fills it from the URL as soon as it is made. */
  protected readonly search = new ListSearch<DisputeQuery>(DISPUTE_SEARCH, DISPUTE_PARTY_SEARCH_FIELDS);
  protected readonly list = new LedgerList<DisputeTypes, DisputeQuery>(
    inject(DisputesApi),
    DISPUTE_FILTERS,
    this.search.tag(DISPUTE_VIEW, this.i18n, (query, key) => this.tagValue(query, key)),
    (query) => this.search.fill(query),
  );
  protected readonly riskLabels = DISPUTE_RISK_LABELS;
  protected readonly riskColors = RISK_COLORS;
  protected readonly deadlineColors = DEADLINE_COLORS;

  private tagValue(query: DisputeQuery, key: string): string | null {
    switch (key) {
      case 'source':
        return query.source && DISPUTE_SOURCE_LABELS[query.source];
      case 'deadline':
        return query.deadline && this.t(query.deadline === 'overdue' ? 'disputes.deadlineOverdue' : 'disputes.deadlineDue');
      default:
        return null;
    }
  }
}
