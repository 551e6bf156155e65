import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigError, loadConfig, PUBLISHED_SECRETS, TEST_SECRETS } from './config';
import { resolveSecrets } from './secrets';

const secret = () => randomBytes(36).toString('base64url');
const KEYS = {
  SESSION_SECRET: secret(),
  PERSONAL_DATA_KEY: secret(),
  BLIND_INDEX_KEY: secret(),
  AUDIT_HMAC_KEY: secret(),
};
const DATABASES = {
  DATABASE_URL: `postgres://fazhi_app:${secret()}@db:5432/fazhi`,
  DATABASE_OWNER_URL: `postgres://fazhi_owner:${secret()}@db:5432/fazhi`,
};
const ACCOUNTS = {
  INITIAL_ADMIN_USERNAME: 'root-admin',
  INITIAL_ADMIN_PASSWORD: 'Admin#Strong2026',
  INITIAL_SECURITY_USERNAME: 'root-security',
  INITIAL_SECURITY_PASSWORD: 'Security#Strong2026',
  INITIAL_AUDITOR_USERNAME: 'root-auditor',
  INITIAL_AUDITOR_PASSWORD: 'Auditor#Strong2026',
};

function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
}

describe('configuration', () => {
  it('defaults to development on port 3000 with demo data and the embedded database', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ env: 'development', port: 3000, databaseUrl: null, seedDemo: true, cookieSecure: false, passwordHashCost: 'standard' });
  });

  it('names every bad variable', () => {
    const p = problems({ PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x', COOKIE_SECURE: 'maybe', SESSION_SECRET: 'short' });
    expect(p.join('\n')).toMatch(/PORT/);
    expect(p.join('\n')).toMatch(/LOG_LEVEL/);
    expect(p.join('\n')).toMatch(/DATABASE_URL/);
    expect(p.join('\n')).toMatch(/COOKIE_SECURE/);
    expect(p.join('\n')).toMatch(/SESSION_SECRET must be at least 32/);
  });

  it('requires the database, secrets and the three first accounts in production, and never demo data', () => {
    const p = problems({ NODE_ENV: 'production' });
    for (const name of [
      'DATABASE_URL',
      'SESSION_SECRET',
      'PERSONAL_DATA_KEY',
      'BLIND_INDEX_KEY',
      'AUDIT_HMAC_KEY',
      'INITIAL_ADMIN_USERNAME',
      'INITIAL_SECURITY_USERNAME',
      'INITIAL_AUDITOR_USERNAME',
    ]) {
      expect(p.join('\n')).toContain(name);
    }
    expect(problems({ NODE_ENV: 'production', ...DATABASES, ...KEYS, ...ACCOUNTS, SEED_DEMO: 'true' }).join()).toMatch(/never loaded/);
    const ok = loadConfig({ NODE_ENV: 'production', ...DATABASES, ...KEYS, ...ACCOUNTS });
    expect(ok).toMatchObject({ seedDemo: false, cookieSecure: true });
    expect(ok.initialAccounts.map((a) => a.role)).toEqual(['admin', 'security', 'auditor']);
  });

  it('refuses the cheap test hashing outside tests, and one person holding two first accounts', () => {
    expect(problems({ PASSWORD_HASH_COST: 'test' }).join()).toMatch(/only allowed with NODE_ENV=test/);
    const same = problems({ NODE_ENV: 'production', ...DATABASES, ...KEYS, ...ACCOUNTS, INITIAL_AUDITOR_USERNAME: 'root-admin' });
    expect(same.join()).toMatch(/three different usernames/);
  });

  it('refuses in production every key missing or published in the repository, and every database password published', () => {
    const prod = { NODE_ENV: 'production', ...DATABASES, ...KEYS, ...ACCOUNTS };
    for (const [name, value] of Object.entries(TEST_SECRETS)) {
      expect(problems({ ...prod, [name]: value }).join('\n')).toContain(`${name} is a value published in this repository`);
      expect(problems({ ...prod, [name]: '' }).join('\n')).toContain(`${name} is required in production`);
    }
    // The test keys are allowed where they belong.
    expect(problems({ NODE_ENV: 'test', ...TEST_SECRETS })).toEqual([]);
    for (const password of ['fazhi-local', 'fazhi-test', 'password']) {
      expect(PUBLISHED_SECRETS.has(password)).toBe(true);
      expect(problems({ ...prod, DATABASE_URL: `postgres://app:${password}@db/fazhi` }).join()).toMatch(/DATABASE_URL uses a password published/);
      expect(problems({ ...prod, DATABASE_OWNER_URL: `postgres://owner:${password}@db/fazhi` }).join()).toMatch(/DATABASE_OWNER_URL uses a password published/);
    }
    expect(problems({ ...prod, INITIAL_ADMIN_PASSWORD: 'Fazhi@2021' }).join()).toMatch(/INITIAL_ADMIN_PASSWORD is a password published/);
    expect(problems({ ...prod, BLIND_INDEX_KEY: KEYS.SESSION_SECRET }).join()).toMatch(/four different secrets/);
  });

  it('needs two database roles in production, and lets development run as one', () => {
    const prod = { NODE_ENV: 'production', ...DATABASES, ...KEYS, ...ACCOUNTS };
    expect(problems({ ...prod, DATABASE_OWNER_URL: '' }).join()).toMatch(/DATABASE_OWNER_URL is required in production/);
    const sameRole = DATABASES.DATABASE_URL.replace('fazhi_app', 'fazhi_owner');
    expect(problems({ ...prod, DATABASE_URL: sameRole }).join()).toMatch(/two different roles/);
    expect(problems({ DATABASE_OWNER_URL: DATABASES.DATABASE_OWNER_URL }).join()).toMatch(/goes with DATABASE_URL/);
    expect(loadConfig({ DATABASE_URL: DATABASES.DATABASE_URL })).toMatchObject({ databaseUrl: DATABASES.DATABASE_URL, databaseOwnerUrl: null });
  });

  it('generates the development keys and the embedded database passwords once, in DATA_DIR/secrets.json', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-secrets-'));
    try {
      const first = resolveSecrets(loadConfig({ DATA_DIR: dataDir }));
      expect(first.auditHmacKey).toMatch(/^[\w-]{64}$/);
      const stored = JSON.parse(fs.readFileSync(path.join(dataDir, 'secrets.json'), 'utf8'));
      expect(Object.keys(stored).sort()).toEqual(['auditHmacKey', 'blindIndexKey', 'personalDataKey', 'pgAppPassword', 'pgOwnerPassword', 'pgSuperuserPassword', 'sessionSecret']);
      expect(new Set(Object.values(stored)).size).toBe(7);
      expect(fs.statSync(path.join(dataDir, 'secrets.json')).mode & 0o777).toBe(0o600);
      expect(resolveSecrets(loadConfig({ DATA_DIR: dataDir })).auditHmacKey).toBe(first.auditHmacKey);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
