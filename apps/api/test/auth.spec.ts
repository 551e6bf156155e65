import { DEMO_PASSWORD } from '../src/database/seeds/demo-seed';
import { createTestApp, idOf, TestApp } from './test-app';

describe('sign-in and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('signs in with a HttpOnly SameSite=Strict cookie and answers /me', async () => {
    const res = await t.http.post('/api/auth/login').send({ username: 'leader', password: DEMO_PASSWORD }).expect(200);
    const cookie = ([] as string[]).concat(res.headers['set-cookie'])[0];
    expect(cookie).toMatch(/^fz_session=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).not.toMatch(/Secure/);
    expect(res.body.user).toMatchObject({ username: 'leader', displayName: '李海生', mustChangePassword: false });
    const me = await t.http.get('/api/auth/me').set('Cookie', cookie.split(';')[0]).expect(200);
    expect(me.body.roles).toEqual([expect.objectContaining({ code: 'leader', name: '镇领导', scope: 'town' })]);
    expect(me.body.permissions).toContain('vessel.read');
    expect(me.body.permissions).not.toContain('user.manage');
    expect(me.body.scope.towns.map((x: { name: string }) => x.name)).toEqual(['广海镇']);
    expect(me.body.scope.villages).toHaveLength(9);
  });

  it('stores only a hash of the session id', async () => {
    const cookie = await t.login('officer');
    const token = cookie.split('=')[1];
    const rows = await t.ds.query(`SELECT token_hash FROM auth_session`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r: { token_hash: string }) => r.token_hash === token)).toBe(false);
    expect(rows.every((r: { token_hash: string }) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
  });

  it('issues bearer tokens for API clients', async () => {
    const token = await t.token('petition');
    const me = await t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    expect(me.body.username).toBe('petition');
  });

  it('answers a wrong password with a Chinese message by default and English on request', async () => {
    const zh = await t.http.post('/api/auth/login').send({ username: 'mediator', password: 'wrong-password' }).expect(401);
    expect(zh.body).toMatchObject({ statusCode: 401, code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' });
    expect(zh.body.requestId).toEqual(expect.any(String));
    const en = await t.http.post('/api/auth/login').set('Accept-Language', 'en').send({ username: 'mediator', password: 'x' }).expect(401);
    expect(en.body.message).toBe('Wrong username or password');
    // the two failures above are cleared by a success
    await t.login('mediator');
  });

  it('logout ends the session', async () => {
    const cookie = await t.login('legal');
    await t.http.post('/api/auth/logout').set('Cookie', cookie).expect(204);
    const res = await t.http.get('/api/auth/me').set('Cookie', cookie).expect(401);
    expect(res.body.code).toBe('SESSION_EXPIRED');
  });

  it('ends a session after 30 idle minutes and after 12 hours in all', async () => {
    const cookie = await t.login('advisor');
    t.clock.advanceMinutes(29);
    await t.http.get('/api/auth/me').set('Cookie', cookie).expect(200);
    t.clock.advanceMinutes(29);
    await t.http.get('/api/auth/me').set('Cookie', cookie).expect(200);
    t.clock.advanceMinutes(31);
    await t.http.get('/api/auth/me').set('Cookie', cookie).expect(401);

    const second = await t.login('advisor');
    for (let i = 0; i < 25; i++) {
      t.clock.advanceMinutes(29);
      const res = await t.http.get('/api/auth/me').set('Cookie', second);
      if (i < 24) expect(res.status).toBe(200);
      else expect(res.status).toBe(401);
    }
  });

  it('writes last activity at most once a minute', async () => {
    const cookie = await t.login('officer');
    const [before] = await t.ds.query(`SELECT id, last_seen_at FROM auth_session ORDER BY created_at DESC LIMIT 1`);
    t.clock.advance(20_000);
    await t.http.get('/api/auth/me').set('Cookie', cookie).expect(200);
    const [same] = await t.ds.query(`SELECT last_seen_at FROM auth_session WHERE id = $1`, [before.id]);
    expect(new Date(same.last_seen_at).getTime()).toBe(new Date(before.last_seen_at).getTime());
    t.clock.advance(50_000);
    await t.http.get('/api/auth/me').set('Cookie', cookie).expect(200);
    const [moved] = await t.ds.query(`SELECT last_seen_at FROM auth_session WHERE id = $1`, [before.id]);
    expect(new Date(moved.last_seen_at).getTime()).toBe(t.clock.now().getTime());
  });

  describe('lockout', () => {
    it('locks a username after five failures in 15 minutes, for right and wrong passwords alike', async () => {
      for (let i = 0; i < 5; i++) {
        await t.http
          .post('/api/auth/login')
          .send({ username: 'petition', password: `bad-${i}` })
          .expect(401);
        t.clock.advanceMinutes(1);
      }
      const locked = await t.http.post('/api/auth/login').send({ username: 'petition', password: DEMO_PASSWORD }).expect(429);
      expect(locked.body.code).toBe('ACCOUNT_LOCKED');
      expect(locked.body.retryAfterSeconds).toBeGreaterThan(0);
      expect(locked.body.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
      expect(locked.body.message).toMatch(/锁定/);
      expect(locked.headers['retry-after']).toBe(String(locked.body.retryAfterSeconds));
      // other accounts are unaffected
      await t.login('leader');
      t.clock.advanceMinutes(16);
      await t.login('petition');
    });

    it('locks unknown usernames the same way', async () => {
      for (let i = 0; i < 5; i++) await t.http.post('/api/auth/login').send({ username: 'nobody-here', password: 'whatever1' }).expect(401);
      const res = await t.http.post('/api/auth/login').send({ username: 'nobody-here', password: 'whatever1' }).expect(429);
      expect(res.body.code).toBe('ACCOUNT_LOCKED');
    });

    it('does not lock for failures spread over more than 15 minutes', async () => {
      for (let i = 0; i < 6; i++) {
        await t.http.post('/api/auth/login').send({ username: 'officer', password: 'nope-nope' }).expect(401);
        t.clock.advanceMinutes(4);
      }
      await t.login('officer');
    });

    it('is lifted by the security administrator, and the unlock is audited', async () => {
      for (let i = 0; i < 5; i++) await t.http.post('/api/auth/login').send({ username: 'advisor', password: 'bad-bad-bad' }).expect(401);
      await t.http.post('/api/auth/login').send({ username: 'advisor', password: DEMO_PASSWORD }).expect(429);
      const security = await t.login('security');
      const locks = await t.http.get('/api/security/locks').set('Cookie', security).expect(200);
      expect(locks.body).toEqual(expect.arrayContaining([expect.objectContaining({ username: 'advisor', displayName: '朱立法', failures: 5 })]));
      const leader = await t.login('leader');
      await t.http.post('/api/security/locks/advisor/unlock').set('Cookie', leader).expect(403);
      await t.http.post('/api/security/locks/advisor/unlock').set('Cookie', security).expect(204);
      await t.login('advisor');
      const [row] = await t.ds.query(`SELECT username, outcome FROM audit_log WHERE action = 'security.unlock' ORDER BY id DESC LIMIT 1`);
      expect(row).toEqual({ username: 'security', outcome: 'success' });
    });

    it('keeps the login history for security and auditor', async () => {
      const auditor = await t.login('auditor');
      const res = await t.http.get('/api/login-history?username=advisor&success=false&pageSize=50').set('Cookie', auditor).expect(200);
      expect(res.body.total).toBeGreaterThanOrEqual(6);
      expect(res.body.items[0]).toMatchObject({ username: 'advisor', success: false });
      const reasons = res.body.items.map((i: { reason: string }) => i.reason);
      expect(reasons).toEqual(expect.arrayContaining(['wrong_password', 'locked']));
      const admin = await t.login('admin');
      await t.http.get('/api/login-history').set('Cookie', admin).expect(403);
    });
  });

  describe('passwords', () => {
    it('enforces the policy on change, then ends every session of the user', async () => {
      const a = await t.login('mediator');
      const b = await t.token('mediator');
      const weak = await t.http.post('/api/auth/password').set('Cookie', a).send({ currentPassword: DEMO_PASSWORD, newPassword: 'Mediator#99' }).expect(400);
      expect(weak.body.code).toBe('PASSWORD_POLICY');
      expect(weak.body.errors).toEqual([expect.objectContaining({ path: 'newPassword', code: 'contains_username', message: '密码不能包含用户名' })]);
      const common = await t.http.post('/api/auth/password').set('Cookie', a).send({ currentPassword: DEMO_PASSWORD, newPassword: 'password123' }).expect(400);
      expect(common.body.errors.map((e: { code: string }) => e.code)).toContain('common');
      const short = await t.http.post('/api/auth/password').set('Cookie', a).send({ currentPassword: DEMO_PASSWORD, newPassword: 'Ab1!' }).expect(400);
      expect(short.body.errors.map((e: { code: string }) => e.code)).toContain('too_short');
      const wrong = await t.http.post('/api/auth/password').set('Cookie', a).send({ currentPassword: 'not-it', newPassword: 'Harbour#Tide2021' }).expect(400);
      expect(wrong.body.code).toBe('WRONG_CURRENT_PASSWORD');

      await t.http.post('/api/auth/password').set('Cookie', a).send({ currentPassword: DEMO_PASSWORD, newPassword: 'Harbour#Tide2021' }).expect(204);
      await t.http.get('/api/auth/me').set('Cookie', a).expect(401);
      await t.http.get('/api/auth/me').set('Authorization', `Bearer ${b}`).expect(401);
      await t.login('mediator', 'Harbour#Tide2021');
    });

    it('makes a new account change its password at first sign-in', async () => {
      const admin = await t.login('admin');
      const roleId = await idOf(t.ds, 'role', 'mediator');
      const unit = await idOf(t.ds, 'org_unit', 'GH');
      await t.http
        .post('/api/users')
        .set('Cookie', admin)
        .send({ username: 'newbie', displayName: '新同事', orgUnitId: unit, password: 'Initial#Pass2021', roles: [{ roleId, orgUnitId: unit, scope: 'town' }] })
        .expect(201);
      const cookie = await t.login('newbie', 'Initial#Pass2021');
      const me = await t.http.get('/api/auth/me').set('Cookie', cookie).expect(200);
      expect(me.body.mustChangePassword).toBe(true);
      const blocked = await t.http.get('/api/org-units/tree').set('Cookie', cookie).expect(403);
      expect(blocked.body.code).toBe('PASSWORD_CHANGE_REQUIRED');
      await t.http.post('/api/auth/password').set('Cookie', cookie).send({ currentPassword: 'Initial#Pass2021', newPassword: 'Second#Pass2021' }).expect(204);
      const fresh = await t.login('newbie', 'Second#Pass2021');
      await t.http.get('/api/org-units/tree').set('Cookie', fresh).expect(200);
    });

    it('requires a change when the password is older than the rotation period', async () => {
      const security = await t.login('security');
      const policy = await t.http.get('/api/security/policy').set('Cookie', security).expect(200);
      expect(policy.body).toMatchObject({ lockoutThreshold: 5, idleTimeoutMinutes: 30, absoluteTimeoutHours: 12 });
      const { version, updatedAt: _u, ...values } = policy.body;
      await t.http
        .put('/api/security/policy')
        .set('Cookie', security)
        .send({ ...values, version, passwordMaxAgeDays: 30 })
        .expect(200);
      const stale = await t.http
        .put('/api/security/policy')
        .set('Cookie', security)
        .send({ ...values, version, passwordMaxAgeDays: 60 })
        .expect(409);
      expect(stale.body.code).toBe('STALE_VERSION');
      const cookie = await t.login('newbie', 'Second#Pass2021');
      t.clock.advance(31 * 86_400_000);
      const me = await t.http
        .get('/api/auth/me')
        .set('Cookie', await t.login('newbie', 'Second#Pass2021'))
        .expect(200);
      expect(me.body.mustChangePassword).toBe(true);
      expect(cookie).toBeTruthy();
    });
  });

  it('ends the sessions of a disabled user and refuses their sign-in', async () => {
    const admin = await t.login('admin');
    const cookie = await t.login('officer');
    const id = await idOf(t.ds, 'app_user', 'officer');
    const user = await t.http.get(`/api/users/${id}`).set('Cookie', admin).expect(200);
    await t.http.post(`/api/users/${id}/disable`).set('Cookie', admin).send({ version: user.body.version, reason: '调离' }).expect(200);
    await t.http.get('/api/auth/me').set('Cookie', cookie).expect(401);
    const res = await t.http.post('/api/auth/login').send({ username: 'officer', password: DEMO_PASSWORD }).expect(403);
    expect(res.body.code).toBe('ACCOUNT_DISABLED');
  });
});

describe('session probe', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers 200 with no user when nobody is signed in, and the user otherwise', async () => {
    expect((await t.http.get('/api/auth/session').expect(200)).body).toEqual({ user: null });
    expect((await t.http.get('/api/auth/session').set('Cookie', 'fz_session=forged').expect(200)).body).toEqual({ user: null });
    const cookie = await t.login('county');
    const res = await t.http.get('/api/auth/session').set('Cookie', cookie).expect(200);
    expect(res.body.user).toMatchObject({ username: 'county', displayName: '谭永康' });
  });
});
