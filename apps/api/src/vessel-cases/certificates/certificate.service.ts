import { Injectable } from '@nestjs/common';
import { CERTIFICATE_DUE_DAYS, CertificateDto, OfficerOption } from '@fazhi/contracts';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { inScope } from '../../access/data-scope';
import { Principal } from '../../access/principal';
import { AppException, invalidFields } from '../../common/app-exception';
import { answerOf, columnsOf } from '../../ledger-core/kit/fields';
import { RegisterKit, RegisterService } from '../../ledger-core/kit/register-service';
import { CertificateCreateDto, CertificateEventDto, CertificateListQuery, ISSUED } from './certificate.dto';
import { CERTIFICATE_EVENT_FIELDS, CERTIFICATE_FIELDS } from './certificate.entities';
import { CertificateFilter, CertificateRepository, CertRow } from './certificate.repository';

/** Days between two 'YYYY-MM-DD' dates. */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The answer's fields before its validity; the audit row of an event shows what it may change. */
const head = answerOf<CertRow>()(['id', 'townId', 'officerId', 'officerName', 'number', 'issuedOn', 'expiresOn', 'status']);
const changeable = answerOf<CertRow>()(['number', 'expiresOn', 'status']);

export function certificateValidity(row: { status: string; issuedOn: string; expiresOn: string }, today: string): { validity: CertificateDto['validity']; daysToExpiry: number } {
  const daysToExpiry = daysBetween(today, row.expiresOn);
  if (row.status !== 'valid' || row.issuedOn > today) return { validity: 'inactive', daysToExpiry };
  if (daysToExpiry < 0) return { validity: 'expired', daysToExpiry };
  return { validity: daysToExpiry <= CERTIFICATE_DUE_DAYS ? 'due' : 'ok', daysToExpiry };
}

/** The enforcement certificates (执法证): issued to officers, then renewed, replaced, reviewed or cancelled, each an event. */
@Injectable()
export class CertificateService extends RegisterService<CertRow, CertificateFilter, CertificateDto> {
  constructor(
    kit: RegisterKit,
    private readonly repo: CertificateRepository,
  ) {
    super(kit, repo, { entity: 'certificate', notFound: { zh: '执法证不存在', en: 'Certificate not found' }, unique: { number: { zh: '证号已存在', en: 'The certificate number exists' } } });
  }

  toDto(r: CertRow): CertificateDto {
    const dto = head(r) as CertificateDto;
    const { validity, daysToExpiry } = certificateValidity(r, this.today(r));
    dto.validity = validity;
    dto.daysToExpiry = daysToExpiry;
    dto.events = r.events;
    dto.version = r.version;
    return dto;
  }

  override filter(query: CertificateListQuery): CertificateFilter {
    return { ...query, asOf: this.kit.clock.now() };
  }

  /** Active users in scope who may handle vessel cases: the people certificates are issued to. */
  officers(principal: Principal): Promise<OfficerOption[]> {
    return this.repo.officers(principal.scope);
  }

  async create(principal: Principal, dto: CertificateCreateDto): Promise<CertificateDto> {
    if (dto.expiresOn <= dto.issuedOn) throw invalidFields([{ path: 'expiresOn', code: 'order', message: { zh: '有效期须晚于发证日期', en: 'Must be after the issue date' } }]);
    const townId = await this.repo.userTown(dto.officerId);
    if (!townId || !inScope(principal.scope, { townId })) {
      throw invalidFields([{ path: 'officerId', code: 'not_found', message: { zh: '执法人员不存在或不在您的范围内', en: 'Officer not found or outside your scope' } }]);
    }
    return this.createRow(principal, townId, {
      columns: () => ({ ...columnsOf(CERTIFICATE_FIELDS, ISSUED, dto, true), status: 'valid' }),
      then: (em, id) => this.addEventRow(em, principal, townId, id, { kind: 'apply', date: dto.issuedOn }),
      after: () => dto,
    });
  }

  /** Renew (new expiry), replace (new number), cancel or annual review; each is an event. */
  addEvent(principal: Principal, id: string, dto: CertificateEventDto): Promise<CertificateDto> {
    const set: Record<string, unknown> = {};
    return this.change(principal, id, {
      version: dto.version,
      columns: (_em, before) => {
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
        return set;
      },
      then: async (em, before) => {
        await this.addEventRow(em, principal, before.townId, id, dto);
        await this.audited(em, before, dto.kind, { before: changeable(before), after: set });
      },
    });
  }

  private addEventRow(em: EntityManager, principal: Principal, townId: string, certificateId: string, event: { kind: string; date: string; remark?: string | null }): Promise<void> {
    const columns = columnsOf(CERTIFICATE_EVENT_FIELDS, ['kind', 'date', 'remark'], event, true);
    return this.rows.addChildren(em, 'events', certificateId, [{ id: randomUUID(), town_id: townId, ...columns, created_by: principal.user.id, created_at: this.kit.clock.now() }]);
  }
}
