import { StaticProvider } from '@angular/core';
import { IconDefinition } from '@ant-design/icons-angular';
import { FeatureDescriptor, HOME_CARDS, RECORD_PATHS } from './core/features/feature';
import { APP_MENU } from './core/features/menu';
import { I18N_DICTIONARIES } from './core/i18n/dictionary';
import { CORE_ICONS } from './core/icons';
import { FEATURES } from './features';
import { DICTIONARIES } from './i18n';
import { MENU, menuIcons } from './layout/menu';

/** The icons to register: the frame's, the menu's and the features' pages', each once. */
export function collectIcons(features: readonly FeatureDescriptor[]): IconDefinition[] {
  const icons = [...CORE_ICONS, ...menuIcons(features), ...features.flatMap((feature) => feature.icons ?? [])];
  return [...new Map(icons.map((icon) => [`${icon.theme}:${icon.name}`, icon])).values()];
}

/** Where the records of each ledger open (ledger name → path), from the features that show them. */
export function collectRecordPaths(features: readonly FeatureDescriptor[]): Readonly<Record<string, string>> {
  return Object.assign({}, ...features.map((feature) => feature.recordPaths ?? {})) as Record<string, string>;
}

/** Every icon the app shows beyond ng-zorro's own. */
export const APP_ICONS: IconDefinition[] = collectIcons(FEATURES);

export const APP_RECORD_PATHS = collectRecordPaths(FEATURES);

/** What the features give the app through core's tokens: dictionaries, menu, record paths, home cards. */
export const REGISTRY_PROVIDERS: StaticProvider[] = [
  { provide: I18N_DICTIONARIES, useValue: DICTIONARIES },
  { provide: APP_MENU, useValue: MENU },
  { provide: RECORD_PATHS, useValue: APP_RECORD_PATHS },
  { provide: HOME_CARDS, useValue: FEATURES.flatMap((feature) => feature.homeCards ?? []) },
];
