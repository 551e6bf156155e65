import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import { parse } from 'yaml';
import { freePort, launch, MAIN_JS, REPO_ROOT, waitForHealth } from './process-helpers';
import { createTestDatabase, SCHEMA, TEST_APP, TEST_OWNER, testConfig } from './test-db';
import { prepareDatabase } from '../src/database/database';

const secret = () => randomBytes(36).toString('base64url');
const SECRETS = {
  SESSION_SECRET: secret(),
  PERSONAL_DATA_KEY: secret(),
  BLIND_INDEX_KEY: secret(),
  AUDIT_HMAC_KEY: secret(),
  INITIAL_ADMIN_USERNAME: 'sysadmin',
  INITIAL_ADMIN_PASSWORD: 'Admin#Deploy2026',
  INITIAL_SECURITY_USERNAME: 'secadmin',
  INITIAL_SECURITY_PASSWORD: 'Security#Deploy2026',
  INITIAL_AUDITOR_USERNAME: 'auditadmin',
  INITIAL_AUDITOR_PASSWORD: 'Auditor#Deploy2026',
};

describe('docker deployment', () => {
  it('the entrypoint migrates an empty database, creates the first accounts, loads no demo data and serves', async () => {
    if (!fs.existsSync(MAIN_JS)) throw new Error('build the API first');
    const db = await createTestDatabase({ empty: true });
    const port = await freePort();
    const run = launch('sh', [path.join(REPO_ROOT, 'docker', 'entrypoint.sh')], {
      ...SECRETS,
      NODE_ENV: 'production',
      DATABASE_URL: db.appUrl,
      DATABASE_OWNER_URL: db.ownerUrl,
      PORT: String(port),
      LOG_LEVEL: 'warn',
    });
    try {
      await waitForHealth(port, run);
      const client = new Client({ connectionString: db.url });
      await client.connect();
      const owners = await client.query(`SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'`);
      expect(owners.rows).toEqual([{ tableowner: TEST_OWNER }]);
      const sessions = await client.query(`SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'fazhi-ledger'`);
      expect(sessions.rows).toEqual([{ usename: TEST_APP }]);
      const migrations = await client.query('SELECT name FROM schema_migration');
      expect(migrations.rows.map((r) => r.name)).toContain('Foundation1764000000000');
      const users = await client.query('SELECT username, must_change_password, demo FROM app_user ORDER BY username');
      expect(users.rows).toEqual([
        { username: 'auditadmin', must_change_password: true, demo: false },
        { username: 'secadmin', must_change_password: true, demo: false },
        { username: 'sysadmin', must_change_password: true, demo: false },
      ]);
      const seeds = await client.query('SELECT count(*)::int AS n FROM seed_version');
      expect(seeds.rows[0].n).toBe(0);
      await client.end();
      expect(await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()).toEqual({ status: 'ok', database: 'ok', demo: false });
      const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'Fazhi@2021' }),
      });
      expect(login.status).toBe(401);
      const cookie = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'sysadmin', password: SECRETS.INITIAL_ADMIN_PASSWORD }),
      });
      expect(cookie.status).toBe(200);
      expect(cookie.headers.get('set-cookie')).toMatch(/Secure/);
      expect((await cookie.json()).user.mustChangePassword).toBe(true);
    } finally {
      run.child.kill('SIGTERM');
      await run.exited;
      await db.drop();
    }
  });

  it('refuses to start in production without its required settings', async () => {
    const run = launch(process.execPath, [MAIN_JS], { NODE_ENV: 'production', DATABASE_URL: 'postgres://x@127.0.0.1:1/x' });
    expect(await run.exited).toBe(1);
    for (const name of ['SESSION_SECRET', 'PERSONAL_DATA_KEY', 'BLIND_INDEX_KEY', 'AUDIT_HMAC_KEY', 'DATABASE_OWNER_URL', 'INITIAL_ADMIN_USERNAME']) expect(run.output()).toContain(name);
  });

  it('refuses to start in production on a database that holds demo accounts', async () => {
    const db = await createTestDatabase();
    try {
      const run = launch(process.execPath, [MAIN_JS], { ...SECRETS, NODE_ENV: 'production', DATABASE_URL: db.appUrl, DATABASE_OWNER_URL: db.ownerUrl, PORT: String(await freePort()) });
      expect(await run.exited).toBe(1);
      expect(run.output()).toMatch(/refuses to start in production:\n\s+- this database holds \d+ demo account\(s\) with the published demo password/);
    } finally {
      await db.drop();
    }
  });

  it('refuses to start in production with a key published in the repository', async () => {
    const run = launch(process.execPath, [MAIN_JS], {
      ...SECRETS,
      AUDIT_HMAC_KEY: testConfig().auditHmacKey!,
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://a@127.0.0.1:1/x',
      DATABASE_OWNER_URL: 'postgres://b@127.0.0.1:1/x',
    });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('AUDIT_HMAC_KEY is a value published in this repository');
  });

  it('runs as one role in development with a clear warning', async () => {
    const db = await createTestDatabase({ empty: true });
    const log: string[] = [];
    const ds = await prepareDatabase(testConfig(), { url: db.ownerUrl, ownerUrl: db.ownerUrl, appRole: null, embedded: null }, SCHEMA, (m) => log.push(m));
    try {
      expect(log.join('\n')).toMatch(/WARNING: DATABASE_URL is used for both migrations and the application: that role could disable the audit triggers/);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });

  it('creates the missing application role when the owner may, and grants it only INSERT and SELECT on the audit tables', async () => {
    const db = await createTestDatabase({ empty: true });
    const role = `fazhi_test_app_${randomBytes(4).toString('hex')}`;
    const appUrl = new URL(db.appUrl);
    appUrl.username = role;
    const log: string[] = [];
    const ds = await prepareDatabase(testConfig(), { url: appUrl.toString(), ownerUrl: db.url, appRole: role, embedded: null }, SCHEMA, (m) => log.push(m));
    try {
      expect(log).toContain(`Created the application role "${role}".`);
      const [grants] = await ds.query(
        `SELECT has_table_privilege($1, 'audit_log', 'INSERT') AS ins, has_table_privilege($1, 'audit_log', 'UPDATE') AS upd, has_table_privilege($1, 'vessel_case', 'UPDATE') AS ledger`,
        [role],
      );
      expect(grants).toEqual({ ins: true, upd: false, ledger: true });
    } finally {
      await ds.destroy();
      await db.asSuperuser((c) => c.query(`DROP OWNED BY ${role}; DROP ROLE ${role}`));
      await db.drop();
    }
  });

  it('compose.yml runs PostgreSQL 18 and the app with every secret required', () => {
    const compose = parse(fs.readFileSync(path.join(REPO_ROOT, 'docker', 'compose.yml'), 'utf8'));
    expect(compose.services.postgres.image).toMatch(/^postgres:18/);
    expect(compose.services.postgres.healthcheck.test.join(' ')).toMatch(/pg_isready/);
    const app = compose.services.app;
    expect(app.build).toEqual({ context: '..', dockerfile: 'docker/Dockerfile' });
    expect(app.depends_on.postgres.condition).toBe('service_healthy');
    expect(app.environment.NODE_ENV).toBe('production');
    expect(app.environment.DATABASE_URL).toMatch(/^postgres:\/\/fazhi_app:\$\{FAZHI_APP_PASSWORD:\?[^}]*\}@postgres:5432\/fazhi$/);
    expect(app.environment.DATABASE_OWNER_URL).toMatch(/^postgres:\/\/fazhi:\$\{POSTGRES_PASSWORD:\?[^}]*\}@postgres:5432\/fazhi$/);
    for (const name of ['SESSION_SECRET', 'PERSONAL_DATA_KEY', 'BLIND_INDEX_KEY', 'AUDIT_HMAC_KEY', 'INITIAL_ADMIN_PASSWORD', 'INITIAL_SECURITY_PASSWORD', 'INITIAL_AUDITOR_PASSWORD']) {
      expect(app.environment[name]).toMatch(new RegExp(`^\\$\\{${name}:\\?`));
    }
    expect(app.volumes).toEqual(expect.arrayContaining([expect.stringMatching(/:\/var\/lib\/fazhi$/)]));
    expect(Object.keys(compose.volumes)).toEqual(expect.arrayContaining(['pgdata', 'appdata']));
  });

  it('the Dockerfile builds in one stage and runs unprivileged through the entrypoint in another', () => {
    const dockerfile = fs.readFileSync(path.join(REPO_ROOT, 'docker', 'Dockerfile'), 'utf8');
    const stages = dockerfile.match(/^FROM .+$/gm) ?? [];
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^ENTRYPOINT \["\/app\/docker\/entrypoint\.sh"\]$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK /m);
    expect(dockerfile).toMatch(/npm ci/);
    for (const file of dockerfile.match(/^COPY (?!--from)(\S+)/gm) ?? []) {
      const src = file.replace(/^COPY /, '');
      expect(fs.existsSync(path.join(REPO_ROOT, src))).toBe(true);
    }
  });
});
