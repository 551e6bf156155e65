import { EventEmitter } from 'node:events';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readdirSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Pool } from 'pg';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { guardProcess } from '../src/common/process-guards';
import { requestContext } from '../src/common/request-context';
import { DEMO_PASSWORD } from '../src/database/seeds/demo-seed';
import { freePort, launch, MAIN_JS, waitForHealth } from './process-helpers';
import { createTestApp, idOf, TestApp } from './test-app';
import { createTestDatabase } from './test-db';

/** Open file descriptors of this process that are files (not sockets, pipes or event handles). */
function openFiles(): string[] {
  const out: string[] = [];
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      if (target.startsWith('/')) out.push(target);
    } catch {
      // closed while listing
    }
  }
  return out.sort();
}

/** The app's connection pool (pg.Pool behind TypeORM's driver). */
function poolOf(ds: DataSource): Pool {
  return (ds.driver as unknown as { master: Pool }).master;
}

/** Backends of the test database that are busy (a query running or a transaction left open), besides the asking one. */
async function busyBackends(ds: DataSource): Promise<number> {
  const [row] = await ds.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state IS NOT NULL AND state <> 'idle'`);
  return row.n;
}

/** Waits until `check` holds, polling; fails with `what` when it never does. */
async function eventually(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) throw new Error(`still not true after ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Starts a GET and destroys it after the first bytes of the body; resolves with what arrived. */
function abortAfterFirstBytes(port: number, path: string, cookie: string, how: 'request' | 'socket'): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, headers: { Cookie: cookie }, agent: false });
    req.on('response', (res) => {
      res.once('data', (chunk: Buffer) => {
        if (how === 'request') req.destroy();
        else res.socket.destroy();
        resolve({ status: res.statusCode ?? 0, bytes: chunk.length });
      });
      res.once('end', () => resolve({ status: res.statusCode ?? 0, bytes: -1 }));
    });
    // Our own destroy ends in a reset or hang-up (ignored once settled); before any answer, it is the server's failure.
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'ECONNRESET' && e.message !== 'socket hang up') reject(e);
      else resolve({ status: 0, bytes: 0 });
    });
  });
}

describe('Aborted downloads', () => {
  let t: TestApp;
  let port: number;
  let officer: string;
  let mediator: string;
  let attachmentPath: string;
  const escaped: unknown[] = [];
  const onRejection = (reason: unknown) => escaped.push(reason);
  const onException = (error: unknown) => escaped.push(error);

  beforeAll(async () => {
    process.on('unhandledRejection', onRejection);
    process.on('uncaughtException', onException);
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
    officer = await t.login('officer');
    mediator = await t.login('mediator');
    const village = await idOf(t.ds, 'org_unit', 'GH02');
    const created = await t.http
      .post('/api/vessel-cases')
      .set('Cookie', officer)
      .send({ villageId: village, discoveredAt: '2021-06-14T09:30:00+08:00', place: '南湾码头', source: 'patrol', hullMaterial: 'wood' })
      .expect(201);
    // A document large enough that the download is still being sent when the client goes away.
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(8 * 1024 * 1024, 0x20), Buffer.from('\n%%EOF\n')]);
    const uploaded = await t.http
      .post(`/api/vessel-cases/${created.body.id}/attachments`)
      .set('Cookie', officer)
      .field('version', String(created.body.version))
      .field('stage', 'before')
      .attach('file', pdf, '证据.pdf');
    if (uploaded.status !== 201 && uploaded.status !== 200) throw new Error(`upload: ${uploaded.status} ${JSON.stringify(uploaded.body)}`);
    const attachment = (uploaded.body.attachments as { id: string }[])[0];
    attachmentPath = `/api/vessel-cases/${created.body.id}/attachments/${attachment.id}`;
  });
  afterAll(async () => {
    await t.close();
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  });

  it('survives 100 cancelled exports and attachment downloads, leaving no file handle or connection open', async () => {
    // Settle the pool and the file handles the first requests open (logins, the upload).
    await t.http.get('/api/vessel-cases?pageSize=1').set('Cookie', officer).expect(200);
    const pool = poolOf(t.ds);
    await eventually('the pool is idle before', () => pool.totalCount === pool.idleCount && pool.waitingCount === 0);
    const filesBefore = openFiles();

    const targets = [
      { path: '/api/vessel-cases/export.xlsx', cookie: officer },
      { path: '/api/disputes/export.xlsx', cookie: mediator },
      { path: attachmentPath, cookie: officer },
    ];
    const results: { status: number; bytes: number }[] = [];
    for (let i = 0; i < 100; i += 10) {
      const batch = Array.from({ length: 10 }, (_, k) => {
        const target = targets[(i + k) % targets.length];
        return abortAfterFirstBytes(port, target.path, target.cookie, (i + k) % 2 === 0 ? 'request' : 'socket');
      });
      results.push(...(await Promise.all(batch)));
    }
    expect(results).toHaveLength(100);
    expect(results.every((r) => r.status === 200)).toBe(true);
    // Most were really cut in the middle of the body (not read to the end first).
    expect(results.filter((r) => r.bytes > 0).length).toBeGreaterThanOrEqual(90);

    await t.http.get('/api/health').expect(200);
    const list = await t.http.get('/api/disputes?pageSize=5').set('Cookie', mediator).expect(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    await eventually('every pool connection is released', () => pool.totalCount === pool.idleCount && pool.waitingCount === 0);
    await eventually('no backend is left busy', async () => (await busyBackends(t.ds)) === 0);
    await eventually('every file handle is closed', () => openFiles().join('\n') === filesBefore.join('\n'));
    expect(escaped).toEqual([]);
  });

  it('logs a rejection nobody handled with its request id, and the process carries on', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
    // jest keeps the real process's unhandled rejections for itself: the process is stood in for.
    const proc = new EventEmitter();
    const unguard = guardProcess(logger, proc);
    requestContext.run({ requestId: 'req-unhandled-1', address: null, userAgent: null, language: 'zh' }, () => {
      const lost = Promise.reject(new Error('lost promise'));
      lost.catch(() => undefined);
      proc.emit('unhandledRejection', new Error('lost promise'), lost);
      proc.emit('uncaughtException', new TypeError('thrown in a callback'), 'uncaughtException');
    });
    expect(lines).toEqual([
      expect.objectContaining({ level: 50, msg: 'unhandled rejection', requestId: 'req-unhandled-1', err: expect.objectContaining({ message: 'lost promise' }) }),
      expect.objectContaining({ level: 50, msg: 'uncaught exception', requestId: 'req-unhandled-1', err: expect.objectContaining({ name: 'TypeError' }) }),
    ]);
    unguard();
    expect(proc.listenerCount('unhandledRejection') + proc.listenerCount('uncaughtException')).toBe(0);
    await t.http.get('/api/health').expect(200);
  });

  it('the real server process keeps running through cancelled exports', async () => {
    if (!existsSync(MAIN_JS)) throw new Error(`${MAIN_JS} is missing: build the API first (npm test does)`);
    const db = await createTestDatabase();
    const serverPort = await freePort();
    const secrets = { SESSION_SECRET: t.config.sessionSecret!, PERSONAL_DATA_KEY: t.config.personalDataKey!, BLIND_INDEX_KEY: t.config.blindIndexKey! };
    const server = launch(process.execPath, [MAIN_JS], {
      ...secrets,
      DATABASE_URL: db.url,
      PORT: String(serverPort),
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'fazhi-abort-')),
    });
    try {
      await waitForHealth(serverPort, server);
      const login = await fetch(`http://127.0.0.1:${serverPort}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'officer', password: DEMO_PASSWORD }),
      });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
      for (let i = 0; i < 20; i++) {
        expect((await abortAfterFirstBytes(serverPort, '/api/vessel-cases/export.xlsx', cookie, i % 2 === 0 ? 'request' : 'socket')).status).toBe(200);
      }
      expect((await fetch(`http://127.0.0.1:${serverPort}/api/vessel-cases?pageSize=1`, { headers: { cookie } })).status).toBe(200);
      expect(server.child.exitCode).toBeNull();
      expect(server.output()).not.toMatch(/ERR_HTTP_HEADERS_SENT|unhandled rejection|uncaught exception/);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
      await db.drop();
    }
  });
});
