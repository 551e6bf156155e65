import { SetMetadata } from '@nestjs/common';
import type { PermissionCode } from '@fazhi/contracts';

export const ACCESS_KEY = 'fazhi:access';

export type AccessRule =
  | { kind: 'public' }
  | { kind: 'authenticated'; duringPasswordChange?: boolean }
  | { kind: 'permission'; anyOf: PermissionCode[] };

/** Reachable without signing in. */
export const Public = () => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessRule);

/** Any signed-in user; the service still applies the data scope. */
export const Authenticated = (opts: { duringPasswordChange?: boolean } = {}) =>
  SetMetadata(ACCESS_KEY, { kind: 'authenticated', ...opts } satisfies AccessRule);

/** Signed-in users holding at least one of the codes. */
export const RequirePermission = (...anyOf: PermissionCode[]) =>
  SetMetadata(ACCESS_KEY, { kind: 'permission', anyOf } satisfies AccessRule);

export function describeAccess(rule: AccessRule | undefined): string {
  if (!rule) return 'UNDECLARED';
  if (rule.kind === 'public') return 'public';
  if (rule.kind === 'authenticated') return rule.duringPasswordChange ? 'authenticated (also before password change)' : 'authenticated';
  return rule.anyOf.join(' | ');
}
