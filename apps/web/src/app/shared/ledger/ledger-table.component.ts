import { BreakpointObserver } from '@angular/cdk/layout';
import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, Directive, ElementRef, Renderer2, Signal, TemplateRef, computed, contentChild, contentChildren, effect, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { map } from 'rxjs';
import { PermissionCode } from '@fazhi/contracts';
import { AuthService } from '../../core/auth/auth.service';
import { TKey } from '../../core/i18n/dictionary';
import { I18nService } from '../../core/i18n/i18n.service';
import { ZORRO_IMPORTS } from '../zorro';

/** One column of a ledger table. */
export interface LedgerColumn<T> {
  /** Names the column; a cell template `<ng-template fzCell="key" let-item>` draws its cells. */
  key: string;
  /** The header: a dictionary key, or a function of the translator. */
  header: TKey | ((t: I18nService['t']) => string);
  width?: string;
  /** The API's sort key: the header sorts by it. */
  sort?: string;
  /** The cell's text when the column has no template (— when empty). */
  value?: (item: T) => string | number | null | undefined;
  /** The cell links to the record (the route's commands), with the void mark after it. */
  link?: (item: T) => readonly unknown[];
  /** Fixed at the table's left or right edge while it scrolls sideways. */
  fixed?: 'left' | 'right';
  /** Long text that wraps anywhere, or short text that never wraps. */
  wrap?: boolean;
  nowrap?: boolean;
  /** Left out on a phone (375 px): the table keeps the columns a reader needs to pick a row. */
  phone?: false;
  /** Shown only to holders of one of these permissions. */
  permission?: readonly PermissionCode[];
}

/** What the table reads of a paged list (`PagedList`, `LedgerList`). */
export interface TableList<T> {
  readonly items: Signal<T[]>;
  readonly total: Signal<number>;
  readonly page: Signal<number>;
  readonly pageSize: Signal<number>;
  readonly loading: Signal<boolean>;
  setPage(page: number): void;
  setPageSize(pageSize: number): void;
  sortOrder?(key: string): 'ascend' | 'descend' | null;
  sortBy?(key: string, order: string | null): void;
}

/**
 * A cell template of a ledger table column: `<ng-template fzCell="status" [fzCellOf]="list" let-item>`
 * (`fzCellOf` only types `item` as the list's row).
 */
@Directive({ selector: 'ng-template[fzCell]' })
export class LedgerCellDirective<T> {
  readonly key = input.required<string>({ alias: 'fzCell' });
  readonly fzCellOf = input<TableList<T>>(undefined as never);
  readonly template = inject<TemplateRef<{ $implicit: T }>>(TemplateRef);

  static ngTemplateContextGuard<T>(_dir: LedgerCellDirective<T>, _ctx: unknown): _ctx is { $implicit: T } {
    return true;
  }
}

/** A row's detail, shown in an expanded row under it by the row's toggle: `<ng-template fzRowDetail [fzRowDetailOf]="list" let-item>`. */
@Directive({ selector: 'ng-template[fzRowDetail]' })
export class LedgerRowDetailDirective<T> {
  readonly fzRowDetailOf = input<TableList<T>>(undefined as never);
  readonly template = inject<TemplateRef<{ $implicit: T }>>(TemplateRef);

  static ngTemplateContextGuard<T>(_dir: LedgerRowDetailDirective<T>, _ctx: unknown): _ctx is { $implicit: T } {
    return true;
  }
}

/** Sets `data-<name>` on its element (a row names its record for tests and links: `data-dispute="…"`). */
@Directive({ selector: '[fzDataAttr]' })
export class DataAttrDirective {
  readonly name = input.required<string>({ alias: 'fzDataAttr' });
  readonly fzDataValue = input<string | null>(null);

  constructor() {
    const el = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    const renderer = inject(Renderer2);
    effect(() => {
      const value = this.fzDataValue();
      if (value === null) renderer.removeAttribute(el, `data-${this.name()}`);
      else renderer.setAttribute(el, `data-${this.name()}`, value);
    });
  }
}

/**
 * A ledger's table from column definitions: server paging and sorting, the total, loading and
 * empty states, voided rows greyed, columns left out on a phone, and a row's detail shown under it
 * (`fzRowDetail`).
 */
@Component({
  selector: 'fz-ledger-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgTemplateOutlet, RouterLink, ZORRO_IMPORTS, DataAttrDirective],
  template: `
    <nz-table
      #table
      [nzSize]="size()"
      [nzShowSizeChanger]="paged() && !narrow()"
      [nzSimple]="narrow()"
      [nzShowPagination]="paged()"
      [nzData]="list().items()"
      [nzFrontPagination]="false"
      [nzTotal]="list().total()"
      [nzPageIndex]="list().page()"
      [nzPageSize]="list().pageSize()"
      [nzLoading]="list().loading()"
      [nzShowTotal]="totalTpl"
      [nzScroll]="{ x: scrollX() }"
      (nzPageIndexChange)="list().setPage($event)"
      (nzPageSizeChange)="list().setPageSize($event)"
    >
      <thead>
        <tr>
          @if (detail()) {
            <th nzWidth="48px"></th>
          }
          @for (column of shown(); track column.key) {
            @if (column.sort; as sortKey) {
              <th
                [nzWidth]="column.width ?? null"
                [nzLeft]="column.fixed === 'left'"
                [nzRight]="column.fixed === 'right'"
                [class.fz-hide-phone]="column.phone === false"
                [nzSortFn]="true"
                [nzSortOrder]="sortOrder(sortKey)"
                (nzSortOrderChange)="sortBy(sortKey, $event)"
              >
                {{ header(column) }}
              </th>
            } @else {
              <th [nzWidth]="column.width ?? null" [nzLeft]="column.fixed === 'left'" [nzRight]="column.fixed === 'right'" [class.fz-hide-phone]="column.phone === false">
                {{ header(column) }}
              </th>
            }
          }
        </tr>
      </thead>
      <tbody>
        @for (item of table.data; track rowId(item, $index)) {
          <tr [fzDataAttr]="rowName()" [fzDataValue]="rowKey()(item)" [class.fz-voided]="voided(item)">
            @if (detail()) {
              <td [nzExpand]="expanded().has(rowId(item, $index))" (nzExpandChange)="toggle(rowId(item, $index), $event)"></td>
            }
            @for (column of shown(); track column.key) {
              <td
                [nzLeft]="column.fixed === 'left'"
                [nzRight]="column.fixed === 'right'"
                [class.fz-break]="column.wrap"
                [class.fz-nowrap]="column.nowrap"
                [class.fz-hide-phone]="column.phone === false"
              >
                @if (cells().get(column.key); as cell) {
                  <ng-container *ngTemplateOutlet="cell; context: { $implicit: item }" />
                } @else if (column.link) {
                  <a [routerLink]="column.link(item)">{{ text(column, item) }}</a>
                  @if (voided(item)) {
                    <nz-tag nzColor="default" class="fz-tag-inline" data-test="voided-tag">{{ t('record.voided') }}</nz-tag>
                  }
                } @else {
                  {{ text(column, item) }}
                }
              </td>
            }
          </tr>
          @if (detail(); as d) {
            <tr [nzExpand]="expanded().has(rowId(item, $index))">
              <ng-container *ngTemplateOutlet="d.template; context: { $implicit: item }" />
            </tr>
          }
        }
      </tbody>
    </nz-table>
    <ng-template #totalTpl let-total
      ><span [attr.data-test]="testId() + '-total'">{{ t('common.total', { total }) }}</span></ng-template
    >
  `,
  styles: `
    .fz-nowrap {
      white-space: nowrap;
    }
    @media (max-width: 575px) {
      .fz-hide-phone {
        display: none;
      }
    }
  `,
})
export class LedgerTableComponent<T extends object> {
  private readonly auth = inject(AuthService);
  protected readonly t = inject(I18nService).t;
  /** On a phone the pager is the simple one (‹ 3 / 7 ›), which fits the screen's width. */
  protected readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 575.98px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  readonly list = input.required<TableList<T>>();
  readonly columns = input.required<readonly LedgerColumn<T>[]>();
  /** Prefix of the total's `data-test` (`<testId>-total`). */
  readonly testId = input.required<string>();
  /** Each row's `data-<rowName>` (e.g. `dispute`), valued by `rowKey`. */
  readonly rowName = input('record');
  readonly rowKey = input<(item: T) => string>((item) => String((item as { id?: string | number | null }).id ?? ''));
  /** The table's width before it scrolls sideways. */
  readonly scrollX = input('1000px');
  readonly paged = input(true);
  readonly size = input<'default' | 'small'>('default');

  private readonly templates = contentChildren(LedgerCellDirective);
  protected readonly cells = computed(() => new Map(this.templates().map((cell) => [cell.key(), cell.template])));
  protected readonly detail = contentChild(LedgerRowDetailDirective);
  /** The rows whose detail shows. */
  protected readonly expanded = signal<ReadonlySet<unknown>>(new Set());
  protected readonly shown = computed(() => this.columns().filter((column) => !column.permission || this.auth.hasAny(column.permission)));

  protected header(column: LedgerColumn<T>): string {
    return typeof column.header === 'function' ? column.header(this.t) : this.t(column.header);
  }

  protected text(column: LedgerColumn<T>, item: T): string | number {
    const value = column.value ? column.value(item) : (item as Record<string, unknown>)[column.key];
    return value === null || value === undefined || value === '' ? '—' : (value as string | number);
  }

  protected sortOrder(key: string): 'ascend' | 'descend' | null {
    const list = this.list();
    return list.sortOrder ? list.sortOrder(key) : null;
  }

  protected sortBy(key: string, order: string | null): void {
    const list = this.list();
    if (list.sortBy) list.sortBy(key, order);
  }

  protected toggle(id: unknown, open: boolean): void {
    const next = new Set(this.expanded());
    if (open) next.add(id);
    else next.delete(id);
    this.expanded.set(next);
  }

  protected rowId(item: T, index: number): unknown {
    return (item as { id?: unknown }).id ?? index;
  }

  protected voided(item: T): boolean {
    return (item as { voided?: boolean }).voided === true;
  }
}

/** A table's list of rows held in full (a record's parts): one page, no sorting. */
export function rowsOf<T>(items: Signal<readonly T[]>): TableList<T> {
  const none = computed(() => false);
  return {
    items: computed(() => [...items()]),
    total: computed(() => items().length),
    page: computed(() => 1),
    pageSize: computed(() => Math.max(items().length, 1)),
    loading: none,
    setPage: () => undefined,
    setPageSize: () => undefined,
  };
}
