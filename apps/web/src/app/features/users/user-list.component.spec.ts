import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeZh from '@angular/common/locales/zh';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Duty, PermissionCode, UserDto } from '@fazhi/contracts';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { testMe } from '../../../testing/me';
import { AuthService } from '../../core/auth/auth.service';
import { APP_ICONS } from '../../registry';
import { UserListComponent } from './user-list.component';

registerLocaleData(localeZh, 'zh-cn');

function user(username: string, duty: Duty): UserDto {
  return {
    id: `user-${username}`,
    username,
    displayName: username,
    phone: null,
    orgUnitId: 'town-1',
    orgUnitName: '广海镇',
    status: 'active',
    mustChangePassword: false,
    lastLoginAt: null,
    lockedUntil: null,
    duty,
    roles: [],
    createdAt: '2021-01-01T00:00:00.000Z',
    updatedAt: '2021-01-01T00:00:00.000Z',
    version: 1,
  };
}

const USERS = [user('auditor', 'audit'), user('security', 'security'), user('leader', 'business')];

describe('user list page', () => {
  async function open(permissions: PermissionCode[]): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [provideRouter([{ path: 'admin/users', component: UserListComponent }]), provideHttpClient(), provideHttpClientTesting(), provideNzIcons(APP_ICONS)],
    });
    TestBed.inject(AuthService).set(testMe(permissions));
    const backend = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/admin/users', UserListComponent);
    backend.expectOne((req) => req.url === '/api/users').flush({ items: USERS, total: USERS.length, page: 1, pageSize: 20 });
    backend.expectOne('/api/org-units/tree').flush([]);
    backend.expectOne('/api/roles').flush([]);
    await harness.fixture.whenStable();
    harness.detectChanges();
    backend.verify();
    return harness.routeNativeElement as HTMLElement;
  }

  /** Per username: whether its row offers the reset of its password, or the reason it offers none. */
  const rows = (el: HTMLElement) =>
    Object.fromEntries(
      [...el.querySelectorAll('tr[data-user]')].map((row) => [
        row.getAttribute('data-user'),
        row.querySelector('[data-test="user-reset"]') ? 'reset' : (row.querySelector('[data-test="user-reserved"]')?.textContent?.trim() ?? ''),
      ]),
    );

  it('lets the system administrator manage ordinary accounts only', async () => {
    expect(rows(await open(['user.read', 'user.manage']))).toEqual({ auditor: '由安全管理员管理', security: '由安全管理员管理', leader: 'reset' });
  });

  it('lets the security administrator manage the administrative accounts', async () => {
    expect(rows(await open(['security.accounts']))).toEqual({ auditor: 'reset', security: 'reset', leader: '由系统管理员管理' });
  });
});
