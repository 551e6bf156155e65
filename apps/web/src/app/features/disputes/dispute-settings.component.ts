import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, FormsModule, ReactiveFormsModule, Validators } from '@angular/forms';
import { AGREEMENT_PLACEHOLDERS, AgreementPlaceholderKey, MediationPeriod } from '@fazhi/contracts';
import { NzMessageService } from 'ng-zorro-antd/message';
import { Subscription, tap } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { apiError } from '../../core/http/api-error';
import { TKey } from '../../core/i18n/dictionary';
import { I18nService } from '../../core/i18n/i18n.service';
import { Submission } from '../../shared/api-error-message';
import { DateTimePipe } from '../../shared/date-time.pipe';
import { DocumentTemplateCardComponent, TemplatePlaceholderHelp } from '../../shared/document-template-card.component';
import { revealErrors } from '../../shared/form-errors';
import { PageHeaderComponent } from '../../shared/page-header.component';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { AGREEMENT_TEMPLATE_API, DisputeSettingsApi, MediationPeriodSetting } from './dispute-settings.api';
import { FieldComponent } from '../../shared/field.component';

type PeriodUnit = MediationPeriod['unit'];

const UNIT_LABELS: Record<PeriodUnit, TKey> = {
  month: 'disputeSettings.unitMonth',
  calendar: 'disputeSettings.unitCalendar',
  working: 'disputeSettings.unitWorking',
};

const PERIOD_TEXT: Record<PeriodUnit, TKey> = {
  month: 'disputeSettings.periodMonth',
  calendar: 'disputeSettings.periodCalendar',
  working: 'disputeSettings.periodWorking',
};

const PLACEHOLDER_MEANINGS: Record<AgreementPlaceholderKey, TKey> = {
  number: 'disputeSettings.ph.number',
  committee: 'disputeSettings.ph.committee',
  parties: 'disputeSettings.ph.parties',
  facts: 'disputeSettings.ph.facts',
  issues: 'disputeSettings.ph.issues',
  responsibilities: 'disputeSettings.ph.responsibilities',
  terms: 'disputeSettings.ph.terms',
  performanceManner: 'disputeSettings.ph.performanceManner',
  performanceDeadline: 'disputeSettings.ph.performanceDeadline',
  mediators: 'disputeSettings.ph.mediators',
  agreedOn: 'disputeSettings.ph.agreedOn',
  village: 'disputeSettings.ph.village',
};

/**
 * The dispute ledger's town settings (调解设置): the 人民调解协议书 template (template.manage
 * uploads one) and the mediation period opened on acceptance (dict.manage sets it).
 */
@Component({
  selector: 'fz-dispute-settings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, ReactiveFormsModule, ZORRO_IMPORTS, PageHeaderComponent, DocumentTemplateCardComponent, DateTimePipe, FieldComponent],
  templateUrl: './dispute-settings.component.html',
  styles: `
    .fz-settings-town {
      width: 200px;
      max-width: 100%;
    }
    .fz-settings-wait {
      padding: 24px 0;
      text-align: center;
    }
  `,
})
export class DisputeSettingsComponent {
  private readonly api = inject(DisputeSettingsApi);
  private readonly auth = inject(AuthService);
  private readonly message = inject(NzMessageService);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly t = inject(I18nService).t;

  protected readonly templateApi = AGREEMENT_TEMPLATE_API;
  protected readonly units = Object.keys(UNIT_LABELS) as PeriodUnit[];
  protected readonly unitLabels = UNIT_LABELS;

  protected readonly towns = computed(() => this.auth.me()?.scope.towns ?? []);
  /** The town shown: the user's own when in scope, else the first one; null lets the API take the only one. */
  readonly townId = signal<string | null>(this.firstTown());

  protected readonly readsTemplate = computed(() => this.auth.hasAny(['dispute.read', 'template.manage']));
  protected readonly managesTemplate = computed(() => this.auth.hasAny(['template.manage']));
  protected readonly readsPeriod = computed(() => this.auth.hasAny(['dispute.read', 'dict.manage']));
  protected readonly managesPeriod = computed(() => this.auth.hasAny(['dict.manage']));

  protected readonly placeholders = computed<TemplatePlaceholderHelp[]>(() =>
    AGREEMENT_PLACEHOLDERS.map((p) => ({ name: p.placeholder, required: p.required, meaning: this.t(PLACEHOLDER_MEANINGS[p.key]) })),
  );

  protected readonly period = signal<MediationPeriodSetting | null>(null);
  protected readonly periodFailed = signal(false);
  readonly periodForm = new FormGroup({
    amount: new FormControl<number | null>(null, { validators: [Validators.required, Validators.min(1), Validators.max(366), Validators.pattern(/^\d+$/)] }),
    unit: new FormControl<PeriodUnit>('month', { nonNullable: true, validators: [Validators.required] }),
  });
  protected readonly submission = new Submission(this.t);
  private loadingPeriod?: Subscription;

  constructor() {
    effect(() => {
      const townId = this.townId();
      if (!this.readsPeriod()) return;
      untracked(() => {
        this.submission.error.set(null);
        this.loadPeriod(townId);
      });
    });
    this.destroyRef.onDestroy(() => this.loadingPeriod?.unsubscribe());
  }

  private firstTown(): string | null {
    const me = this.auth.me();
    const towns = me?.scope.towns ?? [];
    return towns.find((town) => town.id === me?.townId)?.id ?? towns[0]?.id ?? null;
  }

  /** `受理之日起 1 个月`, `30 个自然日`, `15 个工作日`. */
  protected periodText(value: MediationPeriod): string {
    return this.t(PERIOD_TEXT[value.unit], { amount: value.amount });
  }

  private loadPeriod(townId = this.townId()): void {
    this.loadingPeriod?.unsubscribe();
    this.period.set(null);
    this.periodFailed.set(false);
    this.loadingPeriod = this.api.mediationPeriod(townId).subscribe({
      next: (setting) => this.showPeriod(setting),
      error: () => this.periodFailed.set(true),
    });
  }

  private showPeriod(setting: MediationPeriodSetting): void {
    this.period.set(setting);
    this.periodForm.reset({ amount: setting.value.amount, unit: setting.value.unit });
  }

  protected retryPeriod(): void {
    this.loadPeriod();
  }

  /** Saves with the version read; a 409 shows the server's message and reloads the period in force. */
  savePeriod(): void {
    const current = this.period();
    if (!current) return;
    if (this.periodForm.invalid) {
      revealErrors(this.periodForm);
      return;
    }
    const { amount, unit } = this.periodForm.getRawValue();
    const request = this.api.setMediationPeriod(this.townId(), { version: current.version, amount: Number(amount), unit }).pipe(
      tap({
        error: (e: unknown) => {
          if (apiError(e)?.statusCode === 409) this.loadPeriod();
        },
      }),
      takeUntilDestroyed(this.destroyRef),
    );
    this.submission.run(
      request,
      (saved) => {
        this.showPeriod(saved);
        this.message.success(this.t('disputeSettings.periodSaved'));
      },
      this.periodForm,
    );
  }
}
