import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ActivatedRoute, Router, convertToParamMap, provideRouter } from '@angular/router';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { BehaviorSubject } from 'rxjs';
import { testMe } from '../../../testing/me';
import { AuthService } from '../../core/auth/auth.service';
import { APP_ICONS } from '../../registry';
import { CampaignListComponent } from './campaign-list.component';
import { CAMPAIGN_FILTERS, VESSEL_FILTERS } from './vessel-filters';
import { toApiQuery } from '../../shared/query-params';
import { VesselListComponent } from './vessel-list.component';

const TOWN = '021f3f28-9c0d-5251-8673-e6519956119c';

/** `filters[figure]` as GET /api/statistics/vessels answers them (with and without a town). */
const FIGURE_FILTERS = [
  'voided=false&registeredYear=2021',
  'voided=false&dismantledYear=2021',
  'voided=false&dismantledYear=2021&disposal=self',
  'voided=false&dismantledYear=2021&disposal=campaign',
  'voided=false&handedOverYear=2021',
  'voided=false&openAt=2021-12-31',
  `voided=false&townId=${TOWN}&dismantledYear=2021&disposal=campaign`,
  `voided=false&townId=${TOWN}&openAt=2021-12-31`,
  'voided=false&registeredMonth=2021-04',
  'voided=false&dismantledMonth=2021-04&disposal=self',
];

/** The same pairs, whatever their order. */
function pairs(query: string | Record<string, string | number>): string[] {
  const params = typeof query === 'string' ? new URLSearchParams(query) : new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  return [...params.entries()].map(([k, v]) => `${k}=${v}`).sort();
}

describe('vessel list filters from query parameters', () => {
  it.each(FIGURE_FILTERS)('keeps every filter of %s', (query) => {
    const parsed = VESSEL_FILTERS.fromParams(new URLSearchParams(query));
    expect(pairs(toApiQuery(parsed))).toEqual(pairs(query));
  });

  it('reads each list filter and writes it back the same way', () => {
    const query =
      `status=persuading,unclaimed&townId=${TOWN}&villageId=${TOWN}&from=2021-01-01&to=2021-06-30&campaignId=${TOWN}` +
      '&q=南湾&registeredYear=2021&handedOverYear=2022' +
      '&voided=true&sort=dismantledOn&order=asc';
    const parsed = VESSEL_FILTERS.fromParams(convertToParamMap(Object.fromEntries(new URLSearchParams(query))));
    expect(parsed.status).toEqual(['persuading', 'unclaimed']);
    expect(parsed.registeredYear).toBe(2021);
    expect(parsed.sort).toBe('dismantledOn');
    expect(pairs(toApiQuery(parsed))).toEqual(pairs(query));
  });

  it('never reads an owner search from the URL', () => {
    const parsed = VESSEL_FILTERS.fromParams(new URLSearchParams('ownerName=黄海生&ownerIdNumber=44078119800101123X&ownerPhone=13800138000&voided=false'));
    expect(parsed).toMatchObject({ ownerName: null, ownerIdNumber: null, ownerPhone: null });
    expect(toApiQuery(parsed)).toEqual({ voided: 'false' });
  });

  it('leaves out malformed and unknown values instead of sending them', () => {
    const parsed = VESSEL_FILTERS.fromParams(
      new URLSearchParams('status=sunk,registered&townId=abc&from=2021-02-30&dismantledYear=21&dismantledMonth=2021-13&disposal=burnt&voided=maybe&sort=owner&extra=1'),
    );
    expect(toApiQuery(parsed)).toEqual({ status: 'registered' });
  });

  it('lists the set filters in tag order and removes one at a time', () => {
    const parsed = VESSEL_FILTERS.fromParams(new URLSearchParams(`voided=false&townId=${TOWN}&dismantledYear=2021&disposal=self&sort=number&order=desc`));
    expect(VESSEL_FILTERS.active(parsed)).toEqual(['townId', 'dismantledYear', 'disposal', 'voided']);
    const without = VESSEL_FILTERS.without(parsed, 'disposal');
    expect(toApiQuery(without)).toEqual({ townId: TOWN, dismantledYear: 2021, voided: 'false', sort: 'number', order: 'desc' });
    expect(VESSEL_FILTERS.active(VESSEL_FILTERS.empty)).toEqual([]);
  });

  it('reads the campaign list filters of the campaigns figure', () => {
    const query = `year=2021&status=closed&voided=false&townId=${TOWN}`;
    expect(pairs(toApiQuery(CAMPAIGN_FILTERS.fromParams(new URLSearchParams(query))))).toEqual(pairs(query));
    expect(CAMPAIGN_FILTERS.fromParams(new URLSearchParams('year=twenty&status=open'))).toEqual({ year: null, status: null, voided: null, townId: null, sort: null, order: null });
  });
});

describe('list pages opened with a figure query string', () => {
  let backend: HttpTestingController;

  function setUp(query: string): void {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNzIcons(APP_ICONS),
        { provide: ActivatedRoute, useValue: { queryParamMap: new BehaviorSubject(convertToParamMap(Object.fromEntries(new URLSearchParams(query)))) } },
      ],
    });
    TestBed.inject(AuthService).set(testMe(['vessel.read']));
    backend = TestBed.inject(HttpTestingController);
  }

  afterEach(() => backend.verify());

  it('asks the vessel list for exactly the rows behind the figure and shows every filter as a tag', async () => {
    const query = `voided=false&townId=${TOWN}&dismantledYear=2021&disposal=campaign`;
    setUp(query);
    const fixture = TestBed.createComponent(VesselListComponent);
    await fixture.whenStable();
    const list = backend.expectOne((req) => req.url === '/api/vessel-cases');
    expect(pairs(list.request.params.toString())).toEqual(pairs(`${query}&page=1&pageSize=20`));
    list.flush({ items: [], total: 102, page: 1, pageSize: 20 });
    backend.expectOne('/api/org-units/tree').flush([{ id: TOWN, name: '广海镇', level: 'town', children: [], townId: TOWN }]);
    backend.expectOne((req) => req.url === '/api/campaigns').flush({ items: [], total: 0, page: 1, pageSize: 100 });
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const tags = [...el.querySelectorAll('[data-filter]')].map((tag) => tag.getAttribute('data-filter'));
    expect(tags).toEqual(['townId', 'dismantledYear', 'disposal', 'voided']);
    expect(el.querySelector('[data-filter="townId"]')?.textContent).toContain('广海镇');
    expect(el.querySelector('[data-filter="disposal"]')?.textContent).toContain('集中销毁');
    expect(el.querySelector('[data-test="vessel-export"]')?.getAttribute('href')).toBe(`/api/vessel-cases/export.xlsx?townId=${TOWN}&dismantledYear=2021&disposal=campaign&voided=false`);
  });

  it('searches by the owner in a POST body, never in the URL, and keeps the search in the form', async () => {
    setUp('');
    const fixture = TestBed.createComponent(VesselListComponent);
    await fixture.whenStable();
    backend.expectOne((req) => req.url === '/api/vessel-cases').flush({ items: [], total: 0, page: 1, pageSize: 20 });
    backend.expectOne('/api/org-units/tree').flush([]);
    backend.expectOne((req) => req.url === '/api/campaigns').flush({ items: [], total: 0, page: 1, pageSize: 100 });
    const form = (fixture.componentInstance as unknown as { search: { form: { patchValue(v: object): void } } }).search.form;
    form.patchValue({ personField: 'ownerPhone', person: ' 13800138000 ' });
    (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('[data-test="vessel-search"]')!.click();
    const search = backend.expectOne('/api/vessel-cases/search');
    expect(search.request.method).toBe('POST');
    expect(search.request.body).toEqual({ ownerPhone: '13800138000', page: 1, pageSize: 20 });
    search.flush({ items: [], total: 0, page: 1, pageSize: 20 });
    await fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/');
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-filter="ownerPhone"]')?.textContent).toContain('13800138000');
    expect(el.querySelector('a[data-test="vessel-export"]')).toBeNull();
  });

  it('asks the campaign list for the campaigns figure', async () => {
    const query = `year=2021&status=closed&voided=false&townId=${TOWN}`;
    setUp(query);
    const fixture = TestBed.createComponent(CampaignListComponent);
    await fixture.whenStable();
    const list = backend.expectOne((req) => req.url === '/api/campaigns');
    expect(pairs(list.request.params.toString())).toEqual(pairs(`${query}&page=1&pageSize=20`));
    list.flush({ items: [], total: 3, page: 1, pageSize: 20 });
    backend.expectOne('/api/org-units/tree').flush([]);
  });
});
