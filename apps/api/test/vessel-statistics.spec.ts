import { yearInZone } from '@fazhi/contracts';
import { DEMO_VESSEL_FIGURES_2021 } from '../src/database/seeds/demo-vessels';
import { createTestApp, idOf, TestApp } from './test-app';

interface Row {
  id: string;
  town_id: string;
  registered_at: Date;
  dismantled_on: string | null;
  disposal: string | null;
  handed_over_on: string | null;
  voided_at: Date | null;
}

describe('vessel statistics', () => {
  let t: TestApp;
  let leader: string;
  let county: string;
  let gh: string;
  let rows: Row[];

  beforeAll(async () => {
    t = await createTestApp();
    [leader, county] = await Promise.all([t.login('leader'), t.login('county')]);
    gh = await idOf(t.ds, 'org_unit', 'GH');
    // One extra void case in 2021 that must not count anywhere.
    const [victim] = await t.ds.query(`SELECT id FROM vessel_case WHERE town_id = $1 AND status = 'verified' AND disposal = 'campaign' LIMIT 1`, [gh]);
    await t.ds.query(`UPDATE vessel_case SET voided_at = now(), void_reason = 'test' WHERE id = $1`, [victim.id]);
    rows = await t.ds.query(`SELECT id, town_id, registered_at, dismantled_on, disposal, handed_over_on, voided_at FROM vessel_case`);
  });
  afterAll(() => t.close());

  /** The figures computed here, independently of the SQL in the service. */
  function expected(year: number, townId?: string) {
    const live = rows.filter((r) => r.voided_at === null && (!townId || r.town_id === townId));
    const dismantledIn = (r: Row) => r.dismantled_on !== null && Number(r.dismantled_on.slice(0, 4)) === year;
    const end = `${year}-12-31`;
    const registeredOn = (r: Row) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(r.registered_at));
    return {
      registered: live.filter((r) => yearInZone(new Date(r.registered_at), 'Asia/Shanghai') === year),
      dismantled: live.filter(dismantledIn),
      selfDismantled: live.filter((r) => dismantledIn(r) && r.disposal === 'self'),
      campaignDismantled: live.filter((r) => dismantledIn(r) && r.disposal === 'campaign'),
      handedOver: live.filter((r) => r.handed_over_on !== null && Number(r.handed_over_on.slice(0, 4)) === year),
      open: live.filter((r) => registeredOn(r) <= end && (r.dismantled_on === null || r.dismantled_on > end) && (r.handed_over_on === null || r.handed_over_on > end)),
    };
  }

  async function listIds(query: string, cookie: string): Promise<string[]> {
    const ids: string[] = [];
    for (let page = 1; ; page++) {
      const res = await t.http.get(`/api/vessel-cases?${query}&page=${page}&pageSize=100`).set('Cookie', cookie).expect(200);
      ids.push(...res.body.items.map((i: { id: string }) => i.id));
      if (ids.length >= res.body.total) return ids.sort();
    }
  }

  it('states the seed report figures for Guanghai 2021', async () => {
    const res = await t.http.get(`/api/statistics/vessels?year=2021&townId=${gh}`).set('Cookie', leader).expect(200);
    expect(res.body.campaigns).toBe(DEMO_VESSEL_FIGURES_2021.campaigns);
    expect(res.body.campaignDismantled).toBe(DEMO_VESSEL_FIGURES_2021.campaignDismantled - 1);
    expect(res.body.selfDismantled).toBe(DEMO_VESSEL_FIGURES_2021.selfDismantled);
    expect(res.body.handedOver).toBe(DEMO_VESSEL_FIGURES_2021.handedOver);
    expect(res.body.open).toBe(DEMO_VESSEL_FIGURES_2021.openAtYearEnd);
    expect(res.body.dismantled).toBe(res.body.selfDismantled + res.body.campaignDismantled);
  });

  it.each([2020, 2021, 2022])('equals independent counts for %i, and each filter lists exactly those rows', async (year) => {
    for (const [cookie, townId] of [
      [leader, gh],
      [county, undefined],
    ] as const) {
      const res = await t.http
        .get(`/api/statistics/vessels?year=${year}${townId ? `&townId=${townId}` : ''}`)
        .set('Cookie', cookie)
        .expect(200);
      const want = expected(year, townId);
      for (const [figure, list] of Object.entries(want)) {
        expect({ figure, n: res.body[figure] }).toEqual({ figure, n: list.length });
        const ids = await listIds(res.body.filters[figure], cookie);
        expect(ids).toEqual(list.map((r) => r.id).sort());
      }
      expect(res.body.byMonth).toHaveLength(12);
      expect(res.body.byMonth.reduce((s: number, m: { dismantled: number }) => s + m.dismantled, 0)).toBe(want.dismantled.length);
      expect(res.body.byVillage.reduce((s: number, v: { registered: number }) => s + v.registered, 0)).toBe(want.registered.length);
    }
  });

  it('opens the campaigns figure to the closed campaigns of the year', async () => {
    const res = await t.http.get(`/api/statistics/vessels?year=2021&townId=${gh}`).set('Cookie', leader).expect(200);
    const list = await t.http.get(`/api/campaigns?${res.body.filters.campaigns}`).set('Cookie', leader).expect(200);
    expect(list.body.total).toBe(res.body.campaigns);
    expect(list.body.items.map((c: { vesselCount: number }) => c.vesselCount).reduce((a: number, b: number) => a + b, 0)).toBe(101);
  });

  it('covers only the caller scope', async () => {
    const officer2 = await t.login('officer2');
    const hy = await idOf(t.ds, 'org_unit', 'HY');
    // A case of Haiyan's own, dismantled, so that the caller's figures are not zero by default.
    await t.ds.query(
      `UPDATE vessel_case SET town_id = $1, village_id = NULL, campaign_id = NULL WHERE id = (SELECT id FROM vessel_case WHERE town_id = $2 AND dismantled_on >= '2021-01-01' AND dismantled_on < '2022-01-01' AND campaign_id IS NULL AND voided_at IS NULL ORDER BY number LIMIT 1)`,
      [hy, gh],
    );
    const [{ n: haiyan }] = await t.ds.query(`SELECT count(*)::int AS n FROM vessel_case WHERE town_id = $1 AND dismantled_on >= '2021-01-01' AND dismantled_on < '2022-01-01' AND voided_at IS NULL`, [
      hy,
    ]);
    const res = await t.http.get('/api/statistics/vessels?year=2021').set('Cookie', officer2).expect(200);
    expect(haiyan).toBeGreaterThan(0);
    expect(res.body.dismantled).toBe(haiyan);
    expect(res.body.campaigns).toBe(0);
    const guanghai = await t.http.get(`/api/statistics/vessels?year=2021&townId=${gh}`).set('Cookie', leader).expect(200);
    expect(guanghai.body.dismantled).toBeGreaterThan(0);
    const elsewhere = await t.http.get(`/api/statistics/vessels?year=2021&townId=${gh}`).set('Cookie', officer2);
    expect(elsewhere.status === 404 ? 0 : elsewhere.body.dismantled).toBe(0);
  });
});
