import { Routes } from '@angular/router';
import { guardedPage as page } from '../../core/auth/guards';
import { DISPUTE_STATISTICS } from './dispute-statistics';

/** The dispute mediation ledger (矛盾纠纷排查化解). */
export const DISPUTES_ROUTES: Routes = [
  {
    path: '',
    children: [
      { ...page('', ['dispute.read'], () => import('./dispute-list.component').then((m) => m.DisputeListComponent)), pathMatch: 'full' },
      page('new', ['dispute.write'], () => import('./dispute-form.component').then((m) => m.DisputeFormComponent)),
      page('import', ['dispute.write'], () => import('../../shared/ledger-import.component').then((m) => m.LedgerImportComponent), {
        api: '/api/disputes',
        list: '/disputes',
        title: 'disputes.importTitle',
        subtitle: 'disputes.importSubtitle',
      }),
      page('statistics', ['dispute.read', 'dashboard.read'], () => import('../../shared/ledger/statistics-page.component').then((m) => m.StatisticsPageComponent), {
        statistics: DISPUTE_STATISTICS,
      }),
      page('peace-officers', ['dispute.read', 'peace_officer.manage'], () => import('./peace-officer-list.component').then((m) => m.PeaceOfficerListComponent)),
      page('settings', ['template.manage', 'dict.manage', 'dispute.read'], () => import('./dispute-settings.component').then((m) => m.DisputeSettingsComponent)),
      page(':id', ['dispute.read'], () => import('./dispute-detail.component').then((m) => m.DisputeDetailComponent)),
    ],
  },
];
