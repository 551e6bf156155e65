import { SetMetadata } from '@nestjs/common';
import type { PermissionCode } from '@fazhi/contracts';

export const ACCESS_KEY = 'fazhi:access';

export type AccessRule =
  | { kind: 'public' }
  | { kind: 'authenticated'; duringPasswordChange?: boolean }
  /** At least one of `anyOf` (when it names any) and every one of `allOf`. */
  | { kind: 'permission'; anyOf: PermissionCode[]; allOf: PermissionCode[] };

/** Reachable without signing in. */
export const Public = () => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessRule);

/** Any signed-in user; the service still applies the data scope. */
export const Authenticated = (opts: { duringPasswordChange?: boolean } = {}) => SetMetadata(ACCESS_KEY, { kind: 'authenticated', ...opts } satisfies AccessRule);

/** Signed-in users holding at least one of the codes. */
export const RequirePermission = (...anyOf: PermissionCode[]) => SetMetadata(ACCESS_KEY, { kind: 'permission', anyOf, allOf: [] } satisfies AccessRule);

/**
 * Signed-in users holding every code of `allOf` and, when `anyOf` is given, at least one of it:
 * e.g. unmasking needs the ledger's read permission and `personal.unmask`.
 */
export const RequireAllPermissions = (allOf: PermissionCode[], anyOf: PermissionCode[] = []) => SetMetadata(ACCESS_KEY, { kind: 'permission', anyOf, allOf } satisfies AccessRule);

/** Whether held permissions satisfy a permission rule. */
export function permits(rule: Extract<AccessRule, { kind: 'permission' }>, held: ReadonlySet<string>): boolean {
  return (rule.anyOf.length === 0 || rule.anyOf.some((code) => held.has(code))) && rule.allOf.every((code) => held.has(code));
}

export function describeAccess(rule: AccessRule | undefined): string {
  if (!rule) return 'UNDECLARED';
  if (rule.kind === 'public') return 'public';
  if (rule.kind === 'authenticated') return rule.duringPasswordChange ? 'authenticated (also before password change)' : 'authenticated';
  const any = rule.anyOf.length > 1 && rule.allOf.length > 0 ? `(${rule.anyOf.join(' | ')})` : rule.anyOf.join(' | ');
  return [...(any ? [any] : []), ...rule.allOf].join(' & ');
}
