import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { PasswordService } from './auth/password.service';
import { backupCommand } from './backup/command';
import { AuditRepository } from './audit/audit.repository';
import { AuditService } from './audit/audit.service';
import { SystemClock } from './common/clock';
import { AppConfig, ConfigError, loadConfig } from './config/config';
import { resolveSecrets } from './config/secrets';
import { openDataSource } from './database/data-source';
import { appRoleName, connectDatabase, DatabaseHandle, ownerDatabaseUrl, prepareDatabase } from './database/database';
import { ENTITIES } from './database/entities';
import { MIGRATIONS } from './database/migrations';
import { appRoleProblems } from './database/roles';
import { portInUse } from './database/embedded-postgres';
import { ensureInitialAccounts, seedDemo } from './database/seeds/seed-runner';

const say = (m: string) => process.stdout.write(`${m}\n`);

/** Command-line tasks: migrate, seed:demo, audit:verify (against the configured or embedded database). */
async function run(command: string | undefined): Promise<number> {
  const config = resolveSecrets(loadConfig());
  let db: DatabaseHandle;
  let stop: (() => Promise<void>) | null = null;
  if (!config.databaseUrl && (await portInUse(config.embeddedPgPort))) {
    // The app is running and owns the embedded PostgreSQL: use it as it is.
    db = { url: ownerDatabaseUrl(config), ownerUrl: ownerDatabaseUrl(config), appRole: appRoleName(config), embedded: null };
  } else {
    db = await connectDatabase(config, say);
    const embedded = db.embedded;
    stop = embedded ? () => embedded.stop() : null;
  }
  let ds: DataSource | null = null;
  try {
    // audit:verify reports the database as it finds it: no migration, no grant.
    const schema = { entities: ENTITIES, migrations: MIGRATIONS };
    ds = command === 'audit:verify' ? await openDataSource(db.ownerUrl, schema) : await prepareDatabase(config, db, schema, say);
    const passwords = new PasswordService(config);
    const deps = { config, now: () => new Date(), hashPassword: (p: string) => passwords.hash(p), log: say };
    switch (command) {
      case 'migrate':
        await ensureInitialAccounts(ds, config, deps);
        say('The database is up to date.');
        return 0;
      case 'seed:demo': {
        const applied = await seedDemo(ds, config, deps);
        say(applied ? `Demo data: ${applied} step(s) applied.` : 'Demo data: already up to date.');
        return 0;
      }
      case 'audit:verify':
        return await verifyAudit(ds, config, db.appRole);
      default:
        process.stderr.write('usage: cli <migrate|seed:demo|audit:verify>\n');
        return 64;
    }
  } finally {
    await ds?.destroy();
    await stop?.();
  }
}

/**
 * The audit chain checked with the key (every link, the legacy marker, the signed head) and the
 * application role checked in the catalog (it can only add to the audit tables). 0 when both
 * are sound, 2 otherwise.
 */
async function verifyAudit(ds: DataSource, config: AppConfig, appRole: string | null): Promise<number> {
  const applied = new Set((await ds.query<{ name: string }[]>(`SELECT name FROM schema_migration`)).map((r) => r.name));
  if (ds.migrations.some((m) => !applied.has(m.name ?? m.constructor.name))) {
    say('The database has migrations to apply: run `npm run migrate` first.');
    return 2;
  }
  const report = await new AuditService(ds, new AuditRepository(ds), new SystemClock(), config).verify();
  say(`Audit rows: ${report.rows}; sealed: ${report.sealed}; links checked: ${report.checked}.`);
  say(report.firstBroken ? `BROKEN at seq ${report.firstBroken.seq} (audit row ${report.firstBroken.auditId}): ${report.firstBroken.reason}` : 'Chain intact: no broken link.');
  for (const p of report.problems) say(`BROKEN: ${p}`);
  say(
    report.oldestUnsealed
      ? `Oldest unsealed row: ${report.oldestUnsealed.id} from ${report.oldestUnsealed.at} (${report.oldestUnsealed.ageSeconds} s old).`
      : 'Oldest unsealed row: none (every row is sealed).',
  );
  const roleProblems = appRole ? await appRoleProblems(ds, appRole) : ['one database role runs both the migrations and the application (set DATABASE_OWNER_URL)'];
  for (const p of roleProblems) say(`ROLE: ${p}`);
  if (appRole && roleProblems.length === 0) say(`Database roles: "${appRole}" can only add to and read the audit tables.`);
  return report.ok && roleProblems.length === 0 ? 0 : 2;
}

/** Exits once what was written has left (a pipe is written asynchronously). */
const exit = (code: number) => process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));

const [command, ...args] = process.argv.slice(2);
(command === 'backup' || command === 'restore'
  ? backupCommand(
      command,
      args,
      MIGRATIONS.map((m) => m.name),
      say,
    )
  : run(command)
).then(exit, (e: unknown) => {
  process.stderr.write(`${e instanceof ConfigError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  exit(1);
});
