import { ConfigError, loadConfig } from './config';

const KEYS = {
  SESSION_SECRET: 's'.repeat(40),
  PERSONAL_DATA_KEY: 'p'.repeat(40),
  BLIND_INDEX_KEY: 'b'.repeat(40),
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
    for (const name of ['DATABASE_URL', 'SESSION_SECRET', 'PERSONAL_DATA_KEY', 'BLIND_INDEX_KEY', 'INITIAL_ADMIN_USERNAME', 'INITIAL_SECURITY_USERNAME', 'INITIAL_AUDITOR_USERNAME']) {
      expect(p.join('\n')).toContain(name);
    }
    expect(problems({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x/y', ...KEYS, ...ACCOUNTS, SEED_DEMO: 'true' }).join()).toMatch(/never loaded/);
    const ok = loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x/y', ...KEYS, ...ACCOUNTS });
    expect(ok).toMatchObject({ seedDemo: false, cookieSecure: true });
    expect(ok.initialAccounts.map((a) => a.role)).toEqual(['admin', 'security', 'auditor']);
  });

  it('refuses the cheap test hashing outside tests, and one person holding two first accounts', () => {
    expect(problems({ PASSWORD_HASH_COST: 'test' }).join()).toMatch(/only allowed with NODE_ENV=test/);
    const same = problems({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x/y', ...KEYS, ...ACCOUNTS, INITIAL_AUDITOR_USERNAME: 'root-admin' });
    expect(same.join()).toMatch(/three different usernames/);
  });
});
