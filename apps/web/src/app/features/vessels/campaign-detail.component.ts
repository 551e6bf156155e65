import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, signal } from '@angular/core';
import { VesselCaseDto } from '@fazhi/contracts';
import { NzMessageService } from 'ng-zorro-antd/message';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { Submission } from '../../shared/api-error-message';
import { DateTimePipe } from '../../shared/date-time.pipe';
import { EvidenceGalleryComponent } from '../../shared/evidence-gallery.component';
import { LedgerCellDirective, LedgerColumn, LedgerTableComponent, rowsOf } from '../../shared/ledger/ledger-table.component';
import { RecordPartComponent } from '../../shared/ledger/record-part.component';
import { StatusTagComponent } from '../../shared/ledger/status-tag.component';
import { PagedList } from '../../shared/paged-list';
import { ReasonModalComponent } from '../../shared/reason-modal.component';
import { PickModalComponent, Picks } from '../../shared/register/pick-modal.component';
import { Attempt, RefusalComponent } from '../../shared/register/refusal.component';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { CAMPAIGN_STATUS_KEYS } from './campaign-list.component';
import { CampaignDetailDto, CampaignsApi } from './campaigns.api';
import { VESSEL_VIEW } from './vessel-view';
import { VesselsApi } from './vessels.api';

const NUMBER: LedgerColumn<VesselCaseDto> = { key: 'number', header: 'vessels.number', width: '210px', link: (v) => ['/vessels', v.id] };
const STATUS: LedgerColumn<VesselCaseDto> = { key: 'status', header: 'vessels.status', width: '130px' };
const PLACE: LedgerColumn<VesselCaseDto> = { key: 'place', header: 'vessels.place', value: (v) => `${v.villageName ?? ''} ${v.place}`, wrap: true };

/** One campaign: its facts, vessels, evidence; add (persuading or unclaimed cases of its town) or remove vessels, close it, void it. */
@Component({
  selector: 'fz-campaign-detail',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ZORRO_IMPORTS,
    DateTimePipe,
    EvidenceGalleryComponent,
    ReasonModalComponent,
    LedgerTableComponent,
    LedgerCellDirective,
    StatusTagComponent,
    RecordPartComponent,
    RefusalComponent,
    PickModalComponent,
  ],
  templateUrl: './campaign-detail.component.html',
  styleUrl: '../../shared/record-detail.css',
})
export class CampaignDetailComponent implements OnInit {
  protected readonly api = inject(CampaignsApi);
  private readonly vesselCases = inject(VesselsApi);
  private readonly auth = inject(AuthService);
  private readonly message = inject(NzMessageService);
  protected readonly t = inject(I18nService).t;

  readonly id = input.required<string>();

  protected readonly campaign = signal<CampaignDetailDto | null>(null);
  protected readonly dialog = signal<'add' | 'void' | null>(null);
  /** Closing the campaign and adding vessels: each refusal names every blocking vessel and reason. */
  protected readonly closing = new Attempt(this.t);
  protected readonly adding = new Attempt(this.t);
  protected readonly submission = new Submission(this.t);
  protected readonly statusKeys = CAMPAIGN_STATUS_KEYS;
  protected readonly view = VESSEL_VIEW;
  protected readonly manageable = computed(() => {
    const c = this.campaign();
    return c !== null && c.status === 'planned' && !c.voided && this.auth.hasAny(['campaign.manage']);
  });
  protected readonly vessels = rowsOf(computed(() => this.campaign()?.vessels ?? []));
  protected readonly columns = computed<LedgerColumn<VesselCaseDto>[]>(() => [
    NUMBER,
    STATUS,
    PLACE,
    ...(this.manageable() ? [{ key: 'actions', header: 'common.actions' as const, width: '80px' }] : []),
  ]);
  protected readonly rowKey = (v: VesselCaseDto) => v.number;

  protected readonly candidateColumns: LedgerColumn<VesselCaseDto>[] = [
    { key: 'pick', header: () => '', width: '40px' },
    { ...NUMBER, width: undefined, link: undefined },
    { ...STATUS, width: undefined },
    PLACE,
  ];
  protected readonly candidates = new PagedList<VesselCaseDto, { townId: string; q: string | null }>(
    (query) => this.vesselCases.list({ ...query, status: ['persuading', 'unclaimed'], voided: 'false', sort: 'number', order: 'desc' }),
    { townId: '', q: null },
  );
  protected readonly picks = new Picks();

  ngOnInit(): void {
    this.candidates.pageSize.set(10);
    this.load();
  }

  protected load(): void {
    this.api.get(this.id()).subscribe((campaign) => this.campaign.set(campaign));
  }

  protected openAdd(): void {
    this.picks.clear();
    this.adding.refused.set(null);
    this.searchCandidates(null);
    this.dialog.set('add');
  }

  protected searchCandidates(q: string | null): void {
    this.candidates.search({ townId: this.campaign()!.townId, q });
  }

  protected addVessels(ids: string[]): void {
    const campaign = this.campaign()!;
    this.adding.run(this.api.addVessels(campaign.id, campaign.version, ids), () => {
      this.dialog.set(null);
      this.message.success(this.t('campaigns.vesselsAdded'));
      this.load();
    });
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
    this.closing.run(this.api.close(campaign.id, campaign.version), () => {
      this.message.success(this.t('campaigns.closed', { count: campaign.vessels.length }));
      this.load();
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
