import { KeyOutline, UserOutline } from '@ant-design/icons-angular/icons';
import { Feature } from '../../core/features/feature';
import { ACCOUNT_I18N } from './account.i18n';

/** The personal centre: changing one's password. */
export const ACCOUNT_FEATURE: Feature<typeof ACCOUNT_I18N> = {
  name: 'account',
  routes: [{ path: 'account', loadChildren: () => import('./account.routes').then((m) => m.ACCOUNT_ROUTES) }],
  menu: [
    {
      key: 'account',
      label: 'menu.account',
      icon: UserOutline,
      order: 70,
      children: [{ key: 'password', label: 'menu.password', icon: KeyOutline, link: '/account/password' }],
    },
  ],
  i18n: ACCOUNT_I18N,
};
