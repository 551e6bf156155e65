import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ResolvedScope, scopeSql } from '../../access/data-scope';
import { sqlParams, updateVersioned } from '../../ledger-core/records';
import { CampaignListQuery } from './campaign.dto';

export interface CampaignRow {
  id: string;
  town_id: string;
  created_by: string | null;
  number: string;
  date: string;
  place: string;
  agencies: string[];
  status: 'planned' | 'closed';
  closed_at: Date | null;
  remark: string | null;
  voided_at: Date | null;
  version: number;
  vessel_count: number;
  time_zone: string;
}

const SELECT = `SELECT c.*, t.time_zone, (SELECT count(*)::int FROM vessel_case v WHERE v.campaign_id = c.id AND v.voided_at IS NULL) AS vessel_count
  FROM campaign c JOIN org_unit t ON t.id = c.town_id`;

/** Every query of the destruction campaigns. */
@Injectable()
export class CampaignRepository {
  constructor(private readonly ds: DataSource) {}

  async list(scope: ResolvedScope, q: CampaignListQuery, page: { offset: number; limit: number }): Promise<{ rows: CampaignRow[]; total: number }> {
    const params: unknown[] = [];
    const p = sqlParams(params);
    const w = [scopeSql(scope, { town: 'c.town_id', owners: ['c.created_by'] }, params)];
    if (q.townId) w.push(`c.town_id = ${p(q.townId)}`);
    if (q.year) w.push(`extract(year FROM c.date)::int = ${p(q.year)}`);
    if (q.status) w.push(`c.status = ${p(q.status)}`);
    if (q.voided === 'true') w.push('c.voided_at IS NOT NULL');
    if (q.voided === 'false') w.push('c.voided_at IS NULL');
    const where = w.join(' AND ');
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total FROM campaign c WHERE ${where}`, params);
    const rows = await this.ds.query(`${SELECT} WHERE ${where} ORDER BY c.date DESC, c.seq DESC OFFSET ${p(page.offset)} LIMIT ${p(page.limit)}`, params);
    return { rows, total };
  }

  /** One campaign (scope is checked by the caller on the row), optionally locked. */
  async byId(id: string, em: EntityManager = this.ds.manager, lock = false): Promise<CampaignRow | undefined> {
    const [row] = await em.query(`${SELECT} WHERE c.id = $1${lock ? ' FOR UPDATE OF c' : ''}`, [id]);
    return row;
  }

  async insert(em: EntityManager, c: { id: string; townId: string; number: string; year: number; seq: number; at: Date; userId: string; date: string; place: string; agencies: string[]; remark: string | null }): Promise<void> {
    await em.query(
      `INSERT INTO campaign (id, town_id, village_id, number, year, seq, status, registered_at, handler_ids, created_at, created_by, updated_at, updated_by, version, date, place, agencies, remark)
       VALUES ($1,$2,NULL,$3,$4,$5,'planned',$6,'{}',$6,$7,$6,$7,1,$8,$9,$10,$11)`,
      [c.id, c.townId, c.number, c.year, c.seq, c.at, c.userId, c.date, c.place, c.agencies, c.remark],
    );
  }

  update(em: EntityManager, id: string, version: number, set: Record<string, unknown>): Promise<boolean> {
    return updateVersioned(em, 'campaign', id, version, set);
  }
}
