import { QueryFailedError } from 'typeorm';
import { SessionService } from '../src/auth/session.service';
import { LeanDataSource } from '../src/database/lean-data-source';
import { OrgTreeService } from '../src/org/org-tree.service';
import { statementsDuring } from './statements';
import { createTestApp, TestApp } from './test-app';

/**
 * What the guard reads for each request is read again for the next one: a change written to the
 * database by anyone (another API instance, an operator) takes effect on the very next request,
 * after a request that would have filled any cache of sessions, users, roles or scopes.
 */
describe('the request path reads access afresh on every request', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const sessionOf = async (cookie: string): Promise<string> => {
    const [row] = await t.ds.query<{ id: string }[]>(`SELECT id FROM auth_session WHERE token_hash = $1`, [t.app.get(SessionService).hashToken(cookie.split('=')[1])]);
    return row.id;
  };

  it('refuses a session revoked in the database on the next request', async () => {
    const cookie = await t.login('officer');
    await t.http.get('/api/vessel-cases').set('Cookie', cookie).expect(200);
    await t.ds.query(`UPDATE auth_session SET revoked_at = now(), revoke_reason = 'admin' WHERE id = $1`, [await sessionOf(cookie)]);
    const res = await t.http.get('/api/vessel-cases').set('Cookie', cookie).expect(401);
    expect(res.body.code).toBe('SESSION_EXPIRED');
  });

  it('refuses a user disabled in the database on the next request', async () => {
    const cookie = await t.login('leader2');
    await t.http.get('/api/vessel-cases').set('Cookie', cookie).expect(200);
    await t.ds.query(`UPDATE app_user SET status = 'disabled', disabled_reason = '调离' WHERE username = 'leader2'`);
    const res = await t.http.get('/api/vessel-cases').set('Cookie', cookie).expect(401);
    expect(res.body.code).toBe('SESSION_EXPIRED');
  });

  it('applies a role that lost a permission on the next request', async () => {
    const cookie = await t.login('leader');
    await t.http.get('/api/vessel-cases').set('Cookie', cookie).expect(200);
    await t.ds.query(`UPDATE role SET permissions = array_remove(permissions, 'vessel.read') WHERE code = 'leader'`);
    const res = await t.http.get('/api/vessel-cases').set('Cookie', cookie).expect(403);
    expect(res.body.code).toBe('FORBIDDEN');
    await t.ds.query(`UPDATE role SET permissions = array_append(permissions, 'vessel.read') WHERE code = 'leader'`);
    await t.http.get('/api/vessel-cases').set('Cookie', cookie).expect(200);
  });

  it('applies a removed role assignment and a moved scope on the next request', async () => {
    const cookie = await t.login('county');
    const before = await t.http.get('/api/auth/me').set('Cookie', cookie).expect(200);
    expect(before.body.scope.towns.length).toBeGreaterThan(1);
    // The county leader's assignment now covers one town only …
    const [{ town_id: town }] = await t.ds.query<{ town_id: string }[]>(`SELECT town_id FROM app_user WHERE username = 'leader'`);
    await t.ds.query(`UPDATE user_role SET org_unit_id = $1, scope = 'town' WHERE user_id = (SELECT id FROM app_user WHERE username = 'county')`, [town]);
    const after = await t.http.get('/api/auth/me').set('Cookie', cookie).expect(200);
    expect(after.body.scope.towns.map((u: { id: string }) => u.id)).toEqual([town]);
    const one = await t.http.get('/api/vessel-cases?pageSize=100').set('Cookie', cookie).expect(200);
    expect(one.body.items.length).toBeGreaterThan(0);
    expect(new Set(one.body.items.map((c: { townId: string }) => c.townId))).toEqual(new Set([town]));
    // … and without any assignment the user holds no permission at all.
    await t.ds.query(`DELETE FROM user_role WHERE user_id = (SELECT id FROM app_user WHERE username = 'county')`);
    await t.http.get('/api/vessel-cases').set('Cookie', cookie).expect(403);
    const me = await t.http.get('/api/auth/me').set('Cookie', cookie).expect(200);
    expect(me.body.roles).toEqual([]);
    expect(me.body.permissions).toEqual([]);
  });

  it('answers statements outside a transaction from the pool as TypeORM does', async () => {
    expect(t.ds).toBeInstanceOf(LeanDataSource);
    const rows = await t.ds.query<{ username: string }[]>(`SELECT username FROM app_user WHERE username = $1`, ['leader']);
    expect(rows).toEqual([{ username: 'leader' }]);
    const updated = await t.ds.query<[unknown[], number]>(`UPDATE app_user SET phone = phone WHERE username = ANY($1::text[]) RETURNING username`, [['leader', 'officer']]);
    expect(updated[1]).toBe(2);
    expect(updated[0]).toHaveLength(2);
    expect(await t.ds.manager.query(`DELETE FROM auth_session WHERE false`)).toEqual([[], 0]);
    const failed = await t.ds.query(`SELECT $1::uuid`, ['not-a-uuid']).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(QueryFailedError);
    expect((failed as QueryFailedError & { driverError: { code: string } }).driverError.code).toBe('22P02');
    // Inside a transaction the statement keeps to the transaction's connection.
    await t.ds.transaction(async (em) => {
      await em.query(`UPDATE app_user SET phone = '13800000000' WHERE username = 'legal'`);
      expect(await em.query(`SELECT phone FROM app_user WHERE username = 'legal'`)).toEqual([{ phone: '13800000000' }]);
      expect(await t.ds.query(`SELECT phone FROM app_user WHERE username = 'legal'`)).not.toEqual([{ phone: '13800000000' }]);
    });
  });

  it('keeps the org tree while the table is unchanged and reads it again once another writer changed it', async () => {
    const tree = t.app.get(OrgTreeService);
    const now = Date.now();
    const clock = jest.spyOn(Date, 'now');
    try {
      clock.mockReturnValue(now);
      tree.invalidate();
      const first = await tree.byId();
      // Past the tree's lifetime with nothing changed: the same tree, not a second copy.
      clock.mockReturnValue(now + 11_000);
      expect(await tree.byId()).toBe(first);
      // A unit renamed straight in the database (as another API instance would): read again.
      const [{ id }] = await t.ds.query<{ id: string }[]>(`SELECT id FROM org_unit WHERE level = 'village' ORDER BY code LIMIT 1`);
      await t.ds.query(`UPDATE org_unit SET name = name || '（新）' WHERE id = $1`, [id]);
      expect(await tree.byId()).toBe(first);
      clock.mockReturnValue(now + 22_000);
      const second = await tree.byId();
      expect(second).not.toBe(first);
      expect(second.get(id)?.name).toMatch(/（新）$/);
      expect(first.get(id)?.name).not.toMatch(/（新）$/);
    } finally {
      clock.mockRestore();
    }
  });

  it('checks the session, its user, roles and scope with one statement per request', async () => {
    const cookie = await t.login('officer');
    await t.http.get('/api/vessel-cases').set('Cookie', cookie).expect(200);
    // Reads with lifetimes of their own (the policy's 5 s, the org tree's 10 s, the once-a-minute
    // activity write) may fall on any request and are left out; the session statement, then the
    // list's count and page: nothing else per request.
    const perRequest = await statementsDuring(() => t.http.get('/api/vessel-cases').set('Cookie', cookie).expect(200));
    expect(perRequest).toHaveLength(3);
    expect(perRequest[0]).toMatch(/FROM auth_session s LEFT JOIN app_user u/);
    expect(perRequest[0]).toMatch(/FROM user_role ur JOIN role r/);
  });

  it('writes a JSON answer as it is: the body, its type and length, no ETag; HEAD without the body', async () => {
    const cookie = await t.login('officer');
    const res = await t.http.get('/api/vessel-cases?pageSize=50').set('Cookie', cookie).expect(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.text).toBe(JSON.stringify(res.body));
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.text));
    expect(res.text.length).toBeGreaterThan(1000);
    expect(res.headers.etag).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-store');
    const head = await t.http.head('/api/vessel-cases?pageSize=50').set('Cookie', cookie).expect(200);
    expect(head.headers['content-length']).toBe(res.headers['content-length']);
    expect(head.text ?? '').toBe('');
    // Errors, files and empty answers keep their own ways: a 404's JSON body, a spreadsheet's bytes, a 204.
    const missing = await t.http.get('/api/vessel-cases/00000000-0000-4000-8000-000000000000').set('Cookie', cookie).expect(404);
    expect(missing.headers['content-type']).toMatch(/^application\/json/);
    expect(missing.body.code).toBe('NOT_FOUND');
    const sheet = await t.http.get('/api/vessel-cases/export.xlsx').set('Cookie', cookie).buffer(true).expect(200);
    expect(sheet.headers['content-type']).toMatch(/spreadsheetml/);
    const out = await t.http.post('/api/auth/logout').set('Cookie', cookie).expect(204);
    expect(out.text).toBe('');
    expect(out.headers['content-length']).toBeUndefined();
  });

  // Every table below holds the rows of all towns and is indexed town first; a read that leaves the
  // town out walks the index of every town, which a province's database pays on every detail.
  const BY_TOWN = /FROM "?(vessel_persuasion|dispute_party|dispute_session|dispute_follow_up|status_history|attachment|deadline|record_link)"?\b/;

  it.each([
    ['vessel case', 'officer', '/api/vessel-cases'],
    ['dispute', 'mediator', '/api/disputes'],
    ['advisor service', 'advisor', '/api/advisor-services'],
  ])('reads a %s and its parts, history, evidence and deadlines town first', async (_, account, path) => {
    const cookie = await t.login(account);
    const list = await t.http.get(path).set('Cookie', cookie).expect(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    const perRequest = await statementsDuring(() => t.http.get(`${path}/${list.body.items[0].id}`).set('Cookie', cookie).expect(200));
    const byTown = perRequest.filter((q) => BY_TOWN.test(q));
    expect(byTown.length).toBeGreaterThanOrEqual(3);
    for (const q of byTown) expect(q).toMatch(/\btown_id\s*(=|IN|= ANY)/);
  });
});
