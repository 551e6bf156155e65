import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { NzMessageService } from 'ng-zorro-antd/message';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { revealErrors } from '../../shared/form-errors';
import { PageHeaderComponent } from '../../shared/page-header.component';
import { toPlainDate } from '../../shared/plain-date';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { Submission } from '../../shared/api-error-message';
import { CampaignsApi } from './campaigns.api';
import { FieldComponent } from '../../shared/field.component';

/** Agencies that usually take part, offered in the agencies field (free text is allowed too). */
const USUAL_AGENCIES = ['农业农村局', '海警工作站', '派出所', '镇综合行政执法办', '镇人民政府'];

/** Plan a destruction campaign (`/vessels/campaigns/new`). */
@Component({
  selector: 'fz-campaign-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, ZORRO_IMPORTS, PageHeaderComponent, FieldComponent],
  template: `
    <fz-page-header [title]="t('campaigns.createTitle')" [subtitle]="t('campaigns.formSubtitle')" />
    <nz-card class="fz-narrow-card">
      @if (submission.error(); as message) {
        <nz-alert class="fz-block" nzType="error" nzShowIcon [nzMessage]="message" data-test="form-error" />
      }
      <form nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="submit()" data-test="campaign-form">
        @if (towns().length > 1) {
          <fz-field [label]="t('record.town')" for="c-town" required [control]="form.controls.townId">
            <nz-select nzId="c-town" formControlName="townId">
              @for (town of towns(); track town.id) {
                <nz-option [nzValue]="town.id" [nzLabel]="town.name" />
              }
            </nz-select>
          </fz-field>
        }
        <fz-field [label]="t('campaigns.date')" for="c-date" required [control]="form.controls.date">
          <nz-date-picker class="fz-full" nzId="c-date" formControlName="date" />
        </fz-field>
        <fz-field [label]="t('campaigns.place')" for="c-place" required [control]="form.controls.place">
          <input nz-input id="c-place" formControlName="place" autocomplete="off" />
        </fz-field>
        <fz-field [label]="t('campaigns.agencies')" for="c-agencies" [control]="form.controls.agencies" [extra]="t('campaigns.agenciesHint')">
          <nz-select nzId="c-agencies" nzMode="tags" formControlName="agencies">
            @for (agency of usualAgencies; track agency) {
              <nz-option [nzValue]="agency" [nzLabel]="agency" />
            }
          </nz-select>
        </fz-field>
        <fz-field [label]="t('record.remark')" for="c-remark" [control]="form.controls.remark">
          <textarea nz-input id="c-remark" formControlName="remark" [nzAutosize]="{ minRows: 2, maxRows: 5 }"></textarea>
        </fz-field>
        <div class="fz-form-footer">
          <button nz-button nzType="primary" type="submit" [nzLoading]="submission.busy()" data-test="campaign-save">{{ t('common.save') }}</button>
          <a nz-button routerLink="/vessels/campaigns">{{ t('common.cancel') }}</a>
        </div>
      </form>
    </nz-card>
  `,
})
export class CampaignFormComponent {
  private readonly api = inject(CampaignsApi);
  private readonly router = inject(Router);
  private readonly message = inject(NzMessageService);
  private readonly auth = inject(AuthService);
  protected readonly t = inject(I18nService).t;

  protected readonly usualAgencies = USUAL_AGENCIES;
  protected readonly towns = computed(() => this.auth.me()?.scope.towns ?? []);
  protected readonly form = new FormGroup({
    townId: new FormControl<string | null>(null, this.towns().length > 1 ? Validators.required : []),
    date: new FormControl<Date | null>(new Date(), Validators.required),
    place: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.pattern(/\S/), Validators.maxLength(200)] }),
    agencies: new FormControl<string[]>([], { nonNullable: true }),
    remark: new FormControl('', { nonNullable: true, validators: Validators.maxLength(1000) }),
  });
  protected readonly submission = new Submission(this.t);

  protected submit(): void {
    if (this.form.invalid) {
      revealErrors(this.form);
      return;
    }
    const v = this.form.getRawValue();
    const request = this.api.create({
      ...(v.townId ? { townId: v.townId } : {}),
      date: toPlainDate(v.date) ?? '',
      place: v.place.trim(),
      agencies: v.agencies.map((a) => a.trim()).filter(Boolean),
      remark: v.remark.trim() || null,
    });
    this.submission.run(
      request,
      (campaign) => {
        this.message.success(this.t('campaigns.created', { number: campaign.number }));
        void this.router.navigate(['/vessels/campaigns', campaign.id]);
      },
      this.form,
    );
  }
}
