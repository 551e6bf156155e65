import { TKey } from '../../core/i18n/dictionary';
import { FilterTag } from '../filter-tags.component';
import { isPlainDate } from '../plain-date';
import { MONTH, Source, oneOf, reader, text, toApiQuery, uuid, year } from '../query-params';

/**
 * A list page's filters, typed from the contracts' list-query interface (the one the API's list DTO
 * implements): every field present, lists as arrays, the others null when unset. The same names
 * are the page's query parameters, so a statistic's `filters[figure]` opens the list as is.
 */
export type ListFilters<Q> = {
  [K in keyof Q]-?: NonNullable<Q[K]> extends readonly unknown[] ? NonNullable<Q[K]> : NonNullable<Q[K]> | null;
};

/** The filters that show as tags (the sort does not). */
export type FilterKey<F> = Exclude<keyof F, 'sort' | 'order'> & string;

/** How one filter is read from a query parameter: malformed or unknown values read as unset. */
export type FilterReader<V> = (value: string | null) => V;
export type FilterReaders<F> = { [K in keyof F]-?: FilterReader<F[K]> };

/** The readers of the usual kinds of filter. */
export const read = {
  /** A comma-separated list of allowed values, each once. */
  list:
    <T extends string>(allowed: readonly T[]): FilterReader<T[]> =>
    (value) =>
      [...new Set((value ?? '').split(',').map((s) => s.trim()))].filter((s): s is T => (allowed as readonly string[]).includes(s)),
  oneOf:
    <T extends string>(allowed: readonly T[]): FilterReader<T | null> =>
    (value) =>
      oneOf(value, allowed),
  uuid: ((value) => uuid(value)) as FilterReader<string | null>,
  year: ((value) => year(value)) as FilterReader<number | null>,
  month: ((value) => (value && MONTH.test(value) ? value : null)) as FilterReader<string | null>,
  date: ((value) => (isPlainDate(value) ? value : null)) as FilterReader<string | null>,
  text:
    (max: number): FilterReader<string | null> =>
    (value) =>
      text(value, max),
  /** A person search: never read from (nor written to) a URL. */
  never: (() => null) as FilterReader<null>,
  yesNo: ((value) => oneOf(value, ['true', 'false'] as const)) as FilterReader<'true' | 'false' | null>,
  order: ((value) => oneOf(value, ['asc', 'desc'] as const)) as FilterReader<'asc' | 'desc' | null>,
};

const unset = (value: unknown): boolean => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
const same = (a: unknown, b: unknown): boolean => (unset(a) ? unset(b) : !unset(b) && String(a) === String(b));

/**
 * A ledger's list filters: reading them from query parameters (`fromParams`), the default set
 * (`empty`: what the readers give for no parameter, all unset unless a reader has a default),
 * the tags of the filters that differ from it in label order, the filters without one of them,
 * and the query parameters that give them back (`params`, each value as its `writers` entry
 * writes it: a default's "none" needs a word of its own, such as `activeInYear=all`).
 */
export class LedgerFilters<F extends object> {
  readonly empty: F;

  constructor(
    private readonly readers: FilterReaders<F>,
    /** Each filter's label, in the order the tags show. */
    readonly labels: Record<FilterKey<F>, TKey>,
    /** The person search (names, ID numbers, phones): a POST body, never a URL. */
    readonly personal: readonly (keyof F)[] = [],
    private readonly writers: { [K in keyof F]?: (value: F[K]) => string | number | null } = {},
  ) {
    this.empty = this.fromParams(new URLSearchParams());
  }

  /** Reads the filters from query parameters; unknown or malformed values are left out, and so is a person search. */
  fromParams(source: Source): F {
    const get = reader(source);
    const out = {} as F;
    for (const key of Object.keys(this.readers) as (keyof F & string)[]) {
      out[key] = this.personal.includes(key) ? this.readers[key](null) : this.readers[key](get(key));
    }
    return out;
  }

  /** The filters that differ from the default set, in tag order. */
  active(query: F): FilterKey<F>[] {
    return (Object.keys(this.labels) as FilterKey<F>[]).filter((key) => !same(query[key], this.empty[key]));
  }

  /** The query parameters of the filters (a person search left out). */
  params(query: F): Record<string, string | number> {
    const open: Record<string, unknown> = {};
    for (const key of Object.keys(query) as (keyof F & string)[]) {
      const write = this.writers[key];
      if (!this.personal.includes(key)) open[key] = write ? write(query[key]) : query[key];
    }
    return toApiQuery(open);
  }

  /** The query without one filter (a closed tag). */
  without(query: F, key: FilterKey<F>): F {
    return { ...query, [key]: this.empty[key] };
  }

  /** The set filters as tags, each value shown by `shown` (or as is). */
  tags(query: F, t: (key: TKey) => string, shown: (key: FilterKey<F>) => string | null = () => null): FilterTag[] {
    return this.active(query).map((key) => ({ key, label: t(this.labels[key]), value: shown(key) ?? String(query[key] ?? '') }));
  }
}
