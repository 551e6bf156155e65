import { Routes } from '@angular/router';
import { permissionGuard } from '../../core/auth/guards';
import { LOGIN_HISTORY_PERMISSIONS } from './security.feature';

export const SECURITY_ROUTES: Routes = [
  {
    path: 'settings',
    canActivate: [permissionGuard],
    data: { permission: ['security.policy'] },
    loadComponent: () => import('./policy.component').then((m) => m.PolicyComponent),
  },
  {
    path: 'locks',
    canActivate: [permissionGuard],
    data: { permission: ['security.unlock'] },
    loadComponent: () => import('./locks.component').then((m) => m.LocksComponent),
  },
  {
    path: 'login-history',
    canActivate: [permissionGuard],
    data: { permission: LOGIN_HISTORY_PERMISSIONS },
    loadComponent: () => import('./login-history.component').then((m) => m.LoginHistoryComponent),
  },
];
