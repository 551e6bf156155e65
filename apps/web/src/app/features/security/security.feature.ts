import { HistoryOutline, LockOutline, SettingOutline, UnlockOutline } from '@ant-design/icons-angular/icons';
import { PermissionCode } from '@fazhi/contracts';
import { Feature } from '../../core/features/feature';
import { SECURITY_I18N } from './security.i18n';

/** Who may read the login history: the security administrator and the auditor. */
export const LOGIN_HISTORY_PERMISSIONS: readonly PermissionCode[] = ['security.login_history', 'audit.login_history'];

/** The security administration: password and lockout policy, locked accounts, login history. */
export const SECURITY_FEATURE: Feature<typeof SECURITY_I18N> = {
  name: 'security',
  routes: [{ path: 'security', loadChildren: () => import('./security.routes').then((m) => m.SECURITY_ROUTES) }],
  menu: [
    {
      key: 'security-settings',
      label: 'menu.securitySettings',
      icon: SettingOutline,
      link: '/security/settings',
      permissions: ['security.policy'],
      group: 'security',
      order: 10,
    },
    { key: 'locks', label: 'menu.locks', icon: LockOutline, link: '/security/locks', permissions: ['security.unlock'], group: 'security', order: 20 },
    {
      key: 'login-history',
      label: 'menu.loginHistory',
      icon: HistoryOutline,
      link: '/security/login-history',
      permissions: LOGIN_HISTORY_PERMISSIONS,
      group: 'security',
      order: 40,
    },
  ],
  icons: [UnlockOutline],
  i18n: SECURITY_I18N,
};
