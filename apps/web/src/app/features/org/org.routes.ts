import { Routes } from '@angular/router';

export const ORG_ROUTES: Routes = [{ path: '', loadComponent: () => import('./org-tree.component').then((m) => m.OrgTreeComponent) }];
