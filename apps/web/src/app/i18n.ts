import { CORE_I18N } from './core/i18n/core.i18n';
import { Dictionaries, mergeSlices, SliceKey } from './core/i18n/dictionary';
import { ACCOUNT_I18N } from './features/account/account.i18n';
import { AUDIT_I18N } from './features/audit/audit.i18n';
import { CALENDAR_I18N } from './features/calendar/calendar.i18n';
import { DISPUTES_I18N } from './features/disputes/disputes.i18n';
import { HOME_I18N } from './features/home/home.i18n';
import { ORG_I18N } from './features/org/org.i18n';
import { ROLES_I18N } from './features/roles/roles.i18n';
import { SECURITY_I18N } from './features/security/security.i18n';
import { USERS_I18N } from './features/users/users.i18n';
import { VESSELS_I18N } from './features/vessels/vessels.i18n';
import { LAYOUT_I18N } from './layout/layout.i18n';
import { RECORD_I18N } from './shared/ledger/record.i18n';
import { SHARED_I18N } from './shared/shared.i18n';

const SLICES = [
  CORE_I18N,
  SHARED_I18N,
  RECORD_I18N,
  LAYOUT_I18N,
  HOME_I18N,
  VESSELS_I18N,
  DISPUTES_I18N,
  USERS_I18N,
  ORG_I18N,
  ROLES_I18N,
  CALENDAR_I18N,
  SECURITY_I18N,
  AUDIT_I18N,
  ACCOUNT_I18N,
] as const;

/** Every key of the app's dictionaries. */
export type AppKey = SliceKey<(typeof SLICES)[number]>;

declare module './core/i18n/dictionary' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Dictionary extends Record<AppKey, string> {}
}

/** The app's dictionaries, merged from every slice. */
export const DICTIONARIES: Dictionaries = mergeSlices(SLICES) as Dictionaries;
