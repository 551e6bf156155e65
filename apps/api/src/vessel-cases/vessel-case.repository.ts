import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ResolvedScope, scopeSql } from '../access/data-scope';
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

/** Converts a raw row (snake_case) into the entity shape. */
function hydrate(r: Record<string, unknown>): VesselRow {
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    id: r.id,
    townId: r.town_id,
    villageId: r.village_id,
    number: r.number,
    year: r.year,
    seq: r.seq,
    status: r.status,
    registeredAt: r.registered_at,
    handlerIds: r.handler_ids,
    voidedAt: r.voided_at,
    voidReason: r.void_reason,
    voidedBy: r.voided_by,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
    version: r.version,
    discoveredAt: r.discovered_at,
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
    ownerNameEnc: r.owner_name_enc,
    ownerNameIdx: r.owner_name_idx,
    ownerIdEnc: r.owner_id_enc,
    ownerIdIdx: r.owner_id_idx,
    ownerPhoneEnc: r.owner_phone_enc,
    ownerPhoneIdx: r.owner_phone_idx,
    noticeStart: r.notice_start,
    noticeEnd: r.notice_end,
    committedOn: r.committed_on,
    disposal: r.disposal,
    dismantledOn: r.dismantled_on,
    dismantlePlace: r.dismantle_place,
    campaignId: r.campaign_id,
    witnesses: r.witnesses,
    verifiedOn: r.verified_on,
    verifiedBy: r.verified_by,
    handedOverOn: r.handed_over_on,
    externalCaseNo: r.external_case_no,
    remark: r.remark,
    townName: r.townName,
    timeZone: r.timeZone,
    villageName: r.villageName,
    campaignNumber: r.campaignNumber,
    handlerNames: r.handlerNames,
  } as VesselRow;
}

/** Every query of the vessel ledger. Scope is a required argument of every read. */
@Injectable()
export class VesselCaseRepository {
  constructor(private readonly ds: DataSource) {}

  /** The WHERE clause for the list filters; the statistics use the same conditions. */
  where(scope: ResolvedScope, f: VesselFilter, params: unknown[]): string {
    const p = (v: unknown) => {
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
  async update(em: EntityManager, id: string, version: number, set: Record<string, unknown>): Promise<boolean> {
    const cols = Object.keys(set);
    const assignments = cols.map((c, i) => `"${c}" = $${i + 3}`);
    const result = await em.query(
      `UPDATE vessel_case SET ${[...assignments, 'version = version + 1'].join(', ')} WHERE id = $1 AND version = $2`,
      [id, version, ...cols.map((c) => set[c])],
    );
    return result[1] === 1;
  }

  async persuasions(townId: string, caseId: string): Promise<Record<string, unknown>[]> {
    return this.ds.query(`SELECT id, date, staff, measure, result, created_at FROM vessel_persuasion WHERE town_id = $1 AND case_id = $2 ORDER BY date, created_at`, [townId, caseId]);
  }

  /** Handlers without a certificate valid on `date` (all certificates of their town considered). */
  async handlersWithoutValidCertificate(em: EntityManager, handlerIds: string[], date: string): Promise<{ id: string; name: string }[]> {
    if (handlerIds.length === 0) return [];
    return em.query(
      `SELECT u.id, u.display_name AS name FROM app_user u
        WHERE u.id = ANY($1::uuid[]) AND NOT EXISTS (
          SELECT 1 FROM certificate c WHERE c.officer_id = u.id AND c.status = 'valid' AND c.issued_on <= $2::date AND c.expires_on >= $2::date)
        ORDER BY u.display_name`,
      [handlerIds, date],
    );
  }
}
