import { HttpClient, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { testMe } from '../../testing/me';
import { AuthService } from '../core/auth/auth.service';
import { APP_ICONS } from '../registry';
import { StatisticsPageComponent, StatisticsPageDefinition } from './ledger/statistics-page.component';
import { toParams } from '../core/http/params';
import { StatisticsSelection, selectableYears, yearInZone } from './statistics-selection';

/** A ledger's statistics page with no figures: only its year and town choice. */
const PAGE: StatisticsPageDefinition<{ filters: Record<string, string> }> = {
  title: 'stats.year',
  subtitle: 'stats.year',
  source: () => {
    const http = inject(HttpClient);
    return (year, townId) => http.get<{ filters: Record<string, string> }>('/api/statistics/things', { params: toParams({ year, townId }) });
  },
  figures: [],
  path: '/things',
  panels: [],
};

/** 1 January 2027, 01:00 in Guanghai (UTC+8), still 31 December 2026 in UTC and in New York. */
const NEW_YEAR_IN_CHINA = '2026-12-31T17:00:00Z';

describe('the year a statistics page opens on', () => {
  it('is the year of the clock in the town’s zone', () => {
    expect(yearInZone(new Date(NEW_YEAR_IN_CHINA), 'Asia/Shanghai')).toBe(2027);
    expect(yearInZone(new Date(NEW_YEAR_IN_CHINA), 'UTC')).toBe(2026);
    expect(yearInZone(new Date(NEW_YEAR_IN_CHINA), 'America/New_York')).toBe(2026);
    expect(yearInZone(new Date('2026-06-15T00:00:00Z'), 'Asia/Shanghai')).toBe(2026);
  });

  it('offers this year and the seven before it, and a chosen year outside them too', () => {
    expect(selectableYears(2026, 2026)).toEqual([2026, 2025, 2024, 2023, 2022, 2021, 2020, 2019]);
    expect(selectableYears(2026, 2021)).toEqual([2026, 2025, 2024, 2023, 2022, 2021, 2020, 2019]);
    expect(selectableYears(2026, 2012)).toEqual([2026, 2025, 2024, 2023, 2022, 2021, 2020, 2019, 2012]);
    expect(selectableYears(2026, 2027)).toEqual([2027, 2026, 2025, 2024, 2023, 2022, 2021, 2020, 2019]);
  });
});

describe('a statistics page’s year', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    // Only Date is faked: the page's timers and Angular's scheduling run as usual.
    jest.useFakeTimers({
      now: new Date(NEW_YEAR_IN_CHINA),
      doNotFake: [
        'setTimeout',
        'clearTimeout',
        'setInterval',
        'clearInterval',
        'setImmediate',
        'clearImmediate',
        'queueMicrotask',
        'nextTick',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'requestIdleCallback',
        'cancelIdleCallback',
        'hrtime',
        'performance',
      ],
    });
  });
  afterEach(() => {
    jest.useRealTimers();
    backend.verify();
  });

  async function open(url: string, timeZone = 'Asia/Shanghai') {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'things/statistics', component: StatisticsPageComponent, data: { statistics: PAGE } }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNzIcons(APP_ICONS),
      ],
    });
    TestBed.inject(AuthService).set(testMe([], { timeZone }));
    backend = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    const asked = backend.match((req) => req.url === '/api/statistics/things').filter((req) => !req.cancelled);
    expect(asked).toHaveLength(1);
    const el = harness.routeNativeElement!;
    const selection = (harness.routeDebugElement!.componentInstance as { selection: StatisticsSelection<unknown> }).selection;
    return { harness, year: asked[0].request.params.get('year'), el, selection };
  }

  it('opens on the current year in the town’s zone', async () => {
    expect((await open('/things/statistics')).year).toBe('2027');
  });

  it('opens on the current year of a town in another zone', async () => {
    expect((await open('/things/statistics', 'UTC')).year).toBe('2026');
  });

  it('opens on the year the URL asks for, even one outside the usual list, which offers it', async () => {
    const { harness, year, el, selection } = await open('/things/statistics?year=2012');
    expect(year).toBe('2012');
    await harness.fixture.whenStable();
    expect(el.querySelector('[data-test="stats-year"] .ant-select-selection-item')?.textContent?.trim()).toBe('2012 年');
    expect(selection.years()).toEqual([2027, 2026, 2025, 2024, 2023, 2022, 2021, 2020, 2012]);
  });

  it('ignores a year in the URL the API would refuse', async () => {
    expect((await open('/things/statistics?year=1999')).year).toBe('2027');
  });

  it('keeps a chosen year in the URL, so that coming back opens on it', async () => {
    const { harness, selection } = await open('/things/statistics');
    selection.choose(2021);
    await harness.fixture.whenStable();
    backend.expectOne((req) => req.url === '/api/statistics/things' && req.params.get('year') === '2021');
    expect(TestBed.inject(Router).url).toBe('/things/statistics?year=2021');
  });
});
