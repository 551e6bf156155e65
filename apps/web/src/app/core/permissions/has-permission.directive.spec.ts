import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideHttpClient } from '@angular/common/http';
import { PermissionCode } from '@fazhi/contracts';
import { testMe } from '../../../testing/me';
import { AuthService } from '../auth/auth.service';
import { HasPermissionDirective } from './has-permission.directive';

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [HasPermissionDirective],
  template: `
    <button *fzHasPermission="'user.manage'" data-test="single">新建用户</button>
    <span *fzHasPermission="anyOf()" data-test="any">登录日志</span>
  `,
})
class HostComponent {
  readonly anyOf = signal<readonly PermissionCode[]>(['security.login_history', 'audit.login_history']);
}

describe('HasPermissionDirective', () => {
  let auth: AuthService;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient()] });
    auth = TestBed.inject(AuthService);
  });

  async function render() {
    const fixture = TestBed.createComponent(HostComponent);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    return { fixture, has: (key: string) => el.querySelector(`[data-test="${key}"]`) !== null };
  }

  it('renders nothing for a caller without the permission', async () => {
    auth.set(testMe(['user.read']));
    const { has } = await render();
    expect(has('single')).toBe(false);
    expect(has('any')).toBe(false);
  });

  it('renders for a caller holding the permission, or any one of a list', async () => {
    auth.set(testMe(['user.manage', 'audit.login_history']));
    const { has } = await render();
    expect(has('single')).toBe(true);
    expect(has('any')).toBe(true);
  });

  it('follows the signed-in user and the bound list as they change', async () => {
    auth.set(testMe(['audit.login_history']));
    const { fixture, has } = await render();
    expect(has('any')).toBe(true);
    expect(has('single')).toBe(false);

    auth.set(testMe(['user.manage']));
    await fixture.whenStable();
    expect(has('single')).toBe(true);
    expect(has('any')).toBe(false);

    fixture.componentInstance.anyOf.set(['user.manage']);
    await fixture.whenStable();
    expect(has('any')).toBe(true);
    expect(fixture.nativeElement.querySelectorAll('[data-test="any"]')).toHaveLength(1);

    auth.clear();
    await fixture.whenStable();
    expect(has('single')).toBe(false);
    expect(has('any')).toBe(false);
  });
});
