import { createTestApp, idOf, TestApp } from './test-app';

describe('users, roles and separation of duties', () => {
  let t: TestApp;
  let admin: string;
  let gh: string;
  const role: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    gh = await idOf(t.ds, 'org_unit', 'GH');
    for (const code of ['admin', 'security', 'auditor', 'leader', 'mediator', 'legal_advisor']) role[code] = await idOf(t.ds, 'role', code);
  });
  afterAll(() => t.close());

  const auditCount = async () => Number((await t.ds.query(`SELECT count(*) AS n FROM audit_log WHERE outcome = 'success'`))[0].n);

  it('creates a user and writes its audit row in the same transaction, with personal data masked', async () => {
    const res = await t.http
      .post('/api/users')
      .set('Cookie', admin)
      .send({ username: 'Peace01', displayName: '黄平安', phone: '13812345678', orgUnitId: gh, password: 'Peace#Keeper2021', roles: [{ roleId: role.mediator, orgUnitId: gh, scope: 'town' }] })
      .expect(201);
    expect(res.body).toMatchObject({ username: 'peace01', displayName: '黄平安', phone: '138****5678', mustChangePassword: true, status: 'active', version: 1 });
    expect(res.body.roles).toEqual([expect.objectContaining({ roleCode: 'mediator', scope: 'town', orgUnitName: '广海镇' })]);
    const [row] = await t.ds.query(`SELECT username, action, entity_id, town_id, after FROM audit_log WHERE action = 'user.create' ORDER BY id DESC LIMIT 1`);
    expect(row).toMatchObject({ username: 'admin', entity_id: res.body.id, town_id: gh });
    expect(row.after).toMatchObject({ username: 'peace01', phone: '138****5678' });
    expect(JSON.stringify(row.after)).not.toContain('Peace#Keeper2021');
  });

  it('answers validation errors field by field, with paths into arrays, and changes nothing', async () => {
    const before = await auditCount();
    const res = await t.http
      .post('/api/users')
      .set('Cookie', admin)
      .send({
        username: 'x',
        displayName: '',
        orgUnitId: gh,
        password: 'Peace#Keeper2021',
        roles: [
          { roleId: role.mediator, orgUnitId: gh, scope: 'town' },
          { roleId: 'nope', orgUnitId: gh, scope: 'everything' },
        ],
        extra: 1,
      })
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['username', 'displayName', 'roles[1].roleId', 'roles[1].scope', 'extra']));
    expect(res.body.errors.find((e: { path: string }) => e.path === 'roles[1].scope').message).toBe('不是允许的取值');
    expect(await auditCount()).toBe(before);
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM app_user WHERE username = 'x'`);
    expect(n).toBe(0);
    const [failure] = await t.ds.query(`SELECT outcome, username FROM audit_log ORDER BY id DESC LIMIT 1`);
    expect(failure).toEqual({ outcome: 'invalid', username: 'admin' });
  });

  it('requires villages for the villages scope and refuses villages of another town', async () => {
    const hyVillage = await idOf(t.ds, 'org_unit', 'HY02');
    const res = await t.http
      .post('/api/users')
      .set('Cookie', admin)
      .send({
        username: 'advisor9',
        displayName: '法律顾问九',
        orgUnitId: gh,
        password: 'Advisor#Nine2021',
        roles: [{ roleId: role.legal_advisor, orgUnitId: gh, scope: 'villages', villageIds: [hyVillage] }],
      })
      .expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'roles[0].villageIds[0]', code: 'not_found' })]);
  });

  it('refuses an account that combines admin, security or audit duties, or one of them with business', async () => {
    for (const combo of [
      ['admin', 'auditor'],
      ['security', 'auditor'],
      ['admin', 'leader'],
    ]) {
      const res = await t.http
        .post('/api/users')
        .set('Cookie', admin)
        .send({ username: `combo_${combo.join('_')}`, displayName: '组合', orgUnitId: gh, password: 'Combo#Roles2021', roles: combo.map((c) => ({ roleId: role[c], orgUnitId: gh, scope: 'town' })) })
        .expect(409);
      expect(res.body.code).toBe('SEPARATION_OF_DUTIES');
      expect(res.body.message).toMatch(/三权分立/);
    }
    const leader = await idOf(t.ds, 'app_user', 'leader');
    const current = await t.http.get(`/api/users/${leader}`).set('Cookie', admin).expect(200);
    await t.http
      .put(`/api/users/${leader}/roles`)
      .set('Cookie', admin)
      .send({
        version: current.body.version,
        roles: [
          { roleId: role.leader, orgUnitId: gh, scope: 'town' },
          { roleId: role.security, orgUnitId: gh, scope: 'town' },
        ],
      })
      .expect(409);
  });

  it('refuses a role that spans two duties, and a role change that would break a holder', async () => {
    const res = await t.http
      .post('/api/roles')
      .set('Cookie', admin)
      .send({ code: 'super_user', name: '超级用户', nameEn: 'Super user', defaultScope: 'town', permissions: ['user.manage', 'audit.read'] })
      .expect(409);
    expect(res.body.code).toBe('SEPARATION_OF_DUTIES');
    const created = await t.http
      .post('/api/roles')
      .set('Cookie', admin)
      .send({ code: 'village_watch', name: '村务监督', nameEn: 'Village watch', defaultScope: 'villages', permissions: ['dispute.read', 'advisor.read'] })
      .expect(201);
    const mediatorRole = (await t.http.get('/api/roles').set('Cookie', admin).expect(200)).body.find((r: { code: string }) => r.code === 'mediator');
    const peace = await idOf(t.ds, 'app_user', 'peace01');
    const user = await t.http.get(`/api/users/${peace}`).set('Cookie', admin).expect(200);
    const ghVillage = await idOf(t.ds, 'org_unit', 'GH03');
    await t.http
      .put(`/api/users/${peace}/roles`)
      .set('Cookie', admin)
      .send({
        version: user.body.version,
        roles: [
          { roleId: mediatorRole.id, orgUnitId: gh, scope: 'town' },
          { roleId: created.body.id, orgUnitId: gh, scope: 'villages', villageIds: [ghVillage] },
        ],
      })
      .expect(200);
    const blocked = await t.http
      .patch(`/api/roles/${created.body.id}`)
      .set('Cookie', admin)
      .send({ version: created.body.version, permissions: ['user.read'] })
      .expect(409);
    expect(blocked.body.message).toContain('peace01');
  });

  it('does not let anyone change their own roles', async () => {
    const me = await idOf(t.ds, 'app_user', 'admin');
    const user = await t.http.get(`/api/users/${me}`).set('Cookie', admin).expect(200);
    const res = await t.http.put(`/api/users/${me}/roles`).set('Cookie', admin).send({ version: user.body.version, roles: [] }).expect(403);
    expect(res.body.code).toBe('SELF_ROLE_CHANGE');
  });

  it('answers a stale version with 409 and changes nothing', async () => {
    const id = await idOf(t.ds, 'app_user', 'petition');
    const user = await t.http.get(`/api/users/${id}`).set('Cookie', admin).expect(200);
    await t.http.patch(`/api/users/${id}`).set('Cookie', admin).send({ version: user.body.version, displayName: '余美玲(信访)' }).expect(200);
    const before = await auditCount();
    const stale = await t.http.patch(`/api/users/${id}`).set('Cookie', admin).send({ version: user.body.version, displayName: '覆盖' }).expect(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    const now = await t.http.get(`/api/users/${id}`).set('Cookie', admin).expect(200);
    expect(now.body.displayName).toBe('余美玲(信访)');
    expect(now.body.version).toBe(user.body.version + 1);
    expect(await auditCount()).toBe(before);
    const [conflict] = await t.ds.query(`SELECT outcome, entity_id FROM audit_log ORDER BY id DESC LIMIT 1`);
    expect(conflict).toEqual({ outcome: 'conflict', entity_id: id });
  });

  it('rolls the audit row back with a change that fails inside its transaction', async () => {
    const before = await auditCount();
    const res = await t.http.post('/api/users').set('Cookie', admin).send({ username: 'leader', displayName: '重名', orgUnitId: gh, password: 'Dup#Chief2021', roles: [] }).expect(409);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'username', code: 'duplicate' })]);
    expect(await auditCount()).toBe(before);
  });

  it('resets a password: the user must change it and their sessions end', async () => {
    const cookie = await t.login('leader');
    const id = await idOf(t.ds, 'app_user', 'leader');
    const user = await t.http.get(`/api/users/${id}`).set('Cookie', admin).expect(200);
    await t.http.post(`/api/users/${id}/reset-password`).set('Cookie', admin).send({ version: user.body.version, newPassword: 'Reset#Chief2021' }).expect(200);
    await t.http.get('/api/auth/me').set('Cookie', cookie).expect(401);
    const fresh = await t.login('leader', 'Reset#Chief2021');
    const me = await t.http.get('/api/auth/me').set('Cookie', fresh).expect(200);
    expect(me.body.mustChangePassword).toBe(true);
  });

  it('manages org units with time zone and number prefix, within the admin unit', async () => {
    const created = await t.http.post('/api/org-units').set('Cookie', admin).send({ parentId: gh, code: 'GH10', name: '新村', sortOrder: 10 }).expect(201);
    expect(created.body).toMatchObject({ level: 'village', townId: gh, timeZone: 'Asia/Shanghai', numberPrefix: null });
    const town = await t.http.get(`/api/org-units/${gh}`).set('Cookie', admin).expect(200);
    const updated = await t.http.patch(`/api/org-units/${gh}`).set('Cookie', admin).send({ version: town.body.version, numberPrefix: '广海镇', timeZone: 'Asia/Urumqi' }).expect(200);
    expect(updated.body).toMatchObject({ numberPrefix: '广海镇', timeZone: 'Asia/Urumqi' });
    const badZone = await t.http.patch(`/api/org-units/${gh}`).set('Cookie', admin).send({ version: updated.body.version, timeZone: 'Mars/Base' }).expect(400);
    expect(badZone.body.errors).toEqual([expect.objectContaining({ path: 'timeZone' })]);
    const county = await idOf(t.ds, 'org_unit', 'TS');
    const res = await t.http.post('/api/org-units').set('Cookie', admin).send({ parentId: county, code: 'NEW', name: '新镇' }).expect(403);
    expect(res.body.code).toBe('OUT_OF_SCOPE_UNIT');
    await t.http.delete(`/api/org-units/${gh}?version=${updated.body.version}`).set('Cookie', admin).expect(409);
    await t.http.delete(`/api/org-units/${created.body.id}?version=${created.body.version}`).set('Cookie', admin).expect(204);
  });
});
