import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup } from '@angular/forms';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { testMe } from '../../../testing/me';
import { AuthService } from '../../core/auth/auth.service';
import { APP_ICONS } from '../../registry';
import { LedgerFilters, read } from '../ledger/ledger-filters';
import { PageQuery } from '../paged-list';
import { UrlList } from './register-list';
import { RegisterFilter, RegisterPageComponent, RegisterView } from './register-page.component';
import { of } from 'rxjs';

interface Query {
  year: number | null;
  q: string | null;
}

const THIS_YEAR = 2026;
const FILTERS = new LedgerFilters<Query>({ year: (value) => (value === 'all' ? null : (read.year(value) ?? THIS_YEAR)), q: read.text(20) }, { year: 'record.town', q: 'record.remark' }, [], {
  year: (value) => value ?? 'all',
});

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RegisterPageComponent],
  template: `
    <fz-register-page [view]="view" [form]="form" [filters]="fields" [list]="list" (created)="creates = creates + 1" (searched)="search()">
      <p data-test="content">{{ list.total() }}</p>
    </fz-register-page>
  `,
})
class PageComponent {
  readonly view: RegisterView = { name: 'advisor', title: 'record.town', subtitle: 'record.village', create: 'record.remark', manage: 'peace_officer.manage' };
  readonly several = signal(false);
  readonly form = new FormGroup({ year: new FormControl<number | 'all'>(THIS_YEAR, { nonNullable: true }), town: new FormControl<string | null>(null), q: new FormControl('', { nonNullable: true }) });
  readonly fields: RegisterFilter[] = [
    { name: 'year', kind: 'select', label: 'record.town', required: true, testId: 'filter-year', options: () => [{ value: 'all', label: '全部' }] },
    { name: 'town', kind: 'select', label: 'record.town', when: this.several, testId: 'filter-town' },
    { name: 'q', kind: 'text', label: 'record.remark', testId: 'filter-q' },
  ];
  readonly queries: (Query & PageQuery)[] = [];
  readonly list = new UrlList<string, Query>(
    (query) => {
      this.queries.push(query);
      return of({ items: [], total: 3, page: 1, pageSize: 20 });
    },
    FILTERS,
    (query, key) => (key === 'year' && query.year === null ? '全部年度' : null),
    (query) => this.form.patchValue({ year: query.year ?? 'all', q: query.q ?? '' }),
  );
  creates = 0;

  search(): void {
    const v = this.form.getRawValue();
    this.list.go({ year: v.year === 'all' ? null : v.year, q: v.q.trim() || null });
  }
}

describe('the register page and its URL list', () => {
  let harness: RouterTestingHarness;
  let page: PageComponent;
  const el = () => harness.routeNativeElement as HTMLElement;
  const settle = async () => {
    await harness.fixture.whenStable();
    harness.detectChanges();
  };

  async function open(url: string, permissions: Parameters<typeof testMe>[0] = []) {
    TestBed.configureTestingModule({ providers: [provideRouter([{ path: 'advisors', component: PageComponent }]), provideNzIcons(APP_ICONS)] });
    TestBed.inject(AuthService).set(testMe(permissions));
    harness = await RouterTestingHarness.create();
    page = await harness.navigateByUrl(url, PageComponent);
    await settle();
  }

  it('draws the filters from definitions and the create button for the writers only', async () => {
    await open('/advisors', ['peace_officer.manage']);
    expect(el().querySelector('[data-test="advisor-filters"] [data-test="filter-year"]')).not.toBeNull();
    expect(el().querySelector('[data-test="filter-town"]')).toBeNull();
    expect(el().querySelector('[data-test="filter-q"]')?.getAttribute('aria-label')).toBe('备注');
    expect(el().querySelector('[data-test="content"]')?.textContent).toBe('3');
    el().querySelector<HTMLButtonElement>('[data-test="advisor-create"]')!.click();
    expect(page.creates).toBe(1);
    page.several.set(true);
    await settle();
    expect(el().querySelector('[data-test="filter-town"]')).not.toBeNull();
  });

  it('hides the create button from readers', async () => {
    await open('/advisors');
    expect(el().querySelector('[data-test="advisor-create"]')).toBeNull();
  });

  it('reads the defaults from an empty URL, writes a default’s “none” in its own word, and tags what differs from the defaults', async () => {
    await open('/advisors');
    expect(page.queries.map((q) => [q.year, q.q])).toEqual([[THIS_YEAR, null]]);
    expect(page.list.tags()).toEqual([]);

    page.form.setValue({ year: 'all', town: null, q: ' 陈 ' });
    el().querySelector<HTMLButtonElement>('[data-test="advisor-search"]')!.click();
    await settle();
    expect(decodeURIComponent(TestBed.inject(Router).url)).toBe('/advisors?year=all&q=陈');
    expect(page.list.filters()).toEqual({ year: null, q: '陈' });
    expect(page.list.tags().map((t) => [t.key, t.value])).toEqual([
      ['year', '全部年度'],
      ['q', '陈'],
    ]);
    expect(FILTERS.params(page.list.filters())).toEqual({ year: 'all', q: '陈' });
    expect([...el().querySelectorAll('[data-filter]')].map((n) => n.getAttribute('data-filter'))).toEqual(['year', 'q']);

    page.list.removeFilter('year');
    await settle();
    expect(page.list.filters()).toEqual({ year: THIS_YEAR, q: '陈' });
    page.list.clear();
    await settle();
    expect(page.list.filters()).toEqual({ year: THIS_YEAR, q: null });
    expect(page.form.getRawValue().year).toBe(THIS_YEAR);
  });
});
