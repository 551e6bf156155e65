import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH_FLOOR, SecurityPolicy, SecurityPolicyDto } from '@fazhi/contracts';
import { NzMessageService } from 'ng-zorro-antd/message';
import { TKey } from '../../core/i18n/dictionary';
import { I18nService } from '../../core/i18n/i18n.service';
import { DateTimePipe } from '../../shared/date-time.pipe';
import { revealErrors } from '../../shared/form-errors';
import { PageHeaderComponent } from '../../shared/page-header.component';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { SecurityApi } from './security.api';
import { Submission } from '../../shared/api-error-message';
import { FieldComponent } from '../../shared/field.component';

interface PolicyField {
  key: keyof SecurityPolicy;
  label: TKey;
  hint: TKey;
  unit: TKey;
  min: number;
  max: number;
}

/** Every SecurityPolicy field with its label, unit and bounds. */
export const POLICY_FIELDS: readonly PolicyField[] = [
  { key: 'passwordMinLength', label: 'policy.passwordMinLength', hint: 'policy.passwordMinLengthHint', unit: 'unit.chars', min: PASSWORD_MIN_LENGTH_FLOOR, max: 64 },
  { key: 'passwordMaxAgeDays', label: 'policy.passwordMaxAgeDays', hint: 'policy.passwordMaxAgeDaysHint', unit: 'unit.days', min: 0, max: 3650 },
  { key: 'lockoutThreshold', label: 'policy.lockoutThreshold', hint: 'policy.lockoutThresholdHint', unit: 'unit.times', min: 1, max: 100 },
  { key: 'lockoutWindowMinutes', label: 'policy.lockoutWindowMinutes', hint: 'policy.lockoutWindowMinutesHint', unit: 'unit.minutes', min: 1, max: 1440 },
  { key: 'lockoutDurationMinutes', label: 'policy.lockoutDurationMinutes', hint: 'policy.lockoutDurationMinutesHint', unit: 'unit.minutes', min: 1, max: 10080 },
  { key: 'addressFailureLimit', label: 'policy.addressFailureLimit', hint: 'policy.addressFailureLimitHint', unit: 'unit.times', min: 1, max: 100000 },
  { key: 'idleTimeoutMinutes', label: 'policy.idleTimeoutMinutes', hint: 'policy.idleTimeoutMinutesHint', unit: 'unit.minutes', min: 1, max: 1440 },
  { key: 'absoluteTimeoutHours', label: 'policy.absoluteTimeoutHours', hint: 'policy.absoluteTimeoutHoursHint', unit: 'unit.hours', min: 1, max: 720 },
];

type PolicyForm = FormGroup<Record<keyof SecurityPolicy, FormControl<number>>>;

function policyForm(): PolicyForm {
  const controls = {} as Record<keyof SecurityPolicy, FormControl<number>>;
  for (const field of POLICY_FIELDS) {
    const max = field.key === 'passwordMinLength' ? Math.min(field.max, PASSWORD_MAX_LENGTH) : field.max;
    controls[field.key] = new FormControl(field.min, {
      nonNullable: true,
      validators: [Validators.required, Validators.min(field.min), Validators.max(max)],
    });
  }
  return new FormGroup(controls);
}

/** Password, lockout and session policy (security administrators). */
@Component({
  selector: 'fz-policy',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, ZORRO_IMPORTS, PageHeaderComponent, DateTimePipe, FieldComponent],
  templateUrl: './policy.component.html',
})
export class PolicyComponent {
  private readonly api = inject(SecurityApi);
  private readonly message = inject(NzMessageService);
  protected readonly t = inject(I18nService).t;

  protected readonly fields = POLICY_FIELDS;
  protected readonly form = policyForm();
  protected readonly policy = signal<SecurityPolicyDto | null>(null);
  protected readonly loading = signal(true);
  protected readonly submission = new Submission(this.t);

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.api.policy().subscribe({
      next: (policy) => this.apply(policy),
      error: () => this.loading.set(false),
    });
  }

  protected submit(): void {
    const policy = this.policy();
    if (!policy) return;
    if (this.form.invalid) {
      revealErrors(this.form);
      return;
    }
    this.submission.run(
      this.api.savePolicy(policy.version, this.form.getRawValue()),
      (saved) => {
        this.apply(saved);
        this.message.success(this.t('policy.saved'));
      },
      this.form,
    );
  }

  private apply(policy: SecurityPolicyDto): void {
    this.policy.set(policy);
    const value = {} as SecurityPolicy;
    for (const field of POLICY_FIELDS) value[field.key] = policy[field.key];
    this.form.reset(value);
    this.loading.set(false);
  }
}
