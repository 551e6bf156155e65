import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig, TEST_SECRETS } from '../src/config/config';
import { DatabaseSchema, dataSourceOptions } from '../src/database/data-source';
import { migrate } from '../src/database/database';
import { ENTITIES } from '../src/database/entities';
import { MIGRATIONS } from '../src/database/migrations';
import { applyGrants } from '../src/database/roles';
import { ensureInitialAccounts, seedDemo } from '../src/database/seeds/seed-runner';
import { PasswordService } from '../src/auth/password.service';

/** The app's entities and migrations, as the server hands them to its connection. */
export const SCHEMA: DatabaseSchema = { entities: ENTITIES, migrations: MIGRATIONS };

const TEMPLATE = 'fazhi_test_template';
const TEMPLATE_LOCK = 727_100;
const ROLES_LOCK = 727_101;
/** The two roles of the test databases (cluster-wide): the owner migrates, the app role runs the API. */
export const TEST_OWNER = 'fazhi_test_owner';
export const TEST_APP = 'fazhi_test_app';

function serverUrl(database: string, role?: string): string {
  if (!process.env.FAZHI_TEST_PG_URL) throw new Error('FAZHI_TEST_PG_URL is not set: run the tests through jest (global setup)');
  const url = new URL(process.env.FAZHI_TEST_PG_URL);
  url.pathname = `/${database}`;
  if (role) {
    url.username = role;
    url.password = rolePassword();
  }
  return url.toString();
}

/** Random per run (global setup), so no database password of the suite is written in the repository. */
function rolePassword(): string {
  const password = process.env.FAZHI_TEST_ROLE_PASSWORD;
  if (!password) throw new Error('FAZHI_TEST_ROLE_PASSWORD is not set: run the tests through jest (global setup)');
  return password;
}

async function admin<T>(fn: (c: Client) => Promise<T>, database = 'postgres'): Promise<T> {
  const client = new Client({ connectionString: serverUrl(database) });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export const testConfig = () =>
  loadConfig({
    NODE_ENV: 'test',
    PASSWORD_HASH_COST: 'test',
    ...TEST_SECRETS,
    DATA_DIR: '/tmp/fazhi-test-data',
    LOG_LEVEL: 'silent',
  });

/** Creates (or updates) the owner and application roles once per process, under an advisory lock. */
let rolesReady: Promise<void> | null = null;
function ensureRoles(): Promise<void> {
  rolesReady ??= admin(async (c) => {
    await c.query('SELECT pg_advisory_lock($1)', [ROLES_LOCK]);
    try {
      for (const role of [TEST_OWNER, TEST_APP]) {
        const found = await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
        const [{ sql }] = (
          await c.query(`SELECT format('${found.rowCount ? 'ALTER' : 'CREATE'} ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L', $1::text, $2::text) AS sql`, [role, rolePassword()])
        ).rows;
        await c.query(sql);
      }
    } finally {
      await c.query('SELECT pg_advisory_unlock($1)', [ROLES_LOCK]);
    }
  });
  return rolesReady;
}

/** The migrated template with the demo data, made once per run by the owner, under an advisory lock. */
async function ensureTemplate(): Promise<void> {
  await ensureRoles();
  await admin(async (c) => {
    await c.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      const found = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [TEMPLATE]);
      if (found.rowCount) return;
      await c.query(`DROP DATABASE IF EXISTS ${TEMPLATE}_building`);
      await c.query(`CREATE DATABASE ${TEMPLATE}_building OWNER ${TEST_OWNER}`);
      const ds = await migrate(serverUrl(`${TEMPLATE}_building`, TEST_OWNER), SCHEMA, () => undefined);
      try {
        await applyGrants(ds, TEST_APP);
        const config = testConfig();
        const passwords = new PasswordService(config);
        const deps = { config, now: () => new Date('2021-01-01T00:00:00Z'), hashPassword: (p: string) => passwords.hash(p), log: () => undefined };
        await ensureInitialAccounts(ds, config, deps);
        await seedDemo(ds, config, deps);
      } finally {
        await ds.destroy();
      }
      await c.query(`ALTER DATABASE ${TEMPLATE}_building RENAME TO ${TEMPLATE}`);
    } finally {
      await c.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  });
}

export interface TestDatabase {
  name: string;
  /** The superuser's connection (test set-up and tampering). */
  url: string;
  /** The schema owner's connection: migrations and grants. */
  ownerUrl: string;
  /** The application role's connection: what the API runs as. */
  appUrl: string;
  /** Runs `fn` on a superuser connection to this database. */
  asSuperuser<T>(fn: (c: Client) => Promise<T>): Promise<T>;
  drop(): Promise<void>;
}

/** A database of the test's own, owned by the owner role: cloned from the template, or empty when `empty`. */
export async function createTestDatabase(opts: { empty?: boolean } = {}): Promise<TestDatabase> {
  if (opts.empty) await ensureRoles();
  else await ensureTemplate();
  const name = `fazhi_test_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name} OWNER ${TEST_OWNER} ${opts.empty ? 'TEMPLATE template0' : `TEMPLATE ${TEMPLATE}`}`));
  return {
    name,
    url: serverUrl(name),
    ownerUrl: serverUrl(name, TEST_OWNER),
    appUrl: serverUrl(name, TEST_APP),
    asSuperuser: (fn) => admin(fn, name),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

export async function openTestDataSource(url: string): Promise<DataSource> {
  const ds = new DataSource(dataSourceOptions(url, SCHEMA));
  await ds.initialize();
  return ds;
}
