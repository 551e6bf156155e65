import { computed, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ActivatedRoute } from '@angular/router';
import { Page } from '@fazhi/contracts';
import { Observable } from 'rxjs';
import { I18nService } from '../../core/i18n/i18n.service';
import { FilterKey, LedgerFilters } from '../ledger/ledger-filters';
import { PageQuery, RoutedList } from '../paged-list';

/**
 * A list whose filters live in the page's URL (a person search only in this list's state): it
 * reads the URL, fills the page's filter form through `opened` each time the URL gives new
 * filters (the first time while the list is made), searches, and gives the filter tags, one
 * filter off and every filter off. Create it in a component's field initialiser, after the
 * page's filter form.
 */
export class UrlList<T, F extends object> extends RoutedList<T, F> {
  private readonly t = inject(I18nService).t;

  constructor(
    fetch: (query: F & PageQuery) => Observable<Page<T>>,
    readonly model: LedgerFilters<F>,
    /** A set filter's value as its tag shows it (null: the value as is). */
    private readonly shown: (query: F, key: FilterKey<F>) => string | null = () => null,
    opened: (query: F) => void = () => undefined,
  ) {
    super(fetch, model.empty, model.personal);
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

  /** Puts the filters in the URL as the model writes them. */
  override go(query: F): boolean {
    return super.go(query, this.model.params(query));
  }

  /** Every filter back to its default. */
  clear(): void {
    this.go(this.model.empty);
  }

  /** One filter back to its default (a closed tag). */
  removeFilter(key: string): void {
    this.go(this.model.without(this.filters(), key as FilterKey<F>));
  }
}
