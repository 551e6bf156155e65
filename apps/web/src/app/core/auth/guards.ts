import { inject } from '@angular/core';
import { ActivatedRouteSnapshot, CanActivateChildFn, CanActivateFn, Data, Route, Router, RouterStateSnapshot } from '@angular/router';
import { PermissionCode, isPermissionCode } from '@fazhi/contracts';
import { AuthService } from './auth.service';

export const CHANGE_PASSWORD_URL = '/account/password';

/** Signed-in users only; while a password change is required, only the change-password page. */
export const signedInGuard: CanActivateFn & CanActivateChildFn = async (_route: ActivatedRouteSnapshot, state: RouterStateSnapshot) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  const me = await auth.ensureLoaded();
  if (!me) {
    const returnUrl = state.url === '/' ? undefined : state.url;
    return router.createUrlTree(['/login'], { queryParams: returnUrl ? { returnUrl } : {} });
  }
  if (me.mustChangePassword && !state.url.startsWith(CHANGE_PASSWORD_URL)) {
    return router.createUrlTree([CHANGE_PASSWORD_URL]);
  }
  return true;
};

/** The permission codes in a route's `data.permission` (any one of them opens the route). */
export function routePermissions(route: ActivatedRouteSnapshot): PermissionCode[] {
  const value: unknown = route.data['permission'];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((code): code is PermissionCode => typeof code === 'string' && isPermissionCode(code));
}

/** Route data for permissionGuard: any one of these codes opens the route. */
export function requires(...permission: readonly PermissionCode[]): { permission: readonly PermissionCode[] } {
  return { permission };
}

/** A page opened by `permissionGuard` for holders of any one of `permission`, with more route data if given. */
export function guardedPage(path: string, permission: readonly PermissionCode[], loadComponent: Route['loadComponent'], data: Data = {}): Route {
  return { path, canActivate: [permissionGuard], data: { ...requires(...permission), ...data }, loadComponent };
}

/** Opens a route when the caller holds any of the codes in its `data.permission`. */
export const permissionGuard: CanActivateFn = async (route) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  const me = await auth.ensureLoaded();
  if (!me) return router.createUrlTree(['/login']);
  return auth.hasAny(routePermissions(route)) ? true : router.createUrlTree(['/forbidden']);
};

/**
 * Keeps a user already known to be signed in away from the sign-in page. It does not ask the
 * API, so that opening /login never costs a 401.
 */
export const signedOutGuard: CanActivateFn = () => {
  const me = inject(AuthService).me();
  if (!me) return true;
  return inject(Router).createUrlTree([me.mustChangePassword ? CHANGE_PASSWORD_URL : '/']);
};
