import { registerLocaleData } from '@angular/common';
import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import localeZh from '@angular/common/locales/zh';
import { ApplicationConfig, LOCALE_ID, provideBrowserGlobalErrorListeners, provideZonelessChangeDetection } from '@angular/core';
import { provideRouter, withComponentInputBinding, withInMemoryScrolling } from '@angular/router';
import { provideNzConfig } from 'ng-zorro-antd/core/config';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { routes } from './app.routes';
import { credentialsInterceptor, errorInterceptor, languageInterceptor } from './core/http/interceptors';
import { APP_ICONS, REGISTRY_PROVIDERS } from './registry';

registerLocaleData(localeZh, 'zh-CN');
registerLocaleData(localeZh, 'zh');

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(routes, withComponentInputBinding(), withInMemoryScrolling({ scrollPositionRestoration: 'top' })),
    provideHttpClient(withFetch(), withInterceptors([credentialsInterceptor, languageInterceptor, errorInterceptor])),
    { provide: LOCALE_ID, useValue: 'zh-CN' },
    provideNzI18n(zh_CN),
    ...REGISTRY_PROVIDERS,
    provideNzIcons(APP_ICONS),
    provideNzConfig({
      message: { nzMaxStack: 3, nzDuration: 4000 },
      notification: { nzPlacement: 'topRight', nzDuration: 6000 },
      table: { nzSize: 'middle' },
    }),
  ],
};
