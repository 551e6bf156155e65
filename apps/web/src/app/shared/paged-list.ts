import { DestroyRef, WritableSignal, inject, signal } from '@angular/core';
import { ActivatedRoute, Router } from '@angular/router';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { DEFAULT_PAGE_SIZE, Page } from '@fazhi/contracts';
import { Observable, Subject, catchError, finalize, of, switchMap } from 'rxjs';
import { toApiQuery } from './query-params';

export interface PageQuery {
  page: number;
  pageSize: number;
}

/**
 * A server-paginated list: filters, page and page size as signals; the latest request wins.
 * Create it in a component's field initialiser (it needs the injection context).
 */
export class PagedList<T, F extends object> {
  readonly filters: WritableSignal<F>;
  readonly page = signal(1);
  readonly pageSize = signal(DEFAULT_PAGE_SIZE);
  readonly items = signal<T[]>([]);
  readonly total = signal(0);
  readonly loading = signal(false);
  private readonly requests = new Subject<F & PageQuery>();

  constructor(
    fetch: (query: F & PageQuery) => Observable<Page<T>>,
    private readonly initial: F,
  ) {
    this.filters = signal<F>(initial);
    this.requests
      .pipe(
        switchMap((query) => {
          this.loading.set(true);
          return fetch(query).pipe(
            catchError(() => of(null)),
            finalize(() => this.loading.set(false)),
          );
        }),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((result) => {
        if (!result) return;
        this.items.set(result.items);
        this.total.set(result.total);
      });
  }

  load(): void {
    this.requests.next({ ...this.filters(), page: this.page(), pageSize: this.pageSize() });
  }

  search(filters: F): void {
    this.filters.set(filters);
    this.page.set(1);
    this.load();
  }

  reset(): void {
    this.search(this.initial);
  }

  setPage(page: number): void {
    if (page === this.page()) return;
    this.page.set(page);
    this.load();
  }

  setPageSize(pageSize: number): void {
    if (pageSize === this.pageSize()) return;
    this.pageSize.set(pageSize);
    this.page.set(1);
    this.load();
  }
}

/**
 * A paged list whose filters live in the page's URL: `go` puts them there and the URL (which the
 * page reads from its query parameters) drives the list; when the URL already holds them, the
 * list is searched in place (and `go` answers true). Person searches (`personal`: names, ID
 * numbers, phones) never go into the URL or the browser's history: they stay in this list's
 * state and are added back to what the page reads from its URL (`fromRoute`).
 */
export class RoutedList<T, F extends object> extends PagedList<T, F> {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private personalSearch: Partial<F> = {};

  constructor(
    fetch: (query: F & PageQuery) => Observable<Page<T>>,
    initial: F,
    private readonly personal: readonly (keyof F)[] = [],
  ) {
    super(fetch, initial);
  }

  /** The filters read from the page's URL with the person search of the last `go`. */
  fromRoute(query: F): F {
    return { ...query, ...this.personalSearch };
  }

  go(query: F, queryParams?: Record<string, string | number>): boolean {
    const open = { ...query };
    this.personalSearch = {};
    for (const key of this.personal) {
      if (query[key] !== null && query[key] !== undefined) this.personalSearch[key] = query[key];
      delete open[key];
    }
    const target = this.router.createUrlTree([], { relativeTo: this.route, queryParams: queryParams ?? toApiQuery(open) });
    if (this.router.serializeUrl(target) !== this.router.url) {
      void this.router.navigateByUrl(target);
      return false;
    }
    this.search(query);
    return true;
  }
}

/** A list query's sort, as the API takes it. */
export interface SortedQuery<S extends string> {
  sort: S | null;
  order: 'asc' | 'desc' | null;
}

/** The table header's sort state for a column. */
export function tableSortOrder<S extends string>(query: SortedQuery<S>, key: S): 'ascend' | 'descend' | null {
  if (query.sort !== key) return null;
  return query.order === 'asc' ? 'ascend' : 'descend';
}

/** The query after a click on a column's sort (null: nothing changes). */
export function sortedBy<S extends string, Q extends SortedQuery<S>>(query: Q, key: S, order: string | null): Q | null {
  if (!order) return query.sort === key ? { ...query, sort: null, order: null } : null;
  return { ...query, sort: key, order: order === 'ascend' ? 'asc' : 'desc' };
}
