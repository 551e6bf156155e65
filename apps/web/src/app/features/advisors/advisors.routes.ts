import { Routes } from '@angular/router';
import { guardedPage as page } from '../../core/auth/guards';
import { ADVISOR_STATISTICS } from './advisor-statistics';

/** The service log, its form, import and entries, the monthly check, the registers and the figures. */
export const ADVISORS_ROUTES: Routes = [
  {
    path: '',
    children: [
      { ...page('', ['advisor.read'], () => import('./service-list.component').then((m) => m.AdvisorServiceListComponent)), pathMatch: 'full' },
      page('new', ['advisor.write'], () => import('./service-form.component').then((m) => m.AdvisorServiceFormComponent)),
      page('import', ['advisor.write'], () => import('../../shared/ledger-import.component').then((m) => m.LedgerImportComponent), {
        api: '/api/advisor-services',
        list: '/advisors',
        title: 'advisors.importTitle',
        subtitle: 'advisors.importSubtitle',
      }),
      page('months', ['advisor.read'], () => import('./monthly-check.component').then((m) => m.AdvisorMonthlyCheckComponent)),
      page('months/:cell', ['advisor.read'], () => import('./monthly-check.component').then((m) => m.AdvisorMonthlyCheckComponent)),
      page('statistics', ['advisor.read', 'dashboard.read'], () => import('../../shared/ledger/statistics-page.component').then((m) => m.StatisticsPageComponent), {
        statistics: ADVISOR_STATISTICS,
      }),
      page('register', ['advisor.read'], () => import('./advisor-register.component').then((m) => m.AdvisorRegisterComponent)),
      page('villages', ['advisor.read', 'dashboard.read'], () => import('./village-register.component').then((m) => m.AdvisorVillageRegisterComponent)),
      page(':id', ['advisor.read'], () => import('./service-detail.component').then((m) => m.AdvisorServiceDetailComponent)),
    ],
  },
];
