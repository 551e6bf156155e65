import { InjectionToken, Type } from '@angular/core';
import { Route } from '@angular/router';
import { IconDefinition } from '@ant-design/icons-angular';
import { PermissionCode } from '@fazhi/contracts';
import { I18nSlice, SliceKey } from '../i18n/dictionary';
import { MenuItem } from './menu';

/** The menu groups the layout draws and features may put entries in (layout/menu.ts). */
export type MenuGroupKey = 'system' | 'security';

/** A menu entry as a feature declares it: its icon is the definition itself, registered from here. */
export interface MenuEntry extends Omit<MenuItem, 'icon' | 'children'> {
  icon: IconDefinition;
  children?: readonly MenuEntry[];
}

/** A feature's entry in the menu: on top (a page or a group of its own) or inside a layout group. */
export interface FeatureMenuEntry extends MenuEntry {
  /** Place among the top entries, or inside `group`; smaller first. */
  order: number;
  group?: MenuGroupKey;
}

/** A card a feature puts on the home page, for holders of any of its permissions; loaded when shown. */
export interface HomeCard {
  key: string;
  permissions: readonly PermissionCode[];
  load: () => Promise<Type<unknown>>;
}

/**
 * What a web feature brings to the app. The app's lists (routes, menu, record paths, icons,
 * dictionaries) are built from the descriptors named in app/features.ts.
 */
export interface FeatureDescriptor<K extends string = string> {
  /** The feature's folder. */
  readonly name: string;
  /** Routes under the signed-in shell; pages load lazily (`loadChildren` / `loadComponent`). */
  readonly routes: readonly Route[];
  readonly menu?: readonly FeatureMenuEntry[];
  /** Where the records of each ledger it shows open: ledger name → path, the record id appended. */
  readonly recordPaths?: Readonly<Record<string, string>>;
  /** Icons its pages show beyond the frame's (core/icons.ts); its menu icons are added by themselves. */
  readonly icons?: readonly IconDefinition[];
  /** Cards it puts on the home page, below the caller's deadlines. */
  readonly homeCards?: readonly HomeCard[];
  readonly i18n: I18nSlice<K>;
}

/** The descriptor of a feature whose words are the slice S. */
export type Feature<S extends I18nSlice> = FeatureDescriptor<SliceKey<S>>;

/** Where each ledger's records open (see FeatureDescriptor.recordPaths), gathered by the app. */
export const RECORD_PATHS = new InjectionToken<Readonly<Record<string, string>>>('RECORD_PATHS');

/** The features' home page cards, in the order of the features, gathered by the app. */
export const HOME_CARDS = new InjectionToken<readonly HomeCard[]>('HOME_CARDS');

/** A ledger's feature: its routes under one path, a menu group of its pages there, and the rest of its descriptor. */
export interface LedgerFeature<S extends I18nSlice> extends Omit<Feature<S>, 'routes' | 'menu'> {
  /** The ledger's path (`disputes`) and its lazily loaded routes. */
  path: string;
  routes: Route['loadChildren'];
  /** The menu group: its key, words, icon and place. */
  menu: Pick<FeatureMenuEntry, 'key' | 'label' | 'icon' | 'order'>;
  /** The group's pages, each `link` below the ledger's path (`''` for the list, which is highlighted on its own path only). */
  pages: readonly (Omit<MenuEntry, 'children' | 'exact'> & { link: string })[];
}

/** The descriptor of a ledger's feature: one route for its path, one menu group of its pages. */
export function ledgerFeature<S extends I18nSlice>({ path, routes, menu, pages, ...rest }: LedgerFeature<S>): Feature<S> {
  return {
    ...rest,
    routes: [{ path, loadChildren: routes }],
    menu: [{ ...menu, children: pages.map((page) => ({ ...page, link: `/${path}${page.link && '/' + page.link}`, ...(page.link ? {} : { exact: true }) })) }],
  };
}
