import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { Client } from 'pg';
import { superuserDatabaseUrl } from '../src/database/database';
import { loadConfig } from '../src/config/config';
import { createTestDatabase, TestDatabase } from './test-db';
import { alive, freePort, launch, MAIN_JS, REPO_ROOT, Running, waitForHealth } from './process-helpers';

const CLI_JS = path.join(REPO_ROOT, 'apps', 'api', 'dist', 'cli.js');

/** Every table's row count and the md5 of its rows in a fixed order, in one statement. */
const TABLE_CHECKSUMS = `
  SELECT t.table_schema || '.' || t.table_name AS name,
         (xpath('/row/n/text()', x))[1]::text::bigint AS rows,
         (xpath('/row/h/text()', x))[1]::text AS md5
    FROM information_schema.tables t,
         LATERAL query_to_xml(format('SELECT count(*) AS n, md5(coalesce(string_agg(r::text, E''\\n'' ORDER BY r::text), '''')) AS h FROM %I.%I r', t.table_schema, t.table_name), false, true, '') AS x
   WHERE t.table_schema NOT IN ('pg_catalog', 'information_schema') AND t.table_type = 'BASE TABLE'
   ORDER BY 1`;

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

const tableChecksums = (url: string) => query<{ name: string; rows: string; md5: string }>(url, TABLE_CHECKSUMS);

/** sha256 of every attachment file, by its path under DATA_DIR/files (unfinished uploads aside). */
function fileHashes(dataDir: string): Record<string, string> {
  const root = path.join(dataDir, 'files');
  const result: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const rel = path.relative(root, full);
      if (rel === 'tmp') continue;
      if (entry.isDirectory()) walk(full);
      else result[rel] = createHash('sha256').update(fs.readFileSync(full)).digest('hex');
    }
  };
  walk(root);
  return result;
}

const signIn = async (port: string, username: string, password: string) =>
  (
    await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    })
  ).status;

/** Every entry under a folder with its size, to show that a refused restore wrote nothing. */
function listing(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).sort().map((n) => `${n}:${fs.statSync(path.join(dir, n)).size}`);
}

/** Back up a running embedded data folder, restore it into a fresh one, and start the app on it. */
describe('Backup round trip', () => {
  let root: string;
  let source: string;
  let archive: string;
  let sourceTables: { name: string; rows: string; md5: string }[];
  let sourceFiles: Record<string, string>;
  const servers: Running[] = [];

  const envFor = async (dataDir: string) => ({
    DATA_DIR: dataDir,
    PORT: String(await freePort()),
    EMBEDDED_PG_PORT: String(await freePort()),
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
    PASSWORD_HASH_COST: 'test',
  });
  const cli = async (env: Record<string, string>, ...args: string[]) => {
    const run = launch(process.execPath, [CLI_JS, ...args], env);
    return { code: await run.exited, output: run.output() };
  };
  const startServer = async (env: Record<string, string>) => {
    const server = launch(process.execPath, [MAIN_JS], env);
    servers.push(server);
    await waitForHealth(Number(env.PORT), server);
    return server;
  };
  /** A new data folder holding only the keys kept with the backup. */
  const freshFolder = (name: string, keysFrom: string | null = source) => {
    const dir = path.join(root, name);
    fs.mkdirSync(dir);
    if (keysFrom) fs.copyFileSync(path.join(keysFrom, 'secrets.json'), path.join(dir, 'secrets.json'));
    return dir;
  };

  beforeAll(async () => {
    if (!fs.existsSync(CLI_JS)) throw new Error(`${CLI_JS} is missing: build the API first (npm test does)`);
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-backup-'));
    fs.chmodSync(root, 0o755);
    source = path.join(root, 'source');
    archive = path.join(root, 'backup.tar.gz');
    const env = await envFor(source);
    const server = await startServer(env);
    const url = superuserDatabaseUrl(loadConfig(env))!;
    // Rows in the audit chain: a sign-in and a refused one.
    expect(await signIn(env.PORT, 'county', 'Fazhi@2021')).toBe(200);
    expect(await signIn(env.PORT, 'leader', 'not-the-password')).toBe(401);
    // The app seals its audit rows every 2 s: wait until it has nothing left to write.
    const unsealed = `SELECT count(*)::int AS n FROM audit_log a WHERE NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.audit_id = a.id)`;
    for (let n = 1; n > 0;) {
      n = (await query<{ n: number }>(url, unsealed))[0].n;
      if (n > 0) await new Promise((r) => setTimeout(r, 200));
    }
    sourceTables = await tableChecksums(url);
    sourceFiles = fileHashes(source);

    const made = await cli(env, 'backup', archive);
    expect(made.output).toMatch(/Backing up online through the running server/);
    expect(made.code).toBe(0);
    expect(await tableChecksums(url)).toEqual(sourceTables);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  afterAll(async () => {
    for (const server of servers) if (server.child.exitCode === null) server.child.kill('SIGTERM');
    await Promise.all(servers.map((s) => s.exited));
    for (const dir of fs.existsSync(root) ? fs.readdirSync(root) : []) {
      const pidFile = path.join(root, dir, 'pg', 'postmaster.pid');
      if (!fs.existsSync(pidFile)) continue;
      const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
      if (alive(pid)) process.kill(pid, 'SIGINT');
    }
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('holds the database, the attachments and a manifest with checksums and key fingerprints, never the keys', () => {
    const members = execFileSync('tar', ['tzf', archive], { encoding: 'utf8' }).trim().split('\n');
    expect(members).toContain('pg/backup_label');
    expect(members).toContain('pg/PG_VERSION');
    expect(members).not.toContain('pg/postmaster.pid');
    expect(members.filter((m) => /^pg\/pg_wal\/[0-9A-F]{24}$/.test(m)).length).toBeGreaterThan(0);
    expect(members[members.length - 1]).toBe('manifest.json');
    const manifest = JSON.parse(execFileSync('tar', ['xzf', archive, '-O', 'manifest.json'], { encoding: 'utf8' }));
    expect(manifest).toMatchObject({ format: 'fazhi-ledger-backup', database: 'embedded-base-backup', appVersion: expect.any(String), migrationHead: expect.stringMatching(/\d{13}$/) });
    expect(manifest.postgres.versionNum).toBeGreaterThanOrEqual(140000);
    expect(manifest.members.map((m: { path: string }) => m.path)).toEqual(members.slice(0, -1));
    const files = manifest.members.filter((m: { type: string }) => m.type === 'file');
    for (const f of files) expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(files.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(Object.keys(sourceFiles).map((k) => `files/${k}`)));

    const keys = JSON.parse(fs.readFileSync(path.join(source, 'secrets.json'), 'utf8')) as Record<string, string>;
    // Every key; the embedded database's role passwords (pg*) stay out of the manifest.
    expect(Object.keys(manifest.keyFingerprints).sort()).toEqual(
      Object.keys(keys)
        .filter((k) => !k.startsWith('pg'))
        .sort(),
    );
    const whole = zlib.gunzipSync(fs.readFileSync(archive));
    for (const [name, key] of Object.entries(keys)) {
      if (!name.startsWith('pg')) expect(manifest.keyFingerprints[name]).toMatch(/^[0-9a-f]{16}$/);
      expect(whole.includes(Buffer.from(key))).toBe(false);
    }
  });

  it('restores into a fresh data folder: same rows, same files, an intact audit chain, and sign-in works', async () => {
    const target = freshFolder('restored');
    const env = await envFor(target);
    const restored = await cli(env, 'restore', archive);
    expect(restored.output).toMatch(/every checksum matches/);
    expect(restored.code).toBe(0);

    const server = await startServer(env);
    const url = superuserDatabaseUrl(loadConfig(env))!;
    const tables = await tableChecksums(url);
    expect(tables.length).toBeGreaterThan(10);
    expect(tables.find((t) => t.name === 'public.attachment')?.rows).not.toBe('0');
    expect(tables).toEqual(sourceTables);
    expect(Object.keys(sourceFiles).length).toBeGreaterThan(0);
    expect(fileHashes(target)).toEqual(sourceFiles);

    expect(Number(tables.find((t) => t.name === 'public.audit_log')?.rows)).toBeGreaterThanOrEqual(2);

    const verified = await cli(env, 'audit:verify');
    expect(verified.output).toMatch(/Chain intact/);
    expect(verified.output).toMatch(/Audit rows: [1-9]\d*; sealed: [1-9]/);
    expect(verified.code).toBe(0);
    expect(await signIn(env.PORT, 'county', 'Fazhi@2021')).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it('refuses a data folder that is not empty, and changes nothing there', async () => {
    const before = listing(source);
    const refused = await cli(await envFor(source), 'restore', archive);
    expect(refused.code).toBe(2);
    expect(refused.output).toMatch(/data folder .* is not empty/);
    expect(listing(source)).toEqual(before);
  });

  it('refuses a damaged archive before writing anything', async () => {
    const target = freshFolder('damaged');
    const env = await envFor(target);

    const flipped = fs.readFileSync(archive);
    flipped[Math.floor(flipped.length / 2)] ^= 0xff;
    fs.writeFileSync(path.join(root, 'flipped.tar.gz'), flipped);
    const broken = await cli(env, 'restore', path.join(root, 'flipped.tar.gz'));
    expect(broken.code).toBe(2);
    expect(broken.output).toMatch(/damaged|checksum/);
    expect(fs.readdirSync(target)).toEqual(['secrets.json']);

    // A byte changed inside one member, in an archive that is otherwise a valid tar.
    const tarred = zlib.gunzipSync(fs.readFileSync(archive));
    const at = tarred.indexOf('START WAL LOCATION');
    expect(at).toBeGreaterThan(0);
    tarred[at] = 'X'.charCodeAt(0);
    fs.writeFileSync(path.join(root, 'altered.tar'), tarred);
    const altered = await cli(env, 'restore', path.join(root, 'altered.tar'));
    expect(altered.code).toBe(2);
    expect(altered.output).toMatch(/fails its checksums[\s\S]*pg\/backup_label does not match/);
    expect(fs.readdirSync(target)).toEqual(['secrets.json']);
  });

  it("refuses keys that differ from the backup's unless forced", async () => {
    const target = freshFolder('other-keys', null);
    const other = Object.fromEntries(['sessionSecret', 'personalDataKey', 'blindIndexKey'].map((k) => [k, randomBytes(48).toString('base64url')]));
    fs.writeFileSync(path.join(target, 'secrets.json'), JSON.stringify(other));
    const refused = await cli(await envFor(target), 'restore', archive);
    expect(refused.code).toBe(2);
    expect(refused.output).toMatch(/PERSONAL_DATA_KEY and BLIND_INDEX_KEY\) differ[\s\S]*--force/);
    expect(fs.readdirSync(target)).toEqual(['secrets.json']);

    const missing = freshFolder('no-keys', null);
    const noKeys = await cli(await envFor(missing), 'restore', archive);
    expect(noKeys.code).toBe(2);
    expect(noKeys.output).toMatch(/differ from those of the backup/);
    expect(fs.readdirSync(missing)).toEqual([]);
  });

  it('with DATABASE_URL, refuses a database that is not empty, and a pg_dump that cannot handle the server', async () => {
    const db = await createTestDatabase({ empty: true });
    try {
      await query(db.url, 'CREATE TABLE kept (id int PRIMARY KEY)');
      await externalChecks(db);
    } finally {
      await db.drop();
    }
  });

  async function externalChecks(db: TestDatabase): Promise<void> {
    const env = { ...(await envFor(freshFolder('external'))), DATABASE_URL: db.url };
    const notEmpty = await cli(env, 'restore', archive);
    expect(notEmpty.code).toBe(2);
    expect(notEmpty.output).toMatch(new RegExp(`database "${db.name}" at DATABASE_URL is not empty`));

    const [{ num }] = await query<{ num: number }>(db.url, `SELECT current_setting('server_version_num')::int AS num`);
    let client = 0;
    try {
      client = Number(/(\d+)/.exec(execFileSync('pg_dump', ['--version'], { encoding: 'utf8' }))?.[1]);
    } catch {
      // not installed
    }
    const file = path.join(root, 'external.tar.gz');
    const made = await cli(env, 'backup', file);
    if (client >= Math.floor(num / 10000)) {
      expect(made.code).toBe(0);
      expect(execFileSync('tar', ['tzf', file], { encoding: 'utf8' })).toMatch(/^database\.dump$/m);
    } else {
      expect(made.code).toBe(2);
      expect(made.output).toMatch(client ? /pg_dump is version \d+ .* older than the database server/ : /pg_dump is not installed/);
      expect(fs.existsSync(file) || fs.existsSync(`${file}.partial`)).toBe(false);
    }
  }
});
