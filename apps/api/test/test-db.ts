import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/config';
import { dataSourceOptions } from '../src/database/data-source';
import { migrate } from '../src/database/database';
import { ensureInitialAccounts, seedDemo } from '../src/database/seeds/seed-runner';
import { PasswordService } from '../src/auth/password.service';

const TEMPLATE = 'fazhi_test_template';
const TEMPLATE_LOCK = 727_100;

function serverUrl(database: string): string {
  const url = new URL(process.env.FAZHI_TEST_PG_URL ?? '');
  if (!process.env.FAZHI_TEST_PG_URL) throw new Error('FAZHI_TEST_PG_URL is not set: run the tests through jest (global setup)');
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl('postgres') });
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
    SESSION_SECRET: 'test-session-secret-0123456789abcdef0123456789',
    PERSONAL_DATA_KEY: 'test-personal-data-key-0123456789abcdef01234567',
    BLIND_INDEX_KEY: 'test-blind-index-key-0123456789abcdef0123456789',
    DATA_DIR: '/tmp/fazhi-test-data',
    LOG_LEVEL: 'silent',
  });

/** The migrated template with the demo data, made once per run under an advisory lock. */
async function ensureTemplate(): Promise<void> {
  await admin(async (c) => {
    await c.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      const found = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [TEMPLATE]);
      if (found.rowCount) return;
      await c.query(`CREATE DATABASE ${TEMPLATE}_building`);
      const ds = await migrate(serverUrl(`${TEMPLATE}_building`), () => undefined);
      const config = testConfig();
      const passwords = new PasswordService(config);
      const deps = { config, now: () => new Date('2021-01-01T00:00:00Z'), hashPassword: (p: string) => passwords.hash(p), log: () => undefined };
      await ensureInitialAccounts(ds, config, deps);
      await seedDemo(ds, config, deps);
      await ds.destroy();
      await c.query(`ALTER DATABASE ${TEMPLATE}_building RENAME TO ${TEMPLATE}`);
    } finally {
      await c.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  });
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A database of the test's own, cloned from the template (or empty when `empty`). */
export async function createTestDatabase(opts: { empty?: boolean } = {}): Promise<TestDatabase> {
  if (!opts.empty) await ensureTemplate();
  const name = `fazhi_test_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name} ${opts.empty ? 'TEMPLATE template0' : `TEMPLATE ${TEMPLATE}`}`));
  return {
    name,
    url: serverUrl(name),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

export async function openTestDataSource(url: string): Promise<DataSource> {
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  return ds;
}
