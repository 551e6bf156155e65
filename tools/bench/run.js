#!/usr/bin/env node
'use strict';
/**
 * `npm run bench -- --scale town|county|province [options]`: the API against the bare baseline.
 *
 * 1. Builds the API (turbo, cached) unless --no-build; generates the scale's database unless a
 *    complete one of the current data version exists (generate.js).
 * 2. Signs in the leaders of up to --towns towns by writing their sessions straight into
 *    auth_session (token hashed with the deployment's SESSION_SECRET), the same sessions for both
 *    servers, and precomputes the requests: case ids, list filters (status + village + discovery
 *    date range, 20 rows, sorted) and town-years, spread over those towns and shuffled.
 * 3. Starts the API (`node apps/api/dist/main.js`, NODE_ENV=production, LOG_LEVEL=warn) and the
 *    baseline (baseline-server.js) on 127.0.0.1, checks that both give the same answers, then for
 *    each endpoint: a warm-up of each, and measured runs alternating API, baseline (--rounds
 *    times), the load coming from load.js (autocannon) in its own process.
 * 4. Times the statistics of one town-year: the API's endpoint, the baseline's, the hand-written
 *    SQL alone and the API's statement alone (--stats-reps each, median), and keeps
 *    EXPLAIN (ANALYZE, BUFFERS) plans of the requests' statements.
 * 5. Prints the table (req/s, p50/p95/p99, errors, ratio API/baseline, CPU per request), the API's
 *    peak RSS (VmHWM), and writes everything to tools/bench/.data/results/<scale>-<time>.json
 *    (plans in a .plans.txt beside it).
 *
 * Load goes to 127.0.0.1 only; every loop is bounded in count and time.
 */
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const { spawn, spawnSync } = require('node:child_process');
const c = require('./lib/common');
const sql = require('./lib/api-sql');
const proc = require('./lib/procstat');
const { generate } = require('./generate');

const USAGE = `usage: npm run bench -- [--scale town|county|province] [--duration 20] [--warmup 5] [--connections 50]
       [--rounds 3] [--endpoints get,list,stats] [--towns 200] [--stats-reps 30] [--check 40] [--no-build] [--no-explain]
       [--probe 5] [--profile] [--api-node-options "--flag …"] [--regenerate] [--generate-only]`;

const DEFAULTS = {
  scale: 'town',
  duration: 20,
  warmup: 5,
  connections: 50,
  rounds: 3,
  check: 40,
  endpoints: 'get,list,stats',
  towns: 200,
  statsReps: 30,
  build: true,
  explain: true,
  regenerate: false,
  generateOnly: false,
  statsYear: 2024,
  probe: 5,
  profile: false,
  apiNodeOptions: '',
};

function parse() {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const argv = process.argv.slice(2).map((a) => (a === '--no-build' ? '--build=false' : a === '--no-explain' ? '--explain=false' : a));
  const a = c.parseArgs(argv, DEFAULTS);
  a.duration = Math.max(1, Math.min(120, a.duration));
  a.warmup = Math.max(0, Math.min(60, a.warmup));
  a.connections = Math.max(1, Math.min(500, a.connections));
  a.rounds = Math.max(1, Math.min(9, a.rounds));
  a.check = Math.max(1, Math.min(1000, a.check));
  a.statsReps = Math.max(1, Math.min(200, a.statsReps));
  a.probe = Math.max(0, Math.min(30, a.probe));
  a.endpoints = a.endpoints
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const e of a.endpoints) if (!['get', 'list', 'stats'].includes(e)) throw new Error(`unknown endpoint ${e}`);
  return a;
}

const say = (m = '') => process.stdout.write(`${m}\n`);

function rng(seed) {
  let x = seed >>> 0;
  return () => {
    x = (x + 0x6d2b79f5) >>> 0;
    let t = x;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(list, r) {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : null;
};
const pctl = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : null;
};

function build() {
  const t0 = Date.now();
  say('Building the API (turbo; cached when nothing changed) …');
  const out = spawnSync('npx', ['turbo', 'run', 'build', '--filter=@fazhi/api', '--env-mode=loose', '--output-logs=errors-only'], {
    cwd: c.ROOT,
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (out.status !== 0) throw new Error(`API build failed:\n${out.stdout}\n${out.stderr}`);
  say(`  built in ${c.fmtSeconds(Date.now() - t0)}`);
}

/** Leaders' sessions and the request lists (the same for both servers). */
async function fixtures(client, s, args) {
  const towns = (await client.query(`SELECT id, name, code FROM org_unit WHERE level = 'town' AND code LIKE 'BT%' ORDER BY code`)).rows;
  const step = Math.max(1, towns.length / Math.min(args.towns, towns.length));
  const chosen = [];
  for (let i = 0; i < towns.length && chosen.length < args.towns; i += step) chosen.push(towns[Math.floor(i)]);
  await client.query(`DELETE FROM auth_session WHERE user_agent = 'fazhi-bench'`);
  await client.query(`UPDATE app_user SET password_changed_at = now() WHERE username LIKE 'bench-leader-%'`);
  const leaders = (await client.query(`SELECT u.id, u.username, u.town_id FROM app_user u WHERE u.username LIKE 'bench-leader-%' AND u.town_id = ANY($1::uuid[])`, [chosen.map((t) => t.id)])).rows;
  const byTown = new Map(leaders.map((l) => [l.town_id, l]));
  const sessions = new Map();
  for (const t of chosen) {
    const leader = byTown.get(t.id);
    if (!leader) throw new Error(`no leader for town ${t.code}`);
    const token = crypto.randomBytes(32).toString('base64url');
    const hash = crypto.createHmac('sha256', s.sessionSecret).update(token).digest('hex');
    await client.query(
      `INSERT INTO auth_session (id, token_hash, user_id, kind, created_at, last_seen_at, expires_at, revoked_at, revoke_reason, address, user_agent)
       VALUES (gen_random_uuid(), $1, $2, 'cookie', now(), now(), now() + interval '12 hours', NULL, NULL, '127.0.0.1', 'fazhi-bench')`,
      [hash, leader.id],
    );
    sessions.set(t.id, { cookie: `fz_session=${token}`, userId: leader.id, username: leader.username });
  }
  const r = rng(4242);
  const perTownIds = Math.max(20, Math.ceil(4000 / chosen.length));
  const perTownLists = Math.max(20, Math.ceil(4000 / chosen.length));
  const get = [];
  const list = [];
  const stats = [];
  const STATUS_SETS = [
    'registered,persuading',
    'verified',
    'dismantled,verified',
    'persuading,owner_committed,unclaimed',
    'self_dismantled,verified',
    'handed_over,verified',
    'registered,persuading,owner_committed,unclaimed,in_campaign',
  ];
  const SORTS = [
    ['number', 'desc'],
    ['registeredAt', 'desc'],
    ['discoveredAt', 'desc'],
    ['number', 'asc'],
  ];
  const from0 = Date.parse('2019-01-01T00:00:00Z');
  const span = (Date.parse('2026-06-30T00:00:00Z') - from0) / 86_400_000;
  const day = (ms) => new Date(ms).toISOString().slice(0, 10);
  for (const t of chosen) {
    const { cookie } = sessions.get(t.id);
    const ids = (await client.query(`SELECT id FROM vessel_case WHERE town_id = $1 ORDER BY random() LIMIT $2`, [t.id, perTownIds])).rows;
    for (const { id } of ids) get.push({ path: `/api/vessel-cases/${id}`, cookie, townId: t.id, id });
    const villages = (await client.query(`SELECT id FROM org_unit WHERE town_id = $1 AND level = 'village' ORDER BY sort_order`, [t.id])).rows.map((v) => v.id);
    for (let k = 0; k < perTownLists; k++) {
      const start = from0 + Math.floor(r() * span) * 86_400_000;
      const end = start + (60 + Math.floor(r() * 306)) * 86_400_000;
      const [sort, order] = SORTS[Math.floor(r() * SORTS.length)];
      const q = new URLSearchParams({
        status: STATUS_SETS[Math.floor(r() * STATUS_SETS.length)],
        villageId: villages[Math.floor(r() * villages.length)],
        from: day(start),
        to: day(end),
        sort,
        order,
        page: '1',
        pageSize: '20',
      });
      list.push({ path: `/api/vessel-cases?${q}`, cookie, townId: t.id });
    }
    for (let y = 2019; y <= 2026; y++) stats.push({ path: `/api/statistics/vessels?year=${y}&townId=${t.id}`, cookie, townId: t.id, year: y });
  }
  return { towns: chosen, sessions, lists: { get: shuffle(get, r), list: shuffle(list, r), stats: shuffle(stats, r) } };
}

function startProcess(name, args, env, readyPattern, timeoutMs) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: c.ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`${name} did not start within ${timeoutMs / 1000} s:\n${out.slice(-3000)}`));
    }, timeoutMs);
    const onData = (d) => {
      out += d;
      if (out.length > 200_000) out = out.slice(-100_000);
      const m = readyPattern.exec(out);
      if (m) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        child.stdout.on('data', () => undefined);
        resolve({ child, match: m, output: () => out });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code}) before it was ready:\n${out.slice(-3000)}`));
    });
  });
}

async function stopProcess(child, timeoutMs = 15_000) {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const t = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(t);
}

async function fetchJson(base, p, cookie) {
  const t0 = process.hrtime.bigint();
  const res = await fetch(`${base}${p}`, { headers: { cookie, accept: 'application/json' }, signal: AbortSignal.timeout(60_000) });
  const text = await res.text();
  let body = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: res.status, text, body, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
}

/** Structural differences between two JSON values (first few). */
function diff(a, b, at = '', out = []) {
  if (out.length >= 5) return out;
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b) || (a === null) !== (b === null)) {
    out.push(`${at || '.'}: ${JSON.stringify(a)?.slice(0, 80)} vs ${JSON.stringify(b)?.slice(0, 80)}`);
    return out;
  }
  if (a && typeof a === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) diff(a[k], b[k], `${at}.${k}`, out);
  } else if (a !== b) out.push(`${at}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  return out;
}

/** The message that stops a run whose servers answered one request differently: both bodies, and where they part. */
function answersDiffer(kind, p, a, b) {
  const d = a.status !== b.status ? [`status ${a.status} vs ${b.status}`] : diff(a.body, b.body);
  let at = 0;
  while (at < a.text.length && a.text[at] === b.text[at]) at++;
  return [
    `${kind} ${p}: the API and the baseline answer differently${d.length ? ` — ${d.join('; ')}` : ` (same values, bytes differ from offset ${at})`}`,
    `API      (${a.status}, ${a.text.length} bytes): ${a.text}`,
    `baseline (${b.status}, ${b.text.length} bytes): ${b.text}`,
  ].join('\n');
}

/**
 * Waits (at most 30 s) until the servers and PostgreSQL are idle: after a run at 50 connections
 * a server still works off the requests it had accepted, which must not land in the next run.
 */
const STATEMENT_SAMPLES = 20;

/**
 * Statements either server sends on a clock of its own, not per request: the security policy (kept
 * 5 s), the once-a-minute session touch, the API's org tree check (10 s) and audit sealer, the
 * baseline's reads of assignment units (once per unit).
 */
const TIMED_STATEMENTS = /security_policy|SET last_seen_at|FROM org_unit\b|audit_|pg_try_advisory|pg_get_serial_sequence|^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)/;

/**
 * The statements one server sends for the requests, by pg_stat_statements' query id (the parse
 * tree: spacing, constants and parameter values do not count), with their calls.
 */
async function statementsOf(client, server, items) {
  await client.query('SELECT pg_stat_statements_reset()');
  for (const item of items) {
    const r = await fetchJson(server.url, item.path, item.cookie);
    if (r.status !== 200) throw new Error(`${item.path} answered ${r.status}: ${r.text.slice(0, 300)}`);
  }
  const { rows } = await client.query(
    `SELECT queryid::text AS id, calls::int AS calls, regexp_replace(query, '\\s+', ' ', 'g') AS query FROM pg_stat_statements
      WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT LIKE '%pg_stat_statements%'`,
  );
  return rows.filter((r) => !TIMED_STATEMENTS.test(r.query));
}

/**
 * The two servers must do the same work in PostgreSQL: for the same requests, the same statements
 * (same parse trees), each as often. The baseline mirrors the API's SQL by hand (lib/api-sql.js);
 * when the API's statements change and the mirror does not, the ratio measures two different
 * things, so the run stops and shows both.
 */
async function sameStatements(client, servers, kind, list) {
  await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  const step = Math.max(1, Math.floor(list.length / STATEMENT_SAMPLES));
  const items = list.filter((_, i) => i % step === 0).slice(0, STATEMENT_SAMPLES);
  const api = await statementsOf(client, servers.api, items);
  const base = await statementsOf(client, servers.baseline, items);
  const key = (s) => `${s.id} ${s.calls}`;
  const baseKeys = new Set(base.map(key));
  const apiKeys = new Set(api.map(key));
  const onlyApi = api.filter((s) => !baseKeys.has(key(s)));
  const onlyBase = base.filter((s) => !apiKeys.has(key(s)));
  if (onlyApi.length || onlyBase.length) {
    const show = (ss) => ss.map((s) => `    ${s.calls} call(s): ${s.query.slice(0, 600)}`).join('\n') || '    (none)';
    throw new Error(
      `the two servers do not send the same statements for ${items.length} ${kind} requests; change tools/bench/lib/api-sql.js to the API's SQL.\n  only the API:\n${show(onlyApi)}\n  only the baseline:\n${show(onlyBase)}`,
    );
  }
  return { statements: api.length, calls: api.reduce((n, s) => n + s.calls, 0) / items.length };
}

async function settle(allPids, postmasterPid) {
  const end = Date.now() + 30_000;
  await c.sleep(500);
  while (Date.now() < end) {
    const a = proc.cpuMs(allPids) + proc.postgresCpuMs(postmasterPid);
    await c.sleep(500);
    const b = proc.cpuMs(allPids) + proc.postgresCpuMs(postmasterPid);
    if (b - a < 50) return;
  }
}

async function runLoad(spec, pids, postmasterPid) {
  await settle(settlePids, postmasterPid);
  const file = path.join(c.DATA_DIR, `load-spec-${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify(spec));
  const before = {
    server: proc.cpuMs(pids),
    calls: proc.syscalls(pids),
    pg: proc.postgresCpuMs(postmasterPid),
    machine: proc.machineCpu(),
    at: Date.now(),
    us: Number(process.hrtime.bigint() / 1000n),
  };
  const child = spawn(process.execPath, [path.join(__dirname, 'load.js'), file], { cwd: c.ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  let loadCpu = 0;
  const sampler = setInterval(() => {
    loadCpu = Math.max(loadCpu, proc.cpuMs([child.pid]));
  }, 500);
  const killer = setTimeout(() => child.kill('SIGKILL'), (spec.duration + 60) * 1000);
  const code = await new Promise((r) => child.once('exit', r));
  clearTimeout(killer);
  clearInterval(sampler);
  fs.rmSync(file, { force: true });
  if (code !== 0) throw new Error(`load generator failed (${code}): ${err.slice(-2000)}`);
  const m = proc.machineCpu();
  const pgAfter = proc.postgresCpuMs(postmasterPid);
  const result = JSON.parse(out.trim().split('\n').pop());
  const wall = Date.now() - before.at;
  result.window = [before.us, Number(process.hrtime.bigint() / 1000n)];
  const calls = proc.syscalls(pids);
  // System calls of the server per request: a write per statement sent and per answer, reads as they come.
  result.syscallsPerReq = result.requests ? { reads: (calls.reads - before.calls.reads) / result.requests, writes: (calls.writes - before.calls.writes) / result.requests } : null;
  result.cpu = {
    serverMsPerReq: result.requests ? (proc.cpuMs(pids) - before.server) / result.requests : null,
    postgresMsPerReq: result.requests ? (pgAfter - before.pg) / result.requests : null,
    loadGeneratorCores: loadCpu / wall,
    machineBusyCores: (m.busyMs - before.machine.busyMs) / wall,
    serverCores: (proc.cpuMs(pids) - before.server) / wall,
    postgresCores: (pgAfter - before.pg) / wall,
  };
  // What the rest of the machine took meanwhile (other users' builds and tests on a shared box).
  result.loadAverage = require('node:os').loadavg()[0];
  result.cpu.otherCores = Math.max(0, result.cpu.machineBusyCores - result.cpu.serverCores - result.cpu.postgresCores - result.cpu.loadGeneratorCores);
  return result;
}

function postmasterPid(pgh) {
  if (!pgh.embedded) return null;
  const f = path.join(c.DATA_DIR, 'pg', 'postmaster.pid');
  return fs.existsSync(f) ? Number(fs.readFileSync(f, 'utf8').split('\n')[0]) : null;
}

async function explain(client, statements) {
  const out = [];
  for (const st of statements) {
    const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS, SETTINGS) ${st.sql}`, st.params);
    const text = rows.map((r) => r['QUERY PLAN']).join('\n');
    const exec = Number(/Execution Time: ([\d.]+) ms/.exec(text)?.[1] ?? NaN);
    const plan = Number(/Planning Time: ([\d.]+) ms/.exec(text)?.[1] ?? NaN);
    out.push({ name: st.name, executionMs: exec, planningMs: plan, sql: st.sql.replace(/\s+/g, ' ').trim(), params: st.params, plan: text });
  }
  return out;
}

let settlePids = [];

const f1 = (x) => (x === null || x === undefined || Number.isNaN(x) ? '–' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

async function main() {
  let args;
  try {
    args = parse();
  } catch (e) {
    process.stderr.write(`${e.message}\n${USAGE}\n`);
    process.exit(64);
  }
  const scale = c.scaleOf(args.scale);
  const started = new Date();
  const machine = c.machine();
  say(`Fazhi Ledger benchmark — scale ${scale.name} (${scale.cases.toLocaleString('en')} vessel cases, ${scale.towns} towns)`);
  say(`Machine: ${machine.cpuModel}, ${machine.nproc} cores, ${machine.memoryGiB} GiB, ${machine.node}; load average ${machine.loadAverage.join(' ')}`);
  if (args.build) build();
  if (!fs.existsSync(path.join(c.ROOT, 'apps/api/dist/main.js'))) throw new Error('apps/api/dist/main.js is missing: build the API (npm run build:api) or drop --no-build');

  const s = c.secrets();
  const pgh = await c.ensurePostgres(say);
  const children = [];
  const cleanup = async () => {
    for (const ch of children.reverse()) await stopProcess(ch).catch(() => undefined);
    await pgh.stop().catch(() => undefined);
  };
  const onSignal = () => {
    say('\nInterrupted: stopping the servers …');
    cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const gen = await generate(scale, { pg: pgh, force: args.regenerate, log: say });
    if (args.generateOnly) return;
    const dbUrl = pgh.urlFor(c.dbNameOf(scale.name));
    const client = c.pgClient(dbUrl);
    await client.connect();
    try {
      say('Preparing sessions and request lists …');
      const fx = await fixtures(client, s, args);
      say(`  ${fx.towns.length} town leader session(s); ${fx.lists.get.length} case ids, ${fx.lists.list.length} list filters, ${fx.lists.stats.length} town-years`);

      const [apiPort, basePort] = [await c.freePort(), await c.freePort()];
      say('Starting the API and the baseline on 127.0.0.1 …');
      const t0 = Date.now();
      const stamp = started.toISOString().replace(/[:.]/g, '-').slice(0, 19);
      const resultsDir = path.join(c.DATA_DIR, 'results');
      const profileDir = path.join(resultsDir, `${scale.name}-${stamp}.profile`);
      const api = await startProcess(
        'the API',
        [...(args.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), 'apps/api/dist/main.js'],
        c.apiEnv(dbUrl, s, { PORT: String(apiPort), ...(args.apiNodeOptions ? { NODE_OPTIONS: args.apiNodeOptions } : {}) }),
        /is ready at/,
        300_000,
      );
      children.push(api.child);
      say(`  API pid ${api.child.pid} on :${apiPort} (ready in ${c.fmtSeconds(Date.now() - t0)}; RSS ${proc.memoryOf(api.child.pid)?.rssMiB} MiB)`);
      const base = await startProcess(
        'the baseline',
        [...(args.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}-baseline`] : []), path.join(__dirname, 'baseline-server.js')],
        {
          PATH: process.env.PATH,
          TZ: process.env.TZ ?? 'UTC',
          DATABASE_URL: dbUrl,
          SESSION_SECRET: s.sessionSecret,
          PERSONAL_DATA_KEY: s.personalDataKey,
          BLIND_INDEX_KEY: s.blindIndexKey,
          PORT: String(basePort),
          HOST: '127.0.0.1',
        },
        /listening (\d+)/,
        30_000,
      );
      children.push(base.child);
      say(`  baseline pid ${base.child.pid} on :${basePort} (RSS ${proc.memoryOf(base.child.pid)?.rssMiB} MiB)`);
      const servers = { api: { url: `http://127.0.0.1:${apiPort}`, pid: api.child.pid }, baseline: { url: `http://127.0.0.1:${basePort}`, pid: base.child.pid } };
      const apiStartRss = proc.memoryOf(api.child.pid);
      settlePids = [api.child.pid, base.child.pid];

      // Same answers from both before anything is measured: --check requests spread over each list,
      // compared byte for byte; any difference stops the run with both bodies.
      say(`Checking that both servers answer alike (${args.check} requests per endpoint, byte for byte) …`);
      const checks = [];
      for (const [kind, items] of Object.entries(fx.lists)) {
        if (!args.endpoints.includes(kind)) continue;
        const step = Math.max(1, Math.floor(items.length / args.check));
        for (let i = 0; i < items.length && i / step < args.check; i += step) {
          const item = items[i];
          const [a, b] = [await fetchJson(servers.api.url, item.path, item.cookie), await fetchJson(servers.baseline.url, item.path, item.cookie)];
          if (a.status !== 200) throw new Error(`the API answered ${a.status} to ${item.path}: ${a.text.slice(0, 300)}`);
          checks.push({ kind, path: item.path, same: true, bytes: a.text.length });
          if (a.status !== b.status || a.text !== b.text) throw new Error(answersDiffer(kind, item.path, a, b));
        }
      }
      say(`  ${checks.length} sample responses identical`);
      say(`Checking that both servers send the same statements (${STATEMENT_SAMPLES} requests per endpoint) …`);
      // The statistics are left out: their baseline is the hand-written statement, different by design.
      for (const [kind, items] of Object.entries(fx.lists)) {
        if (!args.endpoints.includes(kind) || kind === 'stats') continue;
        const sent = await sameStatements(client, servers, kind, items);
        say(`  ${kind}: the same ${sent.statements} distinct statement(s), ${sent.calls.toFixed(2)} per request`);
      }

      // Load: per endpoint, warm-up of each server, then measured runs alternating API, baseline.
      const runs = [];
      for (const endpoint of args.endpoints) {
        const list = fx.lists[endpoint];
        const spec = (server, duration, offset) => ({
          url: servers[server].url,
          connections: args.connections,
          duration,
          requests: list.map(({ path: p, cookie }) => ({ path: p, cookie })),
          offset,
          timeout: 10,
        });
        for (const server of ['api', 'baseline']) {
          if (args.warmup <= 0) break;
          say(`  ${endpoint}: warm-up ${server} ${args.warmup} s …`);
          await runLoad(spec(server, args.warmup, Math.floor(Math.random() * list.length)), [servers[server].pid], postmasterPid(pgh));
        }
        for (let round = 1; round <= args.rounds; round++) {
          for (const server of ['api', 'baseline']) {
            const r = await runLoad(spec(server, args.duration, Math.floor(Math.random() * list.length)), [servers[server].pid], postmasterPid(pgh));
            runs.push({ endpoint, server, round, ...r });
            say(
              `  ${endpoint.padEnd(5)} ${server.padEnd(8)} round ${round}: ${f1(r.rps).padStart(7)} req/s  p50 ${f1(r.p50)} ms  p95 ${f1(r.p95)} ms  p99 ${f1(r.p99)} ms  ` +
                `errors ${r.errors + r.timeouts + (r.requests - r.ok)}  server CPU ${f1(r.cpu.serverMsPerReq)} ms/req, syscalls/req ${r.syscallsPerReq ? `${f1(r.syscallsPerReq.reads)} r ${f1(r.syscallsPerReq.writes)} w` : '-'}  load avg ${f1(r.loadAverage)}  (CPU cores: server ${f1(r.cpu.serverCores)}, postgres ${f1(r.cpu.postgresCores)}, load generator ${f1(r.cpu.loadGeneratorCores)}, other processes ${f1(r.cpu.otherCores)})`,
            );
          }
        }
        // One connection: the latency of a request that does not queue behind 49 others.
        for (const server of args.probe > 0 ? ['api', 'baseline'] : []) {
          const r = await runLoad({ ...spec(server, args.probe, Math.floor(Math.random() * list.length)), connections: 1 }, [servers[server].pid], postmasterPid(pgh));
          runs.push({ endpoint, server, round: 0, probe: true, ...r });
          say(`  ${endpoint.padEnd(5)} ${server.padEnd(8)} 1 connection: ${f1(r.rps).padStart(7)} req/s  p50 ${f1(r.p50)} ms  p95 ${f1(r.p95)} ms  p99 ${f1(r.p99)} ms`);
        }
      }
      const apiPeak = proc.memoryOf(api.child.pid);
      const basePeak = proc.memoryOf(base.child.pid);

      // Statistics of one town-year: API endpoint vs baseline endpoint vs hand-written SQL vs the API's statements.
      const statTown = fx.towns.map((t) => t.id).sort()[0];
      const biggest =
        (await client.query(`SELECT town_id FROM vessel_case WHERE town_id = ANY($1::uuid[]) GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`, [fx.towns.map((t) => t.id)])).rows[0]?.town_id ?? statTown;
      const sess = fx.sessions.get(biggest);
      const scope = { userId: sess.userId, townIds: [biggest], villageIds: [], ownTownIds: [], upperUnitIds: [] };
      const year = args.statsYear;
      const statPath = `/api/statistics/vessels?year=${year}&townId=${biggest}`;
      const townCases = Number((await client.query(`SELECT count(*) FROM vessel_case WHERE town_id = $1`, [biggest])).rows[0].count);
      say(`Statistics of one town-year (${year}, the sampled town with most cases: ${townCases.toLocaleString('en')}), ${args.statsReps} repetitions each, one at a time …`);
      await settle(settlePids, postmasterPid(pgh));
      const hand = sql.handStatisticsStatement(scope, year, biggest);
      const apiStatements = sql.apiStatisticsStatements(scope, year, biggest);
      // Interleaved, one request at a time: API endpoint, baseline endpoint, hand-written SQL and the
      // API's statement(s), so that the noise of a shared machine falls on all of them alike.
      const statTimes = { api: [], baseline: [], handSql: [], apiSql: [] };
      const timed = async (fn) => {
        const t = process.hrtime.bigint();
        await fn();
        return Number(process.hrtime.bigint() - t) / 1e6;
      };
      const end = Date.now() + 240_000;
      for (let i = 0; i < args.statsReps && Date.now() < end; i++) {
        statTimes.api.push((await fetchJson(servers.api.url, statPath, sess.cookie)).ms);
        statTimes.baseline.push((await fetchJson(servers.baseline.url, statPath, sess.cookie)).ms);
        statTimes.handSql.push(await timed(() => client.query(hand.sql, hand.params)));
        statTimes.apiSql.push(
          await timed(async () => {
            for (const st of apiStatements) await client.query(st.sql, st.params);
          }),
        );
      }
      const statSummary = Object.fromEntries(Object.entries(statTimes).map(([k, xs]) => [k, { median: median(xs), p95: pctl(xs, 95), n: xs.length }]));
      statSummary.ratioApiToHandSql = { ofMedians: statSummary.api.median / statSummary.handSql.median, medianOfPairs: median(statTimes.api.map((a, i) => a / statTimes.handSql[i])) };
      const a1 = await fetchJson(servers.api.url, statPath, sess.cookie);
      const b1 = await fetchJson(servers.baseline.url, statPath, sess.cookie);
      if (a1.status !== b1.status || a1.text !== b1.text) throw new Error(answersDiffer('stats', statPath, a1, b1));
      const statSame = [];

      // Plans of the statements behind each request.
      let plans = [];
      if (args.explain) {
        say('Query plans (EXPLAIN ANALYZE, BUFFERS) …');
        const g = fx.lists.get[0];
        const row = (await client.query(`SELECT id, town_id, campaign_id FROM vessel_case WHERE id = $1`, [g.id])).rows[0];
        const gScope = { userId: fx.sessions.get(g.townId).userId, townIds: [g.townId], villageIds: [], ownTownIds: [], upperUnitIds: [] };
        const l = fx.lists.list[0];
        const lq = new URL(l.path, 'http://x').searchParams;
        const lScope = { userId: fx.sessions.get(l.townId).userId, townIds: [l.townId], villageIds: [], ownTownIds: [], upperUnitIds: [] };
        const lf = { status: lq.get('status').split(','), villageId: lq.get('villageId'), from: lq.get('from'), to: lq.get('to'), sort: lq.get('sort'), order: lq.get('order') };
        plans = await explain(client, [sql.findInScopeStatement(gScope, g.id), ...sql.detailStatements(row), ...sql.listStatements(lScope, lf, { offset: 0, limit: 20 }), hand, ...apiStatements]);
        plans.forEach((p) => (p.request = p.name.split(':')[0]));
      }

      // Report.
      // Every figure is the mean over the measured rounds with its spread (min–max); the ratio is the
      // mean of the rounds' ratios, each round's API run paired with the baseline run beside it.
      const spread = (xs) => {
        const ys = xs.filter((x) => x !== null && x !== undefined && !Number.isNaN(x));
        if (!ys.length) return null;
        const mean = ys.reduce((a, b) => a + b, 0) / ys.length;
        const sd = Math.sqrt(ys.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, ys.length - 1));
        return { mean, min: Math.min(...ys), max: Math.max(...ys), sd, n: ys.length };
      };
      const roundsOf = (endpoint, server) => runs.filter((r) => r.endpoint === endpoint && r.server === server && !r.probe).sort((x, y) => x.round - y.round);
      const agg = (endpoint, server) => {
        const rs = roundsOf(endpoint, server);
        const probe = runs.find((r) => r.endpoint === endpoint && r.server === server && r.probe);
        if (!rs.length) return null;
        const sum = (k) => rs.reduce((a, r) => a + r[k], 0);
        const rps = spread(rs.map((r) => r.okRps));
        return {
          rps: rps.mean,
          okRps: rps.mean,
          rpsSpread: rps,
          p50: spread(rs.map((r) => r.p50)).mean,
          p95: spread(rs.map((r) => r.p95)).mean,
          p99: spread(rs.map((r) => r.p99)).mean,
          p99Spread: spread(rs.map((r) => r.p99)),
          errors: rs.reduce((a, r) => a + r.errors + r.timeouts + (r.requests - r.ok), 0),
          requests: sum('requests'),
          serverMsPerReq: spread(rs.map((r) => r.cpu.serverMsPerReq)).mean,
          serverMsPerReqSpread: spread(rs.map((r) => r.cpu.serverMsPerReq)),
          postgresMsPerReq: spread(rs.map((r) => r.cpu.postgresMsPerReq)).mean,
          machineBusyCores: spread(rs.map((r) => r.cpu.machineBusyCores)).mean,
          bytesPerResponse: rs[0].bytesPerResponse,
          serverCores: spread(rs.map((r) => r.cpu.serverCores)).mean,
          postgresCores: spread(rs.map((r) => r.cpu.postgresCores)).mean,
          loadGeneratorCores: spread(rs.map((r) => r.cpu.loadGeneratorCores)).mean,
          otherCores: spread(rs.map((r) => r.cpu.otherCores)).mean,
          loadAverage: spread(rs.map((r) => r.loadAverage)).mean,
          oneConnection: probe ? { rps: probe.rps, p50: probe.p50, p95: probe.p95, p99: probe.p99 } : null,
        };
      };
      const ratioOf = (endpoint) => {
        const a = roundsOf(endpoint, 'api');
        const b = roundsOf(endpoint, 'baseline');
        return spread(a.map((r, i) => (b[i] ? r.okRps / b[i].okRps : null)));
      };
      const table = [];
      for (const endpoint of args.endpoints) {
        const a = agg(endpoint, 'api');
        const b = agg(endpoint, 'baseline');
        const ratio = a && b ? ratioOf(endpoint) : null;
        table.push({ endpoint, server: 'api', ...a, ratio: ratio?.mean ?? null, ratioSpread: ratio });
        table.push({ endpoint, server: 'baseline', ...b, ratio: null });
      }
      say('');
      say(
        `Results — scale ${scale.name}, ${args.connections} connections, ${args.warmup} s warm-up, ${args.rounds} × ${args.duration} s measured per server (API and baseline alternated); means of the rounds (min–max)`,
      );
      const head = [
        'endpoint',
        'server',
        'req/s (min–max)',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'errors',
        'API/base (min–max)',
        'server CPU ms/req (min–max)',
        'pg CPU ms/req',
        'p50 @1 conn',
        'p99 @1 conn',
        "others' cores",
        'load avg',
      ];
      const range = (x) => (x ? ` (${f1(x.min)}–${f1(x.max)})` : '');
      const pctRange = (x) => (x ? `${(x.mean * 100).toFixed(0)} % (${(x.min * 100).toFixed(0)}–${(x.max * 100).toFixed(0)})` : '');
      const rowsOut = table.map((r) => [
        r.endpoint,
        r.server,
        `${f1(r.rps)}${range(r.rpsSpread)}`,
        f1(r.p50),
        f1(r.p95),
        f1(r.p99),
        String(r.errors ?? '–'),
        pctRange(r.ratioSpread),
        `${f1(r.serverMsPerReq)}${range(r.serverMsPerReqSpread)}`,
        f1(r.postgresMsPerReq),
        f1(r.oneConnection?.p50),
        f1(r.oneConnection?.p99),
        f1(r.otherCores),
        f1(r.loadAverage),
      ]);
      const widths = head.map((h, i) => Math.max(h.length, ...rowsOut.map((r) => r[i].length)));
      const line = (cells) => `| ${cells.map((x, i) => (i < 2 ? x.padEnd(widths[i]) : x.padStart(widths[i]))).join(' | ')} |`;
      say(line(head));
      say(`|${widths.map((w, i) => (i < 2 ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
      for (const r of rowsOut) say(line(r));
      say('');
      say(`Statistics of one town-year (median of ${args.statsReps}, one request at a time):`);
      say(
        `  API endpoint ${f1(statSummary.api.median)} ms (p95 ${f1(statSummary.api.p95)}), baseline endpoint ${f1(statSummary.baseline.median)} ms, hand-written SQL ${f1(statSummary.handSql.median)} ms (p95 ${f1(statSummary.handSql.p95)})`,
      );
      say(`  the API's ${apiStatements.length === 1 ? 'statement' : `${apiStatements.length} statements`} alone: ${f1(statSummary.apiSql.median)} ms (p95 ${f1(statSummary.apiSql.p95)})`);
      say(
        `  ratio API endpoint / hand-written SQL: ${statSummary.ratioApiToHandSql.ofMedians.toFixed(2)}× (median of the per-repetition ratios ${statSummary.ratioApiToHandSql.medianOfPairs.toFixed(2)}×); answers ${statSame.length ? `DIFFER: ${statSame.join('; ')}` : 'identical'}`,
      );
      say(
        `API process memory: peak RSS (VmHWM) ${apiPeak?.peakMiB} MiB (${apiStartRss?.rssMiB} MiB after start, of which ${apiStartRss?.anonMiB} MiB anonymous; ${apiPeak?.anonMiB} MiB anonymous at the end of the load); baseline peak ${basePeak?.peakMiB} MiB`,
      );
      if (plans.length) {
        say('Slowest statements (EXPLAIN ANALYZE execution time):');
        for (const p of [...plans].sort((x, y) => y.executionMs - x.executionMs).slice(0, 5)) say(`  ${f1(p.executionMs).padStart(8)} ms  ${p.name}`);
      }

      // CPU profiles of both servers, counted over their measured runs only (not start-up or warm-up).
      let profile = null;
      if (args.profile) {
        await stopProcess(api.child);
        await stopProcess(base.child);
        const windows = (server) => runs.filter((r) => r.server === server && !r.probe).map((r) => r.window);
        const summarize = require('./lib/profile').summarizeProfiles;
        profile = { api: summarize(profileDir, windows('api')), baseline: summarize(`${profileDir}-baseline`, windows('baseline')) };
        for (const [server, pr] of Object.entries(profile)) {
          say(`${server} CPU profile over its measured runs (${pr.files} file(s), ${pr.busyMs} ms busy, ${pr.idleMs} ms idle): by package`);
          for (const p of pr.byPackage.slice(0, 12)) say(`  ${String(p.share).padStart(5)} %  ${p.name}`);
          say('  top functions (self time):');
          for (const p of pr.byFunction.slice(0, 20)) say(`  ${String(p.share).padStart(5)} %  ${p.name}`);
        }
      }
      fs.mkdirSync(resultsDir, { recursive: true });
      const file = path.join(resultsDir, `${scale.name}-${stamp}.json`);
      const meta = gen.meta;
      const record = {
        scale: scale.name,
        startedAt: started.toISOString(),
        finishedAt: new Date().toISOString(),
        command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
        commit: c.gitDescribe(),
        machine: {
          ...machine,
          loadAverageAtEnd: require('node:os')
            .loadavg()
            .map((x) => Math.round(x * 100) / 100),
        },
        postgres: { settings: pgh.settings, version: (await client.query('SHOW server_version')).rows[0].server_version },
        database: { cases: Number(meta.cases), towns: meta.towns, dataVersion: meta.data_version, generationSeconds: Number(meta.generation_seconds), reused: gen.reused, detail: meta.detail },
        options: args,
        checks,
        table,
        runs,
        statistics: { town: biggest, year, townCases, summary: statSummary, times: statTimes, answersDiffer: statSame },
        memory: { apiAfterStart: apiStartRss, apiPeak, baselinePeak: basePeak },
        plans,
        profile,
      };
      fs.writeFileSync(file, JSON.stringify(record, null, 2));
      if (plans.length)
        fs.writeFileSync(
          file.replace(/\.json$/, '.plans.txt'),
          plans.map((p) => `-- ${p.name} (${p.executionMs} ms)\n-- ${p.sql}\n-- params ${JSON.stringify(p.params).slice(0, 400)}\n${p.plan}\n`).join('\n'),
        );
      say(`Written: ${path.relative(c.ROOT, file)}${plans.length ? ' (+ .plans.txt)' : ''}`);
    } finally {
      await client.end().catch(() => undefined);
    }
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`\nbench failed: ${e.stack ?? e}\n`);
    process.exit(1);
  },
);
