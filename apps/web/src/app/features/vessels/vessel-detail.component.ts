import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { CampaignDto, DEFAULT_TIME_ZONE, VESSEL_STATUS_LABELS, VesselCaseDetailDto, VesselStatus } from '@fazhi/contracts';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { DateTimePipe } from '../../shared/date-time.pipe';
import { byTime, datedEntry, statusEntries } from '../../shared/ledger/ledger-view';
import { PartForms } from '../../shared/ledger/part-form';
import { RecordPage } from '../../shared/ledger/record-page';
import { RecordShellComponent } from '../../shared/ledger/record-shell.component';
import { UnmaskLinkComponent } from '../../shared/ledger/unmask-link.component';
import { WorkflowStep } from '../../shared/transition-modal.component';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { CampaignsApi } from './campaigns.api';
import { OWNER_SEARCH_FIELDS, OwnerSearchField } from './vessel-filters';
import { DISPOSAL_KEYS, HULL_KEYS, MEASURE_KEYS, SOURCE_KEYS, persuasionInputs, vesselStepInputs } from './vessel-labels';
import { VESSEL_VIEW } from './vessel-view';
import { VesselTypes, VesselsApi } from './vessels.api';

/** One vessel case in the record shell: its facts and owner, persuasion entries, and the caller's steps. */
@Component({
  selector: 'fz-vessel-detail',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, ZORRO_IMPORTS, DateTimePipe, RecordShellComponent, UnmaskLinkComponent],
  templateUrl: './vessel-detail.component.html',
  styleUrl: '../../shared/record-detail.css',
})
export class VesselDetailComponent extends RecordPage<VesselCaseDetailDto> {
  protected readonly api = inject(VesselsApi);
  private readonly campaignsApi = inject(CampaignsApi);
  private readonly auth = inject(AuthService);
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly view = VESSEL_VIEW;
  protected readonly sourceKeys = SOURCE_KEYS;
  protected readonly hullKeys = HULL_KEYS;
  protected readonly disposalKeys = DISPOSAL_KEYS;

  /** The town's planned campaigns, for the step that adds the vessel to one. */
  private readonly campaigns = signal<CampaignDto[]>([]);
  protected readonly unmasked = signal<VesselTypes['unmasked'] | null>(null);
  protected readonly forms = new PartForms<VesselCaseDetailDto>((detail) => this.record.set(detail));
  protected readonly stepFields = (step: WorkflowStep) => vesselStepInputs(step.requires, this.campaigns(), this.t);
  protected readonly unmaskFields = computed(() => OWNER_SEARCH_FIELDS.filter((field) => this.record()?.[field] !== null));
  protected readonly owner = computed(() => {
    const record = this.record();
    const plain = this.unmasked();
    return record && (Object.fromEntries(OWNER_SEARCH_FIELDS.map((field) => [field, plain?.[field] ?? record[field]])) as Record<OwnerSearchField, string | null>);
  });
  protected readonly campaignEvidence = computed(() => {
    const record = this.record();
    if (!record?.campaignId || record.campaignAttachments.length === 0) return null;
    return { title: this.t('evidence.campaign'), base: this.campaignsApi.attachmentsBase(record.campaignId), items: record.campaignAttachments };
  });
  /** Status history and persuasion entries in date order; a step to a green state shows green. */
  protected readonly timeline = computed(() => {
    const record = this.record();
    if (!record) return [];
    const zone = this.auth.me()?.timeZone ?? DEFAULT_TIME_ZONE;
    const green = (to: string) => (VESSEL_STATUS_LABELS[to as VesselStatus]?.color === 'green' ? 'green' : 'blue');
    return byTime([
      ...statusEntries(VESSEL_VIEW, record.history, zone, this.i18n.pick, green),
      ...record.persuasions.map((p) => datedEntry(`p-${p.id}`, p.date, `${this.t('vessels.persuasion')} · ${this.t(MEASURE_KEYS[p.measure])}`, `${p.staff}：${p.result}`, 'gray', 'persuasion')),
    ]);
  });

  protected stepOpened(step: WorkflowStep): void {
    const record = this.record();
    if (record && step.requires.includes('campaignId')) {
      this.campaignsApi.list({ status: 'planned', voided: 'false', townId: record.townId, pageSize: 100 }).subscribe((page) => this.campaigns.set(page.items));
    }
  }

  protected addPersuasion(): void {
    const record = this.record()!;
    const staff = this.auth.me()?.displayName ?? '';
    this.forms.show(
      this.t('vessels.addPersuasion'),
      persuasionInputs(staff, this.t),
      (data) => this.api.addPersuasion(record.id, { version: record.version, ...data }),
      'persuasion',
      this.t('vessels.persuasionSaved'),
    );
  }
}
