import { Injectable } from '@nestjs/common';
import { PeaceOfficerDto } from '@fazhi/contracts';
import { EntityManager } from 'typeorm';
import { Principal } from '../../access/principal';
import { BilingualFieldError, invalidFields } from '../../common/app-exception';
import { RegisterKit, registerRowEnd, RegisterService } from '../../ledger-core/kit/register-service';
import { answerOf } from '../../ledger-core/kit/fields';
import { OFFICER_KEYS, PeaceOfficerCreateDto, PeaceOfficerUpdateDto } from './peace-officer.dto';
import { PeaceOfficerEntity } from './peace-officer.entity';
import { PeaceOfficerFilter, PeaceOfficerRepository, PeaceOfficerRow } from './peace-officer.repository';

/** The answer's fields before the phone, and those after it up to the register row's end (the answer is built in one object). */
const head = answerOf<PeaceOfficerRow>()(['id', 'townId', 'townName', 'villageId', 'villageName', 'name']);
const period = answerOf<PeaceOfficerRow>()(['activeFrom', 'activeTo']);

/** The peace officer register (平安员名册): who may mediate, where and when. */
@Injectable()
export class PeaceOfficerService extends RegisterService<PeaceOfficerRow, PeaceOfficerFilter, PeaceOfficerDto> {
  constructor(kit: RegisterKit, repo: PeaceOfficerRepository) {
    super(kit, repo, { entity: 'peace-officer', notFound: { zh: '平安员不存在', en: 'Peace officer not found' }, personal: { phone: 'phone' } });
  }

  toDto(row: PeaceOfficerRow): PeaceOfficerDto {
    const today = this.today(row);
    const activeNow = row.activeFrom <= today && (row.activeTo === null || row.activeTo >= today);
    const dto = head(row) as PeaceOfficerDto;
    dto.phone = this.personal(row, 'phone');
    return registerRowEnd(row, activeNow, period(row, dto));
  }

  async create(principal: Principal, dto: PeaceOfficerCreateDto): Promise<PeaceOfficerDto> {
    const { townId, villageId } = await this.kit.places.placeOf(principal, dto.townId, dto.villageId ?? null);
    this.checkPersonal(dto);
    checkPeriod(dto.activeFrom, dto.activeTo ?? null);
    return this.createRow(principal, townId, {
      columns: async (em) => {
        if (dto.userId) await this.checkAccount(em, townId, dto.userId);
        return { village_id: villageId, ...this.columnsOf(dto, OFFICER_KEYS, null) };
      },
    });
  }

  update(principal: Principal, id: string, dto: PeaceOfficerUpdateDto): Promise<PeaceOfficerDto> {
    this.checkPersonal(dto);
    return this.updateRow(principal, id, dto.version, async (em, before) => {
      checkPeriod(dto.activeFrom ?? before.activeFrom, dto.activeTo !== undefined ? dto.activeTo : before.activeTo);
      const set = this.columnsOf(dto, OFFICER_KEYS);
      if (dto.villageId !== undefined) set.village_id = (await this.kit.places.placeOf(principal, before.townId, dto.villageId)).villageId;
      if (dto.userId) await this.checkAccount(em, before.townId, dto.userId);
      return set;
    });
  }

  /**
   * Checks that mediators are register rows of the town active on `date`; answers their ids
   * (deduplicated, in order) or a 400 naming each that is not.
   */
  async checkMediators(em: EntityManager, townId: string, ids: string[], date: string, path = 'mediatorIds'): Promise<string[]> {
    const unique = [...new Set(ids)];
    const found = await this.rows.ofTown<PeaceOfficerEntity>(em, townId, unique);
    const errors: BilingualFieldError[] = [];
    unique.forEach((id, i) => {
      const o = found.find((f) => f.id === id);
      if (!o) errors.push({ path: `${path}[${i}]`, code: 'not_found', message: { zh: '调解员须为本镇平安员名册中的人员', en: 'Mediators must be on the town’s peace officer register' } });
      else if (o.activeFrom > date || (o.activeTo !== null && o.activeTo < date)) {
        errors.push({ path: `${path}[${i}]`, code: 'inactive', message: { zh: `${o.name} 在 ${date} 不在任`, en: `${o.name} is not active on ${date}` } });
      }
    });
    if (errors.length) throw invalidFields(errors);
    return unique;
  }

  /** The names and linked user accounts of register rows, in the order of `ids`. */
  async describe(em: EntityManager, townId: string, ids: string[]): Promise<{ names: string[]; userIds: string[] }> {
    const found = await this.rows.ofTown<PeaceOfficerEntity>(em, townId, ids);
    const ordered = ids.map((id) => found.find((f) => f.id === id)).filter((o): o is NonNullable<typeof o> => o !== undefined);
    return { names: ordered.map((o) => o.name), userIds: [...new Set(ordered.map((o) => o.userId).filter((u): u is string => u !== null))] };
  }
}

function checkPeriod(from: string, to: string | null): void {
  if (to !== null && to < from) throw invalidFields([{ path: 'activeTo', code: 'order', message: { zh: '任职截止日期不能早于起始日期', en: 'Must not be before the start date' } }]);
}
