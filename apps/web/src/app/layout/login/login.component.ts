import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { ActivatedRoute, Router } from '@angular/router';
import { ErrorCode } from '@fazhi/contracts';
import { AuthService } from '../../core/auth/auth.service';
import { CHANGE_PASSWORD_URL } from '../../core/auth/guards';
import { apiError } from '../../core/http/api-error';
import { I18nService } from '../../core/i18n/i18n.service';
import { revealErrors } from '../../shared/form-errors';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { DemoBannerComponent } from '../demo-banner.component';
import { LanguageSwitchComponent } from '../language-switch.component';

/** A same-site path to go back to after signing in, never another origin. */
export function safeReturnUrl(value: string | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/login')) return '/';
  return value;
}

@Component({
  selector: 'fz-login',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, ZORRO_IMPORTS, LanguageSwitchComponent, DemoBannerComponent],
  templateUrl: './login.component.html',
  styleUrl: './login.component.css',
})
export class LoginComponent {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly t = inject(I18nService).t;

  protected readonly form = inject(NonNullableFormBuilder).group({
    username: ['', [Validators.required, Validators.maxLength(64)]],
    password: ['', [Validators.required, Validators.maxLength(128)]],
  });
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly hint = signal<string | null>(null);

  protected submit(): void {
    if (this.form.invalid) {
      revealErrors(this.form);
      return;
    }
    const { username, password } = this.form.getRawValue();
    this.submitting.set(true);
    this.error.set(null);
    this.hint.set(null);
    this.auth.login(username.trim(), password).subscribe({
      next: (user) => {
        this.submitting.set(false);
        const target = user.mustChangePassword ? CHANGE_PASSWORD_URL : safeReturnUrl(this.route.snapshot.queryParamMap.get('returnUrl'));
        void this.router.navigateByUrl(target);
      },
      error: (err: unknown) => {
        this.submitting.set(false);
        const body = apiError(err);
        this.error.set(body?.message ?? this.t('login.failed'));
        if (body?.retryAfterSeconds !== undefined && (body.code === ErrorCode.ACCOUNT_LOCKED || body.code === ErrorCode.TOO_MANY_FAILURES_FROM_ADDRESS)) {
          this.hint.set(this.t('login.retryAfter', { minutes: Math.max(1, Math.ceil(body.retryAfterSeconds / 60)) }));
        }
        this.form.controls.password.reset('');
      },
    });
  }
}
