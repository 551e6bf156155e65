import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { I18nService } from '../core/i18n/i18n.service';
import { ZORRO_IMPORTS } from './zorro';

/** A modal asking a reason before an action (void, reopen, unmask); the parent calls the API. */
@Component({
  selector: 'fz-reason-modal',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, ZORRO_IMPORTS],
  template: `
    <nz-modal
      [nzVisible]="true"
      [nzTitle]="title()"
      [nzMaskClosable]="false"
      [nzOkText]="okText()"
      [nzOkDanger]="danger()"
      [nzCancelText]="t('common.cancel')"
      [nzOkLoading]="submitting()"
      [nzOkDisabled]="reason.invalid"
      (nzOnOk)="confirmed.emit(reason.value.trim())"
      (nzOnCancel)="closed.emit()"
    >
      <ng-container *nzModalContent>
        @if (hint()) {
          <p>{{ hint() }}</p>
        }
        @if (error(); as message) {
          <nz-alert class="fz-block" nzType="error" nzShowIcon [nzMessage]="message" data-test="reason-error" />
        }
        <label class="fz-label" for="reason-input">{{ t('record.reason') }}</label>
        <textarea nz-input id="reason-input" [formControl]="reason" [nzAutosize]="{ minRows: 2, maxRows: 5 }" data-test="reason-input"></textarea>
      </ng-container>
    </nz-modal>
  `,
})
export class ReasonModalComponent {
  protected readonly t = inject(I18nService).t;

  readonly title = input.required<string>();
  readonly okText = input.required<string>();
  readonly hint = input('');
  readonly danger = input(false);
  readonly submitting = input(false);
  readonly error = input<string | null>(null);
  readonly confirmed = output<string>();
  readonly closed = output<void>();

  protected readonly reason = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.pattern(/\S/), Validators.maxLength(200)],
  });
}
