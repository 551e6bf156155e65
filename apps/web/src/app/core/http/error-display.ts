import { HttpContext, HttpContextToken } from '@angular/common/http';

/**
 * How the error interceptor reports a failed request:
 * - `toast`: show the server's message (and field errors) as a message/notification;
 * - `inline`: the caller shows the error in its form; only 401 and password-change redirects apply;
 * - `silent`: the caller handles everything, no redirect either.
 */
export type ErrorDisplay = 'toast' | 'inline' | 'silent';

export const ERROR_DISPLAY = new HttpContextToken<ErrorDisplay>(() => 'toast');

export function errorDisplay(display: ErrorDisplay): { context: HttpContext } {
  return { context: new HttpContext().set(ERROR_DISPLAY, display) };
}
