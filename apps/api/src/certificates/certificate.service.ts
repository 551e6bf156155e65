import { Injectable } from '@nestjs/common';
import { CERTIFICATE_DUE_DAYS, CertificateDto, ErrorCode, OfficerOption, Page } from '@fazhi/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { inScope, scopeSql } from '../access/data-scope';
import { Principal } from '../access/principal';
import { AuditService } from '../audit/audit.service';
import { AppException, invalidFields, notFound, staleVersion } from '../common/app-exception';
import { Clock } from '../common/clock';
import { pageOf, toPage } from '../common/pagination';
import { plainDateInZone as dateIn } from '@fazhi/contracts';
import { CertificateCreateDto, CertificateEventDto, CertificateListQuery } from './certificate.dto';

const NOT_FOUND = { zh: '执法证不存在', en: 'Certificate not found' };
const LEDGER = 'certificate';

interface CertRow {
  id: string;
  town_id: string;
  officer_id: string;
  officer_name: string;
  number: string;
  issued_on: string;
  expires_on: string;
  status: CertificateDto['status'];
  version: number;
  time_zone: string;
  events: CertificateDto['events'];
}

const SELECT = `SELECT c.*, u.display_name AS officer_name, t.time_zone,
  COALESCE((SELECT json_agg(json_build_object('kind', e.kind, 'date', e.date, 'remark', e.remark) ORDER BY e.date, e.created_at)
              FROM certificate_event e WHERE e.certificate_id = c.id), '[]') AS events
  FROM certificate c JOIN app_user u ON u.id = c.officer_id JOIN org_unit t ON t.id = c.town_id`;

/** Days between two 'YYYY-MM-DD' dates. */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export function certificateValidity(row: { status: string; issued_on: string; expires_on: string }, today: string): { validity: CertificateDto['validity']; daysToExpiry: number } {
  const daysToExpiry = daysBetween(today, row.expires_on);
  if (row.status !== 'valid' || row.issued_on > today) return { validity: 'inactive', daysToExpiry };
  if (daysToExpiry < 0) return { validity: 'expired', daysToExpiry };
  return { validity: daysToExpiry <= CERTIFICATE_DUE_DAYS ? 'due' : 'ok', daysToExpiry };
}

@Injectable()
export class CertificateService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  private toDto(r: CertRow): CertificateDto {
    const today = dateIn(this.clock.now(), r.time_zone);
    return {
      id: r.id,
      townId: r.town_id,
      officerId: r.officer_id,
      officerName: r.officer_name,
      number: r.number,
      issuedOn: r.issued_on,
      expiresOn: r.expires_on,
      status: r.status,
      ...certificateValidity(r, today),
      events: r.events,
      version: r.version,
    };
  }

  async list(principal: Principal, q: CertificateListQuery): Promise<Page<CertificateDto>> {
    const { page, pageSize, offset } = pageOf(q);
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const w = [scopeSql(principal.scope, { town: 'c.town_id', owners: ['c.officer_id', 'c.created_by'] }, params)];
    if (q.officerId) w.push(`c.officer_id = ${p(q.officerId)}`);
    if (q.townId) w.push(`c.town_id = ${p(q.townId)}`);
    const rows: CertRow[] = await this.ds.query(`${SELECT} WHERE ${w.join(' AND ')} ORDER BY c.expires_on, c.number`, params);
    const all = rows.map((r) => this.toDto(r)).filter((c) => !q.validity || c.validity === q.validity);
    return toPage(all.slice(offset, offset + pageSize), all.length, page, pageSize);
  }

  /** Active users in scope who may handle vessel cases: the people certificates are issued to. */
  async officers(principal: Principal): Promise<OfficerOption[]> {
    const params: unknown[] = [];
    const scope = scopeSql(principal.scope, { town: 'u.town_id' }, params);
    return this.ds.query(
      `SELECT u.id, u.display_name AS "displayName", o.name AS "orgUnitName" FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id
        WHERE ${scope} AND u.status = 'active'
          AND EXISTS (SELECT 1 FROM user_role ur JOIN role r ON r.id = ur.role_id WHERE ur.user_id = u.id AND 'vessel.write' = ANY(r.permissions))
        ORDER BY o.path, u.display_name`,
      params,
    );
  }

  async get(principal: Principal, id: string, em: EntityManager = this.ds.manager): Promise<CertificateDto> {
    return this.toDto(await this.visible(principal, id, em));
  }

  private async visible(principal: Principal, id: string, em: EntityManager = this.ds.manager): Promise<CertRow> {
    const [row] = await em.query(`${SELECT} WHERE c.id = $1`, [id]);
    if (!row || !inScope(principal.scope, { townId: row.town_id, ownerIds: [row.officer_id, row.created_by] })) throw notFound(NOT_FOUND);
    return row;
  }

  async create(principal: Principal, dto: CertificateCreateDto): Promise<CertificateDto> {
    if (dto.expiresOn <= dto.issuedOn) throw invalidFields([{ path: 'expiresOn', code: 'order', message: { zh: '有效期须晚于发证日期', en: 'Must be after the issue date' } }]);
    const [officer] = await this.ds.query(`SELECT id, town_id FROM app_user WHERE id = $1`, [dto.officerId]);
    if (!officer || !officer.town_id || !inScope(principal.scope, { townId: officer.town_id })) {
      throw invalidFields([{ path: 'officerId', code: 'not_found', message: { zh: '执法人员不存在或不在您的范围内', en: 'Officer not found or outside your scope' } }]);
    }
    const id = randomUUID();
    const now = this.clock.now();
    await this.ds.transaction(async (em) => {
      await this.assertNumberFree(em, officer.town_id, dto.number, null);
      await em.query(
        `INSERT INTO certificate (id, town_id, officer_id, number, issued_on, expires_on, status, created_at, created_by, updated_at, updated_by, version)
         VALUES ($1,$2,$3,$4,$5,$6,'valid',$7,$8,$7,$8,1)`,
        [id, officer.town_id, dto.officerId, dto.number, dto.issuedOn, dto.expiresOn, now, principal.user.id],
      );
      await this.insertEvent(em, officer.town_id, id, 'apply', dto.issuedOn, null, principal.user.id);
      await this.audit.record(em, { action: 'certificate.create', entity: LEDGER, entityId: id, townId: officer.town_id, after: dto });
    });
    return this.get(principal, id);
  }

  /** Renew (new expiry), replace (new number), cancel or annual review; each is an event. */
  async addEvent(principal: Principal, id: string, dto: CertificateEventDto): Promise<CertificateDto> {
    await this.ds.transaction(async (em) => {
      const before = await this.visible(principal, id, em);
      const set: Record<string, unknown> = {};
      if (before.status === 'cancelled') throw new AppException(409, 'CERTIFICATE_CANCELLED', { zh: '执法证已注销', en: 'The certificate is cancelled' });
      if (dto.kind === 'renew') {
        if (!dto.expiresOn || dto.expiresOn <= before.expires_on) {
          throw invalidFields([{ path: 'expiresOn', code: 'required', message: { zh: '换证须填写晚于原有效期的新有效期', en: 'A renewal needs a later expiry' } }]);
        }
        set.expires_on = dto.expiresOn;
        if (dto.number) set.number = dto.number;
      } else if (dto.kind === 'replace') {
        if (!dto.number) throw invalidFields([{ path: 'number', code: 'required', message: { zh: '补证须填写新证号', en: 'A replacement needs the new number' } }]);
        set.number = dto.number;
      } else if (dto.kind === 'cancel') set.status = 'cancelled';
      if (set.number) await this.assertNumberFree(em, before.town_id, set.number as string, id);
      const all: Record<string, unknown> = { ...set, updated_at: this.clock.now(), updated_by: principal.user.id };
      const cols = Object.keys(all);
      const result = await em.query(
        `UPDATE certificate SET ${[...cols.map((c, i) => `"${c}" = $${i + 3}`), 'version = version + 1'].join(', ')} WHERE id = $1 AND version = $2`,
        [id, dto.version, ...cols.map((c) => all[c])],
      );
      if (result[1] !== 1) throw staleVersion();
      await this.insertEvent(em, before.town_id, id, dto.kind, dto.date, dto.remark ?? null, principal.user.id);
      await this.audit.record(em, { action: `certificate.${dto.kind}`, entity: LEDGER, entityId: id, townId: before.town_id, before: { number: before.number, expiresOn: before.expires_on, status: before.status }, after: set });
    });
    return this.get(principal, id);
  }

  private async insertEvent(em: EntityManager, townId: string, certificateId: string, kind: string, date: string, remark: string | null, userId: string): Promise<void> {
    await em.query(
      `INSERT INTO certificate_event (id, town_id, certificate_id, kind, date, remark, created_by, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
      [randomUUID(), townId, certificateId, kind, date, remark, userId, this.clock.now()],
    );
  }

  private async assertNumberFree(em: EntityManager, townId: string, number: string, exceptId: string | null): Promise<void> {
    const [row] = await em.query(`SELECT id FROM certificate WHERE town_id = $1 AND number = $2`, [townId, number]);
    if (row && row.id !== exceptId) {
      throw new AppException(409, ErrorCode.DUPLICATE, { zh: '证号已存在', en: 'The certificate number exists' }, [
        { path: 'number', code: 'duplicate', message: { zh: '证号已存在', en: 'The certificate number exists' } },
      ]);
    }
  }
}
