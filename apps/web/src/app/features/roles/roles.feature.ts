import { SafetyCertificateOutline } from '@ant-design/icons-angular/icons';
import { permissionGuard, requires } from '../../core/auth/guards';
import { Feature } from '../../core/features/feature';
import { ROLES_I18N } from './roles.i18n';

/** Roles and their permissions. */
export const ROLES_FEATURE: Feature<typeof ROLES_I18N> = {
  name: 'roles',
  routes: [
    {
      path: 'admin/roles',
      canActivate: [permissionGuard],
      data: requires('role.read', 'security.accounts'),
      loadChildren: () => import('./roles.routes').then((m) => m.ROLES_ROUTES),
    },
  ],
  menu: [
    { key: 'roles', label: 'menu.roles', icon: SafetyCertificateOutline, link: '/admin/roles', permissions: ['role.read'], group: 'system', order: 30 },
  ],
  i18n: ROLES_I18N,
};
