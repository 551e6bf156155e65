import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { toApiQuery } from '../../shared/query-params';
import { AdvisorRegistersApi } from './advisor-registers.api';
import { assignmentsAfter } from './advisor-register.component';
import { VILLAGE_FILTERS } from './village-register.component';

const A = 'a0000000-0000-4000-8000-000000000001';
const B = 'b0000000-0000-4000-8000-000000000002';
const C = 'c0000000-0000-4000-8000-000000000003';

describe('advisor register villages', () => {
  const current = [
    { villageId: A, villageName: '社区', from: '2020-01-01', to: null },
    { villageId: B, villageName: '南湾村', from: '2020-01-01', to: null },
    { villageId: C, villageName: '登湖村', from: '2019-01-01', to: '2019-12-31' },
  ];

  it('keeps the villages still chosen, ends those left out today and starts the new ones on the day given', () => {
    expect(assignmentsAfter(current, [A, C], '2026-12-21', '2026-12-21')).toEqual([
      { villageId: A, from: '2020-01-01', to: null },
      { villageId: B, from: '2020-01-01', to: '2026-12-21' },
      { villageId: C, from: '2019-01-01', to: '2019-12-31' },
      { villageId: C, from: '2026-12-21', to: null },
    ]);
  });

  it('changes nothing when the same villages stay chosen', () => {
    expect(assignmentsAfter(current, [A, B], '2026-12-21', '2026-12-21')).toEqual(current.map(({ villageId, from, to }) => ({ villageId, from, to })));
  });

  it('gives a new advisor the chosen villages from the day given', () => {
    expect(assignmentsAfter([], [B], '2026-12-01', '2026-12-21')).toEqual([{ villageId: B, from: '2026-12-01', to: null }]);
  });
});

describe('village register filters', () => {
  it('reads each village figure query back whole', () => {
    for (const query of ['roomYear=2021', 'advisorYear=2021', 'publishedListYear=2021', 'meetsHoursYear=2021&townId=' + A, 'ruleOfLawLevel=province']) {
      const back = new URLSearchParams(Object.entries(toApiQuery(VILLAGE_FILTERS.fromParams(new URLSearchParams(query)))).map(([k, v]) => [k, String(v)]));
      expect([...back.entries()].sort()).toEqual([...new URLSearchParams(query).entries()].sort());
    }
  });
});

describe('village register API', () => {
  it('asks for the filtered villages without the paging the API does not take, each row keyed by its village', () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const backend = TestBed.inject(HttpTestingController);
    let rows: unknown[] = [];
    TestBed.inject(AdvisorRegistersApi)
      .villages({ roomYear: 2021, page: 1, pageSize: 20 })
      .subscribe((page) => (rows = page.items));
    const req = backend.expectOne((r) => r.url === '/api/advisor-villages');
    expect(req.request.params.keys()).toEqual(['roomYear']);
    req.flush([{ villageId: A, villageName: '广海社区' }]);
    expect(rows).toEqual([{ id: A, villageId: A, villageName: '广海社区' }]);
    backend.verify();
  });
});

describe('advisor register accounts', () => {
  it('asks for the accounts of the advisor’s town that an advisor may be linked to', () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const backend = TestBed.inject(HttpTestingController);
    let names: string[] = [];
    TestBed.inject(AdvisorRegistersApi)
      .accounts(A)
      .subscribe((accounts) => (names = accounts.map((a) => a.name)));
    const req = backend.expectOne((r) => r.url === '/api/advisors/accounts');
    expect(req.request.params.get('townId')).toBe(A);
    req.flush([{ id: B, name: '朱立法' }]);
    expect(names).toEqual(['朱立法']);
    backend.verify();
  });
});

describe('village service lists', () => {
  it('publishes a new version with the village row’s version, the label, the day and the file, and reads the row back keyed by its village', () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const backend = TestBed.inject(HttpTestingController);
    const api = TestBed.inject(AdvisorRegistersApi);
    let village: unknown = null;
    const file = new File(['%PDF-1.4'], '服务清单.pdf', { type: 'application/pdf' });
    api.publishServiceList(A, 3, '2022版', '2022-01-10', file).subscribe((row) => (village = row));
    const req = backend.expectOne((r) => r.method === 'POST' && r.url === `/api/advisor-villages/${A}/service-lists`);
    const body = req.request.body as FormData;
    expect([body.get('version'), body.get('listVersion'), body.get('publishedOn'), (body.get('file') as File).name]).toEqual(['3', '2022版', '2022-01-10', '服务清单.pdf']);
    req.flush({ villageId: A, villageName: '广海社区', serviceListVersion: '2022版' });
    expect(village).toEqual({ id: A, villageId: A, villageName: '广海社区', serviceListVersion: '2022版' });
    expect(api.serviceListUrl(A, B)).toBe(`/api/advisor-villages/${A}/service-lists/${B}`);
    backend.verify();
  });
});
