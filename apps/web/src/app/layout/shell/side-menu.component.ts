import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { I18nService } from '../../core/i18n/i18n.service';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { MenuItem } from '../../core/features/menu';

/** The menu entries the caller may open, each with a stable `data-menu` key. */
@Component({
  selector: 'fz-side-menu',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, ZORRO_IMPORTS],
  template: `
    <ul nz-menu nzMode="inline" nzTheme="dark" [nzInlineCollapsed]="collapsed()" class="fz-side-menu">
      @for (item of items(); track item.key) {
        @if (item.children) {
          <li nz-submenu [nzTitle]="t(item.label)" [nzIcon]="item.icon" [nzOpen]="true" [attr.data-menu]="item.key">
            <ul>
              @for (child of item.children; track child.key) {
                <li nz-menu-item nzMatchRouter [nzMatchRouterExact]="child.link === '/' || !!child.exact" [attr.data-menu]="child.key">
                  <a [routerLink]="child.link">
                    <nz-icon [nzType]="child.icon" />
                    <span>{{ t(child.label) }}</span>
                  </a>
                </li>
              }
            </ul>
          </li>
        } @else {
          <li nz-menu-item nzMatchRouter [nzMatchRouterExact]="item.link === '/' || !!item.exact" [attr.data-menu]="item.key">
            <a [routerLink]="item.link">
              <nz-icon [nzType]="item.icon" />
              <span>{{ t(item.label) }}</span>
            </a>
          </li>
        }
      }
    </ul>
  `,
  styles: `
    .fz-side-menu {
      border-right: 0;
    }
  `,
})
export class SideMenuComponent {
  protected readonly t = inject(I18nService).t;
  readonly items = input.required<readonly MenuItem[]>();
  readonly collapsed = input(false);
}
