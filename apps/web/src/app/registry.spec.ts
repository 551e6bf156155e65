import { TestBed } from '@angular/core/testing';
import { Route } from '@angular/router';
import { BookOutline, ExperimentOutline } from '@ant-design/icons-angular/icons';
import { routes } from './app.routes';
import { permissionGuard } from './core/auth/guards';
import { FeatureDescriptor, HOME_CARDS, RECORD_PATHS } from './core/features/feature';
import { APP_MENU, menuLeaves } from './core/features/menu';
import { i18nSlice, mergeSlices, TKey } from './core/i18n/dictionary';
import { FEATURES } from './features';
import { recordLink } from './features/home/my-deadlines.component';
import { buildMenu, MENU } from './layout/menu';
import { APP_ICONS, APP_RECORD_PATHS, collectIcons, collectRecordPaths } from './registry';

/** A feature that is not part of the app (so its keys are no TKey): what adding one takes. */
const FIXTURE_I18N = i18nSlice({ 'menu.fixtures': '样例台账', 'fixtures.title': '样例' }, { 'menu.fixtures': 'Fixtures', 'fixtures.title': 'Fixture' });
const FIXTURE: FeatureDescriptor = {
  name: 'fixtures',
  routes: [{ path: 'fixtures', loadChildren: () => Promise.resolve([]) }],
  menu: [{ key: 'fixtures', label: 'menu.fixtures' as TKey, icon: BookOutline, link: '/fixtures', permissions: ['dispute.read'], order: 35 }],
  icons: [ExperimentOutline],
  recordPaths: { fixture: '/fixtures' },
  i18n: FIXTURE_I18N,
};

const shellChildren = (): readonly Route[] => routes.find((route) => route.path === '')?.children ?? [];

describe('the feature registry', () => {
  it('mounts every feature’s routes in the shell, lazily, before the fallbacks', () => {
    const children = shellChildren();
    expect(children.slice(0, -2)).toEqual(FEATURES.flatMap((feature) => [...feature.routes]));
    expect(children.slice(-2).map((route) => route.path)).toEqual(['forbidden', '**']);
    for (const route of FEATURES.flatMap((feature) => feature.routes)) {
      expect(route.component).toBeUndefined();
      expect(Boolean(route.loadChildren) || Boolean(route.loadComponent)).toBe(true);
      if (route.data?.['permission']) expect(route.canActivate).toContain(permissionGuard);
    }
  });

  it('opens every menu entry on a route some feature mounts', () => {
    const paths = FEATURES.flatMap((feature) => feature.routes.map((route) => route.path ?? ''));
    for (const leaf of menuLeaves(MENU)) {
      const path = (leaf.link ?? '').slice(1);
      expect(paths.some((mounted) => (mounted === '' ? path === '' : path === mounted || path.startsWith(`${mounted}/`)))).toBe(true);
    }
  });

  it('registers every icon the menu shows, once', () => {
    const names = APP_ICONS.map((icon) => `${icon.theme}:${icon.name}`);
    expect(new Set(names).size).toBe(names.length);
    const all = (items: typeof MENU): string[] => items.flatMap((item) => [item.icon, ...all(item.children ?? [])]);
    for (const icon of all(MENU)) expect(names).toContain(`outline:${icon}`);
  });

  it('links a deadline to its record by the features’ record paths', () => {
    expect(recordLink({ ledger: 'vessel-case', recordId: 'r-1' }, APP_RECORD_PATHS)).toEqual(['/vessels', 'r-1']);
    expect(recordLink({ ledger: 'campaign', recordId: 'c-1' }, APP_RECORD_PATHS)).toEqual(['/vessels/campaigns', 'c-1']);
    expect(recordLink({ ledger: 'dispute', recordId: 'd-1' }, APP_RECORD_PATHS)).toEqual(['/disputes', 'd-1']);
    expect(recordLink({ ledger: 'advisor-service', recordId: 'a-1' }, APP_RECORD_PATHS)).toEqual(['/advisors', 'a-1']);
    expect(recordLink({ ledger: 'petition', recordId: 'r-2' }, APP_RECORD_PATHS)).toBeNull();
    expect(recordLink({ ledger: 'constructor', recordId: 'r-3' }, APP_RECORD_PATHS)).toBeNull();
  });

  it('gives the app’s menu, record paths and home cards to whoever injects them', () => {
    expect(TestBed.inject(APP_MENU)).toBe(MENU);
    expect(TestBed.inject(RECORD_PATHS)).toBe(APP_RECORD_PATHS);
    expect(TestBed.inject(HOME_CARDS).map((card) => card.key)).toEqual(['dispute-warnings']);
  });

  it('takes a new feature from its descriptor alone: menu place, record path, icons, words', () => {
    const menu = buildMenu([...FEATURES, FIXTURE]);
    expect(menu.map((item) => item.key)).toEqual(['home', 'vessel-ledger', 'disputes', 'fixtures', 'advisors', 'system', 'security', 'audit', 'account']);
    expect(menu.find((item) => item.key === 'fixtures')).toEqual({
      key: 'fixtures',
      label: 'menu.fixtures',
      icon: 'book',
      link: '/fixtures',
      permissions: ['dispute.read'],
    });
    expect(recordLink({ ledger: 'fixture', recordId: 'f-1' }, collectRecordPaths([...FEATURES, FIXTURE]))).toEqual(['/fixtures', 'f-1']);
    expect(APP_ICONS).not.toContain(BookOutline);
    expect(collectIcons([...FEATURES, FIXTURE])).toEqual(expect.arrayContaining([BookOutline, ExperimentOutline]));
    expect(collectIcons([FIXTURE, FIXTURE]).filter((icon) => icon === BookOutline)).toHaveLength(1);
    const words = mergeSlices([...FEATURES.map((feature) => feature.i18n), FIXTURE.i18n]);
    expect(words.zh['fixtures.title']).toBe('样例');
    expect(words.en['menu.fixtures']).toBe('Fixtures');
  });
});
