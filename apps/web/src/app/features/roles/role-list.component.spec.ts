import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeZh from '@angular/common/locales/zh';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { dutyOfCodes, isProtectedRole, PERMISSIONS, PermissionCode, RoleDto, SEED_ROLES } from '@fazhi/contracts';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { testMe } from '../../../testing/me';
import { AuthService } from '../../core/auth/auth.service';
import { APP_ICONS } from '../../registry';
import { RoleListComponent } from './role-list.component';

registerLocaleData(localeZh, 'zh-cn');

function role(code: string, permissions: readonly PermissionCode[], builtin: boolean): RoleDto {
  return {
    id: `role-${code}`,
    code,
    name: code,
    nameEn: code,
    builtin,
    protected: isProtectedRole({ code, builtin }),
    duty: dutyOfCodes(permissions),
    defaultScope: 'town',
    permissions: [...permissions],
    version: 1,
  };
}

const ROLES: RoleDto[] = [
  ...SEED_ROLES.filter((r) => ['admin', 'security', 'auditor', 'mediator'].includes(r.code)).map((r) => role(r.code, r.permissions, true)),
  role('audit_reader', ['audit.read'], false),
  role('case_reader', ['vessel.read'], false),
];

describe('role list page', () => {
  let harness: RouterTestingHarness;

  async function open(permissions: PermissionCode[]): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [provideRouter([{ path: 'admin/roles', component: RoleListComponent }]), provideHttpClient(), provideHttpClientTesting(), provideNzIcons(APP_ICONS)],
    });
    TestBed.inject(AuthService).set(testMe(permissions));
    const backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/admin/roles', RoleListComponent);
    backend.expectOne('/api/roles').flush(ROLES);
    backend.expectOne('/api/permissions').flush(PERMISSIONS);
    await harness.fixture.whenStable();
    harness.detectChanges();
    backend.verify();
    return harness.routeNativeElement as HTMLElement;
  }

  /** Per role code: the actions its row offers, or the reason it offers none. */
  const actions = (el: HTMLElement) =>
    Object.fromEntries(
      [...el.querySelectorAll('tr[data-role]')].map((row) => {
        const links = [...row.querySelectorAll('[data-test="role-edit"], [data-test="role-delete"]')].map((a) => a.getAttribute('data-test'));
        return [row.getAttribute('data-role'), links.length ? links.join(',') : (row.querySelector('td:last-child')?.textContent?.trim() ?? '')];
      }),
    );

  it('offers the system administrator business roles only, and no change to the built-in administrative roles', async () => {
    const el = await open(['role.read', 'role.manage']);
    expect(actions(el)).toEqual({
      admin: '内置管理角色，不可修改',
      security: '内置管理角色，不可修改',
      auditor: '内置管理角色，不可修改',
      mediator: 'role-edit',
      audit_reader: '由安全管理员管理',
      case_reader: 'role-edit,role-delete',
    });
    expect(el.querySelectorAll('[data-test="role-protected"]')).toHaveLength(3);
  });

  it('offers the security administrator the roles of the administrative duties, built-in ones excepted', async () => {
    const el = await open(['security.accounts']);
    expect(actions(el)).toEqual({
      admin: '内置管理角色，不可修改',
      security: '内置管理角色，不可修改',
      auditor: '内置管理角色，不可修改',
      mediator: '由系统管理员管理',
      audit_reader: 'role-edit,role-delete',
      case_reader: '由系统管理员管理',
    });
    expect(el.querySelector('[data-test="role-create"]')).not.toBeNull();
  });
});
