import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ActivatedRoute, Router, convertToParamMap, provideRouter } from '@angular/router';
import { VesselStatistics } from '@fazhi/contracts';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { testMe } from '../../../testing/me';
import { AuthService } from '../../core/auth/auth.service';
import { APP_ICONS } from '../../registry';
import { VESSEL_CHART_PROVIDERS } from './echarts';
import { StatisticsPageComponent, figureUrl } from '../../shared/ledger/statistics-page.component';
import { STATISTICS_ROUTES, VESSEL_STATISTICS } from './statistics.routes';

const TOWN = '021f3f28-9c0d-5251-8673-e6519956119c';

const STATS: VesselStatistics = {
  year: 2021,
  townId: TOWN,
  registered: 97,
  dismantled: 120,
  selfDismantled: 18,
  campaignDismantled: 102,
  campaigns: 3,
  handedOver: 2,
  open: 9,
  byMonth: Array.from({ length: 12 }, (_, i) => ({ month: `2021-${String(i + 1).padStart(2, '0')}`, registered: i, dismantled: 0, selfDismantled: 0, campaignDismantled: 0 })),
  byVillage: [{ villageId: null, name: '未指定村(社区)', registered: 1, dismantled: 0 }],
  filters: {
    registered: `voided=false&townId=${TOWN}&registeredYear=2021`,
    dismantled: `voided=false&townId=${TOWN}&dismantledYear=2021`,
    selfDismantled: `voided=false&townId=${TOWN}&dismantledYear=2021&disposal=self`,
    campaignDismantled: `voided=false&townId=${TOWN}&dismantledYear=2021&disposal=campaign`,
    campaigns: `year=2021&status=closed&voided=false&townId=${TOWN}`,
    handedOver: `voided=false&townId=${TOWN}&handedOverYear=2021`,
    open: `voided=false&townId=${TOWN}&openAt=2021-12-31`,
  },
};

describe('vessel statistics', () => {
  it('opens the vessel list (campaigns: the campaign list) with the figure query string', () => {
    expect(figureUrl(VESSEL_STATISTICS, 'campaignDismantled', STATS)).toBe(`/vessels?${STATS.filters.campaignDismantled}`);
    expect(figureUrl(VESSEL_STATISTICS, 'campaigns', STATS)).toBe(`/vessels/campaigns?${STATS.filters.campaigns}`);
    expect(VESSEL_STATISTICS.figures.map((f) => f.key).sort()).toEqual(Object.keys(STATS.filters).sort());
  });

  it('asks this year for the only town, shows each figure and navigates from its card', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNzIcons(APP_ICONS),
        ...VESSEL_CHART_PROVIDERS,
        { provide: ActivatedRoute, useValue: { snapshot: { data: STATISTICS_ROUTES[0].data, queryParamMap: convertToParamMap({}) } } },
      ],
    });
    const backend = TestBed.inject(HttpTestingController);
    const router = TestBed.inject(Router);
    const navigate = jest.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
    TestBed.inject(AuthService).set(testMe(['vessel.read'], { scope: { towns: [{ id: TOWN, name: '广海镇', level: 'town' }], villages: [], ownOnly: false } }));
    const fixture = TestBed.createComponent(StatisticsPageComponent);
    await fixture.whenStable();
    const req = backend.expectOne((r) => r.url === '/api/statistics/vessels');
    expect(req.request.params.get('year')).toBe(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
    expect(req.request.params.get('townId')).toBe(TOWN);
    req.flush(STATS);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const card = (key: string) => el.querySelector<HTMLButtonElement>(`[data-figure="${key}"]`)!;
    expect(card('campaignDismantled').textContent).toContain('102');
    expect(card('campaigns').textContent).toContain('3');
    card('campaignDismantled').click();
    expect(navigate).toHaveBeenLastCalledWith(`/vessels?${STATS.filters.campaignDismantled}`);
    card('campaigns').click();
    expect(navigate).toHaveBeenLastCalledWith(`/vessels/campaigns?${STATS.filters.campaigns}`);
    expect(el.querySelector('[data-test="stats-villages"]')?.textContent).toContain('未指定村(社区)');
    expect(el.querySelector('[data-test="stats-chart"]')).not.toBeNull();
    backend.verify();
  });
});
