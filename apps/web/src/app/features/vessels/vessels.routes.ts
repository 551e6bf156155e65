import { Routes } from '@angular/router';
import { guardedPage as page, permissionGuard, requires } from '../../core/auth/guards';

/**
 * The three-no vessel ledger, its campaigns, certificates, statistics and import. Their dialogs
 * are `nz-modal`s, which need the modal service (no module or root injector provides it).
 */
export const VESSELS_ROUTES: Routes = [
  {
    path: '',
    children: [
      { ...page('', ['vessel.read'], () => import('./vessel-list.component').then((m) => m.VesselListComponent)), pathMatch: 'full' },
      page('new', ['vessel.write'], () => import('./vessel-form.component').then((m) => m.VesselFormComponent)),
      page('import', ['vessel.write'], () => import('../../shared/ledger-import.component').then((m) => m.LedgerImportComponent), {
        api: '/api/vessel-cases',
        list: '/vessels',
        title: 'import.title',
        subtitle: 'import.subtitle',
      }),
      page('campaigns', ['vessel.read'], () => import('./campaign-list.component').then((m) => m.CampaignListComponent)),
      page('campaigns/new', ['campaign.manage'], () => import('./campaign-list.component').then((m) => m.CampaignListComponent), { create: true }),
      page('campaigns/:id', ['vessel.read'], () => import('./campaign-detail.component').then((m) => m.CampaignDetailComponent)),
      page('certificates', ['certificate.manage', 'vessel.read'], () => import('./certificate-list.component').then((m) => m.CertificateListComponent)),
      {
        path: 'statistics',
        canActivate: [permissionGuard],
        data: requires('vessel.read', 'dashboard.read'),
        loadChildren: () => import('./statistics.routes').then((m) => m.STATISTICS_ROUTES),
      },
      page(':id', ['vessel.read'], () => import('./vessel-detail.component').then((m) => m.VesselDetailComponent)),
      page(':id/edit', ['vessel.write'], () => import('./vessel-form.component').then((m) => m.VesselFormComponent)),
    ],
  },
];
