import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { CampaignDto, OrgTreeNode } from '@fazhi/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { HasPermissionDirective } from '../../core/permissions/has-permission.directive';
import { PageHeaderComponent } from '../../shared/page-header.component';
import { RoutedList } from '../../shared/paged-list';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { OrgApi } from '../org/org.api';
import { CampaignsApi } from './campaigns.api';
import { FilterTag, FilterTagsComponent } from '../../shared/filter-tags.component';
import { OrgNames } from '../../shared/org-tree';
import { CAMPAIGN_FILTER_LABELS, CampaignFilterKey, CampaignQuery, CampaignStatusFilter, EMPTY_CAMPAIGN_QUERY, activeCampaignFilters, campaignQueryFromParams } from './vessel-filters';
import { FilterActionsComponent } from '../../shared/filter-actions.component';

export const CAMPAIGN_STATUS_KEYS = { planned: 'campaigns.statusPlanned', closed: 'campaigns.statusClosed' } as const;

/** Destruction campaigns, filtered by year and status (also from a statistic's query string). */
@Component({
  selector: 'fz-campaign-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, ZORRO_IMPORTS, PageHeaderComponent, HasPermissionDirective, FilterTagsComponent, FilterActionsComponent],
  templateUrl: './campaign-list.component.html',
})
export class CampaignListComponent {
  private readonly api = inject(CampaignsApi);
  private readonly route = inject(ActivatedRoute);
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;

  protected readonly list = new RoutedList<CampaignDto, CampaignQuery>((query) => this.api.list(query), EMPTY_CAMPAIGN_QUERY);
  protected readonly statusKeys = CAMPAIGN_STATUS_KEYS;
  protected readonly years = Array.from({ length: 8 }, (_, i) => new Date().getFullYear() - i);
  protected readonly orgTree = signal<OrgTreeNode[]>([]);
  protected readonly names = computed(() => new OrgNames(this.orgTree()));
  protected readonly filters = new FormGroup({
    year: new FormControl<number | null>(null),
    status: new FormControl<CampaignStatusFilter | null>(null),
  });
  protected readonly tags = computed<FilterTag[]>(() => {
    const query = this.list.filters();
    return activeCampaignFilters(query).map((key) => ({ key, label: this.t(CAMPAIGN_FILTER_LABELS[key]), value: this.tagValue(query, key) }));
  });

  constructor() {
    this.route.queryParamMap.pipe(takeUntilDestroyed()).subscribe((params) => {
      const query = campaignQueryFromParams(params);
      this.filters.setValue({ year: query.year, status: query.status });
      this.list.search(query);
    });
    inject(OrgApi)
      .tree()
      .subscribe((tree) => this.orgTree.set(tree));
  }

  protected search(): void {
    this.list.go({ ...this.list.filters(), ...this.filters.getRawValue() });
  }

  protected reset(): void {
    this.list.go(EMPTY_CAMPAIGN_QUERY);
  }

  protected removeFilter(key: string): void {
    this.list.go({ ...this.list.filters(), [key as CampaignFilterKey]: null });
  }

  private tagValue(query: CampaignQuery, key: CampaignFilterKey): string {
    switch (key) {
      case 'status':
        return query.status ? this.t(CAMPAIGN_STATUS_KEYS[query.status]) : '';
      case 'voided':
        return this.t(query.voided === 'true' ? 'common.yes' : 'common.no');
      case 'townId':
        return this.names().name(query.townId);
      default:
        return String(query[key] ?? '');
    }
  }
}
