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
        path: 'statistics',
        canActivate: [permissionGuard],
        data: requires('dispute.read', 'dashboard.read'),
        loadComponent: () => import('./dispute-statistics.component').then((m) => m.DisputeStatisticsComponent),
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
