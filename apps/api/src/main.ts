// The heap's growth is set before anything else allocates (see common/heap.ts).
import './common/heap';
import 'reflect-metadata';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './database/seeds/demo-seed';
import { PasswordService } from './auth/password.service';
import { clockFromEnv, TEST_CLOCK_START } from './common/clock';
import { createLogger } from './common/logger';
import { guardProcess } from './common/process-guards';
import { ConfigError, loadConfig } from './config/config';
import { resolveSecrets } from './config/secrets';
import { connectDatabase, prepareDatabase } from './database/database';
import { ENTITIES } from './database/entities';
import { MIGRATIONS } from './database/migrations';
import { EmbeddedPostgresError } from './database/embedded-postgres';
import { ensureInitialAccounts, seedDemo } from './database/seeds/seed-runner';
import { createApp } from './server';

const say = (m: string) => process.stdout.write(`${m}\n`);

async function main(): Promise<void> {
  if (typeof process.getuid === 'function' && process.getuid() === 0) process.umask(0o022);
  const clock = clockFromEnv();
  const config = resolveSecrets(loadConfig());
  const logger = createLogger(config.logLevel);
  const started = Date.now();

  const db = await connectDatabase(config, say);
  let closing = false;
  const shutdown = async (signal: string, app?: { close(): Promise<void> }) => {
    if (closing) return;
    closing = true;
    say(`\n${signal}: stopping …`);
    try {
      await app?.close();
    } finally {
      await db.embedded?.stop();
      say('Stopped.');
      process.exit(0);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  const ds = await prepareDatabase(config, db, { entities: ENTITIES, migrations: MIGRATIONS }, say);
  const passwords = new PasswordService(config);
  const deps = { config, now: () => clock.now(), hashPassword: (p: string) => passwords.hash(p), log: say };
  await ensureInitialAccounts(ds, config, deps);
  if (config.seedDemo) await seedDemo(ds, config, deps);
  await ds.destroy();

  const app = await createApp({ config, databaseUrl: db.url, logger, clock, sealIntervalMs: 2_000 });
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.once('SIGINT', () => void shutdown('SIGINT', app));
  process.once('SIGTERM', () => void shutdown('SIGTERM', app));
  await app.listen(config.port, config.host);
  // From here on a stray error is one request's problem: logged with its request id, never the end of the server.
  guardProcess(logger);
  if (db.embedded) {
    db.embedded.watch((pid) => {
      if (closing) return;
      process.stderr.write(`\nPostgreSQL (process ${pid}) stopped unexpectedly, so Fazhi Ledger stops too. Start it again: the next start recovers the database.\n`);
      process.exit(1);
    });
  }

  const url = `http://localhost:${config.port}`;
  say('');
  say(`Fazhi Ledger 法治台账 is ready at ${url}  (API ${url}/api${config.apiDocs ? `, docs ${url}/api/docs` : ''})  [${((Date.now() - started) / 1000).toFixed(1)} s]`);
  say(db.embedded ? `Database: embedded PostgreSQL in ${config.dataDir}/pg` : 'Database: DATABASE_URL');
  if (process.env[TEST_CLOCK_START]) say(`Clock: started at ${process.env[TEST_CLOCK_START]} (${TEST_CLOCK_START}), now ${clock.now().toISOString()}`);
  if (config.seedDemo) {
    say(`Demo accounts (password ${DEMO_PASSWORD}):`);
    for (const a of DEMO_ACCOUNTS) say(`  ${a.username.padEnd(9)} ${a.displayName}  ${a.role}${a.town ? '' : ' (county)'}${a.town === 'haiyan' ? ' (海宴镇)' : ''}`);
  }
  say('Press Ctrl-C to stop.');
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError || e instanceof EmbeddedPostgresError) process.stderr.write(`\n${e.message}\n`);
  else process.stderr.write(`\nFazhi Ledger could not start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
