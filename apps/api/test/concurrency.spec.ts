import { formatRecordNumber } from '@fazhi/contracts';
import { disputeSteps } from './disputes-fixtures';
import { createTestApp, idOf, TestApp } from './test-app';

/** Many clients at once on one record or one counter: one winner per version, no lost or doubled number. */
describe('concurrent writes', () => {
  let t: TestApp;
  let officer: string;
  let mediator: string;
  let admin: string;
  let village: string;

  beforeAll(async () => {
    t = await createTestApp();
    [officer, mediator, admin] = await Promise.all([t.login('officer'), t.login('mediator'), t.login('admin')]);
    village = await idOf(t.ds, 'org_unit', 'GH02');
  });
  afterAll(() => t.close());

  const registerVessel = async () => {
    const res = await t.http
      .post('/api/vessel-cases')
      .set('Cookie', officer)
      .send({ villageId: village, discoveredAt: '2021-06-14T09:30:00+08:00', place: '南湾码头', source: 'patrol', hullMaterial: 'wood' });
    return res;
  };
  const successes = async (entityId: string): Promise<number> => (await t.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND outcome = 'success'`, [entityId]))[0].n;

  /** 100 requests carrying the same version: one 200, 99 × 409 with the stale-version code, one audited change. */
  const race = async (id: string, version: number, send: (i: number) => Promise<{ status: number; body: { code?: string; version?: number } }>) => {
    const audited = await successes(id);
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => send(i)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(99);
    expect(new Set(answers.filter((a) => a.status === 409).map((a) => a.body.code))).toEqual(new Set(['STALE_VERSION']));
    const winner = answers.findIndex((a) => a.status === 200);
    expect(answers[winner].body.version).toBe(version + 1);
    expect(await successes(id)).toBe(audited + 1);
    return winner;
  };

  it('lets exactly one of 100 updates of a vessel case with the same version through', async () => {
    const created = await registerVessel();
    expect(created.status).toBe(201);
    const { id, version } = created.body as { id: string; version: number };
    const winner = await race(id, version, (i) =>
      t.http
        .patch(`/api/vessel-cases/${id}`)
        .set('Cookie', officer)
        .send({ version, place: `码头 ${i}` }),
    );
    const [row] = await t.ds.query(`SELECT place, version FROM vessel_case WHERE id = $1`, [id]);
    expect(row).toEqual({ place: `码头 ${winner}`, version: version + 1 });
  });

  it('lets exactly one of 100 updates of a dispute with the same version through', async () => {
    const d = await disputeSteps(t).register(mediator);
    const winner = await race(d.id, d.version, (i) =>
      t.http
        .patch(`/api/disputes/${d.id}`)
        .set('Cookie', mediator)
        .send({ version: d.version, summary: `两户因排水沟走向发生争执 ${i}` }),
    );
    const [row] = await t.ds.query(`SELECT summary, version FROM dispute WHERE id = $1`, [d.id]);
    expect(row).toEqual({ summary: `两户因排水沟走向发生争执 ${winner}`, version: d.version + 1 });
  });

  it('lets exactly one of 100 updates of a user account with the same version through', async () => {
    const id = await idOf(t.ds, 'app_user', 'petition');
    const user = await t.http.get(`/api/users/${id}`).set('Cookie', admin).expect(200);
    const version = user.body.version as number;
    const winner = await race(id, version, (i) =>
      t.http
        .patch(`/api/users/${id}`)
        .set('Cookie', admin)
        .send({ version, displayName: `余美玲${i}` }),
    );
    const [row] = await t.ds.query(`SELECT display_name AS name, version FROM app_user WHERE id = $1`, [id]);
    expect(row).toEqual({ name: `余美玲${winner}`, version: version + 1 });
  });

  it('lets exactly one of 100 updates of an org unit with the same version through', async () => {
    const id = await idOf(t.ds, 'org_unit', 'GH02');
    const unit = await t.http.get(`/api/org-units/${id}`).set('Cookie', admin).expect(200);
    const version = unit.body.version as number;
    const winner = await race(id, version, (i) =>
      t.http
        .patch(`/api/org-units/${id}`)
        .set('Cookie', admin)
        .send({ version, name: `南湾村${i}` }),
    );
    const [row] = await t.ds.query(`SELECT name, version FROM org_unit WHERE id = $1`, [id]);
    expect(row).toEqual({ name: `南湾村${winner}`, version: version + 1 });
  });

  /** The numbers the town's counter hands out next, in the ledger's format. */
  const nextNumbers = async (table: 'vessel_case' | 'dispute', label: string, count: number) => {
    const [{ last }] = await t.ds.query(`SELECT coalesce(max(seq), 0)::int AS last FROM ${table} r JOIN org_unit o ON o.id = r.town_id WHERE o.code = 'GH' AND r.year = 2021`);
    return Array.from({ length: count }, (_, i) => formatRecordNumber('广海', label, 2021, last + 1 + i));
  };

  it('gives 50 concurrent vessel case creates the next 50 numbers, no gap and no duplicate', async () => {
    const expected = await nextNumbers('vessel_case', '三无', 50);
    const created = await Promise.all(Array.from({ length: 50 }, registerVessel));
    expect(created.map((r) => r.status)).toEqual(Array(50).fill(201));
    expect(created.map((r) => r.body.number as string).sort()).toEqual(expected);
    expect(expected[0]).toMatch(/^广海三无〔2021〕第\d{4}号$/);
  });

  it('gives 50 concurrent dispute creates the next 50 numbers, no gap and no duplicate', async () => {
    const label = (await t.ds.query(`SELECT number_label AS l FROM ledger_type WHERE code = 'dispute'`))[0].l as string;
    const expected = await nextNumbers('dispute', label, 50);
    const steps = disputeSteps(t);
    const created = await Promise.all(Array.from({ length: 50 }, () => steps.register(mediator)));
    expect(created.map((d) => d.number).sort()).toEqual(expected);
    expect(expected[0]).toMatch(/^广海调〔2021〕第\d{4}号$/);
  });
});
