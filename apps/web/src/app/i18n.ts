import { CORE_I18N } from './core/i18n/core.i18n';
import { Dictionaries, mergeSlices, SliceKey } from './core/i18n/dictionary';
import { FEATURES } from './features';
import { LAYOUT_I18N } from './layout/layout.i18n';
import { RECORD_I18N } from './shared/ledger/record.i18n';
import { SHARED_I18N } from './shared/shared.i18n';

const SLICES = [CORE_I18N, SHARED_I18N, RECORD_I18N, LAYOUT_I18N, ...FEATURES.map((feature) => feature.i18n)] as const;

/** Every key of the app's dictionaries: the frame's and every feature's. */
export type AppKey = SliceKey<(typeof SLICES)[number]>;

declare module './core/i18n/dictionary' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Dictionary extends Record<AppKey, string> {}
}

/** The app's dictionaries, merged from every slice. */
export const DICTIONARIES: Dictionaries = mergeSlices(SLICES) as Dictionaries;
