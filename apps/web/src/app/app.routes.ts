import { Routes } from '@angular/router';
import { signedInGuard, signedOutGuard } from './core/auth/guards';
import { FEATURES } from './features';

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
      ...FEATURES.flatMap((feature) => feature.routes),
      { path: 'forbidden', loadComponent: () => import('./layout/result/forbidden.component').then((m) => m.ForbiddenComponent) },
      { path: '**', loadComponent: () => import('./layout/result/not-found.component').then((m) => m.NotFoundComponent) },
    ],
  },
];
