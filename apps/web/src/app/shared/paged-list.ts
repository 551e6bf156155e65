import { DestroyRef, WritableSignal, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { DEFAULT_PAGE_SIZE, Page } from '@fazhi/contracts';
import { Observable, Subject, catchError, finalize, of, switchMap } from 'rxjs';

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
