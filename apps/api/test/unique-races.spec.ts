import ExcelJS from 'exceljs';
import { Client } from 'pg';
import type { Response } from 'supertest';
import { toErrorBody } from '../src/common/error-body';
import { createTestApp, idOf, TestApp } from './test-app';

/** Requests racing for one unique key: fewer than the app's 10 pooled connections, so none waits for a connection. */
const RACERS = 8;

const binary = (res: import('supertest').Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('unique keys under concurrent requests', () => {
  let t: TestApp;
  let locker: Client;
  let watcher: Client;

  beforeAll(async () => {
    t = await createTestApp();
    locker = new Client({ connectionString: t.db.url });
    watcher = new Client({ connectionString: t.db.url });
    await Promise.all([locker.connect(), watcher.connect()]);
  });
  afterAll(async () => {
    await Promise.all([locker.end(), watcher.end()]);
    await t.close();
  });

  /** Backends of the app (not ours) waiting for a lock. */
  const waiting = async () => {
    const { rows } = await watcher.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'fazhi-ledger' AND wait_event_type = 'Lock'`);
    return rows[0].n as number;
  };

  /**
   * Fires the requests while `table` is locked against writes, waits until every one of them is
   * held at a lock (all have read that the key is free), then lets them go at once: the unique
   * index, not a check made earlier, decides who gets the key.
   */
  async function race(table: string, fire: () => PromiseLike<Response>): Promise<Response[]> {
    await locker.query('BEGIN');
    await locker.query(`LOCK TABLE ${table} IN SHARE ROW EXCLUSIVE MODE`);
    const all = Promise.all(Array.from({ length: RACERS }, () => Promise.resolve(fire())));
    try {
      const end = Date.now() + 30_000;
      while ((await waiting()) < RACERS) {
        if (Date.now() > end) throw new Error(`only ${await waiting()} of ${RACERS} requests reached the lock`);
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      await locker.query('COMMIT');
    }
    return all;
  }

  const outcome = (responses: Response[]) => {
    const statuses = responses.map((r) => r.status).sort();
    const refused = responses.filter((r) => r.status === 409);
    return { statuses, codes: [...new Set(refused.map((r) => r.body.code))], paths: [...new Set(refused.flatMap((r) => (r.body.errors ?? []).map((e: { path: string }) => e.path)))] };
  };

  it('a certificate number: one 201, the rest 409 DUPLICATE on `number`', async () => {
    const legal = await t.login('legal');
    const officers = (await t.http.get('/api/certificates/officers').set('Cookie', legal).expect(200)).body as { id: string }[];
    const responses = await race('certificate', () =>
      t.http.post('/api/certificates').set('Cookie', legal).send({ officerId: officers[0].id, number: '44078129999', issuedOn: '2021-01-01', expiresOn: '2024-02-29' }),
    );
    expect(outcome(responses)).toEqual({ statuses: [201, ...Array(RACERS - 1).fill(409)], codes: ['DUPLICATE'], paths: ['number'] });
    expect(responses.find((r) => r.status === 409)?.body.message).toBe('证号已存在');
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM certificate WHERE number = '44078129999'`);
    expect(n).toBe(1);
  });

  it("a town's first setting of a kind: one 200, the rest 409 DUPLICATE", async () => {
    const admin = await t.login('admin');
    const town = await idOf(t.ds, 'org_unit', 'GH');
    await t.ds.query(`DELETE FROM town_setting WHERE town_id = $1`, [town]);
    const responses = await race('town_setting', () =>
      t.http.put('/api/disputes/settings/mediation-period').set('Cookie', admin).set('Accept-Language', 'en').send({ version: 0, amount: 45, unit: 'calendar' }),
    );
    expect(outcome(responses)).toEqual({ statuses: [200, ...Array(RACERS - 1).fill(409)], codes: ['DUPLICATE'], paths: ['version'] });
    expect(responses.find((r) => r.status === 409)?.body.message).toBe('The setting was just saved by someone else; reload and try again');
    const rows = await t.ds.query(`SELECT version FROM town_setting WHERE town_id = $1`, [town]);
    expect(rows).toEqual([{ version: 1 }]);
  });

  it('a record number given in an imported sheet: one import commits, the rest 409 DUPLICATE on `number`', async () => {
    const officer = await t.login('officer');
    const empty = await t.http.get('/api/vessel-cases/export.xlsx?from=2099-01-01').set('Cookie', officer).buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(empty.body);
    const sheet = wb.worksheets[0];
    const headers = sheet.getRow(2).values as string[];
    const row = sheet.addRow([]);
    const number = '广海三无〔2021〕第0990号';
    for (const [header, text] of Object.entries({ 编号: number, 发现时间: '2021-07-01 08:00', 发现地点: '大湾码头', 线索来源: '巡查发现', 船体材质: '木质' })) {
      row.getCell(headers.indexOf(header)).value = text;
    }
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const before = (await t.ds.query(`SELECT count(*)::int AS n FROM vessel_case`))[0].n;
    const responses = await race('vessel_case', () => t.http.post('/api/vessel-cases/import?mode=commit').set('Cookie', officer).attach('file', file, 'ledger.xlsx'));
    expect(outcome(responses)).toEqual({ statuses: [200, ...Array(RACERS - 1).fill(409)], codes: ['DUPLICATE'], paths: ['number'] });
    expect((await t.ds.query(`SELECT count(*)::int AS n FROM vessel_case`))[0].n).toBe(before + 1);
    expect(await t.ds.query(`SELECT number FROM vessel_case WHERE number = $1`, [number])).toHaveLength(1);
  });

  /** The error a statement raised, as the app's code sees it (TypeORM's QueryFailedError). */
  const failure = async (run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (e) {
      return e;
    }
    throw new Error('the statement did not fail');
  };

  it('a serialization failure and a deadlock answer 409 CONFLICT; a value no column holds, 400', async () => {
    const [a, b] = [t.ds.createQueryRunner(), t.ds.createQueryRunner()];
    await Promise.all([a.connect(), b.connect()]);
    try {
      const [x, y] = await t.ds.query<{ id: string }[]>(`SELECT id FROM org_unit ORDER BY code LIMIT 2`);
      await a.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      await a.query(`SELECT sort_order FROM org_unit WHERE id = $1`, [x.id]);
      await t.ds.query(`UPDATE org_unit SET sort_order = sort_order WHERE id = $1`, [x.id]);
      const serialization = await failure(() => a.query(`UPDATE org_unit SET sort_order = sort_order WHERE id = $1`, [x.id]));
      await a.query('ROLLBACK');
      expect(toErrorBody(serialization, 'r1', 'en')).toMatchObject({ status: 409, body: { code: 'CONFLICT', message: 'Conflicted with a change made at the same time; try again' } });

      await a.query('BEGIN');
      await b.query('BEGIN');
      await a.query(`UPDATE org_unit SET sort_order = sort_order WHERE id = $1`, [x.id]);
      await b.query(`UPDATE org_unit SET sort_order = sort_order WHERE id = $1`, [y.id]);
      const crossed = await Promise.allSettled([
        a.query(`UPDATE org_unit SET sort_order = sort_order WHERE id = $1`, [y.id]),
        b.query(`UPDATE org_unit SET sort_order = sort_order WHERE id = $1`, [x.id]),
      ]);
      await Promise.all([a.query('ROLLBACK'), b.query('ROLLBACK')]);
      const deadlock = crossed.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
      expect(deadlock).toHaveLength(1);
      expect(toErrorBody(deadlock[0], 'r2', 'zh')).toMatchObject({ status: 409, body: { code: 'CONFLICT' } });
    } finally {
      await Promise.all([a.release(), b.release()]);
    }
    for (const [sql, params] of [
      [`SELECT $1::text`, ['a\u0000']],
      [`SELECT '2021-02-30'::date`, []],
      [`SELECT 99999999999::int`, []],
    ] as const) {
      expect(toErrorBody(await failure(() => t.ds.query(sql, [...params])), 'r3', 'zh')).toMatchObject({ status: 400, body: { code: 'BAD_REQUEST' } });
    }
    expect(toErrorBody(await failure(() => t.ds.query(`SELECT * FROM no_such_table`)), 'r4', 'zh')).toMatchObject({ status: 500, body: { code: 'INTERNAL' } });
  });
});
