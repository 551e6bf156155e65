import { passwordProblems, DEFAULT_SECURITY_POLICY } from '@fazhi/contracts';
import { API_COMMON_PASSWORDS } from '../../auth/common-passwords';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/config';
import { insertAccount, syncBuiltinRoles, upsertUnits } from './base';
import { DEMO_SEED_STEPS, SeedStep } from './demo-seed';

const SEED_LOCK = 727_002;

export interface SeedDeps {
  config: AppConfig;
  now(): Date;
  hashPassword: (password: string) => Promise<string>;
  log(message: string): void;
}

/** Applies the steps of a versioned seed newer than the database's version, each in its own transaction. */
export async function applySeed(ds: DataSource, name: string, steps: SeedStep[], deps: SeedDeps): Promise<number> {
  let applied = 0;
  for (const step of [...steps].sort((a, b) => a.version - b.version)) {
    const done = await ds.transaction(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
      const [row] = await em.query<{ version: number }[]>('SELECT version FROM seed_version WHERE name = $1', [name]);
      if (row && row.version >= step.version) return false;
      const now = deps.now();
      await step.run({ em, now, hashPassword: deps.hashPassword, config: deps.config });
      await em.query(
        `INSERT INTO seed_version (name, version, applied_at) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version, applied_at = EXCLUDED.applied_at`,
        [name, step.version, now],
      );
      deps.log(`Demo data: applied step ${step.version} (${step.description}).`);
      return true;
    });
    if (done) applied += 1;
  }
  return applied;
}

export async function seedDemo(ds: DataSource, config: AppConfig, deps: SeedDeps): Promise<number> {
  if (config.env === 'production') throw new Error('Demo data is never loaded in production (NODE_ENV=production).');
  await ds.transaction((em) => syncBuiltinRoles(em, deps.now()));
  return applySeed(ds, 'demo', DEMO_SEED_STEPS, deps);
}

/** The three first accounts (admin, security, auditor) from the environment, on a root unit. */
export async function ensureInitialAccounts(ds: DataSource, config: AppConfig, deps: SeedDeps, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  for (const a of config.initialAccounts) {
    const problems = passwordProblems(a.password, { username: a.username, minLength: DEFAULT_SECURITY_POLICY.passwordMinLength, commonPasswords: API_COMMON_PASSWORDS });
    if (problems.length) throw new Error(`INITIAL_${a.role.toUpperCase()}_PASSWORD is not acceptable: ${problems.join(', ')}`);
  }
  await ds.transaction(async (em) => {
    const now = deps.now();
    await syncBuiltinRoles(em, now);
    if (config.initialAccounts.length === 0) return;
    await em.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
    let [root] = await em.query<{ id: string }[]>(`SELECT id FROM org_unit WHERE parent_id IS NULL ORDER BY created_at LIMIT 1`);
    if (!root) {
      const ids = await upsertUnits(
        em,
        [{ key: 'root', parentKey: null, level: 'county', code: env.ROOT_UNIT_CODE?.trim() || 'ROOT', name: env.ROOT_UNIT_NAME?.trim() || '本级单位', sortOrder: 0 }],
        now,
      );
      root = { id: ids.get('root')! };
      deps.log(`Created the root org unit "${env.ROOT_UNIT_NAME?.trim() || '本级单位'}".`);
    }
    for (const a of config.initialAccounts) {
      const created = await insertAccount(
        em,
        {
          username: a.username.toLowerCase(),
          displayName: { admin: '系统管理员', security: '安全管理员', auditor: '审计管理员' }[a.role],
          unitId: root.id,
          townId: null,
          demo: false,
          mustChangePassword: true,
          roles: [{ code: a.role, unitId: root.id, townId: null, scope: 'all' }],
        },
        await deps.hashPassword(a.password),
        now,
      );
      if (created) deps.log(`Created the initial ${a.role} account "${a.username}" (password change required at first sign-in).`);
    }
  });
}
