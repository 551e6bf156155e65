import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';
import { REGISTRY_PROVIDERS } from './app/registry';

/** Every test sees the app's dictionaries, menu and record paths, as the app provides them. */
setupZonelessTestEnv({ extraProviders: REGISTRY_PROVIDERS });

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
