#!/usr/bin/env node
'use strict';
/**
 * Generates the benchmark database of one scale: `node tools/bench/generate.js --scale town|county|province`
 * (run.js calls it when the database is missing or incomplete).
 *
 * - The schema is the API's: its own migration command (`node apps/api/dist/cli.js migrate`) runs
 *   against an empty database fazhi_bench_<scale> on the benchmark PostgreSQL.
 * - Org units (a province root, counties, towns, 10–20 villages per town, Asia/Shanghai, number
 *   prefixes), a leader and an enforcement officer per town with their roles, the officer's valid
 *   certificate, quarterly destruction campaigns per town, vessel cases spread over 2019-01 … 2026-09
 *   whose states follow the transition table and whose dates are consistent with them
 *   (status_history rows for every step, persuasion entries for a share of cases).
 * - Owners (name, ID number, mobile) are made and encrypted in Node with the API's scheme and keys
 *   (tools/bench/.data/secrets.json), then everything else is set-based SQL
 *   (INSERT … SELECT … FROM generate_series) in batches of towns on two connections, with the
 *   indexes and foreign keys of the three big tables dropped during the load and re-created exactly
 *   as the migrations define them, then VACUUM ANALYZE.
 * - bench_meta records scale, data version and completeness; a complete database of the current
 *   data version is reused (--force regenerates it), after the API's migrations added since its
 *   generation are applied to it.
 */
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const { spawnSync } = require('node:child_process');
const { Worker } = require('node:worker_threads');
const c = require('./lib/common');

const REG_FROM = '2019-01-01';
const REG_TO = '2026-09-30';
/** Steps dated after this day have not happened yet: cases registered late are still open. */
const CUTOFF = '2026-10-31';
const CAMPAIGN_BASE = '2019-03-20';
const CAMPAIGN_EVERY_DAYS = 91;
const CAMPAIGNS_PER_TOWN = 33;
const BATCH_CASES = 200_000;

function stableId(name) {
  const h = crypto.createHash('sha1').update(`fazhi-bench:${name}`).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STEM_CHARS = [...'广海宴川山都赤溪冲蒌斗田北端汶村深井那扶白沙三合大江水步四九台城东南西平安福兴隆新龙洋美石岗湾头塘坑洲港潭埠河桥林丰华阳'];
const SURNAMES = [...'黄陈李梁伍甄谭邝朱余雷关刘林何吴张王杨周郑冯蔡许叶'];
const GIVEN = [...'海生水明志强永福国华大伟雄金德光锦泉耀宗添财辉文英秀兰凤娟玲芳达荣成'];

function orgPlan(scale) {
  const r = rng(20261126);
  const used = new Set();
  const stem = () => {
    for (let tries = 0; tries < 10_000; tries++) {
      const s = STEM_CHARS[Math.floor(r() * STEM_CHARS.length)] + STEM_CHARS[Math.floor(r() * STEM_CHARS.length)];
      if (s[0] !== s[1] && !used.has(s)) {
        used.add(s);
        return s;
      }
    }
    throw new Error('ran out of names');
  };
  const person = () => SURNAMES[Math.floor(r() * SURNAMES.length)] + GIVEN[Math.floor(r() * GIVEN.length)] + (r() < 0.6 ? GIVEN[Math.floor(r() * GIVEN.length)] : '');
  const units = [];
  const rootId = stableId('unit:province');
  units.push({ id: rootId, parentId: null, townId: null, level: 'county', code: 'BGD', name: '广东省(基准测试)', prefix: null, sort: 0, path: `/${rootId}/` });
  const counties = Math.ceil(scale.towns / scale.townsPerCounty);
  const countyUnits = [];
  for (let k = 0; k < counties; k++) {
    const id = stableId(`unit:county:${k}`);
    const u = {
      id,
      parentId: rootId,
      townId: null,
      level: 'county',
      code: `BC${String(k + 1).padStart(3, '0')}`,
      name: `${stem()}${k % 3 === 0 ? '市' : '县'}`,
      prefix: null,
      sort: k + 1,
      path: `/${rootId}/${id}/`,
    };
    units.push(u);
    countyUnits.push(u);
  }
  const weights = Array.from({ length: scale.towns }, () => 0.3 + 1.4 * r());
  const wsum = weights.reduce((a, b) => a + b, 0);
  const towns = [];
  const villages = [];
  let assigned = 0;
  for (let t = 0; t < scale.towns; t++) {
    const county = countyUnits[Math.floor(t / scale.townsPerCounty)];
    const id = stableId(`unit:town:${t}`);
    const s = stem();
    const nCases = t === scale.towns - 1 ? scale.cases - assigned : Math.round((scale.cases * weights[t]) / wsum);
    assigned += nCases;
    const town = {
      idx: t,
      id,
      parentId: county.id,
      townId: id,
      level: 'town',
      code: `BT${String(t + 1).padStart(4, '0')}`,
      name: `${s}镇`,
      prefix: s,
      sort: (t % scale.townsPerCounty) + 1,
      path: `${county.path}${id}/`,
      nCases,
      nv: 10 + Math.floor(r() * 11),
      jitter: Math.floor(r() * 21),
      lat: Math.round((21.0 + r() * 1.8) * 1e4) / 1e4,
      lng: Math.round((109.8 + (7.2 * t) / Math.max(1, scale.towns - 1) + (r() - 0.5) * 0.2) * 1e4) / 1e4,
      leaderId: stableId(`user:leader:${t}`),
      leaderName: person(),
      officerId: stableId(`user:officer:${t}`),
      officerName: person(),
    };
    units.push(town);
    towns.push(town);
    for (let v = 0; v < town.nv; v++) {
      const vid = stableId(`unit:village:${t}:${v}`);
      const vname = v === 0 ? `${s}社区` : `${STEM_CHARS[Math.floor(r() * STEM_CHARS.length)]}${STEM_CHARS[Math.floor(r() * STEM_CHARS.length)]}村`;
      const u = {
        id: vid,
        parentId: id,
        townId: id,
        level: 'village',
        code: `${town.code}V${String(v + 1).padStart(2, '0')}`,
        name: vname,
        prefix: null,
        sort: v + 1,
        path: `${town.path}${vid}/`,
        townIdx: t,
        k: v,
      };
      units.push(u);
      villages.push(u);
    }
  }
  return { units, towns, villages, rootId };
}

/** Inserts rows column-wise through unnest(), in chunks. */
async function insertColumns(client, sql, columns, chunk = 20_000) {
  const n = columns[0].length;
  for (let i = 0; i < n; i += chunk)
    await client.query(
      sql,
      columns.map((col) => col.slice(i, i + chunk)),
    );
}

function migrate(dbUrl, s) {
  const cli = path.join(c.ROOT, 'apps/api/dist/cli.js');
  if (!fs.existsSync(cli)) throw new Error('apps/api/dist/cli.js is missing: build the API first (npm run build:api), or run `npm run bench` which builds it.');
  const env = c.apiEnv(dbUrl, s, { NODE_ENV: 'development' });
  for (const k of Object.keys(env)) if (k.startsWith('INITIAL_')) delete env[k];
  const out = spawnSync(process.execPath, [cli, 'migrate'], { cwd: c.ROOT, env, encoding: 'utf8', timeout: 300_000 });
  if (out.status !== 0) throw new Error(`API migration failed (exit ${out.status}):\n${out.stdout}\n${out.stderr}`);
  return out.stdout.split('\n').filter((l) => l.startsWith('Applied migration')).length;
}

/**
 * Brings a reused database to the API's current schema: the API's migrate command applies the
 * migrations added since it was generated (none: nothing to do), then bench_meta lists them and
 * the changed tables are analysed.
 */
async function migrateReused(dbUrl, s, log) {
  const t0 = Date.now();
  const n = migrate(dbUrl, s);
  return c.withClient(dbUrl, async (cl) => {
    if (n > 0) {
      const migrations = (await cl.query(`SELECT name FROM schema_migration ORDER BY id`)).rows.map((r) => r.name);
      await cl.query(`UPDATE bench_meta SET migrations = $1`, [migrations]);
      await cl.query('ANALYZE');
      log(`    ${n} migration(s) added since the generation applied (${c.fmtSeconds(Date.now() - t0)})`);
    }
    return (await cl.query('SELECT * FROM bench_meta')).rows[0];
  });
}

/** Indexes, primary keys and foreign keys of the bulk-loaded tables, as the migrations made them. */
async function captureSchema(client, tables) {
  const cons = await client.query(
    `SELECT con.conname, con.contype, cl.relname AS tbl, pg_get_constraintdef(con.oid) AS def
       FROM pg_constraint con JOIN pg_class cl ON cl.oid = con.conrelid
      WHERE con.contype IN ('p', 'f', 'u') AND (cl.relname = ANY($1) OR con.confrelid IN (SELECT oid FROM pg_class WHERE relname = ANY($1)))
      ORDER BY con.contype DESC, cl.relname, con.conname`,
    [tables],
  );
  const idx = await client.query(
    `SELECT i.indexname, i.tablename AS tbl, i.indexdef FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conname = i.indexname)
      ORDER BY i.tablename, i.indexname`,
    [tables],
  );
  return { constraints: cons.rows, indexes: idx.rows };
}

async function dropSchema(client, schema) {
  for (const k of schema.constraints.filter((x) => x.contype === 'f')) await client.query(`ALTER TABLE "${k.tbl}" DROP CONSTRAINT "${k.conname}"`);
  for (const k of schema.constraints.filter((x) => x.contype !== 'f')) await client.query(`ALTER TABLE "${k.tbl}" DROP CONSTRAINT "${k.conname}"`);
  for (const i of schema.indexes) await client.query(`DROP INDEX "${i.indexname}"`);
}

/** Re-creates keys, then indexes (two at a time, one per core), then foreign keys. */
async function restoreSchema(pool, schema, log) {
  const run = async (items, fn) => {
    const queue = [...items];
    await Promise.all(
      pool.map(async (client) => {
        for (let item = queue.shift(); item; item = queue.shift()) {
          const t0 = Date.now();
          await fn(client, item);
          log(`    ${item.conname ?? item.indexname} (${c.fmtSeconds(Date.now() - t0)})`);
        }
      }),
    );
  };
  await run(
    schema.constraints.filter((x) => x.contype !== 'f'),
    (cl, k) => cl.query(`ALTER TABLE "${k.tbl}" ADD CONSTRAINT "${k.conname}" ${k.def}`),
  );
  await run(schema.indexes, (cl, i) => cl.query(i.indexdef));
  await run(
    schema.constraints.filter((x) => x.contype === 'f'),
    (cl, k) => cl.query(`ALTER TABLE "${k.tbl}" ADD CONSTRAINT "${k.conname}" ${k.def}`),
  );
}

/** One batch of towns: vessel cases, their status history and persuasion entries in one statement. */
const CASES_SQL = `
WITH r AS (
  SELECT t.town_idx, t.id AS town_id, t.prefix, t.nv, t.officer_id, t.officer_name, t.jitter, t.lat, t.lng, g.i,
         floor(random() * ('${REG_TO}'::date - '${REG_FROM}'::date + 1))::int AS reg_day,
         random() AS r_hour, random() AS r_disc, random() AS r_claim, random() AS r_path, random() AS r_a, random() AS r_b,
         random() AS r_c, random() AS r_d, random() AS r_ver, random() AS r_stall, random() AS r_village, random() AS r_owner,
         random() AS r_m1, random() AS r_m2, random() AS r_m3, random() AS r_m4, random() AS r_void, random() AS r_pers
    FROM bench_town t CROSS JOIN LATERAL generate_series(0, t.n_cases - 1) AS g(i)
   WHERE t.town_idx >= $1 AND t.town_idx < $2
),
p AS (
  SELECT r.*, '${REG_FROM}'::date + reg_day AS d0, r_claim < 0.7 AS claimed,
         CASE WHEN r_claim < 0.7 THEN CASE WHEN r_path < 0.40 THEN 1 WHEN r_path < 0.95 THEN 2 ELSE 3 END
              ELSE CASE WHEN r_path < 0.97 THEN 2 ELSE 3 END END AS path,
         '${REG_FROM}'::date + reg_day + CASE WHEN r_claim < 0.7 THEN 2 ELSE 32 END + floor(r_a * 5)::int AS d_ready
    FROM r
),
q AS (
  SELECT p.*,
         greatest(0, ceil((d_ready + 10 - ('${CAMPAIGN_BASE}'::date + jitter))::numeric / ${CAMPAIGN_EVERY_DAYS}))::int AS camp_k,
         d_ready + 10 + floor(r_b * 20)::int AS d_commit
    FROM p
),
s AS (
  SELECT q.*,
         CASE path
           WHEN 1 THEN ARRAY['registered', 'persuading', 'owner_committed', 'self_dismantled', 'verified']
           WHEN 2 THEN CASE WHEN claimed THEN ARRAY['registered', 'persuading', 'in_campaign', 'dismantled', 'verified']
                            ELSE ARRAY['registered', 'unclaimed', 'in_campaign', 'dismantled', 'verified'] END
           ELSE CASE WHEN claimed THEN ARRAY['registered', 'persuading', 'handed_over'] ELSE ARRAY['registered', 'unclaimed', 'handed_over'] END
         END AS sts,
         CASE path
           WHEN 1 THEN ARRAY[d0, d_ready, d_commit, d_commit + 5 + floor(r_c * 20)::int, d_commit + 5 + floor(r_c * 20)::int + 3 + floor(r_d * 8)::int]
           WHEN 2 THEN ARRAY[d0, d_ready,
                             greatest(d_ready + 1, '${CAMPAIGN_BASE}'::date + jitter + ${CAMPAIGN_EVERY_DAYS} * camp_k - 5 - floor(r_b * 40)::int),
                             '${CAMPAIGN_BASE}'::date + jitter + ${CAMPAIGN_EVERY_DAYS} * camp_k,
                             '${CAMPAIGN_BASE}'::date + jitter + ${CAMPAIGN_EVERY_DAYS} * camp_k + 3 + floor(r_d * 8)::int]
           ELSE ARRAY[d0, d_ready, d_ready + 30 + floor(r_b * 40)::int]
         END AS dts,
         CASE WHEN path = 3 THEN 3 WHEN r_ver < 0.85 THEN 5 ELSE 4 END AS full_len,
         CASE WHEN r_stall < 0.07 THEN 1 + floor(r_stall / 0.07 * CASE WHEN path = 1 THEN 3 ELSE 2 END)::int ELSE 5 END AS stall_len
    FROM q
),
nn AS (
  SELECT s.*,
         least(full_len, stall_len,
               1 + (coalesce(dts[2] <= '${CUTOFF}', false))::int + (coalesce(dts[3] <= '${CUTOFF}', false))::int
                 + (coalesce(dts[4] <= '${CUTOFF}', false))::int + (coalesce(dts[5] <= '${CUTOFF}', false))::int) AS n,
         ((d0::timestamp + make_interval(secs => 28800 + r_hour * 36000)) AT TIME ZONE 'Asia/Shanghai') AS registered_at
    FROM s
),
g AS MATERIALIZED (
  SELECT nn.*, gen_random_uuid() AS id,
         extract(year FROM registered_at AT TIME ZONE 'Asia/Shanghai')::int AS year,
         row_number() OVER (PARTITION BY town_idx, extract(year FROM registered_at AT TIME ZONE 'Asia/Shanghai') ORDER BY registered_at, i)::int AS seq,
         sts[n] AS status,
         r_void < 0.005 AND n <= 2 AS voided,
         CASE WHEN r_village < 0.03 THEN NULL ELSE floor(r_village * nv)::int END AS village_k,
         CASE WHEN claimed THEN floor(r_owner * $3)::int END AS owner_n,
         CASE WHEN n = 1 THEN registered_at ELSE ((dts[n]::timestamp + interval '16 hours') AT TIME ZONE 'Asia/Shanghai') END AS last_at
    FROM nn
),
vc AS (
  INSERT INTO vessel_case (id, town_id, village_id, number, year, seq, status, registered_at, handler_ids, voided_at, void_reason, voided_by,
    created_at, created_by, updated_at, updated_by, version, discovered_at, place, gps_lat, gps_lng, source, hull_material, length_m,
    engine_power_kw, gear_type, gear_count, marks, unclaimed, owner_name_enc, owner_name_idx, owner_id_enc, owner_id_idx, owner_phone_enc,
    owner_phone_idx, notice_start, notice_end, committed_on, disposal, dismantled_on, dismantle_place, campaign_id, witnesses, verified_on,
    verified_by, handed_over_on, external_case_no, remark)
  SELECT g.id, g.town_id, v.id,
         g.prefix || '三无〔' || g.year || '〕第' || CASE WHEN g.seq < 10000 THEN lpad(g.seq::text, 4, '0') ELSE g.seq::text END || '号',
         g.year, g.seq, g.status, g.registered_at, ARRAY[g.officer_id],
         CASE WHEN g.voided THEN g.registered_at + interval '3 days' END, CASE WHEN g.voided THEN '重复登记,作废' END, CASE WHEN g.voided THEN g.officer_id END,
         g.registered_at, g.officer_id, CASE WHEN g.voided THEN g.registered_at + interval '3 days' ELSE g.last_at END, g.officer_id, g.n + g.voided::int,
         g.registered_at - make_interval(secs => g.r_disc * 259200),
         coalesce(v.name, g.prefix || '镇') || (ARRAY['码头', '海滩', '河口', '避风塘', '渔港东堤', '围堤', '河涌', '渔排区'])[1 + floor(g.r_m1 * 8)::int],
         round((g.lat + (g.r_m2 - 0.5) * 0.12)::numeric, 6), round((g.lng + (g.r_m3 - 0.5) * 0.12)::numeric, 6),
         CASE WHEN g.r_m2 < 0.75 THEN 'patrol' WHEN g.r_m2 < 0.9 THEN 'report' ELSE 'joint' END,
         CASE WHEN g.r_m3 < 0.5 THEN 'wood' WHEN g.r_m3 < 0.8 THEN 'fibreglass' WHEN g.r_m3 < 0.9 THEN 'plastic_steel' WHEN g.r_m3 < 0.96 THEN 'steel' ELSE 'rubber' END,
         round((4 + g.r_m4 * 10)::numeric, 1),
         CASE WHEN g.r_m1 < 0.35 THEN NULL ELSE round((g.r_m2 * 60)::numeric, 1) END,
         (ARRAY['刺网', '拖网', '地笼', '蟹笼', '钓具', '围网'])[1 + floor(g.r_m4 * 6)::int], 1 + floor(g.r_m3 * 8)::int,
         CASE WHEN g.r_m4 < 0.5 THEN '船身无船名船号' WHEN g.r_m4 < 0.8 THEN '船头有涂改痕迹' ELSE '无任何标识' END,
         NOT g.claimed, o.name_enc, o.name_idx, o.id_enc, o.id_idx, o.phone_enc, o.phone_idx,
         CASE WHEN NOT g.claimed THEN g.d0 + 1 END, CASE WHEN NOT g.claimed THEN g.d0 + 31 END,
         CASE WHEN g.path = 1 AND g.n >= 3 THEN g.dts[3] END,
         CASE WHEN g.path = 1 AND g.n >= 4 THEN 'self' WHEN g.path = 2 AND g.n >= 4 THEN 'campaign' WHEN g.path = 3 AND g.n >= 3 THEN 'handed_over' END,
         CASE WHEN g.path IN (1, 2) AND g.n >= 4 THEN g.dts[4] END,
         CASE WHEN g.path = 1 AND g.n >= 4 THEN coalesce(v.name, g.prefix || '镇') || '拆解点' WHEN g.path = 2 AND g.n >= 4 THEN c.place END,
         CASE WHEN g.path = 2 AND g.n >= 3 THEN c.id END,
         CASE WHEN g.path IN (1, 2) AND g.n >= 4 THEN CASE WHEN g.r_m1 < 0.5 THEN '村委干部、船主' ELSE '村委干部、派出所民警' END END,
         CASE WHEN g.n >= 5 THEN g.dts[5] END, CASE WHEN g.n >= 5 THEN g.officer_name END,
         CASE WHEN g.path = 3 AND g.n >= 3 THEN g.dts[3] END,
         CASE WHEN g.path = 3 AND g.n >= 3 THEN '粤执法〔' || extract(year FROM g.dts[3]) || '〕农渔字第' || lpad((g.seq % 1000)::text, 3, '0') || '号' END,
         CASE WHEN g.r_m2 > 0.97 THEN '船主外出务工,已电话联系' END
    FROM g
    LEFT JOIN bench_village v ON v.town_idx = g.town_idx AND v.k = g.village_k
    LEFT JOIN bench_owner o ON o.n = g.owner_n
    LEFT JOIN bench_campaign c ON c.town_idx = g.town_idx AND c.k = g.camp_k AND g.path = 2
  RETURNING 1
),
sh AS (
  INSERT INTO status_history (town_id, ledger, record_id, from_status, to_status, at, user_id, remark, data)
  SELECT g.town_id, 'vessel-case', g.id, CASE WHEN k.k > 1 THEN g.sts[k.k - 1] END, g.sts[k.k],
         CASE WHEN k.k = 1 THEN g.registered_at ELSE ((g.dts[k.k]::timestamp + interval '11 hours') AT TIME ZONE 'Asia/Shanghai') END,
         g.officer_id, CASE WHEN g.sts[k.k] = 'unclaimed' THEN '公告期满无人认领' WHEN g.sts[k.k] = 'handed_over' THEN '船主拒不拆解,移交县农业农村局' END, NULL
    FROM g CROSS JOIN LATERAL generate_series(1, g.n) AS k(k)
  RETURNING 1
),
vp AS (
  INSERT INTO vessel_persuasion (id, town_id, case_id, date, staff, measure, result, created_by, created_at)
  SELECT gen_random_uuid(), g.town_id, g.id, g.d_ready + 7 * (k.k - 1), g.officer_name,
         (ARRAY['education', 'demonstration', 'guidance', 'notice', 'visit'])[1 + (k.k + g.i) % 5],
         (ARRAY['船主表示考虑自行拆解', '已讲解相关法律法规,船主同意配合', '发放告知书,船主签收', '上门劝导,船主承诺按期处理'])[1 + (k.k + g.i) % 4],
         g.officer_id, ((g.d_ready + 7 * (k.k - 1))::timestamp + interval '15 hours') AT TIME ZONE 'Asia/Shanghai'
    FROM g CROSS JOIN LATERAL generate_series(1, 1 + floor(g.r_pers / 0.6 * 3)::int) AS k(k)
   WHERE g.claimed AND g.n >= 2 AND g.r_pers < 0.6 AND g.d_ready + 7 * (k.k - 1) <= '${CUTOFF}'::date
  RETURNING 1
)
SELECT (SELECT count(*) FROM vc)::int AS cases, (SELECT count(*) FROM sh)::int AS history, (SELECT count(*) FROM vp)::int AS persuasions`;

async function fillOwners(client, total, s, log) {
  await client.query(`CREATE UNLOGGED TABLE bench_owner (n int PRIMARY KEY, name_enc text, name_idx varchar(64), id_enc text, id_idx varchar(64), phone_enc text, phone_idx varchar(64))`);
  const threads = Math.max(1, Math.min(2, require('node:os').availableParallelism?.() ?? 2));
  const per = Math.ceil(total / threads);
  let done = 0;
  const queue = [];
  let finished = 0;
  let wake = null;
  const workers = [];
  for (let w = 0; w < threads; w++) {
    const from = w * per;
    const to = Math.min(total, from + per);
    if (from >= to) {
      finished++;
      continue;
    }
    const worker = new Worker(path.join(__dirname, 'lib/owner-worker.js'), { workerData: { from, to, chunk: 10_000, personalDataKey: s.personalDataKey, blindIndexKey: s.blindIndexKey } });
    worker.on('message', (m) => {
      if (m === null) finished++;
      else queue.push(m);
      wake?.();
    });
    worker.on('error', (e) => {
      queue.push({ error: e });
      wake?.();
    });
    workers.push(worker);
  }
  for (;;) {
    if (queue.length === 0) {
      if (finished >= threads) break;
      await new Promise((r) => (wake = r));
      wake = null;
      continue;
    }
    const rows = queue.shift();
    if (rows.error) throw rows.error;
    await client.query(`INSERT INTO bench_owner SELECT * FROM unnest($1::int[], $2::text[], $3::varchar[], $4::text[], $5::varchar[], $6::text[], $7::varchar[])`, [
      rows.n,
      rows.nameEnc,
      rows.nameIdx,
      rows.idEnc,
      rows.idIdx,
      rows.phoneEnc,
      rows.phoneIdx,
    ]);
    done += rows.n.length;
    if (done % 200_000 < 10_000) log(`    owners: ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`);
  }
  await Promise.all(workers.map((w) => w.terminate()));
}

async function generate(scale, opts = {}) {
  const log = opts.log ?? ((m) => process.stdout.write(`${m}\n`));
  const s = c.secrets();
  const pgh = opts.pg ?? (await c.ensurePostgres(log));
  const db = c.dbNameOf(scale.name);
  const t0 = Date.now();
  const phases = {};
  const phase = async (name, fn) => {
    const t = Date.now();
    log(`  ${name} …`);
    const out = await fn();
    phases[name] = (Date.now() - t) / 1000;
    log(`  ${name}: ${c.fmtSeconds(Date.now() - t)}`);
    return out;
  };
  try {
    const meta = await c.benchMeta(pgh, scale.name);
    if (meta && meta.complete && meta.data_version === c.DATA_VERSION && meta.key_fingerprint === c.keyFingerprint(s) && !opts.force) {
      log(
        `Benchmark database ${db} is complete (data version ${meta.data_version}, ${Number(meta.cases).toLocaleString('en')} vessel cases, generated ${meta.generated_at.toISOString()} in ${c.fmtSeconds(meta.generation_seconds * 1000)}): reusing it.`,
      );
      return { reused: true, meta: await migrateReused(pgh.urlFor(db), s, log) };
    }
    if (meta)
      log(
        `Benchmark database ${db} is ${meta.complete ? `of data version ${meta.data_version}` : 'incomplete'}${meta.key_fingerprint !== c.keyFingerprint(s) ? ' or made with other keys' : ''}: regenerating it.`,
      );

    const free = fs.statfsSync ? fs.statfsSync(c.DATA_DIR) : null;
    if (free) {
      const gib = (free.bavail * free.bsize) / 2 ** 30;
      const needGib = (scale.cases / 1e6) * 3.2 + 2;
      log(`Disk: ${gib.toFixed(0)} GiB free in ${path.relative(c.ROOT, c.DATA_DIR)}; this scale needs about ${needGib.toFixed(0)} GiB.`);
      if (gib < needGib * 1.2 && !process.env.BENCH_DATABASE_URL) throw new Error(`not enough disk space for --scale ${scale.name}`);
    }

    log(`Generating ${db}: ${scale.cases.toLocaleString('en')} vessel cases in ${scale.towns} town(s).`);
    await phase('database and migrations', async () => {
      await c.withClient(pgh.adminUrl, async (cl) => {
        await cl.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
        await cl.query(`CREATE DATABASE "${db}" ENCODING 'UTF8' TEMPLATE template0`);
      });
      const n = migrate(pgh.urlFor(db), s);
      log(`    ${n} migrations applied by the API's migrate command`);
    });

    const url = pgh.urlFor(db);
    const main = c.pgClient(url);
    const second = c.pgClient(url);
    await main.connect();
    await second.connect();
    const pool = [main, second];
    try {
      for (const cl of pool) await cl.query(`SET work_mem = '256MB'; SET maintenance_work_mem = '2GB'; SET max_parallel_maintenance_workers = 0; SET synchronous_commit = off`);
      const migrations = (await main.query(`SELECT name FROM schema_migration ORDER BY id`)).rows.map((r) => r.name);
      await main.query(`CREATE TABLE bench_meta (scale varchar(16) PRIMARY KEY, data_version int NOT NULL, key_fingerprint varchar(16) NOT NULL, towns int NOT NULL,
        cases bigint NOT NULL, complete boolean NOT NULL, generated_at timestamptz NOT NULL, generation_seconds numeric, migrations text[] NOT NULL, detail jsonb)`);
      await main.query(`INSERT INTO bench_meta VALUES ($1, $2, $3, $4, $5, false, now(), NULL, $6, NULL)`, [scale.name, c.DATA_VERSION, c.keyFingerprint(s), scale.towns, scale.cases, migrations]);

      const plan = orgPlan(scale);
      const owners = Math.max(2_000, Math.min(1_000_000, Math.round((scale.cases * 0.7) / 2)));
      const ownersDone = phase(`owners (${owners.toLocaleString('en')}, encrypted in worker threads)`, () => fillOwners(second, owners, s, log));

      await phase('org units, accounts, roles, certificates, campaigns', async () => {
        const u = plan.units;
        await insertColumns(
          main,
          `INSERT INTO org_unit (id, parent_id, town_id, level, code, name, time_zone, number_prefix, sort_order, path, created_at, updated_at, version)
           SELECT id, parent_id, town_id, level, code, name, 'Asia/Shanghai', prefix, sort, path, now(), now(), 1
             FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::varchar[], $5::varchar[], $6::varchar[], $7::varchar[], $8::int[], $9::text[])
                  AS x(id, parent_id, town_id, level, code, name, prefix, sort, path)`,
          [
            u.map((x) => x.id),
            u.map((x) => x.parentId),
            u.map((x) => x.townId),
            u.map((x) => x.level),
            u.map((x) => x.code),
            u.map((x) => x.name),
            u.map((x) => x.prefix),
            u.map((x) => x.sort),
            u.map((x) => x.path),
          ],
          5_000,
        );
        const T = plan.towns;
        const hash = await require('@node-rs/argon2').hash('Bench-leader-2026!', { algorithm: require('@node-rs/argon2').Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
        const users = T.flatMap((t) => [
          { id: t.leaderId, username: `bench-leader-${String(t.idx + 1).padStart(4, '0')}`, name: t.leaderName, town: t, role: 'leader' },
          { id: t.officerId, username: `bench-officer-${String(t.idx + 1).padStart(4, '0')}`, name: t.officerName, town: t, role: 'enforcement_officer' },
        ]);
        for (let i = 0; i < users.length; i += 5_000) {
          const part = users.slice(i, i + 5_000);
          await main.query(
            `INSERT INTO app_user (id, username, display_name, phone, org_unit_id, town_id, password_hash, password_changed_at, must_change_password, demo, status, created_at, updated_at, version)
             SELECT id, username, name, NULL, town, town, $5, now(), false, false, 'active', now(), now(), 1
               FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::uuid[]) AS x(id, username, name, town)`,
            [part.map((x) => x.id), part.map((x) => x.username), part.map((x) => x.name), part.map((x) => x.town.id), hash],
          );
          await main.query(
            `INSERT INTO user_role (id, user_id, role_id, org_unit_id, town_id, scope, village_ids, created_at)
             SELECT gen_random_uuid(), x.id, r.id, x.town, x.town, 'town', '{}', now()
               FROM unnest($1::uuid[], $2::uuid[], $3::varchar[]) AS x(id, town, role) JOIN role r ON r.code = x.role`,
            [part.map((x) => x.id), part.map((x) => x.town.id), part.map((x) => x.role)],
          );
        }
        await main.query(`CREATE UNLOGGED TABLE bench_town (town_idx int PRIMARY KEY, id uuid NOT NULL, prefix text NOT NULL, n_cases int NOT NULL, nv int NOT NULL,
          officer_id uuid NOT NULL, officer_name text NOT NULL, jitter int NOT NULL, lat float8 NOT NULL, lng float8 NOT NULL)`);
        await insertColumns(
          main,
          `INSERT INTO bench_town SELECT * FROM unnest($1::int[], $2::uuid[], $3::text[], $4::int[], $5::int[], $6::uuid[], $7::text[], $8::int[], $9::float8[], $10::float8[])`,
          [
            T.map((t) => t.idx),
            T.map((t) => t.id),
            T.map((t) => t.prefix),
            T.map((t) => t.nCases),
            T.map((t) => t.nv),
            T.map((t) => t.officerId),
            T.map((t) => t.officerName),
            T.map((t) => t.jitter),
            T.map((t) => t.lat),
            T.map((t) => t.lng),
          ],
        );
        await main.query(`CREATE UNLOGGED TABLE bench_village (town_idx int NOT NULL, k int NOT NULL, id uuid NOT NULL, name text NOT NULL, PRIMARY KEY (town_idx, k))`);
        const V = plan.villages;
        await insertColumns(main, `INSERT INTO bench_village SELECT * FROM unnest($1::int[], $2::int[], $3::uuid[], $4::text[])`, [
          V.map((v) => v.townIdx),
          V.map((v) => v.k),
          V.map((v) => v.id),
          V.map((v) => v.name),
        ]);
        // One valid enforcement certificate per officer.
        await main.query(`
          INSERT INTO certificate (id, town_id, officer_id, number, issued_on, expires_on, status, created_at, created_by, updated_at, updated_by, version)
          SELECT gen_random_uuid(), t.id, t.officer_id, '4407' || lpad((t.town_idx + 1)::text, 5, '0') || '01', DATE '2018-01-08', DATE '2030-01-07', 'valid', now(), t.officer_id, now(), t.officer_id, 1
            FROM bench_town t`);
        await main.query(`
          INSERT INTO certificate_event (id, town_id, certificate_id, kind, date, remark, created_by, created_at)
          SELECT gen_random_uuid(), c.town_id, c.id, 'apply', c.issued_on, NULL, c.officer_id, now() FROM certificate c`);
        // Quarterly destruction campaigns per town; those after the cut-off day are still planned.
        await main.query(`
          CREATE UNLOGGED TABLE bench_campaign AS
          SELECT t.town_idx, k, gen_random_uuid() AS id, DATE '${CAMPAIGN_BASE}' + t.jitter + ${CAMPAIGN_EVERY_DAYS} * k AS date,
                 t.prefix || (ARRAY['渔港避风塘', '拆解点', '船厂码头', '海堤'])[1 + k % 4] AS place
            FROM bench_town t CROSS JOIN generate_series(0, ${CAMPAIGNS_PER_TOWN - 1}) AS k`);
        await main.query(`ALTER TABLE bench_campaign ADD PRIMARY KEY (town_idx, k)`);
        await main.query(`
          INSERT INTO campaign (id, town_id, village_id, number, year, seq, status, registered_at, handler_ids, created_at, created_by, updated_at, updated_by, version, date, place, agencies, closed_at, remark)
          SELECT c.id, t.id, NULL, t.prefix || '销毁〔' || y || '〕第' || lpad(seq::text, 4, '0') || '号', y, seq,
                 CASE WHEN c.date <= DATE '${CUTOFF}' THEN 'closed' ELSE 'planned' END, reg, ARRAY[t.officer_id], reg, t.officer_id,
                 CASE WHEN c.date <= DATE '${CUTOFF}' THEN closed ELSE reg END, t.officer_id, CASE WHEN c.date <= DATE '${CUTOFF}' THEN 2 ELSE 1 END,
                 c.date, c.place, ARRAY['县农业农村局', '海警工作站', t.prefix || '镇人民政府', t.prefix || '派出所'],
                 CASE WHEN c.date <= DATE '${CUTOFF}' THEN closed END, '集中拆解销毁行动'
            FROM (SELECT c.*, extract(year FROM c.date)::int AS y, row_number() OVER (PARTITION BY c.town_idx, extract(year FROM c.date) ORDER BY c.k)::int AS seq,
                         ((c.date - 30)::timestamp + interval '9 hours') AT TIME ZONE 'Asia/Shanghai' AS reg,
                         (c.date::timestamp + interval '17 hours') AT TIME ZONE 'Asia/Shanghai' AS closed
                    FROM bench_campaign c) c JOIN bench_town t ON t.town_idx = c.town_idx`);
        await main.query(`
          INSERT INTO status_history (town_id, ledger, record_id, from_status, to_status, at, user_id, remark, data)
          SELECT c.town_id, 'campaign', c.id, NULL, 'planned', c.registered_at, c.created_by, NULL, NULL::jsonb FROM campaign c
          UNION ALL
          SELECT c.town_id, 'campaign', c.id, 'planned', 'closed', c.closed_at, c.created_by, NULL, NULL::jsonb FROM campaign c WHERE c.status = 'closed'`);
        await main.query(`
          INSERT INTO record_counter (town_id, ledger, year, last_seq)
          SELECT town_id, 'campaign', year, max(seq) FROM campaign GROUP BY town_id, year`);
      });
      await ownersDone;

      const big = ['vessel_case', 'status_history', 'vessel_persuasion'];
      const schema = await captureSchema(main, big);
      await phase('drop indexes and keys of the big tables for the load', async () => {
        await dropSchema(main, schema);
        for (const t of big) await main.query(`ALTER TABLE "${t}" SET (autovacuum_enabled = false)`);
      });

      const totals = { cases: 0, history: 0, persuasions: 0 };
      await phase('vessel cases, status history, persuasions (set-based, two connections)', async () => {
        const batches = [];
        let from = 0;
        let sum = 0;
        for (const t of plan.towns) {
          sum += t.nCases;
          if (sum >= BATCH_CASES || t.idx === plan.towns.length - 1) {
            batches.push([from, t.idx + 1, sum]);
            from = t.idx + 1;
            sum = 0;
          }
        }
        const started = Date.now();
        let k = 0;
        await Promise.all(
          pool.map(async (cl) => {
            for (let b = batches[k++]; b; b = batches[k++]) {
              await cl.query('SELECT setseed($1)', [((b[0] * 7919) % 100_000) / 100_000]);
              const { rows } = await cl.query(CASES_SQL, [b[0], b[1], owners]);
              totals.cases += rows[0].cases;
              totals.history += rows[0].history;
              totals.persuasions += rows[0].persuasions;
              const el = (Date.now() - started) / 1000;
              log(`    ${totals.cases.toLocaleString('en')} / ${scale.cases.toLocaleString('en')} cases (${Math.round(totals.cases / el).toLocaleString('en')}/s)`);
            }
          }),
        );
        await main.query(`INSERT INTO record_counter (town_id, ledger, year, last_seq) SELECT town_id, 'vessel-case', year, max(seq) FROM vessel_case GROUP BY town_id, year`);
      });

      await phase('re-create keys, indexes and foreign keys as the migrations define them', async () => {
        for (const t of big) await main.query(`ALTER TABLE "${t}" RESET (autovacuum_enabled)`);
        await restoreSchema(pool, schema, log);
        const after = await captureSchema(main, big);
        const key = (x) => JSON.stringify([...x.constraints.map((k) => `${k.conname}:${k.def}`), ...x.indexes.map((i) => i.indexdef)].sort());
        if (key(after) !== key(schema)) throw new Error('the re-created schema differs from the migrated one');
      });

      await phase('drop generator tables, VACUUM ANALYZE', async () => {
        for (const t of ['bench_owner', 'bench_town', 'bench_village', 'bench_campaign']) await main.query(`DROP TABLE ${t}`);
        await Promise.all([main.query('VACUUM (ANALYZE) vessel_case'), second.query('VACUUM (ANALYZE) status_history')]);
        await main.query('VACUUM (ANALYZE)');
      });

      const seconds = (Date.now() - t0) / 1000;
      const sizes = (
        await main.query(`SELECT relname AS table, pg_total_relation_size(oid) AS bytes, pg_relation_size(oid) AS heap, reltuples::bigint AS rows
                            FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace ORDER BY 2 DESC LIMIT 8`)
      ).rows.map((r) => ({ table: r.table, rows: Number(r.rows), totalMiB: Math.round(Number(r.bytes) / 2 ** 20), heapMiB: Math.round(Number(r.heap) / 2 ** 20) }));
      const dbBytes = Number((await main.query(`SELECT pg_database_size(current_database()) AS b`)).rows[0].b);
      const states = (await main.query(`SELECT status, count(*)::int AS n FROM vessel_case GROUP BY 1 ORDER BY 2 DESC`)).rows;
      const detail = { ...totals, owners, orgUnits: plan.units.length, villages: plan.villages.length, phases, sizes, databaseMiB: Math.round(dbBytes / 2 ** 20), states };
      await main.query(`UPDATE bench_meta SET complete = true, generation_seconds = $2, detail = $3, cases = $4, generated_at = now() WHERE scale = $1`, [scale.name, seconds, detail, totals.cases]);
      log(
        `Generated ${db} in ${c.fmtSeconds(seconds * 1000)}: ${totals.cases.toLocaleString('en')} cases, ${totals.history.toLocaleString('en')} status history rows, ${totals.persuasions.toLocaleString('en')} persuasions, ${owners.toLocaleString('en')} owners; ${(dbBytes / 2 ** 30).toFixed(1)} GiB.`,
      );
      for (const st of states) log(`    ${st.status.padEnd(16)} ${st.n.toLocaleString('en')}`);
      return { reused: false, meta: (await main.query('SELECT * FROM bench_meta')).rows[0] };
    } finally {
      await main.end().catch(() => undefined);
      await second.end().catch(() => undefined);
    }
  } finally {
    if (!opts.pg) await pgh.stop();
  }
}

module.exports = { generate };

if (require.main === module) {
  let args;
  try {
    args = c.parseArgs(process.argv.slice(2), { scale: 'town', force: false });
  } catch (e) {
    process.stderr.write(`${e.message}\nusage: node tools/bench/generate.js --scale town|county|province [--force]\n`);
    process.exit(64);
  }
  generate(c.scaleOf(args.scale), { force: args.force }).then(
    () => process.exit(0),
    (e) => {
      process.stderr.write(`\nGeneration failed: ${e.stack ?? e}\n`);
      process.exit(1);
    },
  );
}
