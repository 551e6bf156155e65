import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';
import { I18N_DICTIONARIES } from './app/core/i18n/dictionary';
import { DICTIONARIES } from './app/i18n';

setupZonelessTestEnv({ extraProviders: [{ provide: I18N_DICTIONARIES, useValue: DICTIONARIES }] });

class ResizeObserverStub implements ResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver = ResizeObserverStub;

Object.defineProperty(window, 'matchMedia', {
  writable: true,
  configurable: true,
  value: (query: string): MediaQueryList => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
});
