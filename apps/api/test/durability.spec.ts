import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { alive, freePort, launch, MAIN_JS, Running, waitForHealth, waitUntil } from './process-helpers';

/**
 * The built server on its embedded PostgreSQL (fsync on), killed with SIGKILL in the middle of
 * acknowledged writes — the API process, then PostgreSQL itself. After a restart every write
 * that was answered 201 is there with the number it was given.
 */
describe('acknowledged writes survive a killed API and a killed PostgreSQL', () => {
  let dataDir: string;
  let port: number;
  let pgPort: number;
  let server: Running | undefined;
  const acknowledged = new Map<string, string>();
  const env = () => ({ DATA_DIR: dataDir, PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), LOG_LEVEL: 'warn' });
  const url = (p: string) => `http://127.0.0.1:${port}${p}`;
  const postmasterPid = () => Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);

  beforeAll(async () => {
    if (!fs.existsSync(MAIN_JS)) throw new Error(`${MAIN_JS} is missing: build the API first (npm test does)`);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-durable-'));
    fs.chmodSync(dataDir, 0o755);
    port = await freePort();
    pgPort = await freePort();
  });
  afterAll(async () => {
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
    if (fs.existsSync(pidFile) && alive(postmasterPid())) process.kill(postmasterPid(), 'SIGINT');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const start = async () => {
    server = launch(process.execPath, [MAIN_JS], env());
    await waitForHealth(port, server);
    return server;
  };
  const signIn = async (username: string) => {
    const res = await fetch(url('/api/auth/login'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'Fazhi@2021' }) });
    if (res.status !== 200) throw new Error(`login ${res.status}`);
    return res.headers.getSetCookie()[0].split(';')[0];
  };

  /**
   * Four clients create vessel cases until told to stop; each 201 is recorded with its number.
   * Other answers are counted by status (0: no answer) and their bodies checked for internals.
   */
  const write = (cookie: string, tag: string) => {
    let stop = false;
    const refused = new Map<number, number>();
    const leaks: string[] = [];
    const client = async (c: number) => {
      for (let i = 0; !stop && acknowledged.size < 1_000; i++) {
        let res: Response;
        try {
          res = await fetch(url('/api/vessel-cases'), {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie },
            body: JSON.stringify({ discoveredAt: '2021-06-14T09:30:00+08:00', place: `${tag}-${c}-${i}`, source: 'patrol', hullMaterial: 'wood' }),
          });
        } catch {
          refused.set(0, (refused.get(0) ?? 0) + 1);
          if (stop) return;
          await new Promise((r) => setTimeout(r, 50));
          continue;
        }
        const text = await res.text();
        if (res.status === 201) {
          const body = JSON.parse(text) as { id: string; number: string };
          acknowledged.set(body.id, body.number);
        } else {
          refused.set(res.status, (refused.get(res.status) ?? 0) + 1);
          if (/QueryFailedError|ECONNREFUSED|\bat .*\(|terminating connection|\.js:\d+/.test(text)) leaks.push(text.slice(0, 200));
        }
      }
    };
    const clients = Promise.all([0, 1, 2, 3].map(client));
    return {
      refused,
      leaks,
      async until(count: number) {
        await waitUntil(() => acknowledged.size >= count, 60_000);
      },
      async stop() {
        stop = true;
        await clients;
      },
    };
  };

  /** Every acknowledged write is there, with its number, and no two share one. */
  const expectAllAcknowledged = async () => {
    const cookie = await signIn('leader');
    const found = new Map<string, string>();
    for (let page = 1; ; page++) {
      const res = await fetch(url(`/api/vessel-cases?pageSize=100&page=${page}&sort=number&order=asc`), { headers: { cookie } });
      const body = (await res.json()) as { items: { id: string; number: string }[]; total: number };
      for (const item of body.items) found.set(item.id, item.number);
      if (body.items.length < 100) break;
    }
    const missing = [...acknowledged].filter(([id, number]) => found.get(id) !== number);
    expect(missing).toEqual([]);
    expect(new Set(acknowledged.values()).size).toBe(acknowledged.size);
  };

  it('keeps every acknowledged write when the API is killed with SIGKILL during writes', async () => {
    const first = await start();
    const writers = write(await signIn('officer'), 'api-kill');
    await writers.until(250);
    first.child.kill('SIGKILL');
    await first.exited;
    await writers.stop();
    expect(writers.leaks).toEqual([]);
    const ackedBefore = acknowledged.size;
    expect(ackedBefore).toBeGreaterThanOrEqual(250);

    const second = await start();
    expect(second.output()).toMatch(/left behind by a stopped Fazhi Ledger/);
    await expectAllAcknowledged();
  }, 90_000);

  it('keeps every acknowledged write when PostgreSQL is killed with SIGKILL during writes; the API stops and the next start recovers', async () => {
    const running = server!;
    const writers = write(await signIn('officer'), 'pg-kill');
    const target = acknowledged.size + 250;
    await writers.until(target);
    const postmaster = postmasterPid();
    process.kill(postmaster, 'SIGKILL');
    expect(await waitUntil(() => !alive(postmaster), 10_000)).toBe(true);
    // Without its database the API refuses cleanly, then stops so that a supervisor (or the user) starts it again.
    const code = await running.exited;
    await writers.stop();
    expect(code).toBe(1);
    expect(running.output()).toMatch(/PostgreSQL .*stopped unexpectedly/);
    expect(writers.leaks).toEqual([]);
    expect([...writers.refused.keys()].filter((status) => status !== 0 && status < 500)).toEqual([]);

    await start();
    await expectAllAcknowledged();
    expect(acknowledged.size).toBeGreaterThanOrEqual(500);
    // The numbers continue after the kills: a new case takes the next number.
    const cookie = await signIn('officer');
    const next = await fetch(url('/api/vessel-cases'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ discoveredAt: '2021-06-14T09:30:00+08:00', place: 'after', source: 'patrol', hullMaterial: 'wood' }),
    });
    expect(next.status).toBe(201);
  }, 90_000);
});
