import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { PasswordService } from './auth/password.service';
import { backupCommand } from './backup/command';
import { AuditRepository } from './audit/audit.repository';
import { AuditService } from './audit/audit.service';
import { SystemClock } from './common/clock';
import { ConfigError, loadConfig } from './config/config';
import { resolveSecrets } from './config/secrets';
import { connectDatabase, migrate } from './database/database';
import { portInUse } from './database/embedded-postgres';
import { ensureInitialAccounts, seedDemo } from './database/seeds/seed-runner';

const say = (m: string) => process.stdout.write(`${m}\n`);

/** Command-line tasks: migrate, seed:demo, audit:verify (against the configured or embedded database). */
async function run(command: string | undefined): Promise<number> {
  const config = resolveSecrets(loadConfig());
  let url: string;
  let stop: (() => Promise<void>) | null = null;
  if (!config.databaseUrl && (await portInUse(config.embeddedPgPort))) {
    // The app is running and owns the embedded PostgreSQL: use it as it is.
    url = `postgres://postgres:fazhi-local@127.0.0.1:${config.embeddedPgPort}/fazhi`;
  } else {
    const db = await connectDatabase(config, say);
    url = db.url;
    stop = db.embedded ? () => db.embedded!.stop() : null;
  }
  let ds: DataSource | null = null;
  try {
    ds = await migrate(url, say);
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
      case 'audit:verify': {
        const audit = new AuditService(ds, new AuditRepository(ds), new SystemClock());
        await audit.seal();
        const report = await audit.verify();
        say(`Audit rows: ${report.rows}; sealed: ${report.sealed}; links checked: ${report.checked}.`);
        say(report.firstBroken ? `BROKEN at seq ${report.firstBroken.seq} (audit row ${report.firstBroken.auditId}): ${report.firstBroken.reason}` : 'Chain intact: no broken link.');
        say(report.oldestUnsealed ? `Oldest unsealed row: ${report.oldestUnsealed.id} from ${report.oldestUnsealed.at} (${report.oldestUnsealed.ageSeconds} s old).` : 'Oldest unsealed row: none (every row is sealed).');
        return report.ok ? 0 : 2;
      }
      default:
        process.stderr.write('usage: cli <migrate|seed:demo|audit:verify>\n');
        return 64;
    }
  } finally {
    await ds?.destroy();
    await stop?.();
  }
}

const [command, ...args] = process.argv.slice(2);
(command === 'backup' || command === 'restore' ? backupCommand(command, args, say) : run(command)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${e instanceof ConfigError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
