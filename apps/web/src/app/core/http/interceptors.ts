import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { ErrorCode } from '@fazhi/contracts';
import { catchError, throwError } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { I18nService } from '../i18n/i18n.service';
import { apiError } from './api-error';
import { ERROR_DISPLAY } from './error-display';
import { Feedback } from './feedback';

function isApiRequest(url: string): boolean {
  return url.startsWith('/api/') || url.startsWith('api/');
}

/** Send the session cookie with every API request. */
export const credentialsInterceptor: HttpInterceptorFn = (req, next) => next(isApiRequest(req.url) ? req.clone({ withCredentials: true }) : req);

/** Ask the API for messages in the UI language. */
export const languageInterceptor: HttpInterceptorFn = (req, next) => {
  const i18n = inject(I18nService);
  return next(req.clone({ setHeaders: { 'Accept-Language': i18n.acceptLanguage() } }));
};

/**
 * Report failed requests: the server's message (and field errors) for the user, back to the
 * sign-in page on 401, to the change-password page while a password change is required.
 */
export const errorInterceptor: HttpInterceptorFn = (req, next) => {
  const router = inject(Router);
  const auth = inject(AuthService);
  const i18n = inject(I18nService);
  const feedback = inject(Feedback);
  const display = req.context.get(ERROR_DISPLAY);

  return next(req).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || display === 'silent') return throwError(() => error);
      const body = apiError(error, i18n.errorMessage);

      if (error.status === 401) {
        auth.clear();
        const url = router.url;
        if (!url.startsWith('/login')) {
          void feedback.warning(body?.message ?? i18n.t('error.sessionExpired'));
          const returnUrl = url === '/' || url === '' ? undefined : url;
          void router.navigate(['/login'], { queryParams: returnUrl ? { returnUrl } : {} });
        }
        return throwError(() => error);
      }

      if (error.status === 403 && body?.code === ErrorCode.PASSWORD_CHANGE_REQUIRED) {
        void feedback.warning(body.message);
        void router.navigateByUrl('/account/password');
        return throwError(() => error);
      }

      if (display === 'toast') {
        const text = body?.message ?? (error.status === 0 ? i18n.t('error.network') : i18n.t('error.status', { status: error.status }));
        void feedback.error(text);
        if (body?.errors?.length) {
          void feedback.details(i18n.t('error.fieldErrors'), body.errors.map((field) => `${field.path}: ${field.message}`).join('\n'));
        }
      }
      return throwError(() => error);
    }),
  );
};
