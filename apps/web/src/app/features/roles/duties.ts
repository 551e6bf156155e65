import { Duty } from '@fazhi/contracts';
import { TKey } from '../../core/i18n/dict.zh';

export const DUTIES: readonly Duty[] = ['system', 'security', 'audit', 'business'];

export const DUTY_LABELS: Record<Duty, TKey> = {
  system: 'roles.dutySystem',
  security: 'roles.dutySecurity',
  audit: 'roles.dutyAudit',
  business: 'roles.dutyBusiness',
};

export const DUTY_COLORS: Record<Duty, string> = {
  system: 'blue',
  security: 'volcano',
  audit: 'purple',
  business: 'green',
};
