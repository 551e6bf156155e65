import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { errorInterceptor } from '../core/http/interceptors';
import { I18nService } from '../core/i18n/i18n.service';
import { APP_ICONS } from '../registry';
import { DemoBannerComponent } from './demo-banner.component';

describe('DemoBannerComponent', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(withInterceptors([errorInterceptor])), provideHttpClientTesting(), provideNzIcons(APP_ICONS)],
    });
    backend = TestBed.inject(HttpTestingController);
  });
  afterEach(() => backend.verify());

  async function render(health: object | 'down') {
    const fixture = TestBed.createComponent(DemoBannerComponent);
    const req = backend.expectOne('/api/health');
    if (health === 'down') req.flush({ status: 'error', database: 'unreachable' }, { status: 503, statusText: 'Service Unavailable' });
    else req.flush(health);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('warns in Chinese while demo accounts exist', async () => {
    const el = await render({ status: 'ok', database: 'ok', demo: true });
    const alert = el.querySelector('[data-test="demo-banner"]');
    expect(alert?.textContent).toContain('演示数据：演示账户使用公开密码，切勿用于正式工作');
    expect(alert?.querySelector('.ant-alert-warning')).not.toBeNull();
  });

  it('warns in English when English is chosen', async () => {
    TestBed.inject(I18nService).use('en');
    const el = await render({ status: 'ok', database: 'ok', demo: true });
    expect(el.querySelector('[data-test="demo-banner"]')?.textContent).toContain('Demo data: the demo accounts use a published password');
  });

  it('shows nothing without demo accounts', async () => {
    expect((await render({ status: 'ok', database: 'ok', demo: false })).querySelector('[data-test="demo-banner"]')).toBeNull();
  });

  it('shows nothing when the health check fails, and no error toast either', async () => {
    const el = await render('down');
    expect(el.querySelector('[data-test="demo-banner"]')).toBeNull();
    expect(document.querySelector('.ant-message-notice')).toBeNull();
  });
});
