import { computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup } from '@angular/forms';
import { OrgTreeNode } from '@fazhi/contracts';
import { OrgApi } from '../../core/api/org.api';
import { TKey } from '../../core/i18n/dictionary';
import { I18nService } from '../../core/i18n/i18n.service';
import { OrgNames } from '../org-tree';
import { fromPlainDate, toPlainDate } from '../plain-date';
import { LedgerView, statusText } from './ledger-view';
import { personQuery, personSearchOf } from './person-search.component';

/**
 * One control of a list's filter form, as data. Each kind fills its filters: `keyword` → `q`,
 * `status` → `status`, `village` → `villageId`, `range` → `from` and `to`, `select` → `name`,
 * `person` → the list's person search (one of its fields, matched exactly).
 */
export interface ListFilterField {
  kind: 'keyword' | 'status' | 'village' | 'range' | 'select' | 'person';
  /** A select's filter. */
  name?: string;
  placeholder?: TKey;
  /** A range's two placeholders. */
  placeholders?: readonly [TKey, TKey];
  /** A person search's label. */
  label?: TKey;
  /** The states a status filter offers. */
  statuses?: readonly string[];
  /** A select's choices, labels as shown. */
  options?: (t: I18nService['t']) => readonly { value: string; label: string }[];
  showSearch?: boolean;
  /** A select of several choices: its filter is a list. */
  multiple?: boolean;
  /** Folded away on a phone unless one of the folded filters is set or the user opens them. */
  more?: boolean;
  /** Columns of 24 on a wide screen (6 unless given). */
  lg?: number;
  testId?: string;
}

type Query = Record<string, unknown>;

/** The form control of each kind (a select's: its filter). */
const CONTROLS: Record<ListFilterField['kind'], (field: ListFilterField) => [string, unknown][]> = {
  keyword: () => [['q', '']],
  status: () => [['status', []]],
  village: () => [['villageId', null]],
  range: () => [['range', []]],
  select: (field) => [[field.name!, field.multiple ? [] : null]],
  person: () => [
    ['personField', ''],
    ['person', ''],
  ],
};

/**
 * A list page's filter form from its fields: filled from the list's query (`fill`, the list's
 * `opened`) and read back into it (`query`); the folded filters open when one of them is set.
 * Also reads the org tree, for the village choice and the place tags. Made in a field initialiser.
 */
export class ListSearch<F extends object> {
  readonly form = new FormGroup<Record<string, FormControl<unknown>>>({});
  readonly moreOpen = signal(false);
  private readonly orgTree = signal<OrgTreeNode[]>([]);
  readonly names = computed(() => new OrgNames(this.orgTree()));

  constructor(
    readonly fields: readonly ListFilterField[],
    /** The list's person search fields (the first is chosen at first). */
    readonly personal: readonly (keyof F & string)[] = [],
  ) {
    for (const field of fields) {
      for (const [name, initial] of CONTROLS[field.kind](field)) this.form.addControl(name, new FormControl<unknown>(name === 'personField' ? personal[0] : initial, { nonNullable: true }));
    }
    inject(OrgApi)
      .tree()
      .subscribe((tree) => this.orgTree.set(tree));
  }

  /** The form's values for a query. */
  fill(query: F): void {
    const q = query as Query;
    const person = personSearchOf(query, this.personal);
    const value: Query = {};
    let folded = false;
    for (const field of this.fields) {
      switch (field.kind) {
        case 'keyword':
          value['q'] = q['q'] ?? '';
          break;
        case 'range': {
          const [from, to] = [fromPlainDate(q['from'] as string | null), fromPlainDate(q['to'] as string | null)];
          value['range'] = from && to ? [from, to] : [];
          folded ||= !!(field.more && q['from']);
          break;
        }
        case 'person':
          Object.assign(value, { personField: person.field, person: person.value });
          folded ||= !!(field.more && person.value);
          break;
        default: {
          const name = field.kind === 'select' ? field.name! : field.kind === 'village' ? 'villageId' : 'status';
          value[name] = q[name];
          folded ||= !!(field.more && q[name]);
        }
      }
    }
    if (folded) this.moreOpen.set(true);
    this.form.setValue(value);
  }

  /** The query with the form's values; the filters without a control stay as they are. */
  query(current: F): F {
    const v = this.form.getRawValue();
    const [start, end] = (v['range'] ?? []) as Date[];
    const next = { ...current } as Query;
    for (const field of this.fields) {
      if (field.kind === 'keyword') next['q'] = (v['q'] as string).trim() || null;
      else if (field.kind === 'range') Object.assign(next, { from: toPlainDate(start), to: toPlainDate(end) });
      else if (field.kind === 'person') Object.assign(next, personQuery(this.personal, v['personField'] as string, v['person'] as string));
      else {
        const name = field.kind === 'select' ? field.name! : field.kind === 'village' ? 'villageId' : 'status';
        next[name] = v[name];
      }
    }
    return next as F;
  }

  /**
   * A set filter's value as its tag shows it: a select's by its choices' labels, states by their
   * names, towns and villages by theirs, yes and no in words; then the ledger's own (`own`), else
   * the value as is (null).
   */
  tag(view: LedgerView, i18n: Pick<I18nService, 't' | 'pick'>, own: (query: F, key: string) => string | null = () => null): (query: F, key: string) => string | null {
    return (query, key) => {
      const value = (query as Query)[key];
      const options = this.fields.find((field) => field.kind === 'select' && field.name === key)?.options?.(i18n.t);
      if (options)
        return ([] as unknown[])
          .concat(value)
          .map((v) => options.find((option) => option.value === v)?.label ?? String(v))
          .join('、');
      if (Array.isArray(value)) return value.map((s: string) => statusText(view, s, i18n.pick)).join('、');
      if (key === 'townId' || key === 'villageId') return this.names().name(value as string | null);
      if (value === 'true' || value === 'false') return i18n.t(value === 'true' ? 'common.yes' : 'common.no');
      return own(query, key);
    };
  }
}
