import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ResolvedScope, scopeSql } from '../../access/data-scope';
import { sqlParams } from '../../common/sql';
import { camelRow, containsPattern, updateVersioned } from '../../ledger-core/records';
import { insertRows } from '../../ledger-core/kit/record-repository';
import { PeaceOfficerListQuery } from './peace-officer.dto';
import { PeaceOfficerEntity } from './peace-officer.entity';

export interface PeaceOfficerRow extends PeaceOfficerEntity {
  townName: string;
  timeZone: string;
  villageName: string | null;
  userName: string | null;
}

export interface PeaceOfficerFilter extends Omit<PeaceOfficerListQuery, 'phone'> {
  phoneIdx?: string | null;
  ids?: string[];
}

const SELECT = `SELECT p.*, t.name AS "townName", t.time_zone AS "timeZone", vil.name AS "villageName", u.display_name AS "userName"`;
const FROM = `FROM peace_officer p JOIN org_unit t ON t.id = p.town_id LEFT JOIN org_unit vil ON vil.id = p.village_id LEFT JOIN app_user u ON u.id = p.user_id`;
const SORTS: Record<string, string> = {
  name: 'p.name, p.active_from',
  village: 'vil.sort_order NULLS LAST, p.name',
  activeFrom: 'p.active_from DESC, p.name',
};

/** Every query of the peace officer register. Scope is a required argument of every read. */
@Injectable()
export class PeaceOfficerRepository {
  constructor(private readonly ds: DataSource) {}

  where(scope: ResolvedScope, f: PeaceOfficerFilter, params: unknown[]): string {
    const p = sqlParams(params);
    const w = [scopeSql(scope, { town: 'p.town_id', village: 'p.village_id', owners: ['p.created_by', 'p.user_id'] }, params)];
    if (f.townId) w.push(`p.town_id = ${p(f.townId)}`);
    if (f.villageId) w.push(`p.village_id = ${p(f.villageId)}`);
    if (f.activeInYear) {
      const year = p(f.activeInYear);
      w.push(`p.active_from <= make_date(${year}::int, 12, 31) AND (p.active_to IS NULL OR p.active_to >= make_date(${year}::int, 1, 1))`);
    }
    if (f.activeOn) {
      const day = p(f.activeOn);
      w.push(`p.active_from <= ${day}::date AND (p.active_to IS NULL OR p.active_to >= ${day}::date)`);
    }
    if (f.q) w.push(`p.name ILIKE ${p(containsPattern(f.q))}`);
    if (f.phoneIdx !== undefined) w.push(`p.phone_idx = ${p(f.phoneIdx)}`);
    if (f.userId) w.push(`p.user_id = ${p(f.userId)}`);
    if (f.ids) w.push(`p.id = ANY(${p(f.ids)}::uuid[])`);
    return w.join(' AND ');
  }

  async list(scope: ResolvedScope, f: PeaceOfficerFilter, page: { offset: number; limit: number }): Promise<{ rows: PeaceOfficerRow[]; total: number }> {
    const params: unknown[] = [];
    const where = this.where(scope, f, params);
    const [{ total }] = await this.ds.query<{ total: number }[]>(`SELECT count(*)::int AS total ${FROM} WHERE ${where}`, params);
    const p = sqlParams(params);
    const rows = await this.ds.query<Record<string, unknown>[]>(
      `${SELECT} ${FROM} WHERE ${where} ORDER BY ${SORTS[f.sort ?? 'village'] ?? SORTS.village}, p.id OFFSET ${p(page.offset)} LIMIT ${p(page.limit)}`,
      params,
    );
    return { rows: rows.map((r) => camelRow<PeaceOfficerRow>(r)), total };
  }

  async count(scope: ResolvedScope, f: PeaceOfficerFilter): Promise<number> {
    const params: unknown[] = [];
    const [{ n }] = await this.ds.query<{ n: number }[]>(`SELECT count(*)::int AS n ${FROM} WHERE ${this.where(scope, f, params)}`, params);
    return n;
  }

  async findInScope(scope: ResolvedScope, id: string, em: EntityManager = this.ds.manager, lock = false): Promise<PeaceOfficerRow | null> {
    const params: unknown[] = [id];
    const rows = await em.query<Record<string, unknown>[]>(`${SELECT} ${FROM} WHERE p.id = $1 AND ${this.where(scope, {}, params)}${lock ? ' FOR UPDATE OF p' : ''}`, params);
    return rows[0] ? camelRow<PeaceOfficerRow>(rows[0]) : null;
  }

  /** Register rows of a town by id (any scope: the caller checked the record). */
  async ofTown(em: EntityManager, townId: string, ids: string[]): Promise<PeaceOfficerEntity[]> {
    if (ids.length === 0) return [];
    const rows = await em.query<Record<string, unknown>[]>(`SELECT * FROM peace_officer WHERE town_id = $1 AND id = ANY($2::uuid[])`, [townId, ids]);
    return rows.map((r) => camelRow<PeaceOfficerEntity>(r));
  }

  update(em: EntityManager, id: string, version: number, set: Record<string, unknown>): Promise<boolean> {
    return updateVersioned(em, 'peace_officer', id, version, set);
  }

  insert(em: EntityManager, columns: Record<string, unknown>): Promise<void> {
    return insertRows(em, 'peace_officer', [columns]);
  }

  /** The town's active accounts a register row may be linked to. */
  accounts(townId: string): Promise<{ id: string; name: string }[]> {
    return this.ds.query(`SELECT id, display_name AS name FROM app_user WHERE town_id = $1 AND status = 'active' ORDER BY display_name, id`, [townId]);
  }

  /** Whether the user is an active account of the town. */
  async isTownAccount(em: EntityManager, townId: string, userId: string): Promise<boolean> {
    const [user] = await em.query<{ id: string }[]>(`SELECT id FROM app_user WHERE id = $1 AND town_id = $2 AND status = 'active'`, [userId, townId]);
    return user !== undefined;
  }
}
