import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ActivatedRoute, Router, convertToParamMap, provideRouter } from '@angular/router';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { BehaviorSubject } from 'rxjs';
import { testMe } from '../../../testing/me';
import { AuthService } from '../../core/auth/auth.service';
import { APP_ICONS } from '../../registry';
import { toApiQuery } from '../../shared/query-params';
import { DISPUTE_FILTERS, DisputeQuery } from './dispute-filters';
import { DISPUTE_PARTY_SEARCH_FIELDS } from '@fazhi/contracts';
import { ListSearch } from '../../shared/ledger/list-search';
import { DISPUTE_SEARCH, DisputeListComponent } from './dispute-list.component';

const TOWN = '021f3f28-9c0d-5251-8673-e6519956119c';

/** `filters[figure]` as GET /api/statistics/disputes answers them (with and without a town). */
const FIGURE_FILTERS = [
  'voided=false&registeredYear=2021',
  'voided=false&acceptedYear=2021',
  'voided=false&agreedYear=2021',
  'voided=false&terminatedYear=2021',
  'voided=false&concludedYear=2021',
  'voided=false&warningYear=2021',
  'voided=false&escalatedYear=2021',
  `voided=false&townId=${TOWN}&agreedYear=2021`,
  'voided=false&registeredMonth=2021-04',
  'voided=false&agreedMonth=2021-04&category=neighbour',
];

function pairs(query: string | Record<string, string | number>): string[] {
  const params = typeof query === 'string' ? new URLSearchParams(query) : new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  return [...params.entries()].map(([k, v]) => `${k}=${v}`).sort();
}

describe('dispute list filters from query parameters', () => {
  it.each(FIGURE_FILTERS)('keeps every filter of %s', (query) => {
    expect(pairs(toApiQuery(DISPUTE_FILTERS.fromParams(new URLSearchParams(query))))).toEqual(pairs(query));
  });

  it('reads each list filter and writes it back the same way', () => {
    const query =
      `status=mediating,agreed&reached=accepted&townId=${TOWN}&villageId=${TOWN}&noVillage=true&category=land_forest&source=police` +
      `&riskLevel=group_incident&mediatorId=${TOWN}&from=2021-01-01&to=2021-06-30&q=宅基地` +
      '&escalated=true&deadline=overdue&voided=true&sort=occurredOn&order=asc';
    const parsed = DISPUTE_FILTERS.fromParams(convertToParamMap(Object.fromEntries(new URLSearchParams(query))));
    expect(parsed.status).toEqual(['mediating', 'agreed']);
    expect(parsed.riskLevel).toBe('group_incident');
    expect(pairs(toApiQuery(parsed))).toEqual(pairs(query));
  });

  it('never reads a party search from the URL', () => {
    const parsed = DISPUTE_FILTERS.fromParams(new URLSearchParams('partyName=黄海生&partyIdNumber=44078119800101123X&partyPhone=13800138000&voided=false'));
    expect(parsed).toMatchObject({ partyName: null, partyIdNumber: null, partyPhone: null });
    expect(toApiQuery(parsed)).toEqual({ voided: 'false' });
  });

  it('leaves out malformed and unknown values', () => {
    const parsed = DISPUTE_FILTERS.fromParams(
      new URLSearchParams('status=lost,registered&townId=abc&from=2021-02-30&agreedYear=21&agreedMonth=2021-13&category=war&riskLevel=high&deadline=soon&sort=x&extra=1'),
    );
    expect(toApiQuery(parsed)).toEqual({ status: 'registered' });
  });

  it('lists the set filters in tag order and removes one at a time', () => {
    const parsed = DISPUTE_FILTERS.fromParams(new URLSearchParams(`voided=false&townId=${TOWN}&agreedYear=2021&category=neighbour&sort=number&order=desc`));
    expect(DISPUTE_FILTERS.active(parsed)).toEqual(['townId', 'category', 'agreedYear', 'voided']);
    expect(toApiQuery(DISPUTE_FILTERS.without(parsed, 'category'))).toEqual({ townId: TOWN, agreedYear: 2021, voided: 'false', sort: 'number', order: 'desc' });
    expect(DISPUTE_FILTERS.active(DISPUTE_FILTERS.empty)).toEqual([]);
  });

  it('sends the exact party search to the one field chosen and keeps the filters without a control', () => {
    const current = { ...DISPUTE_FILTERS.fromParams(new URLSearchParams('agreedYear=2021&voided=false')), partyName: '旧名' };
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const search = TestBed.runInInjectionContext(() => new ListSearch<DisputeQuery>(DISPUTE_SEARCH, DISPUTE_PARTY_SEARCH_FIELDS));
    search.form.patchValue({ status: ['mediating'], riskLevel: 'elevated', q: '  ', personField: 'partyPhone', person: ' 13800138000 ' });
    const next = search.query(current);
    expect(toApiQuery(next)).toEqual({ status: 'mediating', riskLevel: 'elevated', partyPhone: '13800138000', agreedYear: 2021, voided: 'false' });
  });
});

describe('dispute list opened with a figure query string', () => {
  let backend: HttpTestingController;

  afterEach(() => backend.verify());

  it('asks for exactly the rows behind the figure and shows every filter as a tag', async () => {
    const query = `voided=false&townId=${TOWN}&agreedYear=2021&category=neighbour`;
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNzIcons(APP_ICONS),
        { provide: ActivatedRoute, useValue: { queryParamMap: new BehaviorSubject(convertToParamMap(Object.fromEntries(new URLSearchParams(query)))) } },
      ],
    });
    TestBed.inject(AuthService).set(testMe(['dispute.read']));
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(DisputeListComponent);
    await fixture.whenStable();
    const list = backend.expectOne((req) => req.url === '/api/disputes');
    expect(pairs(list.request.params.toString())).toEqual(pairs(`${query}&page=1&pageSize=20`));
    list.flush({ items: [], total: 12, page: 1, pageSize: 20 });
    backend.expectOne('/api/org-units/tree').flush([{ id: TOWN, name: '广海镇', level: 'town', children: [], townId: TOWN }]);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const tags = [...el.querySelectorAll('[data-filter]')].map((tag) => tag.getAttribute('data-filter'));
    expect(tags).toEqual(['townId', 'category', 'agreedYear', 'voided']);
    expect(el.querySelector('[data-filter="category"]')?.textContent).toContain('邻里纠纷');
    expect(el.querySelector('[data-test="dispute-create"]')).toBeNull();
  });

  it('searches by a party’s ID number in a POST body and keeps it out of the page’s URL', async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideNzIcons(APP_ICONS)] });
    TestBed.inject(AuthService).set(testMe(['dispute.read']));
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(DisputeListComponent);
    await fixture.whenStable();
    backend.expectOne((req) => req.url === '/api/disputes' && req.method === 'GET').flush({ items: [], total: 0, page: 1, pageSize: 20 });
    backend.expectOne('/api/org-units/tree').flush([]);
    const component = fixture.componentInstance as unknown as { search: DisputeListComponent['search'] };
    component.search.form.patchValue({ personField: 'partyIdNumber', person: '44078119800101123X', status: ['mediating'] });
    (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('[data-test="dispute-search"]')!.click();
    await fixture.whenStable();
    const search = backend.expectOne((req) => req.url === '/api/disputes/search');
    expect(search.request.method).toBe('POST');
    expect(search.request.body).toMatchObject({ partyIdNumber: '44078119800101123X', status: 'mediating' });
    search.flush({ items: [], total: 0, page: 1, pageSize: 20 });
    await fixture.whenStable();
    const router = TestBed.inject(Router);
    expect(router.url).toContain('status=mediating');
    expect(router.url).not.toContain('44078119800101123X');
    const exportButton = (fixture.nativeElement as HTMLElement).querySelector('[data-test="dispute-export"]');
    expect(exportButton?.tagName).toBe('BUTTON');
    expect(exportButton?.getAttribute('href')).toBeNull();
  });
});
