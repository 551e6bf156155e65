import { BarChartOutline, TeamOutline, UnorderedListOutline } from '@ant-design/icons-angular/icons';
import { Route } from '@angular/router';
import { i18nSlice } from '../i18n/dictionary';
import { ledgerFeature } from './feature';

describe('ledger feature', () => {
  it('routes the ledger under its path and makes a menu group of its pages there, the list highlighted on its own path only', () => {
    const routes: Route['loadChildren'] = () => Promise.resolve([]);
    const i18n = i18nSlice({}, {});
    const feature = ledgerFeature({
      name: 'things',
      path: 'things',
      routes,
      menu: { key: 'things', label: 'menu.disputes', icon: TeamOutline, order: 40 },
      pages: [
        { key: 'thing-list', label: 'menu.disputeList', icon: UnorderedListOutline, link: '', permissions: ['dispute.read'] },
        { key: 'thing-stats', label: 'menu.disputeStats', icon: BarChartOutline, link: 'statistics', permissions: ['dispute.read', 'dashboard.read'] },
      ],
      recordPaths: { thing: '/things' },
      i18n,
    });
    expect(feature).toEqual({
      name: 'things',
      routes: [{ path: 'things', loadChildren: routes }],
      menu: [
        {
          key: 'things',
          label: 'menu.disputes',
          icon: TeamOutline,
          order: 40,
          children: [
            { key: 'thing-list', label: 'menu.disputeList', icon: UnorderedListOutline, link: '/things', permissions: ['dispute.read'], exact: true },
            { key: 'thing-stats', label: 'menu.disputeStats', icon: BarChartOutline, link: '/things/statistics', permissions: ['dispute.read', 'dashboard.read'] },
          ],
        },
      ],
      recordPaths: { thing: '/things' },
      i18n,
    });
  });
});
