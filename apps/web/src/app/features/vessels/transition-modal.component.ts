import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, output, signal } from '@angular/core';
import { CampaignDto, TransitionRequest, VesselCaseDetailDto } from '@fazhi/contracts';
import { TKey } from '../../core/i18n/dictionary';
import { I18nService } from '../../core/i18n/i18n.service';
import { StepInput, StepModalComponent, stepData as sharedStepData } from '../../shared/transition-modal.component';
import { CampaignsApi } from './campaigns.api';
import { STEP_FIELD_KEYS } from './vessel-labels';
import { VesselsApi } from './vessels.api';

export type VesselStep = VesselCaseDetailDto['transitions'][number];
export type StepFieldKind = 'date' | 'campaign' | 'text';

export interface StepField {
  name: string;
  kind: StepFieldKind;
  label: TKey | null;
}

/** How the modal asks one field a step requires: dates for `…On`, a campaign select, else text. */
export function stepField(name: string): StepField {
  const kind: StepFieldKind = name === 'campaignId' ? 'campaign' : /On$/.test(name) ? 'date' : 'text';
  return { name, kind, label: STEP_FIELD_KEYS[name] ?? null };
}

/** The data of a step as the API takes it: dates as `YYYY-MM-DD`, texts trimmed. */
export function stepData(fields: readonly StepField[], values: Record<string, unknown>): Record<string, string> {
  return sharedStepData(fields, values) as Record<string, string>;
}

/** A vessel workflow step in the shared step modal (campaign steps pick a planned campaign). */
@Component({
  selector: 'fz-transition-modal',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [StepModalComponent],
  template: `<fz-step-modal [step]="step()" [fields]="inputs()" [send]="send" (done)="done.emit($event)" (closed)="closed.emit()" />`,
})
export class TransitionModalComponent implements OnInit {
  private readonly api = inject(VesselsApi);
  private readonly campaignsApi = inject(CampaignsApi);
  private readonly t = inject(I18nService).t;

  readonly record = input.required<VesselCaseDetailDto>();
  readonly step = input.required<VesselStep>();
  readonly done = output<VesselCaseDetailDto>();
  readonly closed = output<void>();

  private readonly campaigns = signal<CampaignDto[]>([]);
  protected readonly inputs = computed<StepInput[]>(() =>
    this.step().requires.map((name) => {
      const field = stepField(name);
      const label = field.label ? this.t(field.label) : name;
      if (field.kind !== 'campaign') return { name, kind: field.kind, label };
      return {
        name,
        kind: 'select',
        label,
        placeholder: this.t('vessels.chooseCampaign'),
        empty: this.t('vessels.noPlannedCampaign'),
        options: this.campaigns().map((c) => ({ value: c.id, label: `${c.number} · ${c.date} · ${c.place}` })),
      };
    }),
  );
  protected readonly send = (body: Omit<TransitionRequest, 'version'>) =>
    this.api.transition(this.record().id, { ...body, version: this.record().version });

  ngOnInit(): void {
    if (this.step().requires.includes('campaignId')) {
      this.campaignsApi
        .list({ status: 'planned', voided: 'false', townId: this.record().townId, pageSize: 100 })
        .subscribe((page) => this.campaigns.set(page.items));
    }
  }
}
