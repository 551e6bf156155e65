import { ChangeDetectionStrategy, Component, OnInit, inject, input } from '@angular/core';
import { Router } from '@angular/router';
import { NzMessageService } from 'ng-zorro-antd/message';
import { FormControl, FormGroup } from '@angular/forms';
import { CampaignDto, CampaignStatus } from '@fazhi/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { LedgerList } from '../../shared/ledger/ledger-list';
import { LedgerCellDirective, LedgerColumn, LedgerTableComponent } from '../../shared/ledger/ledger-table.component';
import { RegisterEditor } from '../../shared/register/register-form';
import { RegisterPlaces } from '../../shared/register/register-places';
import { RegisterDialogComponent } from '../../shared/register/register-form.component';
import { RegisterFilter, RegisterPageComponent, RegisterView } from '../../shared/register/register-page.component';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { CampaignTypes, CampaignsApi } from './campaigns.api';
import { CAMPAIGN_FILTERS, CampaignQuery } from './vessel-filters';

export const CAMPAIGN_STATUS_KEYS = { planned: 'campaigns.statusPlanned', closed: 'campaigns.statusClosed' } as const;
const VIEW: RegisterView = { name: 'campaign', title: 'campaigns.title', subtitle: 'campaigns.subtitle', create: 'campaigns.create', manage: 'campaign.manage' };
/** Agencies that usually take part, offered in the agencies field (free text is allowed too). */
const USUAL_AGENCIES = ['农业农村局', '海警工作站', '派出所', '镇综合行政执法办', '镇人民政府'].map((agency) => ({ value: agency, label: agency }));

/**
 * Destruction campaigns, filtered by year and status (also from a statistic's query string); a
 * campaign is planned in the page's form (open at `/vessels/campaigns/new`), then opened.
 */
@Component({
  selector: 'fz-campaign-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ZORRO_IMPORTS, RegisterPageComponent, RegisterDialogComponent, LedgerTableComponent, LedgerCellDirective],
  template: `
    <fz-register-page [view]="view" [form]="filters" [filters]="filterFields" [list]="list" (searched)="search()" (created)="editor.create()">
      <fz-ledger-table [list]="list" [columns]="columns" testId="campaign" rowName="campaign" [rowKey]="rowKey" scrollX="860px" data-test="campaign-table">
        <ng-template fzCell="status" [fzCellOf]="list" let-item>
          <nz-tag [nzColor]="item.status === 'closed' ? 'green' : 'blue'">{{ t(statusKeys[item.status]) }}</nz-tag>
        </ng-template>
      </fz-ledger-table>
    </fz-register-page>
    <fz-register-dialog [editor]="editor" name="campaign" idPrefix="c" [title]="t('campaigns.createTitle')" />
  `,
})
export class CampaignListComponent implements OnInit {
  protected readonly t = inject(I18nService).t;
  private readonly router = inject(Router);
  private readonly message = inject(NzMessageService);
  private readonly places = new RegisterPlaces();
  /** The form open from the start (`/vessels/campaigns/new`). */
  readonly create = input(false);
  protected readonly view = VIEW;
  protected readonly statusKeys = CAMPAIGN_STATUS_KEYS;
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
  protected readonly filterFields: RegisterFilter[] = [
    { name: 'year', kind: 'select', label: 'campaigns.year', options: () => Array.from({ length: 8 }, (_, i) => new Date().getFullYear() - i).map((year) => ({ value: year, label: String(year) })) },
    { name: 'status', kind: 'select', label: 'campaigns.status', options: () => (['planned', 'closed'] as const).map((status) => ({ value: status, label: this.t(CAMPAIGN_STATUS_KEYS[status]) })) },
  ];
  protected readonly list = new LedgerList<CampaignTypes, CampaignQuery>(
    inject(CampaignsApi),
    CAMPAIGN_FILTERS,
    (query, key) => this.tagValue(query, key),
    (query) => this.filters.setValue({ year: query.year, status: query.status }),
  );
  protected readonly editor = new RegisterEditor(
    [
      this.places.townField(),
      { name: 'date', kind: 'date', label: 'campaigns.date', required: true },
      { name: 'place', kind: 'text', label: 'campaigns.place', required: true },
      { name: 'agencies', kind: 'tags', label: 'campaigns.agencies', extra: 'campaigns.agenciesHint', options: () => USUAL_AGENCIES },
      { name: 'remark', kind: 'textarea', label: 'record.remark', max: 1000 },
    ],
    inject(CampaignsApi),
    (campaign) => {
      this.message.success(this.t('campaigns.created', { number: campaign.number }));
      void this.router.navigate(['/vessels/campaigns', campaign.id]);
    },
  );

  ngOnInit(): void {
    if (this.create()) this.editor.create();
  }

  protected search(): void {
    this.list.go({ ...this.list.filters(), ...this.filters.getRawValue() });
  }

  private tagValue(query: CampaignQuery, key: keyof CampaignQuery): string | null {
    if (key === 'status') return query.status && this.t(CAMPAIGN_STATUS_KEYS[query.status]);
    if (key === 'voided') return this.t(query.voided === 'true' ? 'common.yes' : 'common.no');
    return key === 'townId' ? this.places.names().name(query.townId) : null;
  }
}
