import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { PERSUASION_MEASURE_LABELS, PersuasionMeasure, VesselCaseDetailDto } from '@fazhi/contracts';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { revealErrors } from '../../shared/form-errors';
import { toPlainDate } from '../../shared/plain-date';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { Submission } from '../../shared/api-error-message';
import { MEASURE_KEYS } from './vessel-labels';
import { VesselsApi } from './vessels.api';
import { FieldComponent } from '../../shared/field.component';

/** A modal to log one persuasion entry (date, staff, measure, result). */
@Component({
  selector: 'fz-persuasion-modal',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, ZORRO_IMPORTS, FieldComponent],
  template: `
    <nz-modal
      [nzVisible]="true"
      [nzTitle]="t('vessels.addPersuasion')"
      [nzMaskClosable]="false"
      [nzOkText]="t('common.save')"
      [nzCancelText]="t('common.cancel')"
      [nzOkLoading]="submission.busy()"
      (nzOnOk)="submit()"
      (nzOnCancel)="closed.emit()"
    >
      <ng-container *nzModalContent>
        @if (submission.error(); as message) {
          <nz-alert class="fz-block" nzType="error" nzShowIcon [nzMessage]="message" />
        }
        <form nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="submit()" data-test="persuasion-form">
          <fz-field [label]="t('vessels.persuasionDate')" for="p-date" required [control]="form.controls.date">
            <nz-date-picker class="fz-full" nzId="p-date" formControlName="date" />
          </fz-field>
          <fz-field [label]="t('vessels.persuasionStaff')" for="p-staff" required [control]="form.controls.staff">
            <input nz-input id="p-staff" formControlName="staff" autocomplete="off" />
          </fz-field>
          <fz-field [label]="t('vessels.persuasionMeasure')" for="p-measure" required [control]="form.controls.measure">
            <nz-select nzId="p-measure" formControlName="measure">
              @for (m of measures; track m) {
                <nz-option [nzValue]="m" [nzLabel]="t(measureKeys[m])" />
              }
            </nz-select>
          </fz-field>
          <fz-field [label]="t('vessels.persuasionResult')" for="p-result" required [control]="form.controls.result">
            <textarea nz-input id="p-result" formControlName="result" [nzAutosize]="{ minRows: 2, maxRows: 5 }"></textarea>
          </fz-field>
        </form>
      </ng-container>
    </nz-modal>
  `,
})
export class PersuasionModalComponent {
  private readonly api = inject(VesselsApi);
  protected readonly t = inject(I18nService).t;

  readonly record = input.required<VesselCaseDetailDto>();
  readonly done = output<VesselCaseDetailDto>();
  readonly closed = output<void>();

  protected readonly measures = Object.keys(PERSUASION_MEASURE_LABELS) as PersuasionMeasure[];
  protected readonly measureKeys = MEASURE_KEYS;
  protected readonly form = new FormGroup({
    date: new FormControl<Date | null>(new Date(), Validators.required),
    staff: new FormControl(inject(AuthService).me()?.displayName ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(/\S/), Validators.maxLength(100)],
    }),
    measure: new FormControl<PersuasionMeasure>('education', { nonNullable: true, validators: Validators.required }),
    result: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.pattern(/\S/), Validators.maxLength(1000)] }),
  });
  protected readonly submission = new Submission(this.t);

  protected submit(): void {
    if (this.form.invalid) {
      revealErrors(this.form);
      return;
    }
    const value = this.form.getRawValue();
    const record = this.record();
    const request = this.api.addPersuasion(record.id, {
      version: record.version,
      date: toPlainDate(value.date) ?? '',
      staff: value.staff.trim(),
      measure: value.measure,
      result: value.result.trim(),
    });
    this.submission.run(request, (detail) => this.done.emit(detail), this.form);
  }
}
