import { Routes } from '@angular/router';
import { PermissionCode } from '@fazhi/contracts';
import { permissionGuard } from '../../core/auth/guards';

function requires(...permission: readonly PermissionCode[]): { permission: readonly PermissionCode[] } {
  return { permission };
}

/**
 * The three-no vessel ledger, its campaigns, certificates, statistics and import. Their dialogs
 * are `nz-modal`s, which need the modal service (no module or root injector provides it).
 */
export const VESSELS_ROUTES: Routes = [
  {
    path: '',
    children: [
      {
        path: '',
        pathMatch: 'full',
        canActivate: [permissionGuard],
        data: requires('vessel.read'),
        loadComponent: () => import('./vessel-list.component').then((m) => m.VesselListComponent),
      },
      {
        path: 'new',
        canActivate: [permissionGuard],
        data: requires('vessel.write'),
        loadComponent: () => import('./vessel-form.component').then((m) => m.VesselFormComponent),
      },
      {
        path: 'import',
        canActivate: [permissionGuard],
        data: { ...requires('vessel.write'), api: '/api/vessel-cases', list: '/vessels', title: 'import.title', subtitle: 'import.subtitle' },
        loadComponent: () => import('../../shared/ledger-import.component').then((m) => m.LedgerImportComponent),
      },
      {
        path: 'campaigns',
        canActivate: [permissionGuard],
        data: requires('vessel.read'),
        loadComponent: () => import('./campaign-list.component').then((m) => m.CampaignListComponent),
      },
      {
        path: 'campaigns/new',
        canActivate: [permissionGuard],
        data: requires('campaign.manage'),
        loadComponent: () => import('./campaign-form.component').then((m) => m.CampaignFormComponent),
      },
      {
        path: 'campaigns/:id',
        canActivate: [permissionGuard],
        data: requires('vessel.read'),
        loadComponent: () => import('./campaign-detail.component').then((m) => m.CampaignDetailComponent),
      },
      {
        path: 'certificates',
        canActivate: [permissionGuard],
        data: requires('certificate.manage', 'vessel.read'),
        loadComponent: () => import('./certificate-list.component').then((m) => m.CertificateListComponent),
      },
      {
        path: 'statistics',
        canActivate: [permissionGuard],
        data: requires('vessel.read', 'dashboard.read'),
        loadChildren: () => import('./statistics.routes').then((m) => m.STATISTICS_ROUTES),
      },
      {
        path: ':id',
        canActivate: [permissionGuard],
        data: requires('vessel.read'),
        loadComponent: () => import('./vessel-detail.component').then((m) => m.VesselDetailComponent),
      },
      {
        path: ':id/edit',
        canActivate: [permissionGuard],
        data: requires('vessel.write'),
        loadComponent: () => import('./vessel-form.component').then((m) => m.VesselFormComponent),
      },
    ],
  },
];
