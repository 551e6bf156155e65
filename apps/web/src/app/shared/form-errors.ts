import { AbstractControl } from '@angular/forms';
import { TKey } from '../core/i18n/dictionary';
import { TParams } from '../core/i18n/i18n.service';

type Translate = (key: TKey, params?: TParams) => string;

function numberParam(errors: Record<string, unknown>, key: string, field: string): number {
  const value = errors[key];
  if (typeof value === 'object' && value !== null) {
    const n = (value as Record<string, unknown>)[field];
    if (typeof n === 'number') return n;
  }
  return 0;
}

/** The message for a control's first error; the server's own words come first. */
export function controlError(control: AbstractControl | null, t: Translate): string {
  const errors = control?.errors;
  if (!errors) return '';
  if (typeof errors['server'] === 'string') return errors['server'];
  if (errors['required']) return t('form.required');
  if (errors['maxlength']) return t('form.maxLength', { max: numberParam(errors, 'maxlength', 'requiredLength') });
  if (errors['minlength']) return t('form.minLength', { min: numberParam(errors, 'minlength', 'requiredLength') });
  if (errors['min']) return t('form.min', { min: numberParam(errors, 'min', 'min') });
  if (errors['max']) return t('form.max', { max: numberParam(errors, 'max', 'max') });
  if (errors['pattern']) return t('form.pattern');
  if (errors['phone']) return t('form.phone');
  if (errors['idNumber']) return t('form.idNumber');
  if (errors['timeZone']) return t('form.timeZone');
  if (errors['policy']) return t('form.passwordWeak');
  return t('form.invalid');
}

/** Show every control's errors now (on submit). */
export function revealErrors(control: AbstractControl): void {
  control.markAllAsTouched();
  const visit = (c: AbstractControl): void => {
    c.markAsDirty();
    c.updateValueAndValidity({ onlySelf: true });
    const children = (c as { controls?: unknown }).controls;
    if (Array.isArray(children)) children.forEach((child: AbstractControl) => visit(child));
    else if (children && typeof children === 'object') Object.values(children as Record<string, AbstractControl>).forEach(visit);
  };
  visit(control);
}
