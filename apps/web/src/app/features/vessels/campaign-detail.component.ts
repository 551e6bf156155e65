import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, signal } from '@angular/core';
import { FieldError, VesselCaseDto } from '@fazhi/contracts';
import { NzMessageService } from 'ng-zorro-antd/message';
import { AuthService } from '../../core/auth/auth.service';
import { apiError } from '../../core/http/api-error';
import { I18nService } from '../../core/i18n/i18n.service';
import { Submission } from '../../shared/api-error-message';
import { DateTimePipe } from '../../shared/date-time.pipe';
import { EvidenceGalleryComponent } from '../../shared/evidence-gallery.component';
import { LedgerCellDirective, LedgerColumn, LedgerTableComponent, rowsOf } from '../../shared/ledger/ledger-table.component';
import { StatusTagComponent } from '../../shared/ledger/status-tag.component';
import { ReasonModalComponent } from '../../shared/reason-modal.component';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { AddVesselsModalComponent } from './add-vessels-modal.component';
import { CAMPAIGN_STATUS_KEYS } from './campaign-list.component';
import { CampaignDetailDto, CampaignsApi } from './campaigns.api';
import { VESSEL_VIEW } from './vessel-view';

/** One campaign: its facts, vessels, evidence; add or remove vessels, close it, void it. */
@Component({
  selector: 'fz-campaign-detail',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ZORRO_IMPORTS, DateTimePipe, EvidenceGalleryComponent, AddVesselsModalComponent, ReasonModalComponent, LedgerTableComponent, LedgerCellDirective, StatusTagComponent],
  templateUrl: './campaign-detail.component.html',
  styleUrl: '../../shared/record-detail.css',
})
export class CampaignDetailComponent implements OnInit {
  protected readonly api = inject(CampaignsApi);
  private readonly auth = inject(AuthService);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;

  readonly id = input.required<string>();

  protected readonly campaign = signal<CampaignDetailDto | null>(null);
  protected readonly dialog = signal<'add' | 'void' | null>(null);
  protected readonly closing = signal(false);
  protected readonly submission = new Submission(this.t);
  /** Why the campaign could not be closed: each blocking vessel and reason. */
  protected readonly blocked = signal<{ message: string; errors: FieldError[] } | null>(null);
  protected readonly statusKeys = CAMPAIGN_STATUS_KEYS;
  protected readonly view = VESSEL_VIEW;
  protected readonly manageable = computed(() => {
    const c = this.campaign();
    return c !== null && c.status === 'planned' && !c.voided && this.auth.hasAny(['campaign.manage']);
  });
  protected readonly vessels = rowsOf(computed(() => this.campaign()?.vessels ?? []));
  protected readonly columns = computed<LedgerColumn<VesselCaseDto>[]>(() => [
    { key: 'number', header: 'vessels.number', width: '210px', link: (v) => ['/vessels', v.id] },
    { key: 'status', header: 'vessels.status', width: '130px' },
    { key: 'place', header: 'vessels.place', value: (v) => `${v.villageName ?? ''} ${v.place}`, wrap: true },
    ...(this.manageable() ? [{ key: 'actions', header: 'common.actions' as const, width: '80px' }] : []),
  ]);
  protected readonly rowKey = (v: VesselCaseDto) => v.number;

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.api.get(this.id()).subscribe((campaign) => this.campaign.set(campaign));
  }

  protected added(): void {
    this.dialog.set(null);
    this.message.success(this.t('campaigns.vesselsAdded'));
    this.load();
  }

  protected remove(vessel: VesselCaseDto): void {
    const campaign = this.campaign()!;
    this.api.removeVessel(campaign.id, vessel.id, campaign.version).subscribe(() => {
      this.message.success(this.t('campaigns.vesselRemoved', { number: vessel.number }));
      this.load();
    });
  }

  protected close(): void {
    const campaign = this.campaign()!;
    this.closing.set(true);
    this.blocked.set(null);
    this.api.close(campaign.id, campaign.version).subscribe({
      next: () => {
        this.closing.set(false);
        this.message.success(this.t('campaigns.closed', { count: campaign.vessels.length }));
        this.load();
      },
      error: (err: unknown) => {
        this.closing.set(false);
        const body = apiError(err);
        this.blocked.set({ message: body?.message ?? this.t('error.network'), errors: body?.errors ?? [] });
      },
    });
  }

  protected voidCampaign(reason: string): void {
    const campaign = this.campaign()!;
    this.submission.run(this.api.void(campaign.id, campaign.version, reason), () => {
      this.dialog.set(null);
      this.message.success(this.t('campaigns.voidDone'));
      this.load();
    });
  }
}
