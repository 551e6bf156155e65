import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { LedgerView } from './ledger-view';
import { ListFilterField, ListSearch } from './list-search';

type Query = {
  q: string | null;
  status: string[];
  villageId: string | null;
  from: string | null;
  to: string | null;
  kind: string | null;
  name: string | null;
  phone: string | null;
  voided: 'true' | 'false' | null;
  year: number | null;
};

const EMPTY: Query = { q: null, status: [], villageId: null, from: null, to: null, kind: null, name: null, phone: null, voided: null, year: null };
const FIELDS: ListFilterField[] = [
  { kind: 'keyword' },
  { kind: 'status', statuses: ['open', 'closed'] },
  { kind: 'select', name: 'kind' },
  { kind: 'village', more: true },
  { kind: 'range', more: true },
  { kind: 'person', more: true },
];
const VIEW = { statusLabels: { open: { zh: '办理中', en: 'Open', color: 'blue' } } } as unknown as LedgerView;

describe('list search', () => {
  function make(): ListSearch<Query> {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const search = TestBed.runInInjectionContext(() => new ListSearch<Query>(FIELDS, ['name', 'phone']));
    TestBed.inject(HttpTestingController)
      .expectOne('/api/org-units/tree')
      .flush([{ id: 't', name: '广海镇', level: 'town', children: [{ id: 'v', name: '南湾村', level: 'village', children: [], townId: 't' }] }]);
    return search;
  }

  it('fills the form from a query and reads it back, keeping the filters without a control', () => {
    const search = make();
    const query: Query = { ...EMPTY, q: '渔船', status: ['open'], kind: 'a', from: '2021-01-01', to: '2021-01-31', phone: '13800138000', year: 2021 };
    search.fill(query);
    expect(search.form.getRawValue()).toEqual({
      q: '渔船',
      status: ['open'],
      kind: 'a',
      villageId: null,
      range: [new Date(2021, 0, 1), new Date(2021, 0, 31)],
      personField: 'phone',
      person: '13800138000',
    });
    expect(search.moreOpen()).toBe(true);
    expect(search.query(query)).toEqual(query);
    search.form.patchValue({ q: '  ', range: [], personField: 'name', person: ' 黄海生 ' });
    expect(search.query(query)).toEqual({ ...query, q: null, from: null, to: null, name: '黄海生', phone: null });
  });

  it('keeps the folded filters closed while none of them is set', () => {
    const search = make();
    search.fill({ ...EMPTY, q: '渔船', kind: 'a' });
    expect(search.moreOpen()).toBe(false);
    expect(search.form.getRawValue()['personField']).toBe('name');
  });

  it('shows states, places and yes or no in words, then the ledger’s own, else nothing', () => {
    const search = make();
    const tag = search.tag(VIEW, { t: (key: string) => (key === 'common.yes' ? '是' : key), pick: (l: { zh: string }) => l.zh }, (_q, key) => (key === 'kind' ? '甲类' : null));
    const query: Query = { ...EMPTY, status: ['open'], villageId: 'v', voided: 'true', kind: 'a', year: 2021 };
    expect(['status', 'villageId', 'voided', 'kind', 'year'].map((key) => tag(query, key))).toEqual(['办理中', '南湾村', '是', '甲类', null]);
  });

  it('starts a select of several choices empty and shows a select’s values by their choices’ labels', () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const options = () => [
      { value: 'a', label: '甲类' },
      { value: 'b', label: '乙类' },
    ];
    const search = TestBed.runInInjectionContext(
      () =>
        new ListSearch<Query & { kinds: string[] }>([
          { kind: 'select', name: 'kinds', multiple: true, options },
          { kind: 'select', name: 'kind', options },
        ]),
    );
    expect(search.form.getRawValue()).toEqual({ kinds: [], kind: null });
    const tag = search.tag(VIEW, { t: (key: string) => key, pick: (l: { zh: string }) => l.zh });
    const query = { ...EMPTY, kinds: ['b', 'a'], kind: 'b' };
    expect(['kinds', 'kind'].map((key) => tag(query, key))).toEqual(['乙类、甲类', '乙类']);
  });
});
