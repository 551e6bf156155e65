import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import { parse } from 'yaml';
import { freePort, launch, MAIN_JS, REPO_ROOT, waitForHealth } from './process-helpers';
import { createTestDatabase } from './test-db';

const SECRETS = {
  SESSION_SECRET: 'deployment-session-secret-0123456789abcdef',
  PERSONAL_DATA_KEY: 'deployment-personal-data-key-0123456789abcdef',
  BLIND_INDEX_KEY: 'deployment-blind-index-key-0123456789abcdef',
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
    const run = launch('sh', [path.join(REPO_ROOT, 'docker', 'entrypoint.sh')], { ...SECRETS, NODE_ENV: 'production', DATABASE_URL: db.url, PORT: String(port), LOG_LEVEL: 'warn' });
    try {
      await waitForHealth(port, run);
      const client = new Client({ connectionString: db.url });
      await client.connect();
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
      const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'Fazhi@2021' }) });
      expect(login.status).toBe(401);
      const cookie = await fetch(`http://127.0.0.1:${port}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'sysadmin', password: SECRETS.INITIAL_ADMIN_PASSWORD }) });
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
    for (const name of ['SESSION_SECRET', 'PERSONAL_DATA_KEY', 'BLIND_INDEX_KEY', 'INITIAL_ADMIN_USERNAME']) expect(run.output()).toContain(name);
  });

  it('compose.yml runs PostgreSQL 18 and the app with every secret required', () => {
    const compose = parse(fs.readFileSync(path.join(REPO_ROOT, 'docker', 'compose.yml'), 'utf8'));
    expect(compose.services.postgres.image).toMatch(/^postgres:18/);
    expect(compose.services.postgres.healthcheck.test.join(' ')).toMatch(/pg_isready/);
    const app = compose.services.app;
    expect(app.build).toEqual({ context: '..', dockerfile: 'docker/Dockerfile' });
    expect(app.depends_on.postgres.condition).toBe('service_healthy');
    expect(app.environment.NODE_ENV).toBe('production');
    expect(app.environment.DATABASE_URL).toMatch(/@postgres:5432\//);
    for (const name of ['SESSION_SECRET', 'PERSONAL_DATA_KEY', 'BLIND_INDEX_KEY', 'INITIAL_ADMIN_PASSWORD', 'INITIAL_SECURITY_PASSWORD', 'INITIAL_AUDITOR_PASSWORD']) {
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
