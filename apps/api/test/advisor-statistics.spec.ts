import type { AdvisorStatistics } from '@fazhi/contracts';
import { DEMO_ADVISOR_FIGURES_2021 } from '../src/database/seeds/demo-advisors';
import { createTestApp, idOf, TestApp } from './test-app';

interface Entry {
  id: string;
  town_id: string;
  village_id: string;
  type: string;
  service_date: string;
  minutes: number;
  attendees: number | null;
  handover_kind: string | null;
  voided_at: Date | null;
}

describe('advisor statistics', () => {
  let t: TestApp;
  let leader: string;
  let gh: string;
  let entries: Entry[];
  let stats: AdvisorStatistics;

  beforeAll(async () => {
    t = await createTestApp();
    leader = await t.login('leader');
    gh = await idOf(t.ds, 'org_unit', 'GH');
    // A void entry never counts.
    const [victim] = await t.ds.query(`SELECT id FROM advisor_service WHERE town_id = $1 AND type = 'visit' AND service_date < '2021-12-01' ORDER BY seq LIMIT 1`, [gh]);
    const [extra] = await t.ds.query(`SELECT id FROM advisor_service WHERE town_id = $1 AND type = 'visit' AND service_date < '2021-12-01' ORDER BY seq OFFSET 1 LIMIT 1`, [gh]);
    await t.ds.query(`UPDATE advisor_service SET voided_at = now(), void_reason = 'test' WHERE id = $1`, [victim.id]);
    await t.ds.query(`UPDATE advisor_service SET voided_at = NULL WHERE id = $1`, [extra.id]);
    entries = await t.ds.query(`SELECT id, town_id, village_id, type, to_char(service_date, 'YYYY-MM-DD') AS service_date, minutes, attendees, handover_kind, voided_at FROM advisor_service`);
    const res = await t.http.get(`/api/statistics/advisors?year=2021&townId=${gh}`).set('Cookie', leader);
    expect(res.status).toBe(200);
    stats = res.body;
  });
  afterAll(() => t.close());

  const live = (year: number) => entries.filter((e) => e.voided_at === null && e.town_id === gh && e.service_date.startsWith(String(year)));

  it('states the seed report’s figures for Guanghai 2021 (one visit voided here)', () => {
    expect(stats.consultations).toBe(DEMO_ADVISOR_FIGURES_2021.consultations);
    expect(stats.publicityEvents).toBe(DEMO_ADVISOR_FIGURES_2021.publicityEvents);
    expect(stats.publicityAttendees).toBeGreaterThanOrEqual(DEMO_ADVISOR_FIGURES_2021.minAttendees);
    expect(stats.villageGroupVisits).toBe(DEMO_ADVISOR_FIGURES_2021.villageGroupVisits - 1);
    expect([stats.villages, stats.villagesWithRoom, stats.villagesWithAdvisor, stats.villagesWithPublishedList, stats.villagesMeetingHours]).toEqual([9, 9, 9, 9, 9]);
    expect(stats.roomRate).toEqual({ value: 1, numerator: 9, denominator: 9 });
  });

  it('counts each log figure as an independent count does', () => {
    const e = live(2021);
    const of = (type: string) => e.filter((x) => x.type === type);
    expect(stats.consultations).toBe(of('consultation').length);
    expect(stats.publicityEvents).toBe(of('publicity').length);
    expect(stats.publicityAttendees).toBe(of('publicity').reduce((s, x) => s + (x.attendees ?? 0), 0));
    expect(stats.villageGroupVisits).toBe(of('visit').length);
    expect(stats.legalHealthChecks).toBe(of('health_check').length);
    expect(stats.decisionReviews).toBe(of('review').length);
    expect(stats.legalAidReferrals).toBe(e.filter((x) => x.type === 'legal_aid' || x.handover_kind === 'legal_aid').length);
    expect(stats.hours).toBeCloseTo(e.reduce((s, x) => s + x.minutes, 0) / 60, 2);
    const months = new Map<string, number>();
    for (const x of e) months.set(`${x.village_id}:${x.service_date.slice(0, 7)}`, (months.get(`${x.village_id}:${x.service_date.slice(0, 7)}`) ?? 0) + x.minutes);
    expect([...months.values()].filter((m) => m >= 480)).toHaveLength(108);
    expect(stats.byMonth.reduce((s, m) => s + m.entries, 0)).toBe(e.length);
    expect(stats.byType.reduce((s, m) => s + m.entries, 0)).toBe(e.length);
    expect(stats.byVillage.every((v) => v.monthsMet === 12)).toBe(true);
  });

  it('answers with each log figure’s filter exactly the rows it counts', async () => {
    const e = live(2021);
    const expectedIds: Record<string, Entry[]> = {
      consultations: e.filter((x) => x.type === 'consultation'),
      publicityEvents: e.filter((x) => x.type === 'publicity'),
      villageGroupVisits: e.filter((x) => x.type === 'visit'),
      legalHealthChecks: e.filter((x) => x.type === 'health_check'),
      decisionReviews: e.filter((x) => x.type === 'review'),
      hours: e,
    };
    for (const [figure, rows] of Object.entries(expectedIds)) {
      const ids: string[] = [];
      for (let page = 1; ; page++) {
        const res = await t.http.get(`/api/advisor-services?${stats.filters[figure as keyof AdvisorStatistics['filters']]}&pageSize=100&page=${page}`).set('Cookie', leader);
        expect(res.status).toBe(200);
        expect(res.body.total).toBe(rows.length);
        ids.push(...res.body.items.map((i: { id: string }) => i.id));
        if (res.body.items.length < 100) break;
      }
      expect(ids.sort()).toEqual(rows.map((r) => r.id).sort());
    }
  });

  it('answers with each village figure’s filter exactly the villages it counts', async () => {
    for (const figure of ['villages', 'villagesWithRoom', 'villagesWithAdvisor', 'villagesWithPublishedList', 'villagesMeetingHours'] as const) {
      const res = await t.http.get(`/api/advisor-villages?${stats.filters[figure]}`).set('Cookie', leader);
      expect(res.status).toBe(200);
      expect(res.body).toHaveLength(stats[figure]);
    }
    // A village without a room leaves the figure and its list.
    await t.ds.query(`UPDATE advisor_village SET has_room = false WHERE village_id = (SELECT id FROM org_unit WHERE code = 'GH05')`);
    const again = (await t.http.get(`/api/statistics/advisors?year=2021&townId=${gh}`).set('Cookie', leader)).body as AdvisorStatistics;
    expect(again.villagesWithRoom).toBe(8);
    expect(again.roomRate).toEqual({ value: 8 / 9, numerator: 8, denominator: 9 });
    const list = (await t.http.get(`/api/advisor-villages?${again.filters.villagesWithRoom}`).set('Cookie', leader)).body as { villageName: string }[];
    expect(list.map((v) => v.villageName)).not.toContain('大湾村');
    expect(list).toHaveLength(8);
  });
});
