import { InjectionToken } from '@angular/core';
import { PermissionCode } from '@fazhi/contracts';
import { TKey } from '../i18n/dictionary';

/** One entry of the side menu as shown; `permissions` is any-of, absent means everyone. */
export interface MenuItem {
  key: string;
  label: TKey;
  /** An icon name registered with ng-zorro. */
  icon: string;
  link?: string;
  permissions?: readonly PermissionCode[];
  /** Highlight only on this very path (a list whose sub-pages have entries of their own). */
  exact?: boolean;
  children?: readonly MenuItem[];
}

/** The whole menu, built by the app from its features (layout/menu.ts). */
export const APP_MENU = new InjectionToken<readonly MenuItem[]>('APP_MENU');

function allowed(item: MenuItem, held: ReadonlySet<string>): boolean {
  return !item.permissions || item.permissions.length === 0 || item.permissions.some((code) => held.has(code));
}

/** The menu a holder of these permission codes sees; groups left without entries disappear. */
export function filterMenu(items: readonly MenuItem[], held: Iterable<string>): MenuItem[] {
  const codes = held instanceof Set ? (held as ReadonlySet<string>) : new Set(held);
  const visible: MenuItem[] = [];
  for (const item of items) {
    if (!allowed(item, codes)) continue;
    if (item.children) {
      const children = filterMenu(item.children, codes);
      if (children.length > 0) visible.push({ ...item, children });
    } else {
      visible.push(item);
    }
  }
  return visible;
}

/** The entries that open a page, groups flattened. */
export function menuLeaves(items: readonly MenuItem[]): MenuItem[] {
  return items.flatMap((item) => (item.children ? menuLeaves(item.children) : [item]));
}
