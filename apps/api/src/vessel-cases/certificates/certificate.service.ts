import { Injectable } from '@nestjs/common';
import { CERTIFICATE_DUE_DAYS, CertificateDto, ErrorCode, OfficerOption, Page, plainDateInZone as dateIn } from '@fazhi/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { inScope } from '../../access/data-scope';
import { Principal } from '../../access/principal';
import { AuditService } from '../../audit/audit.service';
import { AppException, invalidFields, notFound, staleVersion } from '../../common/app-exception';
import { Clock } from '../../common/clock';
import { pageOf, toPage } from '../../common/pagination';
import { CertificateCreateDto, CertificateEventDto, CertificateListQuery } from './certificate.dto';
import { CertificateRepository, CertRow } from './certificate.repository';

const NOT_FOUND = { zh: '执法证不存在', en: 'Certificate not found' };
const LEDGER = 'certificate';

/** Days between two 'YYYY-MM-DD' dates. */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export function certificateValidity(row: { status: string; issuedOn: string; expiresOn: string }, today: string): { validity: CertificateDto['validity']; daysToExpiry: number } {
  const daysToExpiry = daysBetween(today, row.expiresOn);
  if (row.status !== 'valid' || row.issuedOn > today) return { validity: 'inactive', daysToExpiry };
  if (daysToExpiry < 0) return { validity: 'expired', daysToExpiry };
  return { validity: daysToExpiry <= CERTIFICATE_DUE_DAYS ? 'due' : 'ok', daysToExpiry };
}

@Injectable()
export class CertificateService {
  constructor(
    private readonly ds: DataSource,
    private readonly repo: CertificateRepository,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  private toDto(r: CertRow): CertificateDto {
    const today = dateIn(this.clock.now(), r.timeZone);
    return {
      id: r.id,
      townId: r.townId,
      officerId: r.officerId,
      officerName: r.officerName,
      number: r.number,
      issuedOn: r.issuedOn,
      expiresOn: r.expiresOn,
      status: r.status,
      ...certificateValidity(r, today),
      events: r.events,
      version: r.version,
    };
  }

  async list(principal: Principal, q: CertificateListQuery): Promise<Page<CertificateDto>> {
    const { page, pageSize, offset } = pageOf(q);
    const all = (await this.repo.list(principal.scope, q)).map((r) => this.toDto(r)).filter((c) => !q.validity || c.validity === q.validity);
    return toPage(all.slice(offset, offset + pageSize), all.length, page, pageSize);
  }

  /** Active users in scope who may handle vessel cases: the people certificates are issued to. */
  officers(principal: Principal): Promise<OfficerOption[]> {
    return this.repo.officers(principal.scope);
  }

  async get(principal: Principal, id: string, em?: EntityManager): Promise<CertificateDto> {
    return this.toDto(await this.visible(principal, id, em));
  }

  private async visible(principal: Principal, id: string, em?: EntityManager): Promise<CertRow> {
    const row = await this.repo.byId(id, em);
    if (!row || !inScope(principal.scope, { townId: row.townId, ownerIds: [row.officerId, row.createdBy] })) throw notFound(NOT_FOUND);
    return row;
  }

  async create(principal: Principal, dto: CertificateCreateDto): Promise<CertificateDto> {
    if (dto.expiresOn <= dto.issuedOn) throw invalidFields([{ path: 'expiresOn', code: 'order', message: { zh: '有效期须晚于发证日期', en: 'Must be after the issue date' } }]);
    const townId = await this.repo.userTown(dto.officerId);
    if (!townId || !inScope(principal.scope, { townId })) {
      throw invalidFields([{ path: 'officerId', code: 'not_found', message: { zh: '执法人员不存在或不在您的范围内', en: 'Officer not found or outside your scope' } }]);
    }
    const id = randomUUID();
    const now = this.clock.now();
    await this.ds.transaction(async (em) => {
      await this.assertNumberFree(em, townId, dto.number, null);
      await this.repo.insert(em, { id, townId, officerId: dto.officerId, number: dto.number, issuedOn: dto.issuedOn, expiresOn: dto.expiresOn, at: now, userId: principal.user.id });
      await this.addEventRow(em, principal, townId, id, 'apply', dto.issuedOn, null);
      await this.audit.record(em, { action: 'certificate.create', entity: LEDGER, entityId: id, townId, after: dto });
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
        if (!dto.expiresOn || dto.expiresOn <= before.expiresOn) {
          throw invalidFields([{ path: 'expiresOn', code: 'required', message: { zh: '换证须填写晚于原有效期的新有效期', en: 'A renewal needs a later expiry' } }]);
        }
        set.expires_on = dto.expiresOn;
        if (dto.number) set.number = dto.number;
      } else if (dto.kind === 'replace') {
        if (!dto.number) throw invalidFields([{ path: 'number', code: 'required', message: { zh: '补证须填写新证号', en: 'A replacement needs the new number' } }]);
        set.number = dto.number;
      } else if (dto.kind === 'cancel') set.status = 'cancelled';
      if (set.number) await this.assertNumberFree(em, before.townId, set.number as string, id);
      if (!(await this.repo.update(em, id, dto.version, { ...set, updated_at: this.clock.now(), updated_by: principal.user.id }))) throw staleVersion();
      await this.addEventRow(em, principal, before.townId, id, dto.kind, dto.date, dto.remark ?? null);
      await this.audit.record(em, {
        action: `certificate.${dto.kind}`,
        entity: LEDGER,
        entityId: id,
        townId: before.townId,
        before: { number: before.number, expiresOn: before.expiresOn, status: before.status },
        after: set,
      });
    });
    return this.get(principal, id);
  }

  private addEventRow(em: EntityManager, principal: Principal, townId: string, certificateId: string, kind: string, date: string, remark: string | null): Promise<void> {
    return this.repo.insertEvent(em, { id: randomUUID(), townId, certificateId, kind, date, remark, userId: principal.user.id, at: this.clock.now() });
  }

  private async assertNumberFree(em: EntityManager, townId: string, number: string, exceptId: string | null): Promise<void> {
    const holder = await this.repo.idByNumber(em, townId, number);
    if (holder && holder !== exceptId) {
      throw new AppException(409, ErrorCode.DUPLICATE, { zh: '证号已存在', en: 'The certificate number exists' }, [
        { path: 'number', code: 'duplicate', message: { zh: '证号已存在', en: 'The certificate number exists' } },
      ]);
    }
  }
}
