import { AuditOutline } from '@ant-design/icons-angular/icons';
import { permissionGuard, requires } from '../../core/auth/guards';
import { Feature } from '../../core/features/feature';
import { AUDIT_I18N } from './audit.i18n';

/** The audit log. */
export const AUDIT_FEATURE: Feature<typeof AUDIT_I18N> = {
  name: 'audit',
  routes: [
    {
      path: 'audit',
      canActivate: [permissionGuard],
      data: requires('audit.read'),
      loadChildren: () => import('./audit.routes').then((m) => m.AUDIT_ROUTES),
    },
  ],
  menu: [{ key: 'audit', label: 'menu.audit', icon: AuditOutline, link: '/audit', permissions: ['audit.read'], order: 60 }],
  i18n: AUDIT_I18N,
};
