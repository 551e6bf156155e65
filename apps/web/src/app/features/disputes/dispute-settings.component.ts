import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { AGREEMENT_PLACEHOLDERS, MediationPeriod } from '@fazhi/contracts';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { DocumentTemplateCardComponent } from '../../shared/document-template-card.component';
import { PageHeaderComponent } from '../../shared/page-header.component';
import { TownSettingApi, TownSettingComponent, TownSettingView } from '../../shared/register/town-setting.component';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { Validators } from '@angular/forms';

/** The town's agreement template (人民调解协议书): `GET|POST|DELETE` here, the file at `….docx`. */
export const AGREEMENT_TEMPLATE_API = '/api/disputes/agreement-template';
const UNITS: readonly MediationPeriod['unit'][] = ['month', 'calendar', 'working'];

/**
 * The dispute ledger's town settings (调解设置): the 人民调解协议书 template (template.manage
 * uploads one) and the mediation period opened on acceptance (dict.manage sets it).
 */
@Component({
  selector: 'fz-dispute-settings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, ZORRO_IMPORTS, PageHeaderComponent, DocumentTemplateCardComponent, TownSettingComponent],
  template: `
    <fz-page-header [title]="t('disputeSettings.title')" [subtitle]="t('disputeSettings.subtitle')">
      @if (towns().length > 1) {
        <nz-select class="fz-settings-town" [ngModel]="townId()" (ngModelChange)="townId.set($event)" [nzPlaceHolder]="t('record.town')" data-test="settings-town">
          @for (town of towns(); track town.id) {
            <nz-option [nzValue]="town.id" [nzLabel]="town.name" />
          }
        </nz-select>
      }
    </fz-page-header>
    <div nz-row [nzGutter]="[16, 16]">
      @if (auth.hasAny(['dispute.read', 'template.manage'])) {
        <div nz-col [nzXs]="24" [nzXl]="14">
          <fz-document-template-card
            [api]="templateApi"
            [townId]="townId()"
            [title]="t('disputeSettings.templateTitle')"
            [canManage]="auth.hasAny(['template.manage'])"
            [placeholders]="placeholders()"
          />
        </div>
      }
      @if (auth.hasAny(['dispute.read', 'dict.manage'])) {
        <fz-town-setting nz-col [nzXs]="24" [nzXl]="10" [api]="periodApi" [townId]="townId()" [view]="period" [manage]="auth.hasAny(['dict.manage'])" />
      }
    </div>
  `,
  styles: `
    .fz-settings-town {
      width: 200px;
      max-width: 100%;
    }
  `,
})
export class DisputeSettingsComponent {
  protected readonly auth = inject(AuthService);
  protected readonly t = inject(I18nService).t;
  protected readonly templateApi = AGREEMENT_TEMPLATE_API;
  protected readonly periodApi = new TownSettingApi<MediationPeriod>('/api/disputes/settings/mediation-period');
  protected readonly towns = computed(() => this.auth.me()?.scope.towns ?? []);
  /** The town shown: the user's own when in scope, else the first one; null lets the API take the only one. */
  readonly townId = signal<string | null>(this.towns().find((town) => town.id === this.auth.me()?.townId)?.id ?? this.towns()[0]?.id ?? null);
  protected readonly placeholders = computed(() => AGREEMENT_PLACEHOLDERS.map((p) => ({ name: p.placeholder, required: p.required, meaning: this.t(`disputeSettings.ph.${p.key}`) })));
  /** `受理之日起 1 个月`, `30 个自然日`, `15 个工作日`; amount and unit for dict.manage. */
  protected readonly period: TownSettingView<MediationPeriod> = {
    name: 'period',
    words: {
      title: 'disputeSettings.periodTitle',
      current: 'disputeSettings.periodCurrent',
      isDefault: 'disputeSettings.periodDefault',
      isSet: 'disputeSettings.periodSet',
      updatedAt: 'disputeSettings.periodUpdatedAt',
      hint: 'disputeSettings.periodHint',
      readOnly: 'disputeSettings.periodReadOnly',
      failed: 'disputeSettings.periodLoadFailed',
      saved: 'disputeSettings.periodSaved',
    },
    text: (value) => this.t(`disputeSettings.period.${value.unit}`, { amount: value.amount }),
    fields: [
      { name: 'amount', kind: 'number', label: 'disputeSettings.amount', required: true, min: 1, max: 366, half: true, validators: [Validators.pattern(/^\d+$/)] },
      {
        name: 'unit',
        kind: 'select',
        label: 'disputeSettings.unit',
        required: true,
        half: true,
        initial: () => 'month',
        options: () => UNITS.map((unit) => ({ value: unit, label: this.t(`disputeSettings.unit.${unit}`) })),
      },
    ],
  };
}
