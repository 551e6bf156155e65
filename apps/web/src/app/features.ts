import { ACCOUNT_FEATURE } from './features/account/account.feature';
import { ADVISORS_FEATURE } from './features/advisors/advisors.feature';
import { AUDIT_FEATURE } from './features/audit/audit.feature';
import { CALENDAR_FEATURE } from './features/calendar/calendar.feature';
import { DISPUTES_FEATURE } from './features/disputes/disputes.feature';
import { HOME_FEATURE } from './features/home/home.feature';
import { ORG_FEATURE } from './features/org/org.feature';
import { ROLES_FEATURE } from './features/roles/roles.feature';
import { SECURITY_FEATURE } from './features/security/security.feature';
import { USERS_FEATURE } from './features/users/users.feature';
import { VESSELS_FEATURE } from './features/vessels/vessels.feature';

/**
 * The web features, one line each. Routes, menu, record paths, icons and dictionaries are built
 * from this list; a new feature is its folder plus one line here.
 */
// prettier-ignore
export const FEATURES = [
  HOME_FEATURE,
  ACCOUNT_FEATURE,
  VESSELS_FEATURE,
  DISPUTES_FEATURE,
  ADVISORS_FEATURE,
  USERS_FEATURE,
  ORG_FEATURE,
  ROLES_FEATURE,
  CALENDAR_FEATURE,
  SECURITY_FEATURE,
  AUDIT_FEATURE,
] as const;
