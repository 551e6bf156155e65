import { Injectable } from '@nestjs/common';
import { CertificateDto, OfficerOption } from '@fazhi/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { ResolvedScope, scopeSql } from '../../access/data-scope';
import { sqlParams } from '../../common/sql';
import { camelRow, updateVersioned } from '../../ledger-core/records';
import { CertificateEntity } from './certificate.entities';

export interface CertRow extends CertificateEntity {
  officerName: string;
  timeZone: string;
  events: CertificateDto['events'];
}

const SELECT = `SELECT c.*, u.display_name AS officer_name, t.time_zone,
  COALESCE((SELECT json_agg(json_build_object('kind', e.kind, 'date', e.date, 'remark', e.remark) ORDER BY e.date, e.created_at)
              FROM certificate_event e WHERE e.certificate_id = c.id), '[]') AS events
  FROM certificate c JOIN app_user u ON u.id = c.officer_id JOIN org_unit t ON t.id = c.town_id`;

/** Users who may handle vessel cases (an active role with vessel.write): the people certificates are issued to. */
const MAY_HANDLE = `u.status = 'active' AND EXISTS (SELECT 1 FROM user_role ur JOIN role r ON r.id = ur.role_id WHERE ur.user_id = u.id AND 'vessel.write' = ANY(r.permissions))`;

/** Every query of the certificate register and of the officers who hold certificates. */
@Injectable()
export class CertificateRepository {
  constructor(private readonly ds: DataSource) {}

  async list(scope: ResolvedScope, f: { officerId?: string; townId?: string }): Promise<CertRow[]> {
    const params: unknown[] = [];
    const p = sqlParams(params);
    const w = [scopeSql(scope, { town: 'c.town_id', owners: ['c.officer_id', 'c.created_by'] }, params)];
    if (f.officerId) w.push(`c.officer_id = ${p(f.officerId)}`);
    if (f.townId) w.push(`c.town_id = ${p(f.townId)}`);
    const rows = await this.ds.query<Record<string, unknown>[]>(`${SELECT} WHERE ${w.join(' AND ')} ORDER BY c.expires_on, c.number`, params);
    return rows.map(camelRow<CertRow>);
  }

  async byId(id: string, em: EntityManager = this.ds.manager): Promise<CertRow | undefined> {
    const [row] = await em.query<Record<string, unknown>[]>(`${SELECT} WHERE c.id = $1`, [id]);
    return row && camelRow<CertRow>(row);
  }

  /** Officers in scope, in the org tree's order. */
  officers(scope: ResolvedScope): Promise<OfficerOption[]> {
    const params: unknown[] = [];
    const where = scopeSql(scope, { town: 'u.town_id' }, params);
    return this.ds.query(
      `SELECT u.id, u.display_name AS "displayName", o.name AS "orgUnitName" FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id
        WHERE ${where} AND ${MAY_HANDLE} ORDER BY o.path, u.display_name`,
      params,
    );
  }

  /** Which of `ids` are officers, with their towns. */
  officersAmong(em: EntityManager, ids: string[]): Promise<{ id: string; town_id: string | null }[]> {
    return em.query(`SELECT u.id, u.town_id FROM app_user u WHERE u.id = ANY($1::uuid[]) AND ${MAY_HANDLE}`, [ids]);
  }

  async userTown(id: string): Promise<string | null | undefined> {
    const [user] = await this.ds.query<{ town_id: string | null }[]>(`SELECT town_id FROM app_user WHERE id = $1`, [id]);
    return user ? user.town_id : undefined;
  }

  /** Handlers without a certificate valid on `date` (all certificates of their town considered). */
  async withoutValidCertificate(em: EntityManager, userIds: string[], date: string): Promise<{ id: string; name: string }[]> {
    if (userIds.length === 0) return [];
    return em.query(
      `SELECT u.id, u.display_name AS name FROM app_user u
        WHERE u.id = ANY($1::uuid[]) AND NOT EXISTS (
          SELECT 1 FROM certificate c WHERE c.officer_id = u.id AND c.status = 'valid' AND c.issued_on <= $2::date AND c.expires_on >= $2::date)
        ORDER BY u.display_name`,
      [userIds, date],
    );
  }

  async insert(em: EntityManager, c: { id: string; townId: string; officerId: string; number: string; issuedOn: string; expiresOn: string; at: Date; userId: string }): Promise<void> {
    await em.query(
      `INSERT INTO certificate (id, town_id, officer_id, number, issued_on, expires_on, status, created_at, created_by, updated_at, updated_by, version)
       VALUES ($1,$2,$3,$4,$5,$6,'valid',$7,$8,$7,$8,1)`,
      [c.id, c.townId, c.officerId, c.number, c.issuedOn, c.expiresOn, c.at, c.userId],
    );
  }

  update(em: EntityManager, id: string, version: number, set: Record<string, unknown>): Promise<boolean> {
    return updateVersioned(em, 'certificate', id, version, set);
  }

  async insertEvent(em: EntityManager, e: { id: string; townId: string; certificateId: string; kind: string; date: string; remark: string | null; userId: string; at: Date }): Promise<void> {
    await em.query(`INSERT INTO certificate_event (id, town_id, certificate_id, kind, date, remark, created_by, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`, [
      e.id,
      e.townId,
      e.certificateId,
      e.kind,
      e.date,
      e.remark,
      e.userId,
      e.at,
    ]);
  }

  /** The certificate holding `number` in the town, if any. */
  async idByNumber(em: EntityManager, townId: string, number: string): Promise<string | undefined> {
    const [row] = await em.query<{ id: string }[]>(`SELECT id FROM certificate WHERE town_id = $1 AND number = $2`, [townId, number]);
    return row?.id;
  }
}
