import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { ActivatedRoute, RouterLink } from '@angular/router';
import {
  DISPUTE_CATEGORIES,
  DISPUTE_CATEGORY_LABELS,
  DISPUTE_RISK_LABELS,
  DISPUTE_SOURCE_LABELS,
  DISPUTE_STATUSES,
  DISPUTE_STATUS_LABELS,
  DisputeCategory,
  DisputeDto,
  DisputeRiskLevel,
  DisputeStatus,
  OrgTreeNode,
} from '@fazhi/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { HasPermissionDirective } from '../../core/permissions/has-permission.directive';
import { FilterTag, FilterTagsComponent } from '../../shared/filter-tags.component';
import { PageHeaderComponent } from '../../shared/page-header.component';
import { RoutedList, sortedBy, tableSortOrder } from '../../shared/paged-list';
import { fromPlainDate, toPlainDate } from '../../shared/plain-date';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { OrgApi } from '../org/org.api';
import { OrgNames } from '../../shared/org-tree';
import { DEADLINE_COLORS } from '../../shared/deadline.component';
import {
  DISPUTE_FILTER_LABELS,
  DisputeFilterKey,
  DisputeQuery,
  DisputeSort,
  EMPTY_DISPUTE_QUERY,
  PARTY_SEARCH_FIELDS,
  PartySearchField,
  activeDisputeFilters,
  disputeQueryFromParams,
  withoutDisputeFilter,
} from './dispute-filters';
import { DisputesApi } from './disputes.api';
import { FilterActionsComponent } from '../../shared/filter-actions.component';

export const RISK_LEVELS = Object.keys(DISPUTE_RISK_LABELS) as DisputeRiskLevel[];
export const RISK_COLORS: Record<DisputeRiskLevel, string> = { normal: 'default', elevated: 'orange', group_incident: 'red' };

/** The dispute ledger: filters (also from a statistic's query string) and pages. */
@Component({
  selector: 'fz-dispute-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, ZORRO_IMPORTS, PageHeaderComponent, HasPermissionDirective, FilterTagsComponent, FilterActionsComponent],
  templateUrl: './dispute-list.component.html',
})
export class DisputeListComponent {
  private readonly api = inject(DisputesApi);
  private readonly route = inject(ActivatedRoute);
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;

  protected readonly list = new RoutedList<DisputeDto, DisputeQuery>((query) => this.api.list(query), EMPTY_DISPUTE_QUERY, PARTY_SEARCH_FIELDS);
  protected readonly exportHref = computed(() => this.api.exportUrl(this.list.filters()));
  protected readonly statuses = DISPUTE_STATUSES;
  protected readonly statusLabels = DISPUTE_STATUS_LABELS;
  protected readonly categories = DISPUTE_CATEGORIES;
  protected readonly categoryLabels = DISPUTE_CATEGORY_LABELS;
  protected readonly riskLevels = RISK_LEVELS;
  protected readonly riskLabels = DISPUTE_RISK_LABELS;
  protected readonly riskColors = RISK_COLORS;
  protected readonly partyFields = PARTY_SEARCH_FIELDS;
  protected readonly deadlineColors = DEADLINE_COLORS;
  protected readonly orgTree = signal<OrgTreeNode[]>([]);
  protected readonly names = computed(() => new OrgNames(this.orgTree()));
  /** On a phone, the less used filters fold away unless one of them is set. */
  protected readonly moreOpen = signal(false);

  protected readonly filters = new FormGroup({
    status: new FormControl<DisputeStatus[]>([], { nonNullable: true }),
    category: new FormControl<DisputeCategory | null>(null),
    villageId: new FormControl<string | null>(null),
    riskLevel: new FormControl<DisputeRiskLevel | null>(null),
    range: new FormControl<Date[]>([], { nonNullable: true }),
    q: new FormControl('', { nonNullable: true }),
    partyField: new FormControl<PartySearchField>('partyName', { nonNullable: true }),
    party: new FormControl('', { nonNullable: true }),
  });

  protected readonly tags = computed<FilterTag[]>(() => {
    const query = this.list.filters();
    return activeDisputeFilters(query).map((key) => ({ key, label: this.t(DISPUTE_FILTER_LABELS[key]), value: this.tagValue(query, key) }));
  });

  constructor() {
    this.route.queryParamMap.pipe(takeUntilDestroyed()).subscribe((params) => {
      const query = this.list.fromRoute(disputeQueryFromParams(params));
      this.fillForm(query);
      this.list.search(query);
    });
    inject(OrgApi)
      .tree()
      .subscribe((tree) => this.orgTree.set(tree));
  }

  protected search(): void {
    this.list.go(disputeSearch(this.list.filters(), this.filters.getRawValue()));
  }

  protected reset(): void {
    this.list.go(EMPTY_DISPUTE_QUERY);
  }

  /** The export of a list searched by a party, posted. */
  protected exportSearch(): void {
    this.api.exportSearch(this.list.filters()).subscribe();
  }

  protected removeFilter(key: string): void {
    this.list.go(withoutDisputeFilter(this.list.filters(), key as DisputeFilterKey));
  }

  protected sortOrder(key: DisputeSort): 'ascend' | 'descend' | null {
    return tableSortOrder(this.list.filters(), key);
  }

  protected sort(key: DisputeSort, order: string | null): void {
    const next = sortedBy(this.list.filters(), key, order);
    if (next) this.list.go(next);
  }

  protected statusColor(status: unknown): string {
    return DISPUTE_STATUS_LABELS[status as DisputeStatus]?.color ?? 'default';
  }

  protected statusLabel(status: DisputeStatus): string {
    return this.i18n.pick(DISPUTE_STATUS_LABELS[status]);
  }

  protected partyNames(item: DisputeDto): string {
    return item.parties.map((p) => p.name ?? '—').join('、') || '—';
  }

  protected partyFieldLabel(field: PartySearchField): string {
    return this.t(DISPUTE_FILTER_LABELS[field]);
  }

  private fillForm(query: DisputeQuery): void {
    const party = PARTY_SEARCH_FIELDS.find((field) => query[field]) ?? 'partyName';
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

  private tagValue(query: DisputeQuery, key: DisputeFilterKey): string {
    switch (key) {
      case 'status':
      case 'reached':
        return query[key].map((s) => this.statusLabel(s)).join('、');
      case 'townId':
      case 'villageId':
        return this.names().name(query[key]);
      case 'category':
        return query.category ? DISPUTE_CATEGORY_LABELS[query.category] : '';
      case 'source':
        return query.source ? DISPUTE_SOURCE_LABELS[query.source] : '';
      case 'riskLevel':
        return query.riskLevel ? DISPUTE_RISK_LABELS[query.riskLevel] : '';
      case 'deadline':
        return query.deadline ? this.t(query.deadline === 'overdue' ? 'disputes.deadlineOverdue' : 'disputes.deadlineDue') : '';
      case 'noVillage':
      case 'escalated':
      case 'voided':
        return this.t(query[key] === 'true' ? 'common.yes' : 'common.no');
      default:
        return String(query[key] ?? '');
    }
  }
}

/** The form's values as list filters: the filters without a control stay, the party search goes to its one field. */
export function disputeSearch(
  current: DisputeQuery,
  value: {
    status: DisputeStatus[];
    category: DisputeCategory | null;
    villageId: string | null;
    riskLevel: DisputeRiskLevel | null;
    range: Date[];
    q: string;
    partyField: PartySearchField;
    party: string;
  },
): DisputeQuery {
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
    partyName: value.partyField === 'partyName' && party ? party : null,
    partyIdNumber: value.partyField === 'partyIdNumber' && party ? party : null,
    partyPhone: value.partyField === 'partyPhone' && party ? party : null,
  };
}
