import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { CampaignDto, OrgTreeNode, VESSEL_STATUSES, VESSEL_STATUS_LABELS, VesselCaseDto, VesselStatus } from '@fazhi/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { HasPermissionDirective } from '../../core/permissions/has-permission.directive';
import { DateTimePipe } from '../../shared/date-time.pipe';
import { PageHeaderComponent } from '../../shared/page-header.component';
import { RoutedList, sortedBy, tableSortOrder } from '../../shared/paged-list';
import { fromPlainDate, toPlainDate } from '../../shared/plain-date';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { OrgApi } from '../org/org.api';
import { CampaignsApi } from './campaigns.api';
import { FilterTag, FilterTagsComponent } from '../../shared/filter-tags.component';
import { OrgNames } from '../../shared/org-tree';
import { DISPOSAL_KEYS } from './vessel-labels';
import { EMPTY_VESSEL_QUERY, OWNER_SEARCH_FIELDS, OwnerSearchField, VESSEL_FILTER_LABELS, VesselFilterKey, VesselQuery, VesselSort, activeFilters, vesselQueryFromParams, withoutFilter } from './vessel-filters';
import { VesselsApi } from './vessels.api';
import { FilterActionsComponent } from '../../shared/filter-actions.component';

/** The vessel ledger: filters (also from a statistic's query string), pages, export and import. */
@Component({
  selector: 'fz-vessel-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, ZORRO_IMPORTS, PageHeaderComponent, HasPermissionDirective, DateTimePipe, FilterTagsComponent, FilterActionsComponent],
  templateUrl: './vessel-list.component.html',
})
export class VesselListComponent {
  private readonly api = inject(VesselsApi);
  private readonly route = inject(ActivatedRoute);
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;

  protected readonly list = new RoutedList<VesselCaseDto, VesselQuery>((query) => this.api.list(query), EMPTY_VESSEL_QUERY, OWNER_SEARCH_FIELDS);
  protected readonly statuses = VESSEL_STATUSES;
  protected readonly statusLabels = VESSEL_STATUS_LABELS;
  protected readonly disposalKeys = DISPOSAL_KEYS;
  protected readonly ownerFields = OWNER_SEARCH_FIELDS;
  protected readonly orgTree = signal<OrgTreeNode[]>([]);
  protected readonly names = computed(() => new OrgNames(this.orgTree()));
  protected readonly campaigns = signal<CampaignDto[]>([]);
  /** On a phone, the less used filters fold away unless one of them is set. */
  protected readonly moreOpen = signal(false);

  protected readonly filters = new FormGroup({
    status: new FormControl<VesselStatus[]>([], { nonNullable: true }),
    villageId: new FormControl<string | null>(null),
    range: new FormControl<Date[]>([], { nonNullable: true }),
    campaignId: new FormControl<string | null>(null),
    q: new FormControl('', { nonNullable: true }),
    ownerField: new FormControl<OwnerSearchField>('ownerName', { nonNullable: true }),
    owner: new FormControl('', { nonNullable: true }),
  });

  protected readonly tags = computed<FilterTag[]>(() => {
    const query = this.list.filters();
    return activeFilters(query).map((key) => ({ key, label: this.t(VESSEL_FILTER_LABELS[key]), value: this.tagValue(query, key) }));
  });
  protected readonly exportHref = computed(() => this.api.exportUrl(this.list.filters()));

  constructor() {
    this.route.queryParamMap.pipe(takeUntilDestroyed()).subscribe((params) => {
      const query = this.list.fromRoute(vesselQueryFromParams(params));
      this.fillForm(query);
      this.list.search(query);
    });
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
    const owner = value.owner.trim();
    this.list.go({
      ...this.list.filters(),
      status: value.status,
      villageId: value.villageId,
      from: toPlainDate(start),
      to: toPlainDate(end),
      campaignId: value.campaignId,
      q: value.q.trim() || null,
      ownerName: value.ownerField === 'ownerName' && owner ? owner : null,
      ownerIdNumber: value.ownerField === 'ownerIdNumber' && owner ? owner : null,
      ownerPhone: value.ownerField === 'ownerPhone' && owner ? owner : null,
    });
  }

  protected reset(): void {
    this.list.go(EMPTY_VESSEL_QUERY);
  }

  /** The export of a list searched by its owner, posted. */
  protected exportSearch(): void {
    this.api.exportSearch(this.list.filters()).subscribe();
  }

  protected removeFilter(key: string): void {
    this.list.go(withoutFilter(this.list.filters(), key as VesselFilterKey));
  }

  protected sortOrder(key: VesselSort): 'ascend' | 'descend' | null {
    return tableSortOrder(this.list.filters(), key);
  }

  protected sort(key: VesselSort, order: string | null): void {
    const next = sortedBy(this.list.filters(), key, order);
    if (next) this.list.go(next);
  }

  protected statusColor(status: unknown): string {
    return VESSEL_STATUS_LABELS[status as VesselStatus]?.color ?? 'default';
  }

  protected statusLabel(status: VesselStatus): string {
    return this.i18n.pick(VESSEL_STATUS_LABELS[status]);
  }

  private fillForm(query: VesselQuery): void {
    const owner = OWNER_SEARCH_FIELDS.find((field) => query[field]) ?? 'ownerName';
    if (query.villageId || query.from || query.campaignId || query[owner]) this.moreOpen.set(true);
    const from = fromPlainDate(query.from);
    const to = fromPlainDate(query.to);
    this.filters.setValue({
      status: query.status,
      villageId: query.villageId,
      range: from && to ? [from, to] : [],
      campaignId: query.campaignId,
      q: query.q ?? '',
      ownerField: owner,
      owner: query[owner] ?? '',
    });
  }

  private tagValue(query: VesselQuery, key: VesselFilterKey): string {
    switch (key) {
      case 'status':
        return query.status.map((s) => this.statusLabel(s)).join('、');
      case 'townId':
      case 'villageId':
        return this.names().name(query[key]);
      case 'campaignId':
        return this.campaigns().find((c) => c.id === query.campaignId)?.number ?? String(query.campaignId);
      case 'disposal':
        return query.disposal ? this.t(DISPOSAL_KEYS[query.disposal]) : '';
      case 'voided':
        return this.t(query.voided === 'true' ? 'common.yes' : 'common.no');
      default:
        return String(query[key] ?? '');
    }
  }
}
