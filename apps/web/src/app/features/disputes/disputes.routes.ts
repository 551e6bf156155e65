import { Routes } from '@angular/router';
import { PermissionCode } from '@fazhi/contracts';
import { permissionGuard } from '../../core/auth/guards';

function requires(...permission: readonly PermissionCode[]): { permission: readonly PermissionCode[] } {
  return { permission };
}

/** The dispute mediation ledger (矛盾纠纷排查化解). */
export const DISPUTES_ROUTES: Routes = [
  {
    path: '',
    children: [
      {
        path: '',
        pathMatch: 'full',
        canActivate: [permissionGuard],
        data: requires('dispute.read'),
        loadComponent: () => import('./dispute-list.component').then((m) => m.DisputeListComponent),
      },
      {
        path: 'new',
        canActivate: [permissionGuard],
        data: requires('dispute.write'),
        loadComponent: () => import('./dispute-form.component').then((m) => m.DisputeFormComponent),
      },
      {
        path: 'import',
        canActivate: [permissionGuard],
        data: { ...requires('dispute.write'), api: '/api/disputes', list: '/disputes', title: 'disputes.importTitle', subtitle: 'disputes.importSubtitle' },
        loadComponent: () => import('../../shared/ledger-import.component').then((m) => m.LedgerImportComponent),
      },
      {
        path: 'statistics',
        canActivate: [permissionGuard],
        data: requires('dispute.read', 'dashboard.read'),
        loadComponent: () => import('./dispute-statistics.component').then((m) => m.DisputeStatisticsComponent),
      },
      {
        path: 'peace-officers',
        canActivate: [permissionGuard],
        data: requires('dispute.read', 'peace_officer.manage'),
        loadComponent: () => import('./peace-officer-list.component').then((m) => m.PeaceOfficerListComponent),
      },
      {
        path: 'settings',
        canActivate: [permissionGuard],
        data: requires('template.manage', 'dict.manage', 'dispute.read'),
        loadComponent: () => import('./dispute-settings.component').then((m) => m.DisputeSettingsComponent),
      },
      {
        path: ':id',
        canActivate: [permissionGuard],
        data: requires('dispute.read'),
        loadComponent: () => import('./dispute-detail.component').then((m) => m.DisputeDetailComponent),
      },
    ],
  },
];
