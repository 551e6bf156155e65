import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { AuthService } from '../../core/auth/auth.service';
import { errorInterceptor } from '../../core/http/interceptors';
import { APP_ICONS } from '../../registry';
import { testMe } from '../../../testing/me';
import { LoginComponent, safeReturnUrl } from './login.component';

describe('LoginComponent', () => {
  let fixture: ComponentFixture<LoginComponent>;
  let backend: HttpTestingController;
  let router: Router;
  let el: HTMLElement;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(withInterceptors([errorInterceptor])), provideHttpClientTesting(), provideNzIcons(APP_ICONS)],
    });
    backend = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    jest.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
    fixture = TestBed.createComponent(LoginComponent);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => {
    // The demo banner's question (see demo-banner.component.spec.ts).
    backend.match('/api/health');
    backend.verify();
  });

  function type(name: string, value: string): void {
    const input = el.querySelector<HTMLInputElement>(`input[name="${name}"]`);
    if (!input) throw new Error(`no input ${name}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function submit(username: string, password: string) {
    type('username', username);
    type('password', password);
    el.querySelector<HTMLButtonElement>('[data-test="login-submit"]')?.click();
    await fixture.whenStable();
    const req = backend.expectOne('/api/auth/login');
    expect(req.request.body).toEqual({ username, password });
    return req;
  }

  it('shows the heading and the fields in Chinese', () => {
    expect(el.textContent).toContain('法治台账');
    expect(el.querySelector('input[name="username"]')?.getAttribute('placeholder')).toBe('用户名');
  });

  it("shows the server's message when the password is wrong", async () => {
    const req = await submit('admin', 'wrong-password');
    req.flush({ statusCode: 401, code: 'INVALID_CREDENTIALS', message: '用户名或密码错误', requestId: 'r-1' }, { status: 401, statusText: 'Unauthorized' });
    await fixture.whenStable();
    expect(el.querySelector('[data-test="login-error"]')?.textContent).toContain('用户名或密码错误');
    expect(el.querySelector<HTMLInputElement>('input[name="password"]')?.value).toBe('');
    expect(router.navigateByUrl).not.toHaveBeenCalled();
  });

  it('tells a locked-out user how many minutes are left', async () => {
    const req = await submit('officer', 'wrong-again');
    req.flush({ statusCode: 429, code: 'ACCOUNT_LOCKED', message: '账户已锁定', requestId: 'r-2', retryAfterSeconds: 540 }, { status: 429, statusText: 'Too Many Requests' });
    await fixture.whenStable();
    const alert = el.querySelector('[data-test="login-error"]')?.textContent ?? '';
    expect(alert).toContain('账户已锁定');
    expect(alert).toContain('9 分钟');
  });

  it('goes to the change-password page when the user must change it', async () => {
    const req = await submit('leader', 'Fazhi@2021');
    req.flush({ user: testMe([], { username: 'leader', mustChangePassword: true }) });
    await fixture.whenStable();
    expect(TestBed.inject(AuthService).me()?.username).toBe('leader');
    expect(router.navigateByUrl).toHaveBeenCalledWith('/account/password');
  });

  it('goes home after a normal sign-in', async () => {
    const req = await submit('leader', 'Fazhi@2021');
    req.flush({ user: testMe(['dashboard.read'], { username: 'leader' }) });
    await fixture.whenStable();
    expect(router.navigateByUrl).toHaveBeenCalledWith('/');
  });

  it('does not send an empty form', async () => {
    el.querySelector<HTMLButtonElement>('[data-test="login-submit"]')?.click();
    await fixture.whenStable();
    backend.expectNone('/api/auth/login');
    expect(el.textContent).toContain('请输入用户名');
  });

  it('only returns to paths of this site', () => {
    expect(safeReturnUrl('/admin/users')).toBe('/admin/users');
    expect(safeReturnUrl('//evil.example')).toBe('/');
    expect(safeReturnUrl('https://evil.example')).toBe('/');
    expect(safeReturnUrl('/login')).toBe('/');
    expect(safeReturnUrl(null)).toBe('/');
  });
});
