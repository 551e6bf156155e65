import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort, launch, MAIN_JS, removeDataDir, Running, waitForHealth, waitUntil } from './process-helpers';
import { createTestApp } from './test-app';

/** The clock the browser tests run the server on (`TEST_CLOCK_START`), and what it must not break. */
describe('the server on a test clock', () => {
  let dataDir: string;
  beforeAll(() => {
    if (!fs.existsSync(MAIN_JS)) throw new Error(`${MAIN_JS} is missing: build the API first (npm test does)`);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-clock-'));
    fs.chmodSync(dataDir, 0o755);
  });
  afterAll(() => removeDataDir(dataDir));

  it('refuses to start in production with a test clock, before touching any data', async () => {
    const refused = launch(process.execPath, [MAIN_JS], { NODE_ENV: 'production', TEST_CLOCK_START: '2026-12-21T02:00:00Z', DATA_DIR: dataDir, PORT: String(await freePort()) });
    expect(await refused.exited).toBe(1);
    expect(refused.output()).toMatch(/TEST_CLOCK_START is for tests only and is refused with NODE_ENV=production/);
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('runs from the instant given: on 1 November 2026 the administrator is asked for 2027', async () => {
    const port = await freePort();
    let server: Running | null = launch(process.execPath, [MAIN_JS], {
      TEST_CLOCK_START: '2026-11-01T02:00:00Z',
      DATA_DIR: dataDir,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
    });
    try {
      await waitForHealth(port, server);
      expect(server.output()).toContain('Clock: started at 2026-11-01T02:00:00Z (TEST_CLOCK_START)');
      const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'Fazhi@2021' }),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers.getSetCookie()[0].split(';')[0];
      const mine = await (await fetch(`http://127.0.0.1:${port}/api/my/deadlines`, { headers: { cookie } })).json();
      expect(mine.items[0]).toMatchObject({ ledger: 'calendar', recordId: '2027', dueDate: '2026-12-31', daysLeft: 60, state: 'ok' });
      server.child.kill('SIGINT');
      expect(await server.exited).toBe(0);
      server = null;
    } finally {
      if (server) {
        server.child.kill('SIGINT');
        await waitUntil(() => server!.child.exitCode !== null, 20_000);
      }
    }
  }, 120_000);

  it('gives the session cookie a lifetime, so a browser on another clock keeps it', async () => {
    // The server's clock is years behind the machine's: an Expires instant from it would be past.
    const t = await createTestApp();
    try {
      const res = await t.http.post('/api/auth/login').send({ username: 'admin', password: 'Fazhi@2021' }).expect(200);
      const header = ([] as string[]).concat(res.headers['set-cookie'] ?? [])[0];
      const maxAge = Number(/Max-Age=(\d+)/.exec(header)?.[1]);
      const [session] = await t.ds.query(`SELECT extract(epoch FROM expires_at - created_at)::int AS seconds FROM auth_session ORDER BY created_at DESC LIMIT 1`);
      expect(maxAge).toBe(session.seconds);
      const expires = Date.parse(/Expires=([^;]+)/.exec(header)![1]);
      expect(expires).toBeGreaterThan(Date.now());
    } finally {
      await t.close();
    }
  });
});
