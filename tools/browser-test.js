#!/usr/bin/env node
/**
 * Browser tests: start the built server on a free port with a throwaway data folder, run the
 * jest suite in apps/web/e2e against it, stop the server, and exit with jest's code.
 * Extra arguments go to jest (e.g. `npm run test:browser -- -t mobile`).
 *
 * The suite runs on an injected date, never the machine's: the server's clock starts at
 * `E2E_NOW` (TEST_CLOCK_START) and the browsers' clocks at the same instant (apps/web/e2e/browser.js),
 * both running on from there. The default, Monday 21 December 2026 10:00 in Guanghai, is after
 * the demo data's events (up to 2023, so the tests' own records never join its figures), inside the kept
 * holiday calendar (2021–2026), and in the weeks before 2027 whose calendar is not kept:
 * deadlines running into 2027 are provisional and the administrator is asked for it.
 */
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const serverMain = path.join(root, 'apps', 'api', 'dist', 'main.js');
const webIndex = path.join(root, 'apps', 'web', 'dist', 'browser', 'index.html');
const jestBin = require.resolve('jest/bin/jest', { paths: [root] });
const e2eConfig = path.join(root, 'apps', 'web', 'e2e', 'jest.config.js');
const STARTUP_TIMEOUT_MS = 180_000;
const DEFAULT_NOW = '2026-12-21T02:00:00Z';
const STOP_TIMEOUT_MS = 20_000;

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForHealth(baseUrl, server) {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode} before it was ready`);
    try {
      const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await sleep(500);
  }
  throw new Error(`no answer from ${baseUrl}/api/health within ${STARTUP_TIMEOUT_MS / 1000} s`);
}

function stop(child, signal) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
    }, STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

function run(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main() {
  for (const file of [serverMain, webIndex]) {
    if (!fs.existsSync(file)) {
      process.stderr.write(`Missing ${path.relative(root, file)}: run \`npm run build\` first.\n`);
      return 2;
    }
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-e2e-'));
  // The embedded PostgreSQL runs as its own system user when started by root: let it in.
  fs.chmodSync(dataDir, 0o755);
  const port = await freePort();
  const pgPort = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const log = path.join(dataDir, 'server.log');
  const logStream = fs.createWriteStream(log);

  const now = process.env.E2E_NOW || DEFAULT_NOW;
  process.stdout.write(`Starting the server on ${baseUrl} (data in ${dataDir}, clock from ${now}) …\n`);
  const serverEnv = { ...process.env };
  delete serverEnv.DATABASE_URL;
  // The browsers' clocks start where the server's did: the instant, plus the time since this moment.
  const clockStartedAt = Date.now();
  const server = spawn(process.execPath, [serverMain], {
    cwd: root,
    env: {
      ...serverEnv,
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(pgPort),
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
      TEST_CLOCK_START: now,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout.pipe(logStream);
  server.stderr.pipe(logStream);

  let code = 1;
  const interrupt = () => void stop(server, 'SIGINT').then(() => process.exit(130));
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    await waitForHealth(baseUrl, server);
    process.stdout.write('Server ready; running the browser tests.\n');
    code = await run(process.execPath, [jestBin, '--config', e2eConfig, ...process.argv.slice(2)], {
      ...process.env,
      E2E_BASE_URL: baseUrl,
      E2E_NOW: now,
      E2E_CLOCK_STARTED_AT: String(clockStartedAt),
    });
  } catch (error) {
    process.stderr.write(`\n${error instanceof Error ? error.message : String(error)}\n`);
    process.stderr.write(`Server log: ${log}\n`);
    logStream.end();
    await stop(server, 'SIGINT');
    return 1;
  }
  await stop(server, 'SIGINT');
  logStream.end();
  if (code === 0) fs.rmSync(dataDir, { recursive: true, force: true });
  else process.stderr.write(`Server log kept in ${log}\n`);
  return code;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
