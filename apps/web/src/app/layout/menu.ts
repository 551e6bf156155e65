import { IconDefinition } from '@ant-design/icons-angular';
import { SafetyOutline, SettingOutline } from '@ant-design/icons-angular/icons';
import { FeatureDescriptor, FeatureMenuEntry, MenuEntry, MenuGroupKey } from '../core/features/feature';
import { MenuItem } from '../core/features/menu';
import { TKey } from '../core/i18n/dictionary';
import { FEATURES } from '../features';

interface MenuGroup {
  key: MenuGroupKey;
  label: TKey;
  icon: IconDefinition;
  order: number;
}

/** The groups the layout draws for entries of several features, placed among the features' own entries. */
export const MENU_GROUPS: readonly MenuGroup[] = [
  { key: 'system', label: 'menu.system', icon: SettingOutline, order: 40 },
  { key: 'security', label: 'menu.security', icon: SafetyOutline, order: 50 },
];

/** An entry as the side menu shows it: the icon by name, without the feature's placing. */
function shown(entry: MenuEntry): MenuItem {
  const item: MenuItem = { key: entry.key, label: entry.label, icon: entry.icon.name };
  if (entry.link !== undefined) item.link = entry.link;
  if (entry.permissions !== undefined) item.permissions = entry.permissions;
  if (entry.exact !== undefined) item.exact = entry.exact;
  if (entry.children !== undefined) item.children = entry.children.map(shown);
  return item;
}

const byOrder = (a: { order: number }, b: { order: number }) => a.order - b.order;

/** The side menu from the features' entries: top entries and layout groups by order, each group's entries by order. */
export function buildMenu(features: readonly FeatureDescriptor[], groups: readonly MenuGroup[] = MENU_GROUPS): MenuItem[] {
  const entries: readonly FeatureMenuEntry[] = features.flatMap((feature) => feature.menu ?? []);
  const top: { order: number; item: MenuItem }[] = entries.filter((entry) => !entry.group).map((entry) => ({ order: entry.order, item: shown(entry) }));
  for (const group of groups) {
    const children = entries.filter((entry) => entry.group === group.key).sort(byOrder).map(shown);
    if (children.length > 0) top.push({ order: group.order, item: { key: group.key, label: group.label, icon: group.icon.name, children } });
  }
  return top.sort(byOrder).map((entry) => entry.item);
}

/** The icons the menu shows: every entry's and the groups'. */
export function menuIcons(features: readonly FeatureDescriptor[], groups: readonly MenuGroup[] = MENU_GROUPS): IconDefinition[] {
  const icons = (entry: MenuEntry): IconDefinition[] => [entry.icon, ...(entry.children ?? []).flatMap(icons)];
  return [...groups.map((group) => group.icon), ...features.flatMap((feature) => (feature.menu ?? []).flatMap(icons))];
}

/** The whole side menu, before filtering by the caller's permissions. */
export const MENU: readonly MenuItem[] = buildMenu(FEATURES);
