import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { ErrorCode, PASSWORD_MAX_LENGTH } from '@fazhi/contracts';
import { NzMessageService } from 'ng-zorro-antd/message';
import { AuthService } from '../../core/auth/auth.service';
import { apiError, applyFieldErrors } from '../../core/http/api-error';
import { I18nService } from '../../core/i18n/i18n.service';
import { revealErrors } from '../../shared/form-errors';
import { PageHeaderComponent } from '../../shared/page-header.component';
import { PASSWORD_MIN_LENGTH, matchValidator, passwordHints, passwordPolicyValidator, sibling } from '../../shared/password-hints';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { AccountApi } from './account.api';
import { FieldComponent } from '../../shared/field.component';

@Component({
  selector: 'fz-change-password',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, ZORRO_IMPORTS, PageHeaderComponent, FieldComponent],
  templateUrl: './change-password.component.html',
})
export class ChangePasswordComponent {
  private readonly api = inject(AccountApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly me = this.auth.me;
  protected readonly minLength = PASSWORD_MIN_LENGTH;

  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      currentPassword: ['', [Validators.required]],
      newPassword: ['', [Validators.required, Validators.maxLength(PASSWORD_MAX_LENGTH), passwordPolicyValidator(() => this.me()?.username ?? '', sibling('currentPassword'))]],
      confirm: ['', [Validators.required]],
    },
    { validators: matchValidator('newPassword', 'confirm') },
  );
  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  protected readonly hints = computed(() => {
    const value = this.value();
    return passwordHints(value.newPassword ?? '', this.me()?.username ?? '', value.currentPassword || undefined);
  });
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    this.form.controls.currentPassword.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.form.controls.newPassword.updateValueAndValidity({ emitEvent: false }));
  }

  protected submit(): void {
    if (this.form.invalid) {
      revealErrors(this.form);
      return;
    }
    const { currentPassword, newPassword } = this.form.getRawValue();
    this.submitting.set(true);
    this.error.set(null);
    this.api.changePassword(currentPassword, newPassword).subscribe({
      next: () => {
        this.submitting.set(false);
        this.auth.clear();
        this.message.success(this.t('password.changed'));
        void this.router.navigateByUrl('/login');
      },
      error: (err: unknown) => {
        this.submitting.set(false);
        const body = apiError(err);
        if (!body) {
          this.error.set(this.t('error.network'));
          return;
        }
        if (body.code === ErrorCode.WRONG_CURRENT_PASSWORD) {
          this.form.controls.currentPassword.setErrors({ server: body.message });
          return;
        }
        const unmatched = applyFieldErrors(this.form, body.errors);
        if (!body.errors?.length || unmatched.length > 0) {
          this.error.set([body.message, ...unmatched.map((e) => e.message)].join(' '));
        }
      },
    });
  }
}
