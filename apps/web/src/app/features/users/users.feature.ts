import { MinusCircleOutline, TeamOutline } from '@ant-design/icons-angular/icons';
import { permissionGuard, requires } from '../../core/auth/guards';
import { Feature } from '../../core/features/feature';
import { USERS_I18N } from './users.i18n';

/** User accounts: the administrator's users and the security administrator's admin accounts. */
export const USERS_FEATURE: Feature<typeof USERS_I18N> = {
  name: 'users',
  routes: [
    {
      path: 'admin/users',
      canActivate: [permissionGuard],
      data: requires('user.read', 'security.accounts'),
      loadChildren: () => import('./users.routes').then((m) => m.USERS_ROUTES),
    },
  ],
  menu: [
    { key: 'users', label: 'menu.users', icon: TeamOutline, link: '/admin/users', permissions: ['user.read'], group: 'system', order: 10 },
    {
      key: 'admin-accounts',
      label: 'menu.adminAccounts',
      icon: TeamOutline,
      link: '/admin/users',
      permissions: ['security.accounts'],
      group: 'security',
      order: 30,
    },
  ],
  icons: [MinusCircleOutline],
  i18n: USERS_I18N,
};
