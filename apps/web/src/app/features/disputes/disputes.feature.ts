import { BarChartOutline, FireOutline, SettingOutline, TeamOutline, UnorderedListOutline } from '@ant-design/icons-angular/icons';
import { Feature, ledgerFeature } from '../../core/features/feature';
import { DISPUTES_I18N } from './disputes.i18n';

/** The dispute mediation ledger (矛盾纠纷排查化解) with its statistics, peace officers and settings. */
export const DISPUTES_FEATURE: Feature<typeof DISPUTES_I18N> = ledgerFeature({
  name: 'disputes',
  path: 'disputes',
  routes: () => import('./disputes.routes').then((m) => m.DISPUTES_ROUTES),
  menu: { key: 'disputes', label: 'menu.disputes', icon: TeamOutline, order: 30 },
  pages: [
    { key: 'dispute-list', label: 'menu.disputeList', icon: UnorderedListOutline, link: '', permissions: ['dispute.read'] },
    { key: 'dispute-stats', label: 'menu.disputeStats', icon: BarChartOutline, link: 'statistics', permissions: ['dispute.read', 'dashboard.read'] },
    { key: 'peace-officers', label: 'menu.peaceOfficers', icon: TeamOutline, link: 'peace-officers', permissions: ['dispute.read', 'peace_officer.manage'] },
    { key: 'dispute-settings', label: 'menu.disputeSettings', icon: SettingOutline, link: 'settings', permissions: ['template.manage', 'dict.manage'] },
  ],
  recordPaths: { dispute: '/disputes' },
  homeCards: [
    {
      key: 'dispute-warnings',
      permissions: ['dispute.read'],
      load: () => import('./dispute-warnings.component').then((m) => m.DisputeWarningsComponent),
    },
  ],
  icons: [FireOutline],
  i18n: DISPUTES_I18N,
});
