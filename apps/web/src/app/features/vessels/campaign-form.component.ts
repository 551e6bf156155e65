import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { AbstractControl, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { NzMessageService } from 'ng-zorro-antd/message';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { controlError, revealErrors } from '../../shared/form-errors';
import { PageHeaderComponent } from '../../shared/page-header.component';
import { toPlainDate } from '../../shared/plain-date';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { Submission } from '../../shared/api-error-message';
import { CampaignsApi } from './campaigns.api';

/** Agencies that usually take part, offered in the agencies field (free text is allowed too). */
const USUAL_AGENCIES = ['农业农村局', '海警工作站', '派出所', '镇综合行政执法办', '镇人民政府'];

/** Plan a destruction campaign (`/vessels/campaigns/new`). */
@Component({
  selector: 'fz-campaign-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, ZORRO_IMPORTS, PageHeaderComponent],
  template: `
    <fz-page-header [title]="t('campaigns.createTitle')" [subtitle]="t('campaigns.formSubtitle')" />
    <nz-card class="fz-narrow-card">
      @if (submission.error(); as message) {
        <nz-alert class="fz-block" nzType="error" nzShowIcon [nzMessage]="message" data-test="form-error" />
      }
      <form nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="submit()" data-test="campaign-form">
        @if (towns().length > 1) {
          <nz-form-item>
            <nz-form-label nzRequired nzFor="c-town">{{ t('vessels.town') }}</nz-form-label>
            <nz-form-control [nzErrorTip]="err(form.controls.townId)">
              <nz-select nzId="c-town" formControlName="townId">
                @for (town of towns(); track town.id) {
                  <nz-option [nzValue]="town.id" [nzLabel]="town.name" />
                }
              </nz-select>
            </nz-form-control>
          </nz-form-item>
        }
        <nz-form-item>
          <nz-form-label nzRequired nzFor="c-date">{{ t('campaigns.date') }}</nz-form-label>
          <nz-form-control [nzErrorTip]="err(form.controls.date)">
            <nz-date-picker class="fz-full" nzId="c-date" formControlName="date" />
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzRequired nzFor="c-place">{{ t('campaigns.place') }}</nz-form-label>
          <nz-form-control [nzErrorTip]="err(form.controls.place)">
            <input nz-input id="c-place" formControlName="place" autocomplete="off" />
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzFor="c-agencies">{{ t('campaigns.agencies') }}</nz-form-label>
          <nz-form-control [nzErrorTip]="err(form.controls.agencies)" [nzExtra]="t('campaigns.agenciesHint')">
            <nz-select nzId="c-agencies" nzMode="tags" formControlName="agencies">
              @for (agency of usualAgencies; track agency) {
                <nz-option [nzValue]="agency" [nzLabel]="agency" />
              }
            </nz-select>
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzFor="c-remark">{{ t('vessels.remark') }}</nz-form-label>
          <nz-form-control [nzErrorTip]="err(form.controls.remark)">
            <textarea nz-input id="c-remark" formControlName="remark" [nzAutosize]="{ minRows: 2, maxRows: 5 }"></textarea>
          </nz-form-control>
        </nz-form-item>
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
  protected readonly err = (control: AbstractControl): string => controlError(control, this.t);

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
