import { yearInZone } from '@fazhi/contracts';
import { DEMO_DISPUTE_FIGURES_2021 } from '../src/database/seeds/demo-disputes';
import { createTestApp, idOf, TestApp } from './test-app';

interface Row {
  id: string;
  town_id: string;
  registered_at: Date;
  accepted_on: string | null;
  agreed_on: string | null;
  terminated_on: string | null;
  warning_raised_at: Date | null;
  escalated_on: string | null;
  voided_at: Date | null;
  reached: string[];
}

interface Officer {
  id: string;
  town_id: string;
  active_from: string;
  active_to: string | null;
}

describe('dispute statistics', () => {
  let t: TestApp;
  let leader: string;
  let county: string;
  let gh: string;
  let hy: string;
  let rows: Row[];
  let officers: Officer[];

  beforeAll(async () => {
    t = await createTestApp();
    [leader, county] = await Promise.all([t.login('leader'), t.login('county')]);
    [gh, hy] = await Promise.all([idOf(t.ds, 'org_unit', 'GH'), idOf(t.ds, 'org_unit', 'HY')]);
    // A void 2021 dispute never counts; a date without the state in the history does not count either.
    const [victim] = await t.ds.query(`SELECT id FROM dispute WHERE town_id = $1 AND status = 'archived' AND year = 2021 ORDER BY seq LIMIT 1`, [gh]);
    await t.ds.query(`UPDATE dispute SET voided_at = now(), void_reason = 'test' WHERE id = $1`, [victim.id]);
    await t.ds.query(`UPDATE dispute SET agreed_on = '2022-05-20' WHERE town_id = $1 AND status = 'registered' AND year = 2022`, [gh]);
    const [escalated] = await t.ds.query(`SELECT id FROM dispute WHERE town_id = $1 AND year = 2021 ORDER BY seq LIMIT 1`, [hy]);
    await t.ds.query(`UPDATE dispute SET escalated_on = '2021-09-01', escalation_level = 'city', escalation_kind = 'petition' WHERE id = $1`, [escalated.id]);
    rows = await t.ds.query(
      `SELECT d.id, d.town_id, d.registered_at, d.accepted_on, d.agreed_on, d.terminated_on, d.warning_raised_at, d.escalated_on, d.voided_at,
              COALESCE((SELECT array_agg(DISTINCT h.to_status) FROM status_history h WHERE h.ledger = 'dispute' AND h.record_id = d.id), '{}') AS reached
         FROM dispute d`,
    );
    officers = await t.ds.query(`SELECT id, town_id, active_from, active_to FROM peace_officer`);
  });
  afterAll(() => t.close());

  /** The figures computed here, independently of the SQL in the service. */
  function expected(year: number, townId?: string) {
    const live = rows.filter((r) => r.voided_at === null && (!townId || r.town_id === townId));
    const yearOf = (date: string | null) => (date ? Number(date.slice(0, 4)) : null);
    const agreed = live.filter((r) => yearOf(r.agreed_on) === year && r.reached.includes('agreed'));
    const terminated = live.filter((r) => yearOf(r.terminated_on) === year && r.reached.includes('terminated'));
    return {
      ledger: {
        received: live.filter((r) => yearInZone(new Date(r.registered_at), 'Asia/Shanghai') === year),
        accepted: live.filter((r) => yearOf(r.accepted_on) === year && r.reached.includes('accepted')),
        agreed,
        terminated,
        successRate: [...agreed, ...terminated],
        warnings: live.filter((r) => r.warning_raised_at !== null && yearInZone(new Date(r.warning_raised_at), 'Asia/Shanghai') === year),
        escalated: live.filter((r) => yearOf(r.escalated_on) === year),
      },
      peaceOfficers: officers.filter((o) => (!townId || o.town_id === townId) && o.active_from <= `${year}-12-31` && (o.active_to === null || o.active_to >= `${year}-01-01`)),
    };
  }

  async function listIds(path: string, query: string, cookie: string): Promise<string[]> {
    const ids: string[] = [];
    for (let page = 1; ; page++) {
      const res = await t.http.get(`${path}?${query}&page=${page}&pageSize=100`).set('Cookie', cookie).expect(200);
      ids.push(...res.body.items.map((i: { id: string }) => i.id));
      if (ids.length >= res.body.total) return ids.sort();
    }
  }

  it('states the seed report figures for Guanghai 2021: 56 peace officers, every dispute resolved in the town', async () => {
    const res = await t.http.get(`/api/statistics/disputes?year=2021&townId=${gh}`).set('Cookie', leader).expect(200);
    const f = DEMO_DISPUTE_FIGURES_2021;
    expect(res.body).toMatchObject({
      year: 2021,
      townId: gh,
      peaceOfficers: f.peaceOfficers,
      received: f.received - 1,
      accepted: f.received - 1,
      agreed: f.agreed - 1,
      terminated: f.terminated,
      warnings: f.warnings,
      escalated: f.escalated,
      successRate: { value: 1, numerator: f.agreed - 1, denominator: f.agreed - 1 },
    });
    expect(res.body.byCategory.map((c: { category: string }) => c.category)).toEqual(['marriage_family', 'neighbour', 'land_forest', 'sea_fishery', 'labour', 'contract', 'damages', 'other']);
    expect(res.body.byVillage.filter((v: { villageId: string | null }) => v.villageId !== null)).toHaveLength(9);
  });

  it.each([2020, 2021, 2022])('equals independent counts for %i, and each filter lists exactly those rows', async (year) => {
    for (const [cookie, townId] of [
      [leader, gh],
      [county, undefined],
    ] as const) {
      const res = await t.http
        .get(`/api/statistics/disputes?year=${year}${townId ? `&townId=${townId}` : ''}`)
        .set('Cookie', cookie)
        .expect(200);
      const want = expected(year, townId);
      for (const [figure, list] of Object.entries(want.ledger)) {
        const n = figure === 'successRate' ? res.body.successRate.denominator : res.body[figure];
        expect({ figure, n }).toEqual({ figure, n: list.length });
        expect(await listIds('/api/disputes', res.body.filters[figure], cookie)).toEqual(list.map((r) => r.id).sort());
      }
      expect(res.body.successRate.numerator).toBe(want.ledger.agreed.length);
      expect(res.body.successRate.value).toBe(want.ledger.successRate.length ? want.ledger.agreed.length / want.ledger.successRate.length : null);
      expect(res.body.peaceOfficers).toBe(want.peaceOfficers.length);
      expect(await listIds('/api/peace-officers', res.body.filters.peaceOfficers, cookie)).toEqual(want.peaceOfficers.map((o) => o.id).sort());
      const sum = (list: Record<string, number>[], key: string) => list.reduce((s, x) => s + x[key], 0);
      expect(res.body.byMonth).toHaveLength(12);
      expect(sum(res.body.byMonth, 'received')).toBe(want.ledger.received.length);
      expect(sum(res.body.byMonth, 'agreed')).toBe(want.ledger.agreed.length);
      expect(sum(res.body.byMonth, 'terminated')).toBe(want.ledger.terminated.length);
      expect(sum(res.body.byVillage, 'received')).toBe(want.ledger.received.length);
      expect(sum(res.body.byCategory, 'agreed')).toBe(want.ledger.agreed.length);
    }
  });

  it('covers only the caller scope', async () => {
    const leader2 = await t.login('leader2');
    const res = await t.http.get('/api/statistics/disputes?year=2021').set('Cookie', leader2).expect(200);
    expect(res.body.received).toBe(expected(2021, hy).ledger.received.length);
    expect(res.body.escalated).toBe(1);
    expect(res.body.peaceOfficers).toBe(expected(2021, hy).peaceOfficers.length);
    const officer2 = await t.login('officer2');
    await t.http.get('/api/statistics/disputes?year=2021').set('Cookie', officer2).expect(403);
  });
});
