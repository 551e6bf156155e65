import { computed } from '@angular/core';
import { SortedQuery, sortedBy, tableSortOrder } from '../paged-list';
import { UrlList } from '../register/register-list';
import { LedgerApi, LedgerTypes } from './ledger-api';
import { FilterKey, LedgerFilters } from './ledger-filters';

/**
 * A ledger's list page: its filters live in the page's URL (a person search only in this list's
 * state), the table's sort and paging, the filter tags, and the export of what the list shows.
 * Create it in a component's field initialiser, after the page's filter form: `opened` fills that
 * form each time the URL gives new filters (the first time while the list is made).
 */
export class LedgerList<T extends LedgerTypes, F extends SortedQuery<string>> extends UrlList<T['item'], F> {
  /** The Excel export's link for the filters, or null when they hold a person search (posted instead). */
  readonly exportHref = computed(() => this.api.exportUrl(this.filters()));

  constructor(
    readonly api: LedgerApi<T>,
    model: LedgerFilters<F>,
    /** A set filter's value as its tag shows it (null: the value as is). */
    shown: (query: F, key: FilterKey<F>) => string | null = () => null,
    opened: (query: F) => void = () => undefined,
  ) {
    super((query) => api.list(query), model, shown, opened);
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
