import { Routes } from '@angular/router';
import { VESSEL_CHART_PROVIDERS } from './echarts';

/** The statistics page with its charting library, both loaded only when the page opens. */
export const STATISTICS_ROUTES: Routes = [
  {
    path: '',
    providers: VESSEL_CHART_PROVIDERS,
    loadComponent: () => import('./vessel-statistics.component').then((m) => m.VesselStatisticsComponent),
  },
];
