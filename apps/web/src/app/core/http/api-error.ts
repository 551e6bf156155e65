import { HttpErrorResponse } from '@angular/common/http';
import { AbstractControl } from '@angular/forms';
import { ErrorBody, ErrorCode, FieldError, isErrorCode } from '@fazhi/contracts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isFieldError(value: unknown): value is FieldError {
  return isRecord(value) && typeof value['path'] === 'string' && typeof value['message'] === 'string';
}

/**
 * The API's error body of a failed request, or null when the answer was not one. A body with a
 * known code but no message takes `messageFor(code)` when given; a code this web does not know
 * yet passes through as the server sent it.
 */
export function apiError(error: unknown, messageFor?: (code: ErrorCode) => string): ErrorBody | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const body: unknown = error.error;
  if (!isRecord(body) || typeof body['code'] !== 'string') return null;
  const code = body['code'];
  const message = typeof body['message'] === 'string' && body['message'] !== '' ? body['message'] : messageFor && isErrorCode(code) ? messageFor(code) : null;
  if (message === null) return null;
  const errors = Array.isArray(body['errors']) ? body['errors'].filter(isFieldError) : undefined;
  return {
    statusCode: typeof body['statusCode'] === 'number' ? body['statusCode'] : error.status,
    code: code as ErrorCode,
    message,
    errors,
    requestId: typeof body['requestId'] === 'string' ? body['requestId'] : '',
    retryAfterSeconds: typeof body['retryAfterSeconds'] === 'number' ? body['retryAfterSeconds'] : undefined,
  };
}

/** Split a field path such as `roles[0].scope` into form path segments. */
export function fieldPath(path: string): (string | number)[] {
  return path
    .split(/[.[\]]/)
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Put each server field error on the matching control as `{ server: message }`.
 * Answers the errors that matched no control, for the caller to show elsewhere.
 */
export function applyFieldErrors(form: AbstractControl, errors: readonly FieldError[] | undefined): FieldError[] {
  const unmatched: FieldError[] = [];
  for (const error of errors ?? []) {
    const control = form.get(fieldPath(error.path));
    if (control && control !== form) {
      control.setErrors({ ...(control.errors ?? {}), server: error.message });
      control.markAsTouched();
      control.markAsDirty();
    } else {
      unmatched.push(error);
    }
  }
  return unmatched;
}
