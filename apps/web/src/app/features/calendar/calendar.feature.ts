import { CalendarOutline } from '@ant-design/icons-angular/icons';
import { permissionGuard, requires } from '../../core/auth/guards';
import { Feature } from '../../core/features/feature';
import { CALENDAR_I18N } from './calendar.i18n';

/** The holiday calendar the working-day deadlines count with. */
export const CALENDAR_FEATURE: Feature<typeof CALENDAR_I18N> = {
  name: 'calendar',
  routes: [
    {
      path: 'admin/calendar',
      canActivate: [permissionGuard],
      data: requires('calendar.manage'),
      loadChildren: () => import('./calendar.routes').then((m) => m.CALENDAR_ROUTES),
    },
  ],
  menu: [
    { key: 'calendar', label: 'menu.calendar', icon: CalendarOutline, link: '/admin/calendar', permissions: ['calendar.manage'], group: 'system', order: 40 },
  ],
  i18n: CALENDAR_I18N,
};
