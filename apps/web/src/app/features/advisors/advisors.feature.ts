import { BarChartOutline, CalendarOutline, HomeOutline, IdcardOutline, ScheduleOutline, SolutionOutline, UnorderedListOutline } from '@ant-design/icons-angular/icons';
import { Feature } from '../../core/features/feature';
import { ADVISORS_I18N } from './advisors.i18n';

/** Village legal advisors (一村(社区)一法律顾问): the service log, the monthly check, the registers and the figures. */
export const ADVISORS_FEATURE: Feature<typeof ADVISORS_I18N> = {
  name: 'advisors',
  routes: [{ path: 'advisors', loadChildren: () => import('./advisors.routes').then((m) => m.ADVISORS_ROUTES) }],
  menu: [
    {
      key: 'advisors',
      label: 'menu.advisors',
      icon: SolutionOutline,
      order: 38,
      children: [
        { key: 'advisor-log', label: 'menu.advisorLog', icon: UnorderedListOutline, link: '/advisors', permissions: ['advisor.read'], exact: true },
        { key: 'advisor-months', label: 'menu.advisorMonths', icon: ScheduleOutline, link: '/advisors/months', permissions: ['advisor.read'] },
        { key: 'advisor-stats', label: 'menu.advisorStats', icon: BarChartOutline, link: '/advisors/statistics', permissions: ['advisor.read', 'dashboard.read'] },
        { key: 'advisor-register', label: 'menu.advisorRegister', icon: IdcardOutline, link: '/advisors/register', permissions: ['advisor.check'] },
        { key: 'advisor-villages', label: 'menu.advisorVillages', icon: HomeOutline, link: '/advisors/villages', permissions: ['advisor.check'] },
      ],
    },
  ],
  recordPaths: { 'advisor-service': '/advisors', 'advisor-month': '/advisors/months' },
  icons: [CalendarOutline],
  i18n: ADVISORS_I18N,
};
