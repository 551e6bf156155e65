import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import {
  DISPUTE_CATEGORIES,
  DISPUTE_CATEGORY_LABELS,
  DISPUTE_PARTY_SEARCH_FIELDS,
  DISPUTE_RISK_LABELS,
  DISPUTE_SOURCE_LABELS,
  DISPUTE_STATUSES,
  DisputeCategory,
  DisputeDto,
  DisputePartySearchField,
  DisputeRiskLevel,
  DisputeStatus,
  OrgTreeNode,
} from '@fazhi/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { DEADLINE_COLORS } from '../../shared/deadline.component';
import { FilterActionsComponent } from '../../shared/filter-actions.component';
import { FilterTagsComponent } from '../../shared/filter-tags.component';
import { LedgerHeaderComponent } from '../../shared/ledger/ledger-header.component';
import { LedgerList } from '../../shared/ledger/ledger-list';
import { LedgerCellDirective, LedgerColumn, LedgerTableComponent } from '../../shared/ledger/ledger-table.component';
import { statusColor, statusText } from '../../shared/ledger/ledger-view';
import { StatusSelectComponent } from '../../shared/ledger/status-select.component';
import { OrgNames } from '../../shared/org-tree';
import { fromPlainDate, toPlainDate } from '../../shared/plain-date';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { OrgApi } from '../../core/api/org.api';
import { DISPUTE_FILTERS, DisputeQuery } from './dispute-filters';
import { DISPUTE_VIEW, RISK_COLORS, RISK_LEVELS } from './dispute-view';
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

/** The form's values: the filters with a control on the page. */
export interface DisputeSearchForm {
  status: DisputeStatus[];
  category: DisputeCategory | null;
  villageId: string | null;
  riskLevel: DisputeRiskLevel | null;
  range: Date[];
  q: string;
  partyField: DisputePartySearchField;
  party: string;
}

/** The dispute ledger: filters (also from a statistic's query string) and pages. */
@Component({
  selector: 'fz-dispute-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, ZORRO_IMPORTS, LedgerHeaderComponent, LedgerTableComponent, LedgerCellDirective, FilterTagsComponent, FilterActionsComponent, StatusSelectComponent],
  templateUrl: './dispute-list.component.html',
})
export class DisputeListComponent {
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly view = DISPUTE_VIEW;
  protected readonly columns = COLUMNS;
  protected readonly rowKey = (item: DisputeDto) => item.number;
  /** Before the list: the list fills it from the URL as soon as it is made. */
  protected readonly filters = new FormGroup({
    status: new FormControl<DisputeStatus[]>([], { nonNullable: true }),
    category: new FormControl<DisputeCategory | null>(null),
    villageId: new FormControl<string | null>(null),
    riskLevel: new FormControl<DisputeRiskLevel | null>(null),
    range: new FormControl<Date[]>([], { nonNullable: true }),
    q: new FormControl('', { nonNullable: true }),
    partyField: new FormControl<DisputePartySearchField>('partyName', { nonNullable: true }),
    party: new FormControl('', { nonNullable: true }),
  });
  protected readonly list = new LedgerList<DisputeTypes, DisputeQuery>(
    inject(DisputesApi),
    DISPUTE_FILTERS,
    (query, key) => this.tagValue(query, key),
    (query) => this.fillForm(query),
  );
  protected readonly statuses = DISPUTE_STATUSES;
  protected readonly categories = DISPUTE_CATEGORIES;
  protected readonly categoryLabels = DISPUTE_CATEGORY_LABELS;
  protected readonly riskLevels = RISK_LEVELS;
  protected readonly riskLabels = DISPUTE_RISK_LABELS;
  protected readonly riskColors = RISK_COLORS;
  protected readonly partyFields = DISPUTE_PARTY_SEARCH_FIELDS;
  protected readonly deadlineColors = DEADLINE_COLORS;
  protected readonly orgTree = signal<OrgTreeNode[]>([]);
  protected readonly names = computed(() => new OrgNames(this.orgTree()));
  /** On a phone, the less used filters fold away unless one of them is set. */
  protected readonly moreOpen = signal(false);

  constructor() {
    inject(OrgApi)
      .tree()
      .subscribe((tree) => this.orgTree.set(tree));
  }

  protected search(): void {
    this.list.go(disputeSearch(this.list.filters(), this.filters.getRawValue()));
  }

  protected statusColor(status: unknown): string {
    return statusColor(DISPUTE_VIEW, status);
  }

  protected statusLabel(status: string): string {
    return statusText(DISPUTE_VIEW, status, this.i18n.pick);
  }

  protected partyFieldLabel(field: DisputePartySearchField): string {
    return this.t(DISPUTE_FILTERS.labels[field]);
  }

  private fillForm(query: DisputeQuery): void {
    const party = DISPUTE_PARTY_SEARCH_FIELDS.find((field) => query[field]) ?? 'partyName';
    if (query.villageId || query.riskLevel || query.from || query[party]) this.moreOpen.set(true);
    const from = fromPlainDate(query.from);
    const to = fromPlainDate(query.to);
    this.filters.setValue({
      status: query.status,
      category: query.category,
      villageId: query.villageId,
      riskLevel: query.riskLevel,
      range: from && to ? [from, to] : [],
      q: query.q ?? '',
      partyField: party,
      party: query[party] ?? '',
    });
  }

  private tagValue(query: DisputeQuery, key: keyof DisputeQuery): string | null {
    switch (key) {
      case 'status':
      case 'reached':
        return query[key].map((s) => this.statusLabel(s)).join('、');
      case 'townId':
      case 'villageId':
        return this.names().name(query[key]);
      case 'category':
        return query.category && DISPUTE_CATEGORY_LABELS[query.category];
      case 'source':
        return query.source && DISPUTE_SOURCE_LABELS[query.source];
      case 'riskLevel':
        return query.riskLevel && DISPUTE_RISK_LABELS[query.riskLevel];
      case 'deadline':
        return query.deadline && this.t(query.deadline === 'overdue' ? 'disputes.deadlineOverdue' : 'disputes.deadlineDue');
      case 'noVillage':
      case 'escalated':
      case 'voided':
        return this.t(query[key] === 'true' ? 'common.yes' : 'common.no');
      default:
        return null;
    }
  }
}

/** The form's values as list filters: the filters without a control stay, the party search goes to its one field. */
export function disputeSearch(current: DisputeQuery, value: DisputeSearchForm): DisputeQuery {
  const [start, end] = value.range;
  const party = value.party.trim();
  return {
    ...current,
    status: value.status,
    category: value.category,
    villageId: value.villageId,
    riskLevel: value.riskLevel,
    from: toPlainDate(start),
    to: toPlainDate(end),
    q: value.q.trim() || null,
    ...(Object.fromEntries(DISPUTE_PARTY_SEARCH_FIELDS.map((field) => [field, value.partyField === field && party ? party : null])) as Pick<DisputeQuery, DisputePartySearchField>),
  };
}
