import { ChangeDetectionStrategy, Component, DestroyRef, OnInit, computed, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, ValidatorFn, Validators } from '@angular/forms';
import { TransitionRequest } from '@fazhi/contracts';
import { Observable, startWith } from 'rxjs';
import { I18nService } from '../core/i18n/i18n.service';
import { Submission } from './api-error-message';
import { revealErrors } from './form-errors';
import { toPlainDate } from './plain-date';
import { ZORRO_IMPORTS } from './zorro';
import { FieldComponent } from './field.component';
import { InputFieldComponent, InputSpec } from './input-field.component';

/** One workflow step the caller may take (a record's `transitions`). */
export interface WorkflowStep {
  to: string;
  label: { zh: string; en: string };
  requires: readonly string[];
}

export type StepFieldKind = 'date' | 'text' | 'textarea' | 'select' | 'multiple' | 'number' | 'switch';

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
  /** A hint under the field. */
  extra?: string;
  /** May stay empty (then it is left out of the data). */
  optional?: boolean;
  /** The starting value; otherwise today for dates, nothing for the rest. */
  initial?: unknown;
  /** The least value of a number. */
  min?: number;
  /** The greatest value of a number; the longest text of a text or textarea. */
  max?: number;
  /** Asked only while this holds for the form's values; otherwise neither checked nor sent. */
  shownWhen?: (values: Record<string, unknown>) => boolean;
}

export type StepValue = string | string[] | number | boolean;

/**
 * The data of a step as the API takes it: dates as `YYYY-MM-DD`, texts trimmed, lists, numbers
 * and switches as they are; an optional field left empty is left out.
 */
export function stepData(fields: readonly { name: string; optional?: boolean }[], values: Record<string, unknown>): Record<string, StepValue> {
  const data: Record<string, StepValue> = {};
  for (const field of fields) {
    const raw = values[field.name];
    const value = raw instanceof Date ? (toPlainDate(raw) ?? '') : typeof raw === 'string' ? raw.trim() : Array.isArray(raw) ? raw.map(String) : raw;
    if (typeof value === 'number' || typeof value === 'boolean') data[field.name] = value;
    else if (typeof value === 'string' || Array.isArray(value)) {
      if (!field.optional || value.length > 0) data[field.name] = value;
    }
  }
  return data;
}

function initialValue(field: StepInput): unknown {
  if (field.initial !== undefined) return field.initial;
  switch (field.kind) {
    case 'date':
      return field.optional ? null : new Date();
    case 'multiple':
      return [];
    case 'select':
    case 'number':
      return null;
    case 'switch':
      return false;
    default:
      return '';
  }
}

/** A step's field as the input field draws it (`#step-<name>`). */
function stepSpec(field: StepInput): InputSpec {
  return {
    name: field.name,
    kind: field.kind,
    id: `step-${field.name}`,
    label: field.label,
    required: !field.optional && field.kind !== 'switch',
    extra: field.extra,
    placeholder: field.placeholder ?? '',
    options: field.options,
    empty: field.empty ?? '',
    rows: [3, 8],
    min: field.min,
    max: field.max ?? 1000000,
    precision: 0,
  };
}

function fieldValidators(field: StepInput): ValidatorFn[] {
  const text = field.kind === 'text' || field.kind === 'textarea';
  const validators: ValidatorFn[] = text ? [Validators.maxLength(field.max ?? (field.kind === 'textarea' ? 2000 : 200))] : [];
  if (field.kind === 'number') validators.push(Validators.min(field.min ?? 0), ...(field.max !== undefined ? [Validators.max(field.max)] : []));
  if (!field.optional && field.kind !== 'switch') validators.push(Validators.required, ...(text ? [Validators.pattern(/\S/)] : []));
  return validators;
}

/**
 * A modal for one workflow step of any ledger: exactly the fields the step requires, and a
 * remark. The feature resolves the fields (labels, options) and sends the request. Also serves
 * a record's other small forms (a party, a session, a visit…): a step named after the form,
 * no remark, and a `send` that turns `data` into the request body.
 */
@Component({
  selector: 'fz-step-modal',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, ZORRO_IMPORTS, FieldComponent, InputFieldComponent],
  templateUrl: './transition-modal.component.html',
})
export class StepModalComponent<T> implements OnInit {
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  private readonly destroyRef = inject(DestroyRef);

  readonly step = input.required<WorkflowStep>();
  readonly fields = input.required<readonly StepInput[]>();
  readonly withRemark = input(true);
  readonly send = input.required<(body: Omit<TransitionRequest, 'version'>) => Observable<T>>();
  readonly done = output<T>();
  readonly closed = output<void>();

  protected readonly data = new FormGroup<Record<string, FormControl<unknown>>>({});
  protected readonly remark = new FormControl('', { nonNullable: true, validators: [Validators.maxLength(500)] });
  protected readonly submission = new Submission(this.t);

  private readonly values = signal<Record<string, unknown>>({});
  /** The fields asked for the values so far. */
  protected readonly shown = computed(() => this.fields().filter((field) => field.shownWhen?.(this.values()) ?? true));
  /** The fields as the input field draws them. */
  protected readonly specs = computed(() => new Map(this.fields().map((field) => [field.name, stepSpec(field)])));

  ngOnInit(): void {
    for (const field of this.fields()) {
      this.data.addControl(field.name, new FormControl<unknown>(initialValue(field), { validators: fieldValidators(field) }));
    }
    this.data.valueChanges.pipe(startWith(null), takeUntilDestroyed(this.destroyRef)).subscribe(() => this.showFields());
  }

  /** Hidden fields are disabled, so that they are neither checked nor sent. */
  private showFields(): void {
    this.values.set(this.data.getRawValue());
    const shown = this.shown();
    for (const field of this.fields()) {
      const control = this.data.controls[field.name];
      if (shown.includes(field) === control.disabled) control[control.disabled ? 'enable' : 'disable']({ emitEvent: false });
    }
  }

  protected submit(): void {
    if (this.data.invalid || this.remark.invalid) {
      revealErrors(this.data);
      return;
    }
    const remark = this.withRemark() ? this.remark.value.trim() : '';
    const fields = this.fields();
    const request = this.send()({
      to: this.step().to,
      ...(remark ? { remark } : {}),
      ...(fields.length > 0 ? { data: stepData(this.shown(), this.data.getRawValue()) } : {}),
    });
    this.submission.run(
      request,
      (result) => this.done.emit(result),
      this.data,
      (path) => path.replace(/^data\./, ''),
    );
  }
}
