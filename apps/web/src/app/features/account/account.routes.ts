import { Routes } from '@angular/router';

export const ACCOUNT_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'password' },
  { path: 'password', loadComponent: () => import('./change-password.component').then((m) => m.ChangePasswordComponent) },
];
