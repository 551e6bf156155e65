import { createTestApp, idOf, TestApp } from './test-app';

interface TreeNode {
  name: string;
  level: string;
  children: TreeNode[];
}
const names = (nodes: TreeNode[]): string[] => nodes.flatMap((n) => [n.name, ...names(n.children)]);

describe('access: 401, 403 and 404 by data scope', () => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp();
    for (const u of ['admin', 'security', 'auditor', 'leader', 'officer', 'officer2', 'leader2', 'county', 'advisor']) cookies[u] = await t.login(u);
  });
  afterAll(() => t.close());

  it('answers 401 without a session and with a forged one', async () => {
    const res = await t.http.get('/api/auth/me').expect(401);
    expect(res.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED', message: '请先登录' });
    await t.http.get('/api/users').set('Cookie', 'fz_session=forged-token-value').expect(401);
    await t.http.get('/api/users').set('Authorization', 'Bearer forged').expect(401);
  });

  it('answers 403 without the permission, and records the denial', async () => {
    const res = await t.http.get('/api/users').set('Cookie', cookies.leader).expect(403);
    expect(res.body.code).toBe('FORBIDDEN');
    await t.http.get('/api/audit-log').set('Cookie', cookies.admin).expect(403);
    await t.http.get('/api/security/policy').set('Cookie', cookies.auditor).expect(403);
    await t.http.get('/api/audit-log').set('Cookie', cookies.security).expect(403);
    const rows = await t.ds.query(`SELECT username, outcome, action FROM audit_log WHERE outcome = 'denied' ORDER BY id`);
    expect(rows).toEqual(
      expect.arrayContaining([expect.objectContaining({ username: 'leader', action: 'get /api/users' }), expect.objectContaining({ username: 'admin', action: 'get /api/audit-log' })]),
    );
  });

  it('shows each user the org tree of their scope; the county leader sees both towns', async () => {
    const county = await t.http.get('/api/org-units/tree').set('Cookie', cookies.county).expect(200);
    expect(names(county.body)).toEqual(expect.arrayContaining(['台山市', '广海镇', '海宴镇', '南湾村', '五丰村']));
    const leader = await t.http.get('/api/org-units/tree').set('Cookie', cookies.leader).expect(200);
    expect(names(leader.body)).toContain('广海镇');
    expect(names(leader.body)).not.toContain('海宴镇');
    expect(names(leader.body)).not.toContain('五丰村');
    const leader2 = await t.http.get('/api/org-units/tree').set('Cookie', cookies.leader2).expect(200);
    expect(names(leader2.body)).toContain('海宴镇');
    expect(names(leader2.body)).not.toContain('广海镇');
    const advisor = await t.http.get('/api/org-units/tree').set('Cookie', cookies.advisor).expect(200);
    expect(names(advisor.body).filter((n) => n.endsWith('村') || n.endsWith('社区'))).toEqual(['广海社区', '南湾村', '灯湖村']);
  });

  it('answers 404 for a record outside the scope, exactly as for a missing one', async () => {
    const village = await idOf(t.ds, 'org_unit', 'GH02');
    await t.http.get(`/api/org-units/${village}`).set('Cookie', cookies.officer).expect(200);
    const outside = await t.http.get(`/api/org-units/${village}`).set('Cookie', cookies.officer2).expect(404);
    const missing = await t.http.get('/api/org-units/00000000-0000-4000-8000-000000000000').set('Cookie', cookies.officer2).expect(404);
    expect({ ...outside.body, requestId: '' }).toEqual({ ...missing.body, requestId: '' });
    await t.http.get(`/api/org-units/${village}`).set('Cookie', cookies.county).expect(200);
    const farVillage = await idOf(t.ds, 'org_unit', 'GH09');
    await t.http.get(`/api/org-units/${farVillage}`).set('Cookie', cookies.advisor).expect(404);

    const leader2 = await idOf(t.ds, 'app_user', 'leader2');
    await t.http.get(`/api/users/${leader2}`).set('Cookie', cookies.admin).expect(404);
    const list = await t.http.get('/api/users?pageSize=100').set('Cookie', cookies.admin).expect(200);
    const usernames = list.body.items.map((u: { username: string }) => u.username);
    expect(usernames).toEqual(expect.arrayContaining(['admin', 'leader', 'officer', 'advisor']));
    expect(usernames).not.toContain('leader2');
    expect(usernames).not.toContain('county');
  });

  it('gives the audit log to the auditor only, within the auditor scope', async () => {
    const res = await t.http.get('/api/audit-log?action=auth.login&pageSize=100').set('Cookie', cookies.auditor).expect(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    const users = new Set(res.body.items.map((i: { username: string }) => i.username));
    expect(users.has('leader')).toBe(true);
    expect(users.has('leader2')).toBe(false);
    expect(users.has('county')).toBe(false);
  });

  it('rejects invalid ids and unknown query fields with field-level 400s', async () => {
    const bad = await t.http.get('/api/org-units/not-a-uuid').set('Cookie', cookies.leader).expect(400);
    expect(bad.body.message).toBe('编号格式不正确');
    const unknown = await t.http.get('/api/users?bogus=1').set('Cookie', cookies.admin).expect(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ path: 'bogus', code: 'whitelistValidation' })]);
    const size = await t.http.get('/api/users?pageSize=101').set('Cookie', cookies.admin).expect(400);
    expect(size.body.errors).toEqual([expect.objectContaining({ path: 'pageSize', code: 'max' })]);
  });
});
