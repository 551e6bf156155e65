import { Routes } from '@angular/router';

/** The holiday calendar page; its edit dialog is an `nz-modal`, which needs the modal service. */
export const CALENDAR_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () => import('./calendar-admin.component').then((m) => m.CalendarAdminComponent),
  },
];
