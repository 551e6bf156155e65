import { ChangeDetectionStrategy, Component, OnInit, inject, input, output } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { TransitionRequest } from '@fazhi/contracts';
import { Observable } from 'rxjs';
import { I18nService } from '../core/i18n/i18n.service';
import { Submission } from './api-error-message';
import { controlError, revealErrors } from './form-errors';
import { toPlainDate } from './plain-date';
import { ZORRO_IMPORTS } from './zorro';

/** One workflow step the caller may take (a record's `transitions`). */
export interface WorkflowStep {
  to: string;
  label: { zh: string; en: string };
  requires: readonly string[];
}

export type StepFieldKind = 'date' | 'text' | 'textarea' | 'select' | 'multiple';

export interface StepOption {
  value: string;
  label: string;
}

/** How the modal asks one field a step requires; `label` already translated. */
export interface StepInput {
  name: string;
  kind: StepFieldKind;
  label: string;
  options?: readonly StepOption[];
  /** Shown when a select has nothing to offer. */
  empty?: string;
  placeholder?: string;
}

/** The data of a step as the API takes it: dates as `YYYY-MM-DD`, texts trimmed, lists as they are. */
export function stepData(fields: readonly { name: string }[], values: Record<string, unknown>): Record<string, string | string[]> {
  const data: Record<string, string | string[]> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (value instanceof Date) data[field.name] = toPlainDate(value) ?? '';
    else if (typeof value === 'string') data[field.name] = value.trim();
    else if (Array.isArray(value)) data[field.name] = value.map(String);
  }
  return data;
}

/**
 * A modal for one workflow step of any ledger: exactly the fields the step requires, and a
 * remark. The feature resolves the fields (labels, options) and sends the request.
 */
@Component({
  selector: 'fz-step-modal',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, ZORRO_IMPORTS],
  templateUrl: './transition-modal.component.html',
})
export class StepModalComponent<T> implements OnInit {
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;

  readonly step = input.required<WorkflowStep>();
  readonly fields = input.required<readonly StepInput[]>();
  readonly send = input.required<(body: Omit<TransitionRequest, 'version'>) => Observable<T>>();
  readonly done = output<T>();
  readonly closed = output<void>();

  protected readonly data = new FormGroup<Record<string, FormControl<unknown>>>({});
  protected readonly remark = new FormControl('', { nonNullable: true, validators: [Validators.maxLength(500)] });
  protected readonly submission = new Submission(this.t);
  protected readonly err = (name: string): string => controlError(this.data.get(name), this.t);

  ngOnInit(): void {
    for (const field of this.fields()) {
      const initial = field.kind === 'date' ? new Date() : field.kind === 'multiple' ? [] : field.kind === 'select' ? null : '';
      const max = field.kind === 'textarea' ? 2000 : 200;
      const validators =
        field.kind === 'text' || field.kind === 'textarea' ? [Validators.required, Validators.pattern(/\S/), Validators.maxLength(max)] : [Validators.required];
      this.data.addControl(field.name, new FormControl<unknown>(initial, { validators }));
    }
  }

  protected submit(): void {
    if (this.data.invalid || this.remark.invalid) {
      revealErrors(this.data);
      return;
    }
    const remark = this.remark.value.trim();
    const fields = this.fields();
    const request = this.send()({
      to: this.step().to,
      ...(remark ? { remark } : {}),
      ...(fields.length > 0 ? { data: stepData(fields, this.data.getRawValue()) } : {}),
    });
    this.submission.run(request, (result) => this.done.emit(result), this.data, (path) => path.replace(/^data\./, ''));
  }
}
