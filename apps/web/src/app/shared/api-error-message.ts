import { signal } from '@angular/core';
import { AbstractControl } from '@angular/forms';
import { apiError, applyFieldErrors } from '../core/http/api-error';
import { Observable } from 'rxjs';
import { TKey } from '../core/i18n/dictionary';

/**
 * After a failed write: puts the server's field errors on the form's controls (paths mapped by
 * `mapPath`, e.g. `data.dismantledOn` → `dismantledOn`) and answers the message to show above
 * the form — the server's message with the errors no control took — or null when every error
 * found its field.
 */
export function failureMessage(err: unknown, t: (key: TKey) => string, form?: AbstractControl | null, mapPath: (path: string) => string = (path) => path): string | null {
  const body = apiError(err);
  const errors = (body?.errors ?? []).map((e) => ({ ...e, path: mapPath(e.path) }));
  const unmatched = form ? applyFieldErrors(form, errors) : errors;
  if (errors.length > 0 && unmatched.length === 0) return null;
  return [body?.message ?? t('error.network'), ...unmatched.map((e) => e.message)].join(' ');
}

/**
 * One write a form or dialog sends at a time: `busy` while it runs, `error` for the message to
 * show when it fails (field errors go on the form's controls, see `failureMessage`).
 */
export class Submission {
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);

  constructor(protected readonly t: (key: TKey) => string) {}

  run<T>(request: Observable<T>, done: (value: T) => void, form?: AbstractControl | null, mapPath?: (path: string) => string): void {
    this.busy.set(true);
    this.error.set(null);
    request.subscribe({
      next: (value) => {
        this.busy.set(false);
        done(value);
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.failed(err, form, mapPath);
      },
    });
  }

  protected failed(err: unknown, form?: AbstractControl | null, mapPath?: (path: string) => string): void {
    this.error.set(failureMessage(err, this.t, form, mapPath));
  }
}
