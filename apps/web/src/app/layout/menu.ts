import { PermissionCode } from '@fazhi/contracts';
import { TKey } from '../core/i18n/dictionary';

/** One entry of the side menu; `permissions` is any-of, absent means everyone. */
export interface MenuItem {
  key: string;
  label: TKey;
  icon: string;
  link?: string;
  permissions?: readonly PermissionCode[];
  /** Highlight only on this very path (a list whose sub-pages have entries of their own). */
  exact?: boolean;
  children?: readonly MenuItem[];
}

export const LOGIN_HISTORY_PERMISSIONS: readonly PermissionCode[] = ['security.login_history', 'audit.login_history'];

export const MENU: readonly MenuItem[] = [
  { key: 'home', label: 'menu.home', icon: 'home', link: '/' },
  {
    key: 'vessel-ledger',
    label: 'menu.vesselLedger',
    icon: 'container',
    children: [
      { key: 'vessels', label: 'menu.vessels', icon: 'unordered-list', link: '/vessels', permissions: ['vessel.read'], exact: true },
      { key: 'campaigns', label: 'menu.campaigns', icon: 'fire', link: '/vessels/campaigns', permissions: ['vessel.read'] },
      {
        key: 'certificates',
        label: 'menu.certificates',
        icon: 'idcard',
        link: '/vessels/certificates',
        permissions: ['certificate.manage', 'vessel.read'],
      },
      {
        key: 'vessel-stats',
        label: 'menu.vesselStats',
        icon: 'bar-chart',
        link: '/vessels/statistics',
        permissions: ['vessel.read', 'dashboard.read'],
      },
    ],
  },
  {
    key: 'disputes',
    label: 'menu.disputes',
    icon: 'team',
    children: [
      { key: 'dispute-list', label: 'menu.disputeList', icon: 'unordered-list', link: '/disputes', permissions: ['dispute.read'], exact: true },
      {
        key: 'dispute-stats',
        label: 'menu.disputeStats',
        icon: 'bar-chart',
        link: '/disputes/statistics',
        permissions: ['dispute.read', 'dashboard.read'],
      },
      {
        key: 'peace-officers',
        label: 'menu.peaceOfficers',
        icon: 'team',
        link: '/disputes/peace-officers',
        permissions: ['dispute.read', 'peace_officer.manage'],
      },
      {
        key: 'dispute-settings',
        label: 'menu.disputeSettings',
        icon: 'setting',
        link: '/disputes/settings',
        permissions: ['template.manage', 'dict.manage'],
      },
    ],
  },
  {
    key: 'system',
    label: 'menu.system',
    icon: 'setting',
    children: [
      { key: 'users', label: 'menu.users', icon: 'team', link: '/admin/users', permissions: ['user.read'] },
      { key: 'org', label: 'menu.org', icon: 'apartment', link: '/admin/org', permissions: ['org.manage'] },
      { key: 'roles', label: 'menu.roles', icon: 'safety-certificate', link: '/admin/roles', permissions: ['role.read'] },
      { key: 'calendar', label: 'menu.calendar', icon: 'calendar', link: '/admin/calendar', permissions: ['calendar.manage'] },
    ],
  },
  {
    key: 'security',
    label: 'menu.security',
    icon: 'safety',
    children: [
      {
        key: 'security-settings',
        label: 'menu.securitySettings',
        icon: 'setting',
        link: '/security/settings',
        permissions: ['security.policy'],
      },
      { key: 'locks', label: 'menu.locks', icon: 'lock', link: '/security/locks', permissions: ['security.unlock'] },
      { key: 'admin-accounts', label: 'menu.adminAccounts', icon: 'team', link: '/admin/users', permissions: ['security.accounts'] },
      {
        key: 'login-history',
        label: 'menu.loginHistory',
        icon: 'history',
        link: '/security/login-history',
        permissions: LOGIN_HISTORY_PERMISSIONS,
      },
    ],
  },
  { key: 'audit', label: 'menu.audit', icon: 'audit', link: '/audit', permissions: ['audit.read'] },
  {
    key: 'account',
    label: 'menu.account',
    icon: 'user',
    children: [{ key: 'password', label: 'menu.password', icon: 'key', link: '/account/password' }],
  },
];

function allowed(item: MenuItem, held: ReadonlySet<string>): boolean {
  return !item.permissions || item.permissions.length === 0 || item.permissions.some((code) => held.has(code));
}

/** The menu a holder of these permission codes sees; groups left without entries disappear. */
export function filterMenu(items: readonly MenuItem[], held: Iterable<string>): MenuItem[] {
  const codes = held instanceof Set ? (held as ReadonlySet<string>) : new Set(held);
  const visible: MenuItem[] = [];
  for (const item of items) {
    if (!allowed(item, codes)) continue;
    if (item.children) {
      const children = filterMenu(item.children, codes);
      if (children.length > 0) visible.push({ ...item, children });
    } else {
      visible.push(item);
    }
  }
  return visible;
}

/** The entries that open a page, groups flattened. */
export function menuLeaves(items: readonly MenuItem[]): MenuItem[] {
  return items.flatMap((item) => (item.children ? menuLeaves(item.children) : [item]));
}
