import { BankOutline, EnvironmentOutline, HomeOutline } from '@ant-design/icons-angular/icons';
import { Feature } from '../../core/features/feature';
import { HOME_I18N } from './home.i18n';

/** The home page: who the user is, where they may go, what is due. */
export const HOME_FEATURE: Feature<typeof HOME_I18N> = {
  name: 'home',
  routes: [{ path: '', pathMatch: 'full', loadComponent: () => import('./home.component').then((m) => m.HomeComponent) }],
  menu: [{ key: 'home', label: 'menu.home', icon: HomeOutline, link: '/', order: 10 }],
  icons: [BankOutline, EnvironmentOutline],
  i18n: HOME_I18N,
};
