import { PasswordService } from '../src/auth/password.service';
import { DEMO_PASSWORD } from '../src/database/seeds/demo-seed';
import { createTestApp, TestApp } from './test-app';

const BURST = 50;
const THRESHOLD = 5;

/** Concurrency: a burst of wrong passwords locks the account after exactly the policy's threshold. */
describe('lockout under concurrent guesses', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  const burst = (username: string) => Promise.all(Array.from({ length: BURST }, (_, i) => t.http.post('/api/auth/login').send({ username, password: `wrong-guess-${i}` })));

  async function expectLockedAfterThreshold(username: string, responses: { status: number; body: { code?: string } }[]) {
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(THRESHOLD);
    expect(statuses.filter((s) => s === 429)).toHaveLength(BURST - THRESHOLD);
    expect(responses.filter((r) => r.status === 429).every((r) => r.body.code === 'ACCOUNT_LOCKED')).toBe(true);
    const counted = await t.ds.query(`SELECT reason, count(*)::int AS n FROM login_attempt WHERE username = $1 GROUP BY reason ORDER BY reason`, [username]);
    expect(counted).toEqual([
      { reason: 'locked', n: BURST - THRESHOLD },
      { reason: 'wrong_password', n: THRESHOLD },
    ]);
    const [{ n: locks }] = await t.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.lock' AND username = $1`, [username]);
    expect(locks).toBe(1);
    const right = await t.http.post('/api/auth/login').send({ username, password: DEMO_PASSWORD }).expect(429);
    expect(right.body.code).toBe('ACCOUNT_LOCKED');
  }

  it('locks after the threshold when every guess has passed the first lock check before any failure is counted', async () => {
    // Each attempt waits in the password check until all of them have arrived there, so that all
    // of them have read "not locked" before the first failure is written.
    const passwords = t.app.get(PasswordService);
    const verify = passwords.verify.bind(passwords);
    let arrived = 0;
    let releaseAll!: () => void;
    const allArrived = new Promise<void>((resolve) => (releaseAll = resolve));
    jest.spyOn(passwords, 'verify').mockImplementation(async (hash, password) => {
      arrived += 1;
      if (arrived === BURST) releaseAll();
      await allArrived;
      return verify(hash, password);
    });
    const responses = await burst('mediator');
    expect(arrived).toBe(BURST);
    jest.restoreAllMocks();
    await expectLockedAfterThreshold('mediator', responses);
  });

  it('locks after the threshold under a plain burst of concurrent guesses', async () => {
    await expectLockedAfterThreshold('officer', await burst('officer'));
  });

  it('refuses the right password of an account locked while it was being checked', async () => {
    // The right password passes the first check, then waits until a burst has locked the account.
    const passwords = t.app.get(PasswordService);
    const verify = passwords.verify.bind(passwords);
    let releaseRight!: () => void;
    const locked = new Promise<void>((resolve) => (releaseRight = resolve));
    let rightArrived!: () => void;
    const rightWaiting = new Promise<void>((resolve) => (rightArrived = resolve));
    jest.spyOn(passwords, 'verify').mockImplementation(async (hash, password) => {
      if (password === DEMO_PASSWORD) {
        rightArrived();
        await locked;
      }
      return verify(hash, password);
    });
    const right = t.http
      .post('/api/auth/login')
      .send({ username: 'legal', password: DEMO_PASSWORD })
      .then((r) => r);
    await rightWaiting;
    for (let i = 0; i < THRESHOLD; i++)
      await t.http
        .post('/api/auth/login')
        .send({ username: 'legal', password: `bad-${i}` })
        .expect(401);
    releaseRight();
    const res = await right;
    expect(res.status).toBe(429);
    expect(res.body.code).toBe('ACCOUNT_LOCKED');
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM auth_session s JOIN app_user u ON u.id = s.user_id WHERE u.username = 'legal'`);
    expect(n).toBe(0);
  });
});
