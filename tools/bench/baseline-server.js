#!/usr/bin/env node
'use strict';
/**
 * The bare baseline: node:http + pg, no framework. It answers the three measured requests of the API
 * with the same session check and the same SQL (lib/api-sql.js mirrors the API's statements):
 *
 *   GET /api/vessel-cases/:id                        one case with persuasions, history, attachments
 *   GET /api/vessel-cases?status=&villageId=&from=&to=&sort=&order=&page=&pageSize=
 *   GET /api/statistics/vessels?year=&townId=         (the hand-written statement instead of the API's)
 *
 * Every request: the session from the `fz_session` cookie (or a bearer token) looked up by
 * HMAC-SHA256(SESSION_SECRET, token) in auth_session joined with its user and role assignments (one
 * statement), its revocation, absolute and idle expiry, the user's status, the once-a-minute activity write, the data scope (resolveScope) and
 * the permission; rows outside the scope answer 404 as in the API. The security policy is kept for
 * 5 s as the API keeps it. Unlike the API it does not keep the whole org tree in memory: it reads
 * the unit of each role assignment once and keeps it (and reads the units below one when the scope
 * needs them). The run checks that both servers send the same statements, each as often.
 *
 * Environment: DATABASE_URL, SESSION_SECRET, PERSONAL_DATA_KEY, BLIND_INDEX_KEY, PORT, HOST
 * (127.0.0.1), DB_POOL (10: the API's pool size). Started by run.js; prints "listening <port>".
 */
const http = require('node:http');
const crypto = require('node:crypto');
const { Pool, types } = require('pg');
const contracts = require('@fazhi/contracts');
const sql = require('./lib/api-sql');

types.setTypeParser(types.builtins.DATE, (v) => v);

const env = process.env;
const pool = new Pool({ connectionString: env.DATABASE_URL, max: Number(env.DB_POOL || 10), application_name: 'fazhi-bench-baseline' });
pool.on('error', () => undefined);
const sessionKey = env.SESSION_SECRET;
const dataKey = crypto.createHash('sha256').update(env.PERSONAL_DATA_KEY).digest();
const SESSION_COOKIE = 'fz_session';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

class HttpError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

let policyCache = null;
async function policy() {
  if (policyCache && Date.now() - policyCache.at < 5_000) return policyCache.value;
  const { rows } = await pool.query(`SELECT id, policy, updated_at, updated_by, version FROM security_policy WHERE id = $1 LIMIT 1`, ['global']);
  const value = { ...contracts.DEFAULT_SECURITY_POLICY, ...(rows[0]?.policy ?? {}) };
  policyCache = { at: Date.now(), value };
  return value;
}

function tokenOf(req) {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim() || null;
  const cookie = req.headers.cookie;
  if (!cookie) return null;
  for (const part of cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return decodeURIComponent(part.slice(eq + 1).trim()) || null;
  }
  return null;
}

/**
 * The units of role assignments, read once per unit: the API keeps the whole org tree in memory (and
 * reads it again when it changed); the baseline keeps only the units its callers are assigned to,
 * and never reads them again, which spares it the tree's periodic check.
 */
const unitCache = new Map();
async function knownUnits(ids) {
  const missing = ids.filter((id) => !unitCache.has(id));
  if (missing.length === 0) return;
  const { rows } = await pool.query(`SELECT id, parent_id AS "parentId", level, town_id AS "townId", path, name FROM org_unit WHERE id = ANY($1::uuid[])`, [missing]);
  for (const u of rows) unitCache.set(u.id, u);
}

async function principalOf(req) {
  const token = tokenOf(req);
  if (!token) throw new HttpError(401, 'UNAUTHENTICATED', 'Please sign in');
  const pol = await policy();
  const hash = crypto.createHmac('sha256', sessionKey).update(token).digest('hex');
  const row = (await pool.query(sql.SESSION_SQL, [hash])).rows[0];
  const now = Date.now();
  if (!row) throw new HttpError(401, 'UNAUTHENTICATED', 'Please sign in');
  const s = { id: row['s.id'], revokedAt: row['s.revokedAt'], expiresAt: row['s.expiresAt'], lastSeenAt: row['s.lastSeenAt'] };
  if (s.revokedAt || s.expiresAt.getTime() <= now) throw new HttpError(401, 'SESSION_EXPIRED', 'Your session has ended');
  if (s.lastSeenAt.getTime() + pol.idleTimeoutMinutes * 60_000 <= now) {
    await pool.query(`UPDATE auth_session SET revoked_at = $1, revoke_reason = 'idle' WHERE id = $2 AND revoked_at IS NULL`, [new Date(), s.id]);
    throw new HttpError(401, 'SESSION_EXPIRED', 'Your session has ended');
  }
  const user =
    row['u.id'] === null ? null : { id: row['u.id'], status: row['u.status'], demo: row['u.demo'], passwordChangedAt: row['u.passwordChangedAt'], mustChangePassword: row['u.mustChangePassword'] };
  if (!user || user.status !== 'active') throw new HttpError(401, 'SESSION_EXPIRED', 'Your session has ended');
  if (now - s.lastSeenAt.getTime() >= 60_000) await pool.query(`UPDATE auth_session SET last_seen_at = $1 WHERE id = $2 AND revoked_at IS NULL`, [new Date(now), s.id]);
  const assignments = row.assignments;
  await knownUnits(assignments.map((a) => a.orgUnitId).filter(Boolean));
  const scoped = [];
  const units = new Map();
  const below = [];
  const extraIds = [];
  for (const a of assignments) {
    const unit = unitCache.get(a.orgUnitId);
    if (!unit) continue;
    units.set(unit.id, unit);
    scoped.push({ scope: a.scope, unit, villageIds: a.villageIds });
    if (a.scope === 'all' || (a.scope === 'town' && !unit.townId)) below.push(unit.path);
    if (a.scope === 'villages') extraIds.push(...a.villageIds, ...(unit.townId ? [unit.townId] : []));
  }
  if (below.length || extraIds.length) {
    const more = await pool.query(
      `SELECT id, parent_id AS "parentId", level, town_id AS "townId", path, name FROM org_unit
        WHERE id = ANY($1::uuid[]) OR path LIKE ANY(SELECT p || '%' FROM unnest($2::text[]) AS p)`,
      [extraIds, below],
    );
    for (const u of more.rows) units.set(u.id, u);
  }
  const scope = sql.resolveScope(user.id, scoped, [...units.values()]);
  const permissions = new Set(assignments.flatMap((a) => a.permissions));
  const expires = user.demo || pol.passwordMaxAgeDays <= 0 ? null : user.passwordChangedAt.getTime() + pol.passwordMaxAgeDays * 86_400_000;
  if (user.mustChangePassword || (expires !== null && expires <= now)) throw new HttpError(403, 'PASSWORD_CHANGE_REQUIRED', 'Change your password first');
  return { user, session: s, permissions, scope };
}

function require_(principal, ...codes) {
  if (!codes.some((c) => principal.permissions.has(c))) throw new HttpError(403, 'FORBIDDEN', 'Forbidden');
}

function decrypt(stored) {
  if (!stored) return null;
  const [version, payload] = stored.split(':', 2);
  if (version !== 'v1' || !payload) throw new Error(`unknown personal-data key version ${version}`);
  const raw = Buffer.from(payload, 'base64');
  const d = crypto.createDecipheriv('aes-256-gcm', dataKey, raw.subarray(0, 12));
  d.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
}

const num = (v) => (v === null || v === undefined ? null : Number(v));

/** VesselCaseService.toDto() (masked owner fields), in the API's key order. */
function toDto(r) {
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    townId: r.town_id,
    townName: r.townName,
    villageId: r.village_id,
    villageName: r.villageName,
    registeredAt: new Date(r.registered_at).toISOString(),
    remark: r.remark,
    voided: r.voided_at !== null,
    voidReason: r.void_reason,
    version: r.version,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    discoveredAt: new Date(r.discovered_at).toISOString(),
    place: r.place,
    gpsLat: num(r.gps_lat),
    gpsLng: num(r.gps_lng),
    source: r.source,
    hullMaterial: r.hull_material,
    lengthM: num(r.length_m),
    enginePowerKw: num(r.engine_power_kw),
    gearType: r.gear_type,
    gearCount: r.gear_count,
    marks: r.marks,
    unclaimed: r.unclaimed,
    ownerName: contracts.maskName(decrypt(r.owner_name_enc)),
    ownerIdNumber: contracts.maskIdNumber(decrypt(r.owner_id_enc)),
    ownerPhone: contracts.maskPhone(decrypt(r.owner_phone_enc)),
    noticeStart: r.notice_start,
    noticeEnd: r.notice_end,
    committedOn: r.committed_on,
    disposal: r.disposal,
    dismantledOn: r.dismantled_on,
    dismantlePlace: r.dismantle_place,
    campaignId: r.campaign_id,
    campaignNumber: r.campaignNumber,
    witnesses: r.witnesses,
    verifiedOn: r.verified_on,
    verifiedBy: r.verified_by,
    handedOverOn: r.handed_over_on,
    externalCaseNo: r.external_case_no,
    handlerIds: r.handler_ids,
    handlerNames: r.handlerNames,
  };
}

const toAttachment = (a) => ({
  id: a.id,
  fileName: a.fileName,
  mime: a.mime,
  size: Number(a.size),
  sha256: a.sha256,
  stage: a.stage,
  hasThumbnail: a.thumbnailKey !== null,
  uploadedAt: a.uploadedAt.toISOString(),
  uploadedBy: a.uploadedBy,
});

async function getCase(p, id) {
  require_(p, 'vessel.read');
  if (!UUID.test(id)) throw new HttpError(400, 'VALIDATION_FAILED', 'Validation failed (uuid is expected)');
  const st = sql.findInScopeStatement(p.scope, id);
  const row = (await pool.query(st.sql, st.params)).rows[0];
  if (!row) throw new HttpError(404, 'NOT_FOUND', 'Vessel case not found');
  const [persuasions, history, attachments, deadlines, campaignAttachments = { rows: [] }] = await Promise.all(sql.detailStatements(row).map((s) => pool.query(s.sql, s.params)));
  const { year, month, day } = contracts.zonedParts(new Date(), row.timeZone);
  const today = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const transitions = row.voided_at
    ? []
    : contracts
        .availableTransitions(contracts.VESSEL_TRANSITIONS, row.status, p.permissions)
        .filter((r) => r.guard !== 'onlyByCampaignClose')
        .map((r) => ({ to: r.to, label: r.label, requires: [...(r.requires ?? [])] }));
  // deadlineStatus() of the API for the unclaimed-notice deadline, when the case has one.
  let deadline = null;
  const notice = deadlines.rows.find((d) => d.kind === 'unclaimed-notice');
  if (notice) {
    const days = Math.round((Date.parse(`${notice.dueDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
    const state = notice.doneAt ? 'done' : notice.pausedFrom ? 'paused' : days < 0 ? 'overdue' : days <= contracts.DEADLINE_WARNING_DAYS ? 'warning' : 'ok';
    deadline = { kind: notice.kind, dueDate: notice.dueDate, daysLeft: days, state };
  }
  return Object.assign(toDto(row), {
    persuasions: persuasions.rows.map((x) => ({ id: x.id, date: x.date, staff: x.staff, measure: x.measure, result: x.result, createdAt: new Date(x.created_at).toISOString() })),
    history: history.rows.map((h) => ({ ...h, at: new Date(h.at).toISOString() })),
    attachments: attachments.rows.map(toAttachment),
    campaignAttachments: campaignAttachments.rows.map(toAttachment),
    deadline,
    transitions,
  });
}

const int = (v, min, max, name) => {
  if (v === null) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new HttpError(400, 'VALIDATION_FAILED', `${name} is invalid`);
  return n;
};

async function listCases(p, q) {
  require_(p, 'vessel.read');
  const f = {};
  const status = q.get('status');
  if (status) {
    f.status = status
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (!f.status.every((s) => contracts.VESSEL_STATUSES.includes(s))) throw new HttpError(400, 'VALIDATION_FAILED', 'status is invalid');
  }
  for (const k of ['townId', 'villageId', 'campaignId']) {
    const v = q.get(k);
    if (v !== null) {
      if (!UUID.test(v)) throw new HttpError(400, 'VALIDATION_FAILED', `${k} must be a UUID`);
      f[k] = v;
    }
  }
  for (const k of ['from', 'to', 'openAt']) {
    const v = q.get(k);
    if (v !== null) {
      if (!DATE.test(v)) throw new HttpError(400, 'VALIDATION_FAILED', `${k} must be a date`);
      f[k] = v;
    }
  }
  if (q.get('q')) f.q = q.get('q').trim().slice(0, 100);
  for (const k of ['registeredYear', 'dismantledYear', 'handedOverYear']) f[k] = int(q.get(k), 2000, 2100, k);
  for (const k of ['disposal', 'voided', 'registeredMonth', 'dismantledMonth']) if (q.get(k)) f[k] = q.get(k);
  const sort = q.get('sort');
  if (sort && !['number', 'registeredAt', 'discoveredAt', 'dismantledOn', 'status'].includes(sort)) throw new HttpError(400, 'VALIDATION_FAILED', 'sort is invalid');
  f.sort = sort ?? undefined;
  f.order = q.get('order') === 'asc' ? 'asc' : q.get('order') === 'desc' || !q.get('order') ? 'desc' : null;
  if (!f.order) throw new HttpError(400, 'VALIDATION_FAILED', 'order is invalid');
  const page = int(q.get('page'), 1, 100000, 'page') ?? 1;
  const pageSize = int(q.get('pageSize'), 1, contracts.MAX_PAGE_SIZE, 'pageSize') ?? contracts.DEFAULT_PAGE_SIZE;
  const [count, rows] = sql.listStatements(p.scope, f, { offset: (page - 1) * pageSize, limit: pageSize });
  const total = (await pool.query(count.sql, count.params)).rows[0].total;
  const items = (await pool.query(rows.sql, rows.params)).rows.map(toDto);
  return { items, total, page, pageSize };
}

async function statistics(p, q) {
  require_(p, 'vessel.read', 'dashboard.read');
  const year = int(q.get('year'), 2000, 2100, 'year');
  if (year === undefined) throw new HttpError(400, 'VALIDATION_FAILED', 'year is required');
  const townId = q.get('townId') ?? undefined;
  if (townId !== undefined && !UUID.test(townId)) throw new HttpError(400, 'VALIDATION_FAILED', 'townId must be a UUID');
  const st = sql.handStatisticsStatement(p.scope, year, townId);
  const row = (await pool.query(st.sql, st.params)).rows[0];
  return sql.statisticsFromHand(row, year, townId);
}

function send(res, status, body) {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(json),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
  });
  res.end(json);
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  const route = async () => {
    if (req.method !== 'GET') throw new HttpError(404, 'NOT_FOUND', 'Not found');
    if (url.pathname === '/api/health') return { status: 'ok' };
    const m = /^\/api\/vessel-cases(?:\/([^/]+))?$/.exec(url.pathname);
    if (m) {
      const p = await principalOf(req);
      return m[1] ? getCase(p, m[1]) : listCases(p, url.searchParams);
    }
    if (url.pathname === '/api/statistics/vessels') return statistics(await principalOf(req), url.searchParams);
    throw new HttpError(404, 'NOT_FOUND', 'Not found');
  };
  route().then(
    (body) => send(res, 200, body),
    (e) => {
      if (e instanceof HttpError) send(res, e.status, { code: e.code, message: e.message });
      else {
        process.stderr.write(`baseline: ${e.stack ?? e}\n`);
        send(res, 500, { code: 'INTERNAL', message: 'Internal error' });
      }
    },
  );
});
server.keepAliveTimeout = 65_000;
server.listen(Number(env.PORT || 0), env.HOST || '127.0.0.1', () => {
  process.stdout.write(`listening ${server.address().port}\n`);
});
const stop = () => server.close(() => pool.end().then(() => process.exit(0)));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
