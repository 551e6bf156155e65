import { inject } from '@angular/core';
import { Duty, managingPermission } from '@fazhi/contracts';
import { AuthService } from '../core/auth/auth.service';
import { TKey } from '../core/i18n/dictionary';

export const DUTIES: readonly Duty[] = ['system', 'security', 'audit', 'business'];

export const DUTY_LABELS: Record<Duty, TKey> = {
  system: 'roles.dutySystem',
  security: 'roles.dutySecurity',
  audit: 'roles.dutyAudit',
  business: 'roles.dutyBusiness',
};

export const DUTY_COLORS: Record<Duty, string> = {
  system: 'blue',
  security: 'volcano',
  audit: 'purple',
  business: 'green',
};

/**
 * Whether the caller manages accounts (or roles) of a duty: the security administrator those of
 * the three administrative duties, the system administrator the ordinary ones. Call in an
 * injection context; the answer follows the signed-in user.
 */
export function dutyManager(of: 'account' | 'role'): (duty: Duty) => boolean {
  const auth = inject(AuthService);
  return (duty) => auth.hasAny([managingPermission(duty, of)]);
}

/** Why a row offers no actions: who manages accounts or roles of its duty. */
export function reservedHint(duty: Duty): TKey {
  return duty === 'business' ? 'errors.BUSINESS_DUTY_RESERVED' : 'errors.ADMIN_DUTY_RESERVED';
}
