import { ChangeDetectionStrategy, Component, OnInit, inject, input, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { CampaignDto, VesselCaseDetailDto } from '@fazhi/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { TKey } from '../../core/i18n/dict.zh';
import { controlError, revealErrors } from '../../shared/form-errors';
import { toPlainDate } from '../../shared/plain-date';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { Submission } from '../../shared/api-error-message';
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
  const data: Record<string, string> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (value instanceof Date) data[field.name] = toPlainDate(value) ?? '';
    else if (typeof value === 'string') data[field.name] = value.trim();
  }
  return data;
}

/** A modal for one workflow step: exactly the fields the step requires, and a remark. */
@Component({
  selector: 'fz-transition-modal',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, ZORRO_IMPORTS],
  templateUrl: './transition-modal.component.html',
})
export class TransitionModalComponent implements OnInit {
  private readonly api = inject(VesselsApi);
  private readonly campaignsApi = inject(CampaignsApi);
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;

  readonly record = input.required<VesselCaseDetailDto>();
  readonly step = input.required<VesselStep>();
  readonly done = output<VesselCaseDetailDto>();
  readonly closed = output<void>();

  protected fields: StepField[] = [];
  protected readonly data = new FormGroup<Record<string, FormControl<unknown>>>({});
  protected readonly remark = new FormControl('', { nonNullable: true, validators: [Validators.maxLength(500)] });
  protected readonly campaigns = signal<CampaignDto[]>([]);
  protected readonly submission = new Submission(this.t);
  protected readonly err = (name: string): string => controlError(this.data.get(name), this.t);

  ngOnInit(): void {
    this.fields = this.step().requires.map(stepField);
    for (const field of this.fields) {
      const initial = field.kind === 'date' ? new Date() : field.kind === 'campaign' ? null : '';
      const validators = field.kind === 'text' ? [Validators.required, Validators.pattern(/\S/), Validators.maxLength(200)] : [Validators.required];
      this.data.addControl(field.name, new FormControl<unknown>(initial, { validators }));
    }
    if (this.fields.some((f) => f.kind === 'campaign')) {
      this.campaignsApi
        .list({ status: 'planned', voided: 'false', townId: this.record().townId, pageSize: 100 })
        .subscribe((page) => this.campaigns.set(page.items));
    }
  }

  protected label(field: StepField): string {
    return field.label ? this.t(field.label) : field.name;
  }

  protected submit(): void {
    if (this.data.invalid || this.remark.invalid) {
      revealErrors(this.data);
      return;
    }
    const record = this.record();
    const remark = this.remark.value.trim();
    const request = this.api.transition(record.id, {
      to: this.step().to,
      version: record.version,
      ...(remark ? { remark } : {}),
      ...(this.fields.length > 0 ? { data: stepData(this.fields, this.data.getRawValue()) } : {}),
    });
    this.submission.run(request, (detail) => this.done.emit(detail), this.data, (path) => path.replace(/^data\./, ''));
  }
}
