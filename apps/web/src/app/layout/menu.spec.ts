import { provideHttpClient } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { SEED_ROLES, SeedRoleCode } from '@fazhi/contracts';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { APP_ICONS } from '../registry';
import { MenuItem, filterMenu, menuLeaves } from '../core/features/menu';
import { MENU } from './menu';
import { SideMenuComponent } from './shell/side-menu.component';

const EVERYONE = ['home', 'password'];
/** The three-no vessel pages: ledger, campaigns, certificates and statistics. */
const VESSEL_PAGES = ['vessels', 'campaigns', 'certificates', 'vessel-stats'];
/** The dispute mediation pages, the peace officer register included. */
const DISPUTE_PAGES = ['dispute-list', 'dispute-stats', 'peace-officers'];
/** The village legal advisors' pages: service log, monthly check and statistics. */
const ADVISOR_PAGES = ['advisor-log', 'advisor-months', 'advisor-stats'];

/** The pages each seed role reaches from the menu (DOMAIN.md §1). */
const EXPECTED: Record<SeedRoleCode, string[]> = {
  admin: ['home', 'dispute-settings', 'users', 'org', 'roles', 'calendar', 'password'],
  security: ['home', 'security-settings', 'locks', 'admin-accounts', 'login-history', 'password'],
  auditor: ['home', 'login-history', 'audit', 'password'],
  leader: ['home', ...VESSEL_PAGES, ...DISPUTE_PAGES, ...ADVISOR_PAGES, 'password'],
  legal_affairs: ['home', ...VESSEL_PAGES, ...DISPUTE_PAGES, 'dispute-settings', ...ADVISOR_PAGES, 'advisor-register', 'advisor-villages', 'password'],
  enforcement_officer: ['home', ...VESSEL_PAGES, 'password'],
  mediator: ['home', ...DISPUTE_PAGES, 'password'],
  legal_advisor: ['home', ...ADVISOR_PAGES, 'password'],
  petition_officer: EVERYONE,
};

const keys = (items: readonly MenuItem[]) => menuLeaves(items).map((item) => item.key);

describe('menu filter', () => {
  it.each(SEED_ROLES.map((role) => [role.code, role] as const))('shows %s exactly its pages', (code, role) => {
    expect(keys(filterMenu(MENU, role.permissions))).toEqual(EXPECTED[code]);
  });

  it('covers every seed role', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(SEED_ROLES.map((role) => role.code).sort());
  });

  it('drops groups left without entries and keeps the others', () => {
    const admin = filterMenu(MENU, ['user.read']).map((item) => item.key);
    expect(admin).toEqual(['home', 'system', 'account']);
    const system = filterMenu(MENU, ['user.read']).find((item) => item.key === 'system');
    expect(system?.children?.map((item) => item.key)).toEqual(['users']);
  });

  it('opens each vessel page to whoever may use it, whichever permission they hold', () => {
    expect(keys(filterMenu(MENU, ['certificate.manage']))).toEqual(['home', 'certificates', 'password']);
    expect(keys(filterMenu(MENU, ['dashboard.read']))).toEqual(['home', 'vessel-stats', 'dispute-stats', 'advisor-stats', 'password']);
    expect(keys(filterMenu(MENU, ['calendar.manage']))).toEqual(['home', 'calendar', 'password']);
    expect(keys(filterMenu(MENU, ['peace_officer.manage']))).toEqual(['home', 'peace-officers', 'password']);
    expect(keys(filterMenu(MENU, ['template.manage']))).toEqual(['home', 'dispute-settings', 'password']);
    expect(keys(filterMenu(MENU, ['dict.manage']))).toEqual(['home', 'dispute-settings', 'password']);
    const group = filterMenu(MENU, ['vessel.read']).find((item) => item.key === 'vessel-ledger');
    expect(group?.children?.map((item) => item.link)).toEqual(['/vessels', '/vessels/campaigns', '/vessels/certificates', '/vessels/statistics']);
  });

  it('gives every entry a unique key and every page a link', () => {
    const all = (items: readonly MenuItem[]): MenuItem[] => items.flatMap((item) => [item, ...all(item.children ?? [])]);
    const entries = all(MENU);
    expect(new Set(entries.map((item) => item.key)).size).toBe(entries.length);
    for (const leaf of menuLeaves(MENU)) expect(leaf.link).toMatch(/^\//);
  });

  it('renders data-menu attributes for the entries a role may open', async () => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideNzIcons(APP_ICONS)],
    });
    const fixture = TestBed.createComponent(SideMenuComponent);
    const security = SEED_ROLES.find((role) => role.code === 'security');
    fixture.componentRef.setInput('items', filterMenu(MENU, security?.permissions ?? []));
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const rendered = [...el.querySelectorAll('[data-menu]')].map((node) => node.getAttribute('data-menu'));
    expect(rendered).toEqual(['home', 'security', 'security-settings', 'locks', 'admin-accounts', 'login-history', 'account', 'password']);
    expect(el.querySelector('[data-menu="locks"]')?.textContent).toContain('账户锁定');
  });
});
