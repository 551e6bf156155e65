import { ApartmentOutline } from '@ant-design/icons-angular/icons';
import { permissionGuard, requires } from '../../core/auth/guards';
import { Feature } from '../../core/features/feature';
import { ORG_I18N } from './org.i18n';

/** The organisation tree: county, towns, villages. */
export const ORG_FEATURE: Feature<typeof ORG_I18N> = {
  name: 'org',
  routes: [
    {
      path: 'admin/org',
      canActivate: [permissionGuard],
      data: requires('org.manage'),
      loadChildren: () => import('./org.routes').then((m) => m.ORG_ROUTES),
    },
  ],
  menu: [{ key: 'org', label: 'menu.org', icon: ApartmentOutline, link: '/admin/org', permissions: ['org.manage'], group: 'system', order: 20 }],
  i18n: ORG_I18N,
};
