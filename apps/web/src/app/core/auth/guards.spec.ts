import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ActivatedRouteSnapshot, Router, RouterStateSnapshot, UrlTree, provideRouter } from '@angular/router';
import { PermissionCode } from '@fazhi/contracts';
import { testMe } from '../../../testing/me';
import { AuthService } from './auth.service';
import { permissionGuard, routePermissions, signedInGuard } from './guards';

function routeWith(permission: unknown): ActivatedRouteSnapshot {
  const route = new ActivatedRouteSnapshot();
  route.data = permission === undefined ? {} : { permission };
  return route;
}

function stateAt(url: string): RouterStateSnapshot {
  return { url } as RouterStateSnapshot;
}

describe('route guards', () => {
  let auth: AuthService;
  let router: Router;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    auth = TestBed.inject(AuthService);
    router = TestBed.inject(Router);
  });

  const runPermission = (permission: unknown) => TestBed.runInInjectionContext(() => permissionGuard(routeWith(permission), stateAt('/x')));

  describe('permissionGuard', () => {
    it('opens a route when the caller holds the one required code', async () => {
      auth.set(testMe(['user.read']));
      await expect(runPermission(['user.read'])).resolves.toBe(true);
    });

    it('treats the list as any-of', async () => {
      auth.set(testMe(['audit.login_history']));
      await expect(runPermission(['security.login_history', 'audit.login_history'])).resolves.toBe(true);
    });

    it('sends a caller without any of the codes to /forbidden', async () => {
      auth.set(testMe(['audit.read']));
      const result = await runPermission(['user.read', 'org.manage']);
      expect(result).toBeInstanceOf(UrlTree);
      expect(router.serializeUrl(result as UrlTree)).toBe('/forbidden');
    });

    it('opens a route that declares no permission to any signed-in user', async () => {
      auth.set(testMe([]));
      await expect(runPermission(undefined)).resolves.toBe(true);
    });

    it('sends a visitor who is not signed in to /login', async () => {
      auth.clear();
      const result = await runPermission(['user.read']);
      expect(router.serializeUrl(result as UrlTree)).toBe('/login');
    });
  });

  describe('routePermissions', () => {
    it('keeps known permission codes and accepts a single code', () => {
      expect(routePermissions(routeWith(['user.read', 'no.such.code']))).toEqual<PermissionCode[]>(['user.read']);
      expect(routePermissions(routeWith('audit.read'))).toEqual<PermissionCode[]>(['audit.read']);
      expect(routePermissions(routeWith(undefined))).toEqual([]);
    });
  });

  describe('signedInGuard', () => {
    const runSignedIn = (url: string) => TestBed.runInInjectionContext(() => signedInGuard(new ActivatedRouteSnapshot(), stateAt(url)));

    it('asks the API who is signed in and sends a 401 to /login with the return URL', async () => {
      const pending = runSignedIn('/admin/users');
      const http = TestBed.inject(HttpTestingController);
      http.expectOne('/api/auth/me').flush({ code: 'UNAUTHENTICATED', message: '请先登录' }, { status: 401, statusText: 'Unauthorized' });
      const result = await pending;
      expect(router.serializeUrl(result as UrlTree)).toBe('/login?returnUrl=%2Fadmin%2Fusers');
      expect(auth.me()).toBeNull();
      http.verify();
    });

    it('lets a signed-in user through', async () => {
      auth.set(testMe(['user.read']));
      await expect(runSignedIn('/admin/users')).resolves.toBe(true);
    });

    it('keeps a user who must change the password on the change-password page', async () => {
      auth.set(testMe(['user.read'], { mustChangePassword: true }));
      const result = await runSignedIn('/admin/users');
      expect(router.serializeUrl(result as UrlTree)).toBe('/account/password');
      await expect(runSignedIn('/account/password')).resolves.toBe(true);
    });
  });

  it('treats a network failure of /api/auth/me as signed out', async () => {
    const pending = auth.ensureLoaded();
    TestBed.inject(HttpTestingController).expectOne('/api/auth/me').error(new ProgressEvent('error'));
    await expect(pending).resolves.toBeNull();
    expect(auth.signedIn()).toBe(false);
  });
});
