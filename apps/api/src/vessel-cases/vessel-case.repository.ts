import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ResolvedScope, scopeSql } from '../access/data-scope';
import { camelRow, sqlParams, updateVersioned } from '../ledger-core/records';
import { VesselListQuery } from './vessel-case.dto';
import { VesselCaseEntity } from './vessel-case.entities';
import { VesselYearFigures, yearFiguresStatement } from './vessel-year-figures';

export interface VesselRow extends VesselCaseEntity {
  townName: string;
  timeZone: string;
  villageName: string | null;
  campaignNumber: string | null;
  handlerNames: string[];
}

export interface VesselFilter extends Omit<VesselListQuery, 'ownerName' | 'ownerIdNumber' | 'ownerPhone'> {
  ownerNameIdx?: string | null;
  ownerIdIdx?: string | null;
  ownerPhoneIdx?: string | null;
}

const SORTS: Record<string, string> = {
  number: 'v.year %s, v.seq %s',
  registeredAt: 'v.registered_at %s',
  discoveredAt: 'v.discovered_at %s',
  dismantledOn: 'v.dismantled_on %s NULLS LAST',
  status: 'v.status %s',
};

const SELECT = `SELECT v.*, t.name AS "townName", t.time_zone AS "timeZone", vil.name AS "villageName", c.number AS "campaignNumber",
  COALESCE((SELECT array_agg(u.display_name ORDER BY array_position(v.handler_ids, u.id)) FROM app_user u WHERE u.id = ANY(v.handler_ids)), '{}') AS "handlerNames"`;
const FROM = `FROM vessel_case v JOIN org_unit t ON t.id = v.town_id LEFT JOIN org_unit vil ON vil.id = v.village_id LEFT JOIN campaign c ON c.id = v.campaign_id`;

const NUMERIC = ['gpsLat', 'gpsLng', 'lengthM', 'enginePowerKw'] as const;

/** A raw row as the entity shape (numeric columns as numbers). */
function hydrate(r: Record<string, unknown>): VesselRow {
  const row = camelRow<VesselRow>(r);
  for (const k of NUMERIC) row[k] = row[k] === null || row[k] === undefined ? null : Number(row[k]);
  return row;
}

/** The evidence stages that document a dismantling. */
const DISMANTLING_STAGES = ['during', 'after'];

/** Every query of the vessel ledger. Scope is a required argument of every read. */
@Injectable()
export class VesselCaseRepository {
  constructor(private readonly ds: DataSource) {}

  /** The WHERE clause for the list filters; the statistics use the same conditions. */
  where(scope: ResolvedScope, f: VesselFilter, params: unknown[]): string {
    const p = sqlParams(params);
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
    // Periods as ranges on the column, so the (town_id, date) indexes serve them.
    const instantRange = (col: string, from: string, to: string) =>
      w.push(`${col} >= (${from}::timestamp AT TIME ZONE t.time_zone) AND ${col} < (${to}::timestamp AT TIME ZONE t.time_zone)`);
    const dateRange = (col: string, from: string, to: string) => w.push(`${col} >= ${from}::date AND ${col} < ${to}::date`);
    const year = (y: number) => [p(`${y}-01-01`), p(`${y + 1}-01-01`)] as const;
    const month = (m: string) => {
      const [y, mm] = m.split('-').map(Number);
      const next = mm === 12 ? `${y + 1}-01-01` : `${y}-${String(mm + 1).padStart(2, '0')}-01`;
      return [p(`${m}-01`), p(next)] as const;
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

  async list(scope: ResolvedScope, f: VesselFilter, page: { offset: number; limit: number }): Promise<{ rows: VesselRow[]; total: number }> {
    const params: unknown[] = [];
    const where = this.where(scope, f, params);
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total ${FROM} WHERE ${where}`, params);
    const dir = f.order === 'asc' ? 'ASC' : 'DESC';
    const order = (SORTS[f.sort ?? 'number'] ?? SORTS.number).replace(/%s/g, dir);
    params.push(page.offset, page.limit);
    const rows = await this.ds.query(`${SELECT} ${FROM} WHERE ${where} ORDER BY ${order}, v.id OFFSET $${params.length - 1} LIMIT $${params.length}`, params);
    return { rows: rows.map(hydrate), total };
  }

  async count(scope: ResolvedScope, f: VesselFilter): Promise<number> {
    const params: unknown[] = [];
    const [{ n }] = await this.ds.query(`SELECT count(*)::int AS n ${FROM} WHERE ${this.where(scope, f, params)}`, params);
    return n;
  }

  /** Everything the figures of one year need, in one statement (see yearFiguresStatement). */
  async yearFigures(scope: ResolvedScope, year: number, townId?: string): Promise<VesselYearFigures> {
    const st = yearFiguresStatement(scope, year, townId, (params) => this.where(scope, { voided: 'false' }, params));
    const [row] = await this.ds.query(st.sql, st.params);
    return row;
  }

  /** All matching rows in number order, in batches (exports). */
  async *stream(scope: ResolvedScope, f: VesselFilter, batch = 500): AsyncGenerator<VesselRow> {
    let offset = 0;
    for (;;) {
      const params: unknown[] = [];
      const where = this.where(scope, f, params);
      params.push(offset, batch);
      const rows = await this.ds.query(`${SELECT} ${FROM} WHERE ${where} ORDER BY v.year, v.seq, v.id OFFSET $${params.length - 1} LIMIT $${params.length}`, params);
      for (const r of rows) yield hydrate(r);
      if (rows.length < batch) return;
      offset += batch;
    }
  }

  /** One case in scope, or null (out of scope and missing look the same). */
  async findInScope(scope: ResolvedScope, id: string, em: EntityManager = this.ds.manager, lock = false): Promise<VesselRow | null> {
    const params: unknown[] = [id];
    const where = this.where(scope, {}, params);
    const rows = await em.query(`${SELECT} ${FROM} WHERE v.id = $1 AND ${where}${lock ? ' FOR UPDATE OF v' : ''}`, params);
    return rows[0] ? hydrate(rows[0]) : null;
  }

  /** Records of a town by number, only those in the scope. */
  async byNumbers(em: EntityManager, scope: ResolvedScope, townId: string, numbers: string[]): Promise<Map<string, VesselRow>> {
    if (numbers.length === 0) return new Map();
    const params: unknown[] = [townId, numbers];
    const rows = await em.query(`${SELECT} ${FROM} WHERE v.town_id = $1 AND v.number = ANY($2::varchar[]) AND ${this.where(scope, {}, params)}`, params);
    return new Map(rows.map((r: Record<string, unknown>) => [r.number as string, hydrate(r)]));
  }

  /** Updates columns of a case when its version matches; false when it does not (stale). */
  update(em: EntityManager, id: string, version: number, set: Record<string, unknown>): Promise<boolean> {
    return updateVersioned(em, 'vessel_case', id, version, set);
  }

  async insert(em: EntityManager, row: Record<string, unknown>): Promise<void> {
    const cols = Object.keys(row);
    await em.query(`INSERT INTO vessel_case (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(',')})`, Object.values(row));
  }

  /** Many new cases in statements of 1,000 rows (imports). */
  async insertMany(em: EntityManager, rows: Record<string, unknown>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 1000) {
      await em.query(
        `INSERT INTO vessel_case (id, town_id, village_id, number, year, seq, status, registered_at, created_at, created_by, updated_at, updated_by, version,
           discovered_at, place, source, hull_material, length_m, engine_power_kw, gear_type, gear_count, marks, unclaimed, remark,
           owner_name_enc, owner_name_idx, owner_id_enc, owner_id_idx, owner_phone_enc, owner_phone_idx)
         SELECT id, town_id, village_id, number, year, seq, status, registered_at, created_at, created_by, updated_at, updated_by, 1,
           discovered_at, place, source, hull_material, length_m, engine_power_kw, gear_type, gear_count, marks, COALESCE(unclaimed, false), remark,
           owner_name_enc, owner_name_idx, owner_id_enc, owner_id_idx, owner_phone_enc, owner_phone_idx
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, town_id uuid, village_id uuid, number varchar, year int, seq int, status varchar, registered_at timestamptz,
           created_at timestamptz, created_by uuid, updated_at timestamptz, updated_by uuid, discovered_at timestamptz, place varchar, source varchar, hull_material varchar,
           length_m numeric, engine_power_kw numeric, gear_type varchar, gear_count int, marks varchar, unclaimed boolean, remark varchar,
           owner_name_enc text, owner_name_idx varchar, owner_id_enc text, owner_id_idx varchar, owner_phone_enc text, owner_phone_idx varchar)`,
        [JSON.stringify(rows.slice(i, i + 1000))],
      );
    }
  }

  async persuasions(townId: string, caseId: string): Promise<Record<string, unknown>[]> {
    return this.ds.query(`SELECT id, date, staff, measure, result, created_at FROM vessel_persuasion WHERE town_id = $1 AND case_id = $2 ORDER BY date, created_at`, [townId, caseId]);
  }

  async insertPersuasion(em: EntityManager, p: { id: string; townId: string; caseId: string; date: string; staff: string; measure: string; result: string; userId: string; at: Date }): Promise<void> {
    await em.query(`INSERT INTO vessel_persuasion (id, town_id, case_id, date, staff, measure, result, created_by, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`, [
      p.id, p.townId, p.caseId, p.date, p.staff, p.measure, p.result, p.userId, p.at,
    ]);
  }

  /** The state of a campaign a case may join. */
  async campaignState(em: EntityManager, id: string): Promise<{ status: string; town_id: string; voided_at: Date | null } | undefined> {
    const [campaign] = await em.query(`SELECT status, town_id, voided_at FROM campaign WHERE id = $1`, [id]);
    return campaign;
  }

  /** A vessel's own during/after photos or video, or its campaign's evidence, count. */
  async hasDismantlingEvidence(em: EntityManager, caseId: string, campaignId: string | null): Promise<boolean> {
    const [row] = await em.query(
      `SELECT EXISTS (SELECT 1 FROM attachment WHERE removed_at IS NULL AND (
         (ledger = 'vessel-case' AND record_id = $1 AND stage = ANY($3::varchar[])) OR (ledger = 'campaign' AND record_id = $2))) AS ok`,
      [caseId, campaignId, DISMANTLING_STAGES],
    );
    return row.ok === true;
  }

  /** Whether the campaign itself holds evidence (then its vessels need none of their own). */
  async campaignHasEvidence(em: EntityManager, campaignId: string): Promise<boolean> {
    const [row] = await em.query(`SELECT EXISTS (SELECT 1 FROM attachment WHERE removed_at IS NULL AND ledger = 'campaign' AND record_id = $1) AS ok`, [campaignId]);
    return row.ok === true;
  }
}
