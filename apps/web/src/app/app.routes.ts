import { Routes } from '@angular/router';
import { PermissionCode } from '@fazhi/contracts';
import { permissionGuard, signedInGuard, signedOutGuard } from './core/auth/guards';

function requires(...permission: readonly PermissionCode[]): { permission: readonly PermissionCode[] } {
  return { permission };
}

export const routes: Routes = [
  {
    path: 'login',
    canActivate: [signedOutGuard],
    loadComponent: () => import('./layout/login/login.component').then((m) => m.LoginComponent),
  },
  {
    path: '',
    canActivate: [signedInGuard],
    canActivateChild: [signedInGuard],
    loadComponent: () => import('./layout/shell/shell.component').then((m) => m.ShellComponent),
    children: [
      { path: '', pathMatch: 'full', loadComponent: () => import('./features/home/home.component').then((m) => m.HomeComponent) },
      { path: 'account', loadChildren: () => import('./features/account/account.routes').then((m) => m.ACCOUNT_ROUTES) },
      { path: 'vessels', loadChildren: () => import('./features/vessels/vessels.routes').then((m) => m.VESSELS_ROUTES) },
      { path: 'disputes', loadChildren: () => import('./features/disputes/disputes.routes').then((m) => m.DISPUTES_ROUTES) },
      {
        path: 'admin/users',
        canActivate: [permissionGuard],
        data: requires('user.read', 'security.accounts'),
        loadChildren: () => import('./features/users/users.routes').then((m) => m.USERS_ROUTES),
      },
      {
        path: 'admin/org',
        canActivate: [permissionGuard],
        data: requires('org.manage'),
        loadChildren: () => import('./features/org/org.routes').then((m) => m.ORG_ROUTES),
      },
      {
        path: 'admin/roles',
        canActivate: [permissionGuard],
        data: requires('role.read', 'security.accounts'),
        loadChildren: () => import('./features/roles/roles.routes').then((m) => m.ROLES_ROUTES),
      },
      {
        path: 'admin/calendar',
        canActivate: [permissionGuard],
        data: requires('calendar.manage'),
        loadChildren: () => import('./features/calendar/calendar.routes').then((m) => m.CALENDAR_ROUTES),
      },
      { path: 'security', loadChildren: () => import('./features/security/security.routes').then((m) => m.SECURITY_ROUTES) },
      {
        path: 'audit',
        canActivate: [permissionGuard],
        data: requires('audit.read'),
        loadChildren: () => import('./features/audit/audit.routes').then((m) => m.AUDIT_ROUTES),
      },
      { path: 'forbidden', loadComponent: () => import('./layout/result/forbidden.component').then((m) => m.ForbiddenComponent) },
      { path: '**', loadComponent: () => import('./layout/result/not-found.component').then((m) => m.NotFoundComponent) },
    ],
  },
];
