import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { PASSWORD_MAX_LENGTH, UserDto } from '@fazhi/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { revealErrors } from '../../shared/form-errors';
import { passwordHints, passwordPolicyValidator } from '../../shared/password-hints';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { UsersApi } from './users.api';
import { FieldComponent } from '../../shared/field.component';
import { Submission } from '../../shared/api-error-message';

/** Modal to set a new password for a user, who must change it at the next sign-in. */
@Component({
  selector: 'fz-user-password',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, ZORRO_IMPORTS, FieldComponent],
  template: `
    <nz-modal
      [nzVisible]="true"
      [nzTitle]="t('users.resetTitle', { name: user().displayName })"
      [nzMaskClosable]="false"
      [nzOkText]="t('users.resetPassword')"
      [nzCancelText]="t('common.cancel')"
      [nzOkLoading]="submission.busy()"
      (nzOnOk)="submit()"
      (nzOnCancel)="closed.emit()"
    >
      <ng-container *nzModalContent>
        <nz-alert class="fz-block" nzType="info" nzShowIcon [nzMessage]="t('users.resetHint')" />
        @if (submission.error(); as message) {
          <nz-alert class="fz-block" nzType="error" nzShowIcon [nzMessage]="message" data-test="form-error" />
        }
        <form nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="submit()">
          <fz-field [label]="t('common.newPassword')" for="reset-password" required [control]="form.controls.newPassword">
            <input nz-input id="reset-password" type="password" formControlName="newPassword" autocomplete="new-password" />
          </fz-field>
          @if (hints().length > 0) {
            <ul class="fz-hints">
              @for (hint of hints(); track hint.problem) {
                <li>{{ i18n.pick(hint.label) }}</li>
              }
            </ul>
          }
        </form>
      </ng-container>
    </nz-modal>
  `,
})
export class UserPasswordComponent {
  private readonly api = inject(UsersApi);
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;

  readonly user = input.required<UserDto>();
  readonly saved = output<UserDto>();
  readonly closed = output<void>();

  protected readonly form = new FormGroup({
    newPassword: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(PASSWORD_MAX_LENGTH), passwordPolicyValidator(() => this.user().username)],
    }),
  });
  private readonly value = toSignal(this.form.controls.newPassword.valueChanges, { initialValue: '' });
  protected readonly hints = computed(() => passwordHints(this.value(), this.user().username));
  protected readonly submission = new Submission(this.t);

  protected submit(): void {
    if (this.form.invalid) {
      revealErrors(this.form);
      return;
    }
    const user = this.user();
    this.submission.run(this.api.resetPassword(user.id, user.version, this.form.controls.newPassword.value), (updated) => this.saved.emit(updated), this.form);
  }
}
