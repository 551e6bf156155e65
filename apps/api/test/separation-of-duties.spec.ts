import { createTestApp, idOf, TestApp } from './test-app';

/**
 * Separation of duties across accounts: the system administrator manages ordinary accounts only,
 * the security administrator the accounts of the three administrative duties, and the built-in
 * administrative roles are fixed.
 */
describe('separation of duties across accounts', () => {
  let t: TestApp;
  let admin: string;
  let security: string;
  let gh: string;
  const role: Record<string, string> = {};
  const user: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    security = await t.login('security');
    gh = await idOf(t.ds, 'org_unit', 'GH');
    for (const code of ['admin', 'security', 'auditor', 'mediator', 'leader']) role[code] = await idOf(t.ds, 'role', code);
    for (const name of ['admin', 'security', 'auditor', 'leader', 'petition']) user[name] = await idOf(t.ds, 'app_user', name);
  });
  afterAll(() => t.close());

  const versionOf = async (id: string, cookie = security) => (await t.http.get(`/api/users/${id}`).set('Cookie', cookie).expect(200)).body.version as number;
  const account = (username: string, roleCode: string, password = 'Chosen#Pass2021') => ({
    username,
    displayName: username,
    orgUnitId: gh,
    password,
    roles: [{ roleId: role[roleCode], orgUnitId: gh, scope: 'town' }],
  });
  const rowCount = async (sql: string, params: unknown[] = []) => (await t.ds.query(sql, params))[0].n as number;

  it('refuses the system administrator an auditor account with a password it chose, and nothing is written', async () => {
    for (const code of ['auditor', 'security', 'admin']) {
      const res = await t.http
        .post('/api/users')
        .set('Cookie', admin)
        .send(account(`own_${code}`, code))
        .expect(403);
      expect(res.body.code).toBe('ADMIN_DUTY_RESERVED');
      expect(res.body.message).toMatch(/安全管理员/);
    }
    expect(await rowCount(`SELECT count(*)::int AS n FROM app_user WHERE username LIKE 'own\\_%'`)).toBe(0);
    // the reproduction: had the account been made, the admin could have read the audit log with it
    await t.http.post('/api/auth/login').send({ username: 'own_auditor', password: 'Chosen#Pass2021' }).expect(401);
  });

  it('refuses the system administrator any change to an administrative account', async () => {
    const auditorVersion = await versionOf(user.auditor);
    const attempts = [
      t.http.post(`/api/users/${user.auditor}/reset-password`).set('Cookie', admin).send({ version: auditorVersion, newPassword: 'Taken#Over2021' }),
      t.http
        .post(`/api/users/${user.security}/reset-password`)
        .set('Cookie', admin)
        .send({ version: await versionOf(user.security), newPassword: 'Taken#Over2021' }),
      t.http.post(`/api/users/${user.auditor}/disable`).set('Cookie', admin).send({ version: auditorVersion }),
      t.http.post(`/api/users/${user.auditor}/enable`).set('Cookie', admin).send({ version: auditorVersion }),
      t.http.patch(`/api/users/${user.auditor}`).set('Cookie', admin).send({ version: auditorVersion, displayName: '改名' }),
      t.http
        .put(`/api/users/${user.auditor}/roles`)
        .set('Cookie', admin)
        .send({ version: auditorVersion, roles: [{ roleId: role.mediator, orgUnitId: gh, scope: 'town' }] }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('ADMIN_DUTY_RESERVED');
    }
    // an ordinary account may not be given an administrative role by the system administrator
    const res = await t.http
      .put(`/api/users/${user.petition}/roles`)
      .set('Cookie', admin)
      .send({ version: await versionOf(user.petition, admin), roles: [{ roleId: role.auditor, orgUnitId: gh, scope: 'town' }] })
      .expect(403);
    expect(res.body.code).toBe('ADMIN_DUTY_RESERVED');
    await t.login('auditor');
    await t.login('security');
    const [auditorRow] = await t.ds.query(`SELECT display_name, status, must_change_password FROM app_user WHERE id = $1`, [user.auditor]);
    expect(auditorRow).toEqual({ display_name: '林晓梅', status: 'active', must_change_password: false });
  });

  it('lets the security administrator manage administrative accounts, and only those', async () => {
    const created = await t.http
      .post('/api/users')
      .set('Cookie', security)
      .send(account('auditor2', 'auditor', 'Second#Audit2021'))
      .expect(201);
    expect(created.body).toMatchObject({ username: 'auditor2', duty: 'audit', mustChangePassword: true });
    const cookie = await t.login('auditor2', 'Second#Audit2021');
    expect((await t.http.get('/api/auth/me').set('Cookie', cookie).expect(200)).body.mustChangePassword).toBe(true);

    const reset = await t.http.post(`/api/users/${created.body.id}/reset-password`).set('Cookie', security).send({ version: created.body.version, newPassword: 'Third#Audit2021' }).expect(200);
    const disabled = await t.http.post(`/api/users/${created.body.id}/disable`).set('Cookie', security).send({ version: reset.body.version, reason: '调离' }).expect(200);
    expect(disabled.body.status).toBe('disabled');
    await t.http.post(`/api/users/${created.body.id}/enable`).set('Cookie', security).send({ version: disabled.body.version }).expect(200);

    // the security administrator lists administrative accounts only, and cannot touch ordinary ones
    const list = await t.http.get('/api/users?pageSize=100').set('Cookie', security).expect(200);
    const names = list.body.items.map((u: { username: string }) => u.username);
    expect(names).toEqual(expect.arrayContaining(['admin', 'security', 'auditor', 'auditor2']));
    expect(names).not.toContain('leader');
    expect(list.body.items.every((u: { duty: string }) => u.duty !== 'business')).toBe(true);
    await t.http.get(`/api/users/${user.leader}`).set('Cookie', security).expect(404);
    const ordinary = await t.http.post('/api/users').set('Cookie', security).send(account('clerk9', 'mediator')).expect(403);
    expect(ordinary.body.code).toBe('BUSINESS_DUTY_RESERVED');
    await t.http.post(`/api/users/${user.leader}/reset-password`).set('Cookie', security).send({ version: 1, newPassword: 'Taken#Over2021' }).expect(404);

    // the system administrator still sees administrative accounts, read-only
    const seen = await t.http.get(`/api/users/${user.auditor}`).set('Cookie', admin).expect(200);
    expect(seen.body.duty).toBe('audit');
  });

  it('keeps the separation-of-duties rule for the security administrator too', async () => {
    for (const other of ['security', 'leader']) {
      const res = await t.http
        .post('/api/users')
        .set('Cookie', security)
        .send({
          ...account(`mixed_${other}`, 'auditor'),
          roles: [
            { roleId: role.auditor, orgUnitId: gh, scope: 'town' },
            { roleId: role[other], orgUnitId: gh, scope: 'town' },
          ],
        })
        .expect(409);
      expect(res.body.code).toBe('SEPARATION_OF_DUTIES');
    }
  });

  it('fixes the built-in administrative roles for everyone', async () => {
    const roles = (await t.http.get('/api/roles').set('Cookie', admin).expect(200)).body as { id: string; code: string; version: number; protected: boolean; duty: string }[];
    const auditor = roles.find((r) => r.code === 'auditor')!;
    expect(auditor).toMatchObject({ protected: true, duty: 'audit' });
    expect(roles.find((r) => r.code === 'mediator')).toMatchObject({ protected: false, duty: 'business' });
    for (const cookie of [admin, security]) {
      for (const code of ['admin', 'security', 'auditor']) {
        const r = roles.find((x) => x.code === code)!;
        const strip = await t.http.patch(`/api/roles/${r.id}`).set('Cookie', cookie).send({ version: r.version, permissions: [] }).expect(409);
        expect(strip.body.code).toBe('BUILTIN_ROLE_PROTECTED');
        await t.http.patch(`/api/roles/${r.id}`).set('Cookie', cookie).send({ version: r.version, name: '改名' }).expect(409);
        const gone = await t.http.delete(`/api/roles/${r.id}?version=${r.version}`).set('Cookie', cookie).expect(409);
        expect(gone.body.code).toBe('BUILTIN_ROLE_PROTECTED');
      }
    }
    const [row] = await t.ds.query(`SELECT permissions FROM role WHERE code = 'auditor'`);
    expect(row.permissions).toEqual(expect.arrayContaining(['audit.read', 'audit.login_history']));
    // the auditor still reads the audit log
    await t.http
      .get('/api/audit-log')
      .set('Cookie', await t.login('auditor'))
      .expect(200);
  });

  it('keeps roles of an administrative duty with the security administrator, and a held role in its duty', async () => {
    const reader = await t.http
      .post('/api/roles')
      .set('Cookie', admin)
      .send({ code: 'audit_reader', name: '审计查阅', nameEn: 'Audit reader', defaultScope: 'town', permissions: ['audit.read'] })
      .expect(403);
    expect(reader.body.code).toBe('ADMIN_DUTY_RESERVED');
    const business = await t.http
      .post('/api/roles')
      .set('Cookie', admin)
      .send({ code: 'case_reader', name: '案件查阅', nameEn: 'Case reader', defaultScope: 'town', permissions: ['vessel.read'] })
      .expect(201);
    // turning a business role into an audit one would hand the audit log to accounts the system administrator runs
    const grow = await t.http
      .patch(`/api/roles/${business.body.id}`)
      .set('Cookie', admin)
      .send({ version: business.body.version, permissions: ['audit.read'] })
      .expect(403);
    expect(grow.body.code).toBe('ADMIN_DUTY_RESERVED');
    const fromSecurity = await t.http
      .patch(`/api/roles/${business.body.id}`)
      .set('Cookie', security)
      .send({ version: business.body.version, permissions: ['audit.read'] })
      .expect(403);
    expect(fromSecurity.body.code).toBe('BUSINESS_DUTY_RESERVED');

    const audit = await t.http
      .post('/api/roles')
      .set('Cookie', security)
      .send({ code: 'audit_reader', name: '审计查阅', nameEn: 'Audit reader', defaultScope: 'town', permissions: ['audit.read'] })
      .expect(201);
    expect(audit.body).toMatchObject({ duty: 'audit', protected: false });
    const holder = await t.http
      .post('/api/users')
      .set('Cookie', security)
      .send({ ...account('auditor3', 'auditor', 'Fourth#Audit2021'), roles: [{ roleId: audit.body.id, orgUnitId: gh, scope: 'town' }] })
      .expect(201);
    expect(holder.body.duty).toBe('audit');
    const moved = await t.http
      .patch(`/api/roles/${audit.body.id}`)
      .set('Cookie', security)
      .send({ version: audit.body.version, permissions: ['security.unlock'] })
      .expect(409);
    expect(moved.body.code).toBe('ROLE_DUTY_IN_USE');
    await t.http
      .patch(`/api/roles/${audit.body.id}`)
      .set('Cookie', security)
      .send({ version: audit.body.version, permissions: ['audit.read', 'audit.login_history'] })
      .expect(200);
    const [row] = await t.ds.query(`SELECT permissions FROM role WHERE code = 'case_reader'`);
    expect(row.permissions).toEqual(['vessel.read']);
  });

  it('checks again a role whose duty changes while it is being handed out', async () => {
    const watch = await t.http
      .post('/api/roles')
      .set('Cookie', admin)
      .send({ code: 'harbour_watch', name: '港口巡查', nameEn: 'Harbour watch', defaultScope: 'town', permissions: ['vessel.read'] })
      .expect(201);
    // A change of the role to the audit duty is under way (its row is locked, not yet committed)...
    const change = t.ds.createQueryRunner();
    await change.connect();
    await change.startTransaction();
    await change.query(`UPDATE role SET permissions = '{audit.read}' WHERE id = $1`, [watch.body.id]);
    // ...while the system administrator hands the role, read as a business one, to an ordinary account.
    const pending = t.http
      .put(`/api/users/${user.petition}/roles`)
      .set('Cookie', admin)
      .send({ version: await versionOf(user.petition, admin), roles: [{ roleId: watch.body.id, orgUnitId: gh, scope: 'town' }] })
      .then((res) => res);
    const waitingOnLock = async () => {
      for (let i = 0; i < 2000; i++) {
        const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`);
        if (n > 0) return 'waiting';
        await new Promise((resolve) => setImmediate(resolve));
      }
      return 'never waited';
    };
    const first = await Promise.race([pending.then(() => 'answered'), waitingOnLock()]);
    await change.commitTransaction();
    await change.release();
    expect(first).toBe('waiting');
    const res = await pending;
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('ADMIN_DUTY_RESERVED');
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM user_role WHERE role_id = $1`, [watch.body.id]);
    expect(n).toBe(0);
  });
});
