import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { UserDto } from '@fazhi/contracts';
import { apiError } from '../../core/http/api-error';
import { I18nService } from '../../core/i18n/i18n.service';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { UsersApi } from './users.api';

/** Modal to disable a user (their sessions end), with an optional reason. */
@Component({
  selector: 'fz-user-disable',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, ZORRO_IMPORTS],
  template: `
    <nz-modal
      [nzVisible]="true"
      [nzTitle]="t('users.disableTitle', { name: user().displayName })"
      [nzMaskClosable]="false"
      [nzOkText]="t('users.disable')"
      [nzOkDanger]="true"
      [nzCancelText]="t('common.cancel')"
      [nzOkLoading]="submitting()"
      (nzOnOk)="submit()"
      (nzOnCancel)="closed.emit()"
    >
      <ng-container *nzModalContent>
        <p>{{ t('users.disableHint') }}</p>
        @if (error(); as message) {
          <nz-alert class="fz-block" nzType="error" nzShowIcon [nzMessage]="message" data-test="form-error" />
        }
        <label class="fz-label" for="disable-reason">{{ t('users.disableReason') }}</label>
        <textarea nz-input id="disable-reason" [formControl]="reason" [nzAutosize]="{ minRows: 2, maxRows: 5 }"></textarea>
      </ng-container>
    </nz-modal>
  `,
})
export class UserDisableComponent {
  private readonly api = inject(UsersApi);
  protected readonly t = inject(I18nService).t;

  readonly user = input.required<UserDto>();
  readonly saved = output<UserDto>();
  readonly closed = output<void>();

  protected readonly reason = new FormControl('', { nonNullable: true, validators: [Validators.maxLength(200)] });
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);

  protected submit(): void {
    const user = this.user();
    this.submitting.set(true);
    this.error.set(null);
    this.api.disable(user.id, user.version, this.reason.value.trim() || undefined).subscribe({
      next: (updated) => {
        this.submitting.set(false);
        this.saved.emit(updated);
      },
      error: (err: unknown) => {
        this.submitting.set(false);
        this.error.set(apiError(err)?.message ?? this.t('error.network'));
      },
    });
  }
}
