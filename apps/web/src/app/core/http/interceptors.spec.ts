import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzNotificationService } from 'ng-zorro-antd/notification';
import { firstValueFrom } from 'rxjs';
import { testMe } from '../../../testing/me';
import { AuthService } from '../auth/auth.service';
import { I18nService } from '../i18n/i18n.service';
import { errorDisplay } from './error-display';
import { credentialsInterceptor, errorInterceptor, languageInterceptor } from './interceptors';

describe('HTTP interceptors', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let router: Router;
  let message: { error: jest.Mock; warning: jest.Mock };
  let notification: { error: jest.Mock };

  beforeEach(() => {
    localStorage.clear();
    message = { error: jest.fn(), warning: jest.fn() };
    notification = { error: jest.fn() };
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([credentialsInterceptor, languageInterceptor, errorInterceptor])),
        provideHttpClientTesting(),
        { provide: NzMessageService, useValue: message },
        { provide: NzNotificationService, useValue: notification },
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    jest.spyOn(router, 'navigate').mockResolvedValue(true);
    jest.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
  });

  afterEach(() => backend.verify());

  /** Lets the toasts the interceptor asked for appear (their services load on first use). */
  const toasts = () => new Promise((resolve) => setTimeout(resolve, 0));

  async function fail(url: string, status: number, body: object, options = {}): Promise<unknown> {
    const result = firstValueFrom(http.get(url, options)).catch((error: unknown) => error);
    backend.expectOne(url).flush(body, { status, statusText: 'Error' });
    const error = await result;
    await toasts();
    return error;
  }

  it('sends cookies and the UI language with every API request', async () => {
    const done = firstValueFrom(http.get('/api/users'));
    let req = backend.expectOne('/api/users');
    expect(req.request.withCredentials).toBe(true);
    expect(req.request.headers.get('Accept-Language')).toBe('zh-CN');
    req.flush({});
    await done;

    TestBed.inject(I18nService).use('en');
    const again = firstValueFrom(http.get('/api/users'));
    req = backend.expectOne('/api/users');
    expect(req.request.headers.get('Accept-Language')).toBe('en');
    req.flush({});
    await again;
  });

  it("shows the server's message and field errors", async () => {
    await fail('/api/users', 400, {
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: '提交的数据有误',
      errors: [{ path: 'roles[0].scope', code: 'isIn', message: '数据范围无效' }],
      requestId: 'r-1',
    });
    expect(message.error).toHaveBeenCalledWith('提交的数据有误');
    expect(notification.error).toHaveBeenCalledWith('以下字段有误', 'roles[0].scope: 数据范围无效');
  });

  it('shows a 409 conflict message as the server words it', async () => {
    await fail('/api/users/u-2', 409, {
      statusCode: 409,
      code: 'STALE_VERSION',
      message: '数据已被他人修改，请刷新后重试',
      requestId: 'r-2',
    });
    expect(message.error).toHaveBeenCalledWith('数据已被他人修改，请刷新后重试');
    expect(notification.error).not.toHaveBeenCalled();
  });

  it("words a known code without the server's message in the UI language", async () => {
    await fail('/api/roles/r-1', 409, { statusCode: 409, code: 'ROLE_IN_USE', requestId: 'r-3' });
    expect(message.error).toHaveBeenCalledWith('该角色仍在使用，不能删除');

    TestBed.inject(I18nService).use('en');
    await fail('/api/roles/r-1', 409, { statusCode: 409, code: 'ROLE_IN_USE', message: '', requestId: 'r-4' });
    expect(message.error).toHaveBeenLastCalledWith('The role is in use and cannot be deleted');
  });

  it('falls back to the status for a code it does not know and no message', async () => {
    await fail('/api/roles/r-1', 409, { statusCode: 409, code: 'SOMETHING_NEW', requestId: 'r-5' });
    expect(message.error).toHaveBeenCalledWith('请求失败（409）');
  });

  it('explains an unreachable server', async () => {
    const result = firstValueFrom(http.get('/api/roles')).catch((error: unknown) => error);
    backend.expectOne('/api/roles').error(new ProgressEvent('error'), { status: 0 });
    await result;
    await toasts();
    expect(message.error).toHaveBeenCalledWith('无法连接服务器，请检查网络后重试');
  });

  it('signs the user out and goes to /login on 401', async () => {
    const auth = TestBed.inject(AuthService);
    auth.set(testMe(['user.read']));
    const error = await fail('/api/users', 401, { statusCode: 401, code: 'SESSION_EXPIRED', message: '会话已过期，请重新登录', requestId: 'r' });
    expect(auth.me()).toBeNull();
    expect(message.warning).toHaveBeenCalledWith('会话已过期，请重新登录');
    expect(router.navigate).toHaveBeenCalledWith(['/login'], { queryParams: {} });
    expect(error).toMatchObject({ status: 401 });
  });

  it('goes to the change-password page on 403 PASSWORD_CHANGE_REQUIRED', async () => {
    await fail('/api/users', 403, { statusCode: 403, code: 'PASSWORD_CHANGE_REQUIRED', message: '请先修改密码', requestId: 'r' });
    expect(router.navigateByUrl).toHaveBeenCalledWith('/account/password');
    expect(message.warning).toHaveBeenCalledWith('请先修改密码');
    expect(message.error).not.toHaveBeenCalled();
  });

  it('leaves inline and silent errors to the caller', async () => {
    await fail('/api/users', 409, { statusCode: 409, code: 'STALE_VERSION', message: '冲突', requestId: 'r' }, errorDisplay('inline'));
    await fail('/api/auth/me', 401, { statusCode: 401, code: 'UNAUTHENTICATED', message: '未登录', requestId: 'r' }, errorDisplay('silent'));
    expect(message.error).not.toHaveBeenCalled();
    expect(message.warning).not.toHaveBeenCalled();
    expect(router.navigate).not.toHaveBeenCalled();
  });
});
