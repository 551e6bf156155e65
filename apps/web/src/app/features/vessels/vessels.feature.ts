import { BarChartOutline, ContainerOutline, EnvironmentOutline, FireOutline, IdcardOutline, MessageOutline, UnorderedListOutline } from '@ant-design/icons-angular/icons';
import { Feature, ledgerFeature } from '../../core/features/feature';
import { VESSELS_I18N } from './vessels.i18n';

/** The three-no vessel ledger with its campaigns, certificates and statistics. */
export const VESSELS_FEATURE: Feature<typeof VESSELS_I18N> = ledgerFeature({
  name: 'vessels',
  path: 'vessels',
  routes: () => import('./vessels.routes').then((m) => m.VESSELS_ROUTES),
  menu: { key: 'vessel-ledger', label: 'menu.vesselLedger', icon: ContainerOutline, order: 20 },
  pages: [
    { key: 'vessels', label: 'menu.vessels', icon: UnorderedListOutline, link: '', permissions: ['vessel.read'] },
    { key: 'campaigns', label: 'menu.campaigns', icon: FireOutline, link: 'campaigns', permissions: ['vessel.read'] },
    { key: 'certificates', label: 'menu.certificates', icon: IdcardOutline, link: 'certificates', permissions: ['certificate.manage', 'vessel.read'] },
    { key: 'vessel-stats', label: 'menu.vesselStats', icon: BarChartOutline, link: 'statistics', permissions: ['vessel.read', 'dashboard.read'] },
  ],
  recordPaths: { 'vessel-case': '/vessels', campaign: '/vessels/campaigns' },
  icons: [EnvironmentOutline, MessageOutline],
  i18n: VESSELS_I18N,
});
