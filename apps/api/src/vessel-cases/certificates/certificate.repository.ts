import { Injectable } from '@nestjs/common';
import { CERTIFICATE_DUE_DAYS, CertificateDto, OfficerOption } from '@fazhi/contracts';
import { EntityManager } from 'typeorm';
import { ResolvedScope, scopeSql } from '../../access/data-scope';
import { ListFilter } from '../../ledger-core/kit/record-repository';
import { RegisterRepository, registerTable } from '../../ledger-core/kit/register-repository';
import { CertificateListQuery } from './certificate.dto';
import { CertificateEntity } from './certificate.entities';

export interface CertRow extends CertificateEntity {
  officerName: string;
  timeZone: string;
  events: CertificateDto['events'];
}

/** The list query at an instant: validity is counted from that day in each certificate's town. */
export type CertificateFilter = CertificateListQuery & ListFilter & { asOf?: Date };

/** Users who may handle vessel cases (an active role with vessel.write): the people certificates are issued to. */
const MAY_HANDLE = `u.status = 'active' AND EXISTS (SELECT 1 FROM user_role ur JOIN role r ON r.id = ur.role_id WHERE ur.user_id = u.id AND 'vessel.write' = ANY(r.permissions))`;

/** A certificate's validity on the filter's day in its town, as `certificateValidity` tells it. */
function validity(value: string, s: { p: (v: unknown) => string }, f: CertificateFilter): string {
  const today = `(${s.p(f.asOf)}::timestamptz AT TIME ZONE t.time_zone)::date`;
  const active = `c.status = 'valid' AND c.issued_on <= ${today}`;
  const days = `(c.expires_on - ${today})`;
  return (
    { inactive: `NOT (${active})`, expired: `${active} AND ${days} < 0`, due: `${active} AND ${days} BETWEEN 0 AND ${CERTIFICATE_DUE_DAYS}`, ok: `${active} AND ${days} > ${CERTIFICATE_DUE_DAYS}` }[
      value
    ] ?? 'FALSE'
  );
}

/** Every query of the certificate register and of the officers who hold certificates. */
@Injectable()
export class CertificateRepository extends RegisterRepository<CertRow, CertificateFilter> {
  protected readonly spec = registerTable<CertificateFilter>({
    ledger: 'certificate',
    table: 'certificate',
    alias: 'c',
    select: `c.*, u.display_name AS officer_name, t.time_zone`,
    from: `FROM certificate c JOIN app_user u ON u.id = c.officer_id JOIN org_unit t ON t.id = c.town_id`,
    owners: { owners: ['c.officer_id', 'c.created_by'], ownerArrays: [] },
    village: null,
    sorts: { expiry: 'c.expires_on, c.number' },
    defaultSort: 'expiry',
    filters: { officerId: { eq: 'c.officer_id' }, townId: { eq: 'c.town_id' }, validity },
    children: { events: { table: 'certificate_event', parent: 'certificate_id', fields: { kind: 'kind', date: 'date', remark: 'remark' }, order: ['date', 'created_at'] } },
  });

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
}
