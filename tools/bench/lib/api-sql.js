'use strict';
/**
 * The API's SQL for the measured requests, mirrored for the baseline server and for the query
 * plans: keep these in step with
 *   apps/api/src/access/data-scope.ts            resolveScope, scopeSql
 *   apps/api/src/org/role-assignments.service.ts assignmentsOf
 *   apps/api/src/auth/session.service.ts         find (SESSION_SQL, with assignmentsOfUser), touch
 *   apps/api/src/vessel-cases/vessel-case.repository.ts  TABLE (select, from, filters, sorts), PERSUASIONS
 *   apps/api/src/ledger-core/kit/record-repository.ts  where(), list(), findInScope(), parts()
 *   apps/api/src/ledger-core/status/status-history.service.ts  list()
 *   apps/api/src/ledger-core/attachments/attachments.repository.ts  listByRecord()
 *   apps/api/src/ledger-core/deadlines/deadlines.repository.ts  forRecord()
 *   apps/api/src/vessel-cases/vessel-statistics.service.ts  vessels() (its statement is the API's own
 *                                                  vessel-cases/vessel-year-figures.ts, loaded from apps/api/dist)
 * `npm run bench` checks, before it measures, that both servers give the same answers byte for byte
 * and send the same statements (pg_stat_statements, call for call), so a drift shows up there.
 */

/**
 * SessionService.find(): the session by its token hash joined with its user (every column of both
 * entities, prefixed `s.` and `u.`) and the user's role assignments (RoleAssignmentsService's
 * assignmentsOfUser()), in one statement, as the API sends it.
 */
const SESSION_SQL = `SELECT s."id" AS "s.id", s."token_hash" AS "s.tokenHash", s."user_id" AS "s.userId", s."kind" AS "s.kind", s."created_at" AS "s.createdAt", s."last_seen_at" AS "s.lastSeenAt", s."expires_at" AS "s.expiresAt", s."revoked_at" AS "s.revokedAt", s."revoke_reason" AS "s.revokeReason", s."address" AS "s.address", s."user_agent" AS "s.userAgent", u."id" AS "u.id", u."username" AS "u.username", u."display_name" AS "u.displayName", u."phone" AS "u.phone", u."org_unit_id" AS "u.orgUnitId", u."town_id" AS "u.townId", u."password_hash" AS "u.passwordHash", u."password_changed_at" AS "u.passwordChangedAt", u."must_change_password" AS "u.mustChangePassword", u."demo" AS "u.demo", u."status" AS "u.status", u."disabled_reason" AS "u.disabledReason", u."last_login_at" AS "u.lastLoginAt", u."created_at" AS "u.createdAt", u."created_by" AS "u.createdBy", u."updated_at" AS "u.updatedAt", u."updated_by" AS "u.updatedBy", u."version" AS "u.version", (SELECT coalesce(json_agg(json_build_object('id', ur.id, 'roleId', ur.role_id, 'roleCode', r.code, 'roleName', r.name, 'roleNameEn', r.name_en, 'orgUnitId', ur.org_unit_id, 'scope', ur.scope, 'villageIds', ur.village_ids, 'permissions', r.permissions) ORDER BY ur.created_at, ur.id), '[]'::json) FROM user_role ur JOIN role r ON r.id = ur.role_id WHERE ur.user_id = u.id) AS assignments FROM auth_session s LEFT JOIN app_user u ON u.id = s.user_id WHERE s.token_hash = $1`;

/** resolveScope of apps/api/src/access/data-scope.ts. */
function resolveScope(userId, assignments, units) {
  const towns = new Set();
  const villages = new Set();
  const ownTowns = new Set();
  const upper = new Set();
  let unitsById;
  const byId = () => (unitsById ??= new Map(units.map((u) => [u.id, u])));
  for (const a of assignments) {
    const unit = a.unit;
    switch (a.scope) {
      case 'all':
        for (const u of units) {
          if (!u.path.startsWith(unit.path)) continue;
          if (u.level === 'town') towns.add(u.id);
          else if (u.level === 'county') upper.add(u.id);
        }
        if (unit.level === 'village') villages.add(unit.id);
        break;
      case 'town':
        if (unit.townId) towns.add(unit.townId);
        else for (const u of units) if (u.path.startsWith(unit.path) && u.level === 'town') towns.add(u.id);
        break;
      case 'villages':
        for (const id of a.villageIds) {
          const v = byId().get(id);
          if (v && v.level === 'village' && v.path.startsWith(unit.townId ? (byId().get(unit.townId)?.path ?? unit.path) : unit.path)) villages.add(id);
        }
        break;
      case 'own':
        if (unit.townId) ownTowns.add(unit.townId);
        break;
    }
  }
  for (const v of [...villages]) {
    const town = byId().get(v)?.townId;
    if (town && towns.has(town)) villages.delete(v);
  }
  return { userId, townIds: [...towns].sort(), villageIds: [...villages].sort(), ownTownIds: [...ownTowns].filter((t) => !towns.has(t)).sort(), upperUnitIds: [...upper].sort() };
}

/** scopeSql of apps/api/src/access/data-scope.ts. */
function scopeSql(scope, cols, params) {
  const p = (v) => {
    params.push(v);
    return `$${params.length}`;
  };
  const parts = [];
  if (scope.upperUnitIds.length > 0) parts.push(`${cols.town} IS NULL`);
  if (scope.townIds.length > 0) parts.push(`${cols.town} = ANY(${p(scope.townIds)}::uuid[])`);
  if (cols.village && scope.villageIds.length > 0) parts.push(`${cols.village} = ANY(${p(scope.villageIds)}::uuid[])`);
  const ownerTests = [...(cols.owners?.length ? [(u) => `${u}::uuid IN (${cols.owners.join(', ')})`] : []), ...(cols.ownerArrays ?? []).map((a) => (u) => `${u}::uuid = ANY(${a})`)];
  if (ownerTests.length && scope.ownTownIds.length > 0) {
    const user = p(scope.userId);
    parts.push(`(${cols.town} = ANY(${p(scope.ownTownIds)}::uuid[]) AND (${ownerTests.map((t) => t(user)).join(' OR ')}))`);
  }
  return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
}

const SORTS = {
  number: 'v.year %s, v.seq %s',
  registeredAt: 'v.registered_at %s',
  discoveredAt: 'v.discovered_at %s',
  dismantledOn: 'v.dismantled_on %s NULLS LAST',
  status: 'v.status %s',
};

const SELECT = `SELECT v.*, t.name AS "townName", t.time_zone AS "timeZone", vil.name AS "villageName", c.number AS "campaignNumber",
  COALESCE((SELECT array_agg(u.display_name ORDER BY array_position(v.handler_ids, u.id)) FROM app_user u WHERE u.id = ANY(v.handler_ids)), '{}') AS "handlerNames"`;
const FROM = `FROM vessel_case v JOIN org_unit t ON t.id = v.town_id LEFT JOIN org_unit vil ON vil.id = v.village_id LEFT JOIN campaign c ON c.id = v.campaign_id`;

/** VesselCaseRepository.where(). */
function vesselWhere(scope, f, params) {
  const p = (v) => {
    params.push(v);
    return `$${params.length}`;
  };
  const w = [scopeSql(scope, { town: 'v.town_id', village: 'v.village_id', owners: ['v.created_by'], ownerArrays: ['v.handler_ids'] }, params)];
  if (f.status?.length) w.push(`v.status = ANY(${p(f.status)}::varchar[])`);
  if (f.townId) w.push(`v.town_id = ${p(f.townId)}`);
  if (f.villageId) w.push(`v.village_id = ${p(f.villageId)}`);
  if (f.from) w.push(`v.discovered_at >= (${p(f.from)}::date::timestamp AT TIME ZONE t.time_zone)`);
  if (f.to) w.push(`v.discovered_at < ((${p(f.to)}::date + 1)::timestamp AT TIME ZONE t.time_zone)`);
  if (f.campaignId) w.push(`v.campaign_id = ${p(f.campaignId)}`);
  if (f.q) {
    const like = p(`%${f.q.replace(/[%_\\]/g, '\\$&')}%`);
    w.push(`(v.number ILIKE ${like} OR v.place ILIKE ${like} OR v.marks ILIKE ${like})`);
  }
  if (f.ownerNameIdx !== undefined) w.push(`v.owner_name_idx = ${p(f.ownerNameIdx)}`);
  if (f.ownerIdIdx !== undefined) w.push(`v.owner_id_idx = ${p(f.ownerIdIdx)}`);
  if (f.ownerPhoneIdx !== undefined) w.push(`v.owner_phone_idx = ${p(f.ownerPhoneIdx)}`);
  const instantRange = (col, from, to) => w.push(`${col} >= (${from}::timestamp AT TIME ZONE t.time_zone) AND ${col} < (${to}::timestamp AT TIME ZONE t.time_zone)`);
  const dateRange = (col, from, to) => w.push(`${col} >= ${from}::date AND ${col} < ${to}::date`);
  const year = (y) => [p(`${y}-01-01`), p(`${y + 1}-01-01`)];
  const month = (m) => {
    const [y, mm] = m.split('-').map(Number);
    const next = mm === 12 ? `${y + 1}-01-01` : `${y}-${String(mm + 1).padStart(2, '0')}-01`;
    return [p(`${m}-01`), p(next)];
  };
  if (f.registeredYear) instantRange('v.registered_at', ...year(f.registeredYear));
  if (f.registeredMonth) instantRange('v.registered_at', ...month(f.registeredMonth));
  if (f.dismantledYear) dateRange('v.dismantled_on', ...year(f.dismantledYear));
  if (f.dismantledMonth) dateRange('v.dismantled_on', ...month(f.dismantledMonth));
  if (f.disposal) w.push(`v.disposal = ${p(f.disposal)}`);
  if (f.handedOverYear) dateRange('v.handed_over_on', ...year(f.handedOverYear));
  if (f.openAt) {
    const d = p(f.openAt);
    w.push(`v.registered_at < ((${d}::date + 1)::timestamp AT TIME ZONE t.time_zone) AND (v.dismantled_on IS NULL OR v.dismantled_on > ${d}::date)
        AND (v.handed_over_on IS NULL OR v.handed_over_on > ${d}::date)`);
  }
  if (f.voided === 'true') w.push('v.voided_at IS NOT NULL');
  if (f.voided === 'false') w.push('v.voided_at IS NULL');
  return w.join(' AND ');
}

/** The two statements of VesselCaseRepository.list(). */
function listStatements(scope, f, page) {
  const params = [];
  const where = vesselWhere(scope, f, params);
  const count = { name: 'list: count', sql: `SELECT count(*)::int AS total ${FROM} WHERE ${where}`, params: [...params] };
  const dir = f.order === 'asc' ? 'ASC' : 'DESC';
  const order = (SORTS[f.sort ?? 'number'] ?? SORTS.number).replace(/%s/g, dir);
  params.push(page.offset, page.limit);
  const rows = { name: 'list: page', sql: `${SELECT} ${FROM} WHERE ${where} ORDER BY ${order}, v.id OFFSET $${params.length - 1} LIMIT $${params.length}`, params };
  return [count, rows];
}

/** VesselCaseRepository.findInScope() (no lock). */
function findInScopeStatement(scope, id) {
  const params = [id];
  const where = vesselWhere(scope, {}, params);
  return { name: 'get: case in scope', sql: `${SELECT} ${FROM} WHERE v.id = $1 AND ${where}`, params };
}

/** The reads VesselCaseService.get() makes after the case itself (persuasions, history, attachments, deadlines, campaign attachments). */
/** AttachmentsRepository.listByRecord(): every column of the entity, camel-cased. */
const ATTACHMENTS_SQL = `SELECT a."id" AS "id", a."town_id" AS "townId", a."ledger" AS "ledger", a."record_id" AS "recordId", a."stage" AS "stage", a."file_name" AS "fileName", a."mime" AS "mime", a."size" AS "size", a."sha256" AS "sha256", a."storage_key" AS "storageKey", a."thumbnail_key" AS "thumbnailKey", a."uploaded_by" AS "uploadedBy", a."uploaded_at" AS "uploadedAt", a."removed_at" AS "removedAt", a."removed_by" AS "removedBy", a."personal" AS "personal" FROM attachment a WHERE a.ledger = $1 AND a.record_id = $2 AND a.removed_at IS NULL AND a.town_id = $3 ORDER BY a.uploaded_at ASC, a.file_name ASC, a.id ASC`;

/** DeadlinesRepository.forRecord(). */
const DEADLINES_SQL = `SELECT d.id, d.town_id AS "townId", d.village_id AS "villageId", d.ledger, d.record_id AS "recordId", d.kind, d.title, d.rule_days AS "ruleDays", d.rule_unit AS "unit", to_char(d.start_date, 'YYYY-MM-DD') AS "startDate", to_char(d.base_due_date, 'YYYY-MM-DD') AS "baseDueDate", to_char(d.paused_from, 'YYYY-MM-DD') AS "pausedFrom", d.paused_days AS "pausedDays", d.extension_days AS "extensionDays", d.extension_reason AS "extensionReason", d.extended_by AS "extendedBy", to_char(d.due_date, 'YYYY-MM-DD') AS "dueDate", d.done_at AS "doneAt", d.assignee_ids AS "assigneeIds", d.created_at AS "createdAt", d.updated_at AS "updatedAt", d.version, EXISTS (SELECT 1 FROM generate_series(extract(year FROM d.start_date + 1)::int, extract(year FROM d.due_date)::int) AS counted(year) WHERE d.due_date > d.start_date AND NOT EXISTS (SELECT 1 FROM calendar_year cy WHERE cy.year = counted.year)) AS provisional FROM deadline d WHERE d.town_id = $1 AND d.ledger = $2 AND d.record_id = $3 ORDER BY d.created_at, d.id`;

function detailStatements(row) {
  const out = [
    {
      name: 'get: persuasions',
      sql: `SELECT * FROM "vessel_persuasion" WHERE town_id = ANY($1::uuid[]) AND "case_id" = ANY($2::uuid[]) ORDER BY date, created_at`,
      params: [[row.town_id], [row.id]],
    },
    {
      name: 'get: status history',
      sql: `SELECT h.id::text AS id, h.from_status AS "from", h.to_status AS "to", h.at, h.user_id AS "userId", u.display_name AS "userName", h.remark
         FROM status_history h LEFT JOIN app_user u ON u.id = h.user_id
        WHERE h.ledger = $1 AND h.record_id = $2 AND h.town_id = $3 ORDER BY h.at, h.id`,
      params: ['vessel-case', row.id, row.town_id],
    },
    {
      name: 'get: attachments',
      sql: ATTACHMENTS_SQL,
      params: ['vessel-case', row.id, row.town_id],
    },
  ];
  out.push({
    name: 'get: deadlines',
    sql: DEADLINES_SQL,
    params: [row.town_id, 'vessel-case', row.id],
  });
  if (row.campaign_id) out.push({ ...out[2], name: 'get: campaign attachments', params: ['campaign', row.campaign_id, row.town_id] });
  return out;
}

/** vesselFigureFilters() of the statistics service. */
function vesselFigureFilters(year, townId) {
  const base = { voided: 'false', ...(townId ? { townId } : {}) };
  return {
    registered: { ...base, registeredYear: year },
    dismantled: { ...base, dismantledYear: year },
    selfDismantled: { ...base, dismantledYear: year, disposal: 'self' },
    campaignDismantled: { ...base, dismantledYear: year, disposal: 'campaign' },
    handedOver: { ...base, handedOverYear: year },
    open: { ...base, openAt: `${year}-12-31` },
  };
}

function toQueryString(filter) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v !== undefined && v !== null) params.set(k, Array.isArray(v) ? v.join(',') : String(v));
  return params.toString();
}

/**
 * The one statement VesselStatisticsService.vessels() sends: the API's own yearFiguresStatement()
 * (framework-free, from the built API) over the mirrored list filter.
 */
function apiStatisticsStatements(scope, year, townId) {
  const { yearFiguresStatement } = require('../../../apps/api/dist/vessel-cases/vessel-year-figures.js');
  const st = yearFiguresStatement(scope, year, townId, (params) => vesselWhere(scope, { voided: 'false' }, params));
  return [{ name: "statistics: the API's statement", ...st }];
}

/**
 * The hand-written statistics of one town-year, as a careful engineer writes them: one statement,
 * one pass over the town's cases (through the `(town_id, …)` indexes) with the same predicates
 * (scope, town, not voided, registered / dismantled / handed over in the year, open at the year's
 * end). The year's bounds and the months' starts are computed once per town in its time zone, and
 * every row's timestamp is compared with them (no per-row time-zone conversion); the registration
 * month is the bucket of those starts. Grouped finely enough to give every figure, plus the
 * campaign count over a date range.
 */
function handStatisticsStatement(scope, year, townId) {
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}-01`);
  const params = [months, `${year + 1}-01-01`, `${year}-01-01`, `${year}-12-31`];
  const vScope = scopeSql(scope, { town: 'v.town_id', village: 'v.village_id', owners: ['v.created_by'], ownerArrays: ['v.handler_ids'] }, params);
  const cScope = scopeSql(scope, { town: 'c.town_id', owners: ['c.created_by'] }, params);
  let town = '';
  let ctown = '';
  let btown = '';
  if (townId) {
    params.push(townId);
    town = ` AND v.town_id = $${params.length}`;
    ctown = ` AND c.town_id = $${params.length}`;
    btown = ` AND t.id = $${params.length}`;
  }
  const sql = `
WITH b AS MATERIALIZED (
  SELECT t.id, ARRAY(SELECT m::timestamp AT TIME ZONE t.time_zone FROM unnest($1::text[]) AS m) AS ms, $2::timestamp AT TIME ZONE t.time_zone AS ye
    FROM org_unit t WHERE t.level = 'town'${btown}
), v AS (
  SELECT v.village_id,
         CASE WHEN v.registered_at >= b.ms[1] AND v.registered_at < b.ye THEN width_bucket(v.registered_at, b.ms) END AS reg_month,
         CASE WHEN v.dismantled_on >= $3::date AND v.dismantled_on < $2::date THEN extract(month FROM v.dismantled_on)::int END AS dis_month,
         v.disposal,
         (v.handed_over_on >= $3::date AND v.handed_over_on < $2::date) AS handed,
         (v.registered_at < b.ye AND (v.dismantled_on IS NULL OR v.dismantled_on > $4::date) AND (v.handed_over_on IS NULL OR v.handed_over_on > $4::date)) AS open
    FROM vessel_case v JOIN b ON b.id = v.town_id
   WHERE ${vScope}${town} AND v.voided_at IS NULL
), g AS (
  SELECT village_id, reg_month, dis_month, disposal, coalesce(handed, false) AS handed, open, count(*)::int AS n
    FROM v WHERE reg_month IS NOT NULL OR dis_month IS NOT NULL OR handed OR open
   GROUP BY 1, 2, 3, 4, 5, 6
)
SELECT (SELECT count(*)::int FROM campaign c WHERE c.date >= $3::date AND c.date < $2::date AND c.status = 'closed' AND c.voided_at IS NULL AND ${cScope}${ctown}) AS campaigns,
       (SELECT coalesce(json_agg(json_build_object('v', g.village_id, 'name', vil.name, 'sort', vil.sort_order, 'rm', g.reg_month, 'dm', g.dis_month,
                                                   'd', g.disposal, 'h', g.handed, 'o', g.open, 'n', g.n)), '[]'::json)
          FROM g LEFT JOIN org_unit vil ON vil.id = g.village_id) AS groups`;
  return { name: 'statistics: hand-written', sql, params };
}

/** Folds the hand-written statement's row into the API's VesselStatistics shape. */
function statisticsFromHand(row, year, townId) {
  const months = Array.from({ length: 12 }, (_, i) => ({ month: `${year}-${String(i + 1).padStart(2, '0')}`, registered: 0, dismantled: 0, selfDismantled: 0, campaignDismantled: 0 }));
  const counts = { registered: 0, dismantled: 0, selfDismantled: 0, campaignDismantled: 0, handedOver: 0, open: 0 };
  const villages = new Map();
  const village = (g) => {
    const key = g.v ?? null;
    if (!villages.has(key)) villages.set(key, { villageId: key, name: key ? (g.name ?? key) : '未指定村(社区)', registered: 0, dismantled: 0, sort: g.sort ?? 0 });
    return villages.get(key);
  };
  for (const g of row.groups) {
    if (g.rm) {
      counts.registered += g.n;
      months[g.rm - 1].registered += g.n;
      village(g).registered += g.n;
    }
    if (g.dm) {
      counts.dismantled += g.n;
      months[g.dm - 1].dismantled += g.n;
      village(g).dismantled += g.n;
      if (g.d === 'self') {
        counts.selfDismantled += g.n;
        months[g.dm - 1].selfDismantled += g.n;
      } else if (g.d === 'campaign') {
        counts.campaignDismantled += g.n;
        months[g.dm - 1].campaignDismantled += g.n;
      }
    }
    if (g.h) counts.handedOver += g.n;
    if (g.o) counts.open += g.n;
  }
  const byVillage = [...villages.values()].sort((a, b) => (a.villageId === null ? 1 : b.villageId === null ? -1 : a.sort - b.sort)).map(({ sort: _s, ...v }) => v);
  const figures = vesselFigureFilters(year, townId);
  const campaignFilter = { year, status: 'closed', voided: 'false', ...(townId ? { townId } : {}) };
  return {
    year,
    townId: townId ?? null,
    ...counts,
    campaigns: row.campaigns,
    byMonth: months,
    byVillage,
    filters: { ...Object.fromEntries(Object.entries(figures).map(([k, f]) => [k, toQueryString(f)])), campaigns: toQueryString(campaignFilter) },
  };
}

module.exports = {
  SESSION_SQL,
  resolveScope,
  scopeSql,
  vesselWhere,
  listStatements,
  findInScopeStatement,
  detailStatements,
  apiStatisticsStatements,
  handStatisticsStatement,
  statisticsFromHand,
  vesselFigureFilters,
  toQueryString,
};
