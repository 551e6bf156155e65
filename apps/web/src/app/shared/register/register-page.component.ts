import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { FormGroup, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { PermissionCode } from '@fazhi/contracts';
import { TKey } from '../../core/i18n/dictionary';
import { I18nService } from '../../core/i18n/i18n.service';
import { HasPermissionDirective } from '../../core/permissions/has-permission.directive';
import { FilterActionsComponent } from '../filter-actions.component';
import { FilterTag, FilterTagsComponent } from '../filter-tags.component';
import { PageHeaderComponent } from '../page-header.component';
import { ZORRO_IMPORTS } from '../zorro';
import { RegisterOption } from './register-form';

/** A register page's words, its writers' permission and the name its `data-test` attributes use. */
export interface RegisterView {
  /** `<name>-create`, `<name>-filters`, `<name>-search`. */
  name: string;
  title: TKey;
  subtitle: TKey;
  /** The create button's words (none: no create button). */
  create?: TKey;
  /** Who sees the create button. */
  manage: PermissionCode;
  /** The create button links to a page instead of opening the page's form. */
  createLink?: string;
}

/** One filter of a register page's filter row: a select or a text box. */
export interface RegisterFilter {
  /** The filter form's control. */
  name: string;
  kind: 'select' | 'text';
  /** The placeholder, and the control's accessible name. */
  label: TKey;
  /** A text box's placeholder when it differs from the label. */
  placeholder?: TKey;
  /** A select's choices; read while the page shows, so signals may feed it. */
  options?: () => readonly RegisterOption[];
  /** A select that always holds a value (no clear button, no placeholder). */
  required?: boolean;
  search?: boolean;
  /** Shown while this holds (the town, for a user of several towns). */
  when?: () => boolean;
  testId?: string;
  /** The filter's width from 992 px up, of 24 (5 unless given). */
  lg?: number;
}

/**
 * A register's page: the header (title, create button for the writers, more buttons as
 * `[fzHeader]` content), the filter row from definitions with search and reset, the list's
 * filters as tags (without `form`, no row; without the buttons, the page searches on each
 * change), and the list's card (the content).
 */
@Component({
  selector: 'fz-register-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, ZORRO_IMPORTS, PageHeaderComponent, HasPermissionDirective, FilterActionsComponent, FilterTagsComponent],
  template: `
    @let v = view();
    <fz-page-header [title]="t(v.title)" [subtitle]="t(v.subtitle)">
      <ng-content select="[fzHeader]" />
      @if (v.create; as create) {
        @if (v.createLink; as link) {
          <a *fzHasPermission="v.manage" nz-button nzType="primary" [routerLink]="link" [attr.data-test]="v.name + '-create'"><nz-icon nzType="plus" />{{ t(create) }}</a>
        } @else {
          <button *fzHasPermission="v.manage" nz-button nzType="primary" type="button" (click)="created.emit()" [attr.data-test]="v.name + '-create'"><nz-icon nzType="plus" />{{ t(create) }}</button>
        }
      }
    </fz-page-header>
    @if (form(); as f) {
      <nz-card class="fz-filter-card">
        <form nz-form [formGroup]="f" (ngSubmit)="searched.emit()" [attr.data-test]="v.name + '-filters'">
          <div nz-row [nzGutter]="[16, 8]">
            @for (filter of shown(); track filter.name) {
              <div nz-col [nzXs]="24" [nzSm]="12" [nzLg]="filter.lg ?? 5">
                @if (filter.kind === 'text') {
                  <input nz-input [formControlName]="filter.name" [placeholder]="t(filter.placeholder ?? filter.label)" [attr.aria-label]="t(filter.label)" [attr.data-test]="filter.testId ?? null" />
                } @else {
                  <nz-select
                    [formControlName]="filter.name"
                    [nzAllowClear]="!filter.required"
                    [nzShowSearch]="!!filter.search"
                    [nzPlaceHolder]="filter.required ? '' : t(filter.label)"
                    [attr.aria-label]="t(filter.label)"
                    [attr.data-test]="filter.testId ?? null"
                  >
                    @for (option of filter.options?.() ?? []; track option.value) {
                      <nz-option [nzValue]="option.value" [nzLabel]="option.label" />
                    }
                  </nz-select>
                }
              </div>
            }
            @if (buttons()) {
              <fz-filter-actions nz-col [nzXs]="24" [nzSm]="12" [nzLg]="5" [searchTestId]="v.name + '-search'" (cleared)="list()?.clear()" />
            }
          </div>
          @if (list(); as l) {
            <fz-filter-tags [tags]="l.tags()" (removed)="l.removeFilter($event)" (cleared)="l.clear()" />
          }
        </form>
      </nz-card>
    }
    <nz-card><ng-content /></nz-card>
  `,
})
export class RegisterPageComponent {
  protected readonly t = inject(I18nService).t;
  readonly view = input.required<RegisterView>();
  /** The filter row's form and its filters. */
  readonly form = input<FormGroup | null>(null);
  readonly filters = input<readonly RegisterFilter[]>([]);
  /** Search and reset buttons (false: the page searches as a filter changes). */
  readonly buttons = input(true);
  /** The list whose filters the row sets: its tags, one filter off, every filter off (reset). */
  readonly list = input<{ tags(): readonly FilterTag[]; clear(): void; removeFilter(key: string): void } | null>(null);
  readonly created = output<void>();
  readonly searched = output<void>();

  protected readonly shown = computed(() => this.filters().filter((filter) => !filter.when || filter.when()));
}
