import { computed, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ActivatedRoute } from '@angular/router';
import { I18nService } from '../../core/i18n/i18n.service';
import { RoutedList, SortedQuery, sortedBy, tableSortOrder } from '../paged-list';
import { LedgerApi, LedgerTypes } from './ledger-api';
import { FilterKey, LedgerFilters } from './ledger-filters';

/**
 * A ledger's list page: its filters live in the page's URL (a person search only in this list's
 * state), the table's sort and paging, the filter tags, and the export of what the list shows.
 * Create it in a component's field initialiser, after the page's filter form: `opened` fills that
 * form each time the URL gives new filters (the first time while the list is made).
 */
export class LedgerList<T extends LedgerTypes, F extends SortedQuery<string>> extends RoutedList<T['item'], F> {
  private readonly t = inject(I18nService).t;
  /** The Excel export's link for the filters, or null when they hold a person search (posted instead). */
  readonly exportHref = computed(() => this.api.exportUrl(this.filters()));

  constructor(
    readonly api: LedgerApi<T>,
    readonly model: LedgerFilters<F>,
    /** A set filter's value as its tag shows it (null: the value as is). */
    private readonly shown: (query: F, key: FilterKey<F>) => string | null = () => null,
    opened: (query: F) => void = () => undefined,
  ) {
    super((query) => api.list(query), model.empty, model.personal);
    inject(ActivatedRoute)
      .queryParamMap.pipe(takeUntilDestroyed())
      .subscribe((params) => {
        const query = this.fromRoute(model.fromParams(params));
        opened(query);
        this.search(query);
      });
  }

  readonly tags = computed(() => {
    const query = this.filters();
    return this.model.tags(query, this.t, (key) => this.shown(query, key));
  });

  /** Every filter off. */
  clear(): void {
    this.go(this.model.empty);
  }

  /** One filter off (a closed tag). */
  removeFilter(key: string): void {
    this.go(this.model.without(this.filters(), key as FilterKey<F>));
  }

  sortOrder(key: string): 'ascend' | 'descend' | null {
    return tableSortOrder(this.filters(), key);
  }

  sortBy(key: string, order: string | null): void {
    const next = sortedBy(this.filters(), key, order);
    if (next) this.go(next);
  }

  /** The export of a list searched by a person, posted. */
  exportSearch(): void {
    this.api.exportSearch(this.filters()).subscribe();
  }
}
