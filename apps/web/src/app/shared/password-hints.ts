import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { DEFAULT_SECURITY_POLICY, PASSWORD_PROBLEM_MESSAGES, PasswordProblem, passwordProblems } from '@fazhi/contracts';
import { Bilingual } from '../core/i18n/i18n.service';

/** The policy minimum the web assumes; the API decides with the current policy. */
export const PASSWORD_MIN_LENGTH = DEFAULT_SECURITY_POLICY.passwordMinLength;

export function passwordHints(password: string, username: string, currentPassword?: string): { problem: PasswordProblem; label: Bilingual }[] {
  if (password === '') return [];
  return passwordProblems(password, { username, minLength: PASSWORD_MIN_LENGTH, currentPassword }).map((problem) => ({
    problem,
    label: PASSWORD_PROBLEM_MESSAGES[problem],
  }));
}

type FromControl = (control: AbstractControl) => string;

/** A sibling control's text value, e.g. the username beside a password. */
export function sibling(name: string): FromControl {
  return (control) => {
    const value: unknown = control.parent?.get(name)?.value;
    return typeof value === 'string' ? value : '';
  };
}

/** Marks a control `{ policy: true }` while the contracts' password rules find a problem. */
export function passwordPolicyValidator(username: FromControl, current?: FromControl): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const value: unknown = control.value;
    if (typeof value !== 'string' || value === '') return null;
    const currentPassword = current?.(control) || undefined;
    return passwordHints(value, username(control), currentPassword).length > 0 ? { policy: true } : null;
  };
}

/** Group validator: the `confirm` control equals the `newPassword` one. */
export function matchValidator(source: string, confirm: string): ValidatorFn {
  return (group: AbstractControl): ValidationErrors | null => {
    const a: unknown = group.get(source)?.value;
    const b: unknown = group.get(confirm)?.value;
    return b && a !== b ? { mismatch: true } : null;
  };
}
