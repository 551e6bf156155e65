import { passwordProblems, PASSWORD_HISTORY_SIZE } from '@fazhi/contracts';
import { API_COMMON_PASSWORDS } from '../src/auth/common-passwords';
import { DEMO_PASSWORD } from '../src/database/seeds/demo-seed';
import { SecurityPolicyService } from '../src/auth/security-policy.service';
import { createTestApp, idOf, TestApp } from './test-app';

/** Password policy to MLPS level 2 (等保二级). */
describe('password policy', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  /** Signs in with `current` and asks for `next`; answers the status and the field error codes. */
  const change = async (username: string, current: string, next: string) => {
    const cookie = await t.login(username, current);
    const res = await t.http.post('/api/auth/password').set('Cookie', cookie).send({ currentPassword: current, newPassword: next });
    return { status: res.status, codes: codesOf(res) };
  };
  const codesOf = (res: { body: { errors?: { code: string }[] } }) => (res.body.errors ?? []).map((e) => e.code);

  it('refuses passwords with fewer than three of lower, upper, digit and symbol, with a field message', async () => {
    const cookie = await t.login('petition');
    for (const weak of ['harbourtide2021', 'HARBOUR#TIDE', 'harbour#tide', '2021#0615#77']) {
      const res = await t.http.post('/api/auth/password').set('Cookie', cookie).send({ currentPassword: DEMO_PASSWORD, newPassword: weak }).expect(400);
      expect(res.body.code).toBe('PASSWORD_POLICY');
      expect(res.body.errors).toEqual([expect.objectContaining({ path: 'newPassword', code: 'few_classes', message: '密码须包含小写字母、大写字母、数字、符号中的至少三类' })]);
    }
    await t.http.get('/api/auth/me').set('Cookie', cookie).expect(200);
  });

  it('refuses common passwords from a list of more than 10,000, case-insensitively and in trivial variants', async () => {
    expect(API_COMMON_PASSWORDS.size).toBeGreaterThan(10_000);
    const cookie = await t.login('petition');
    // mustang and lighthouse are on the long list only; the others are variants of listed passwords
    for (const common of ['Mustang!2024', 'Lighthouse#1', 'P@ssw0rd2021!', 'PASSWORD123!', 'Qwerty@123456', 'Admin@12345']) {
      const res = await t.http.post('/api/auth/password').set('Cookie', cookie).send({ currentPassword: DEMO_PASSWORD, newPassword: common }).expect(400);
      expect(codesOf(res)).toEqual(['common']);
    }
    // the published demo password meets the policy, and demo accounts sign in without a forced change
    expect(passwordProblems(DEMO_PASSWORD, { username: 'leader', minLength: 8, commonPasswords: API_COMMON_PASSWORDS })).toEqual([]);
    const me = await t.http.get('/api/auth/me').set('Cookie', cookie).expect(200);
    expect(me.body.mustChangePassword).toBe(false);
    const [demo] = await t.ds.query(`SELECT demo, must_change_password FROM app_user WHERE username = 'petition'`);
    expect(demo).toEqual({ demo: true, must_change_password: false });
  });

  it(`refuses the last ${PASSWORD_HISTORY_SIZE} passwords on a change, and keeps ${PASSWORD_HISTORY_SIZE} in the history`, async () => {
    const id = await idOf(t.ds, 'app_user', 'mediator');
    const sequence = ['First#Tide2021', 'Second#Tide2021', 'Third#Tide2021', 'Fourth#Tide2021'];
    let current = DEMO_PASSWORD;
    for (const next of sequence) {
      expect(await change('mediator', current, next)).toEqual({ status: 204, codes: [] });
      current = next;
    }
    // current: Fourth; the four before it: Third, Second, First and the demo password
    for (const old of [DEMO_PASSWORD, 'First#Tide2021', 'Second#Tide2021', 'Third#Tide2021']) {
      expect(await change('mediator', current, old)).toEqual({ status: 400, codes: ['reused'] });
    }
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM password_history WHERE user_id = $1`, [id]);
    expect(n).toBe(PASSWORD_HISTORY_SIZE);
    const hashes: { password_hash: string }[] = await t.ds.query(`SELECT password_hash FROM password_history WHERE user_id = $1`, [id]);
    expect(hashes.every((h) => h.password_hash.startsWith('$argon2id$'))).toBe(true);
    expect(JSON.stringify(hashes)).not.toContain('Tide2021');

    expect(await change('mediator', current, 'Fifth#Tide2021')).toEqual({ status: 204, codes: [] });
    // the demo password is now six changes back and may come again; First is still among the last five
    expect(await change('mediator', 'Fifth#Tide2021', 'First#Tide2021')).toEqual({ status: 400, codes: ['reused'] });
    expect(await change('mediator', 'Fifth#Tide2021', DEMO_PASSWORD)).toEqual({ status: 204, codes: [] });
    const [{ kept }] = await t.ds.query(`SELECT count(*)::int AS kept FROM password_history WHERE user_id = $1`, [id]);
    expect(kept).toBe(PASSWORD_HISTORY_SIZE);
  });

  it('refuses a recent password on an administrator reset too, and the reset forces a change at first sign-in', async () => {
    const id = await idOf(t.ds, 'app_user', 'leader');
    const user = await t.http.get(`/api/users/${id}`).set('Cookie', admin).expect(200);
    const again = await t.http.post(`/api/users/${id}/reset-password`).set('Cookie', admin).send({ version: user.body.version, newPassword: DEMO_PASSWORD }).expect(400);
    expect(codesOf(again)).toEqual(['reused']);
    const weak = await t.http.post(`/api/users/${id}/reset-password`).set('Cookie', admin).send({ version: user.body.version, newPassword: 'resetreset1' }).expect(400);
    expect(codesOf(weak)).toEqual(['few_classes']);
    await t.http.post(`/api/users/${id}/reset-password`).set('Cookie', admin).send({ version: user.body.version, newPassword: 'Reset#Chief2021' }).expect(200);
    const cookie = await t.login('leader', 'Reset#Chief2021');
    expect((await t.http.get('/api/auth/me').set('Cookie', cookie).expect(200)).body.mustChangePassword).toBe(true);
    await t.http.get('/api/vessel-cases').set('Cookie', cookie).expect(403);
    const back = await t.http.post('/api/auth/password').set('Cookie', cookie).send({ currentPassword: 'Reset#Chief2021', newPassword: DEMO_PASSWORD }).expect(400);
    expect(codesOf(back)).toEqual(['reused']);
    await t.http.post('/api/auth/password').set('Cookie', cookie).send({ currentPassword: 'Reset#Chief2021', newPassword: 'Own#Chief2021' }).expect(204);
    const [row] = await t.ds.query(`SELECT demo, must_change_password FROM app_user WHERE id = $1`, [id]);
    expect(row).toEqual({ demo: false, must_change_password: false });
  });

  it('refuses a new account whose first password is weak', async () => {
    const gh = await idOf(t.ds, 'org_unit', 'GH');
    const roleId = await idOf(t.ds, 'role', 'mediator');
    const res = await t.http
      .post('/api/users')
      .set('Cookie', admin)
      .send({ username: 'weakling', displayName: '弱密码', orgUnitId: gh, password: 'welcome2021', roles: [{ roleId, orgUnitId: gh, scope: 'town' }] })
      .expect(400);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'password', code: 'few_classes' })]));
  });

  it('never lets the minimum length go below 8', async () => {
    const security = await t.login('security');
    const policy = await t.http.get('/api/security/policy').set('Cookie', security).expect(200);
    const { version, updatedAt: _u, ...values } = policy.body;
    const low = await t.http
      .put('/api/security/policy')
      .set('Cookie', security)
      .send({ ...values, version, passwordMinLength: 6 })
      .expect(400);
    expect(low.body.errors).toEqual([expect.objectContaining({ path: 'passwordMinLength' })]);
    // a minimum written below the floor by other means does not apply
    await t.ds.query(
      `INSERT INTO security_policy (id, policy, updated_at, version) VALUES ('global', $1, now(), 1)
       ON CONFLICT (id) DO UPDATE SET policy = EXCLUDED.policy`,
      [JSON.stringify({ ...values, passwordMinLength: 4 })],
    );
    const fresh = new SecurityPolicyService(t.ds, t.audit, t.clock);
    expect((await fresh.get()).passwordMinLength).toBe(8);
    expect(passwordProblems('Ab1#xyz', { username: 'x', minLength: 4 })).toContain('too_short');
  });
});
