import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { CampaignDto, CampaignStatus, OrgTreeNode } from '@fazhi/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { HasPermissionDirective } from '../../core/permissions/has-permission.directive';
import { FilterActionsComponent } from '../../shared/filter-actions.component';
import { FilterTagsComponent } from '../../shared/filter-tags.component';
import { LedgerList } from '../../shared/ledger/ledger-list';
import { LedgerCellDirective, LedgerColumn, LedgerTableComponent } from '../../shared/ledger/ledger-table.component';
import { OrgNames } from '../../shared/org-tree';
import { PageHeaderComponent } from '../../shared/page-header.component';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { OrgApi } from '../../core/api/org.api';
import { CampaignTypes, CampaignsApi } from './campaigns.api';
import { CAMPAIGN_FILTERS, CampaignQuery } from './vessel-filters';

export const CAMPAIGN_STATUS_KEYS = { planned: 'campaigns.statusPlanned', closed: 'campaigns.statusClosed' } as const;

/** Destruction campaigns, filtered by year and status (also from a statistic's query string). */
@Component({
  selector: 'fz-campaign-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, ZORRO_IMPORTS, PageHeaderComponent, HasPermissionDirective, LedgerTableComponent, LedgerCellDirective, FilterTagsComponent, FilterActionsComponent],
  templateUrl: './campaign-list.component.html',
})
export class CampaignListComponent {
  protected readonly t = inject(I18nService).t;
  protected readonly columns: readonly LedgerColumn<CampaignDto>[] = [
    { key: 'number', header: 'campaigns.number', width: '220px', fixed: 'left', link: (item) => ['/vessels/campaigns', item.id] },
    { key: 'date', header: 'campaigns.date', width: '110px' },
    { key: 'place', header: 'campaigns.place', width: '160px', wrap: true },
    { key: 'vesselCount', header: 'campaigns.vesselCount', width: '90px' },
    { key: 'status', header: 'campaigns.status', width: '100px' },
    { key: 'agencies', header: 'campaigns.agencies', value: (item) => item.agencies.join('、'), wrap: true, phone: false },
  ];
  protected readonly rowKey = (item: CampaignDto) => item.number;
  protected readonly filters = new FormGroup({ year: new FormControl<number | null>(null), status: new FormControl<CampaignStatus | null>(null) });
  protected readonly list = new LedgerList<CampaignTypes, CampaignQuery>(
    inject(CampaignsApi),
    CAMPAIGN_FILTERS,
    (query, key) => this.tagValue(query, key),
    (query) => this.filters.setValue({ year: query.year, status: query.status }),
  );
  protected readonly statusKeys = CAMPAIGN_STATUS_KEYS;
  protected readonly years = Array.from({ length: 8 }, (_, i) => new Date().getFullYear() - i);
  private readonly orgTree = signal<OrgTreeNode[]>([]);
  private readonly names = computed(() => new OrgNames(this.orgTree()));

  constructor() {
    inject(OrgApi)
      .tree()
      .subscribe((tree) => this.orgTree.set(tree));
  }

  protected search(): void {
    this.list.go({ ...this.list.filters(), ...this.filters.getRawValue() });
  }

  private tagValue(query: CampaignQuery, key: keyof CampaignQuery): string | null {
    if (key === 'status') return query.status && this.t(CAMPAIGN_STATUS_KEYS[query.status]);
    if (key === 'voided') return this.t(query.voided === 'true' ? 'common.yes' : 'common.no');
    return key === 'townId' ? this.names().name(query.townId) : null;
  }
}
