import { Injectable } from '@nestjs/common';
import { Page, PeaceOfficerDto, UserChoiceDto } from '@fazhi/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '../../access/principal';
import { AuditService } from '../../audit/audit.service';
import { BilingualFieldError, invalidFields, notFound, staleVersion } from '../../common/app-exception';
import { Clock } from '../../common/clock';
import { pageOf, toPage } from '../../common/pagination';
import { PersonalDataService } from '../../ledger-core/personal-data/personal-data.service';
import { checkPersonalFields, maskPersonalValue } from '../../ledger-core/personal-data/personal-fields';
import { RecordPlaces } from '../../ledger-core/record-place';
import { plainDateInZone as dateIn } from '@fazhi/contracts';
import { PeaceOfficerCreateDto, PeaceOfficerListQuery, PeaceOfficerUnmaskDto, PeaceOfficerUpdateDto } from './peace-officer.dto';
import { PeaceOfficerFilter, PeaceOfficerRepository, PeaceOfficerRow } from './peace-officer.repository';

const ENTITY = 'peace-officer';
const NOT_FOUND = { zh: '平安员不存在', en: 'Peace officer not found' };

/** The peace officer register (平安员名册): who may mediate, where and when. */
@Injectable()
export class PeaceOfficerService {
  constructor(
    private readonly ds: DataSource,
    private readonly repo: PeaceOfficerRepository,
    private readonly places: RecordPlaces,
    private readonly personal: PersonalDataService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  toDto(row: PeaceOfficerRow, unmasked = false): PeaceOfficerDto {
    const today = dateIn(this.clock.now(), row.timeZone);
    return {
      id: row.id,
      townId: row.townId,
      townName: row.townName,
      villageId: row.villageId,
      villageName: row.villageName,
      name: row.name,
      phone: maskPersonalValue('phone', this.personal.decrypt(row.phoneEnc), unmasked),
      activeFrom: row.activeFrom,
      activeTo: row.activeTo,
      activeNow: row.activeFrom <= today && (row.activeTo === null || row.activeTo >= today),
      userId: row.userId,
      userName: row.userName,
      remark: row.remark,
      version: row.version,
      createdAt: new Date(row.createdAt).toISOString(),
      updatedAt: new Date(row.updatedAt).toISOString(),
    };
  }

  filter(query: PeaceOfficerListQuery): PeaceOfficerFilter {
    const { phone, ...rest } = query;
    return { ...rest, ...(phone ? { phoneIdx: this.personal.blindIndex('phone', phone) } : {}) };
  }

  async list(principal: Principal, query: PeaceOfficerListQuery): Promise<Page<PeaceOfficerDto>> {
    const { page, pageSize, offset } = pageOf(query);
    const { rows, total } = await this.repo.list(principal.scope, this.filter(query), { offset, limit: pageSize });
    return toPage(
      rows.map((r) => this.toDto(r)),
      total,
      page,
      pageSize,
    );
  }

  private async visible(principal: Principal, id: string, em?: EntityManager, lock = false): Promise<PeaceOfficerRow> {
    const row = await this.repo.findInScope(principal.scope, id, em, lock);
    if (!row) throw notFound(NOT_FOUND);
    return row;
  }

  async get(principal: Principal, id: string): Promise<PeaceOfficerDto> {
    return this.toDto(await this.visible(principal, id));
  }

  /** The town's active accounts a register row may be linked to (the same rule as `checkUser`). */
  async accounts(principal: Principal, townId: string | undefined): Promise<UserChoiceDto[]> {
    const place = await this.places.placeOf(principal, townId, null);
    return this.repo.accounts(place.townId);
  }

  async create(principal: Principal, dto: PeaceOfficerCreateDto): Promise<PeaceOfficerDto> {
    const { townId, villageId } = await this.places.placeOf(principal, dto.townId, dto.villageId ?? null);
    checkPersonalFields([{ path: 'phone', kind: 'phone', value: dto.phone }]);
    checkPeriod(dto.activeFrom, dto.activeTo ?? null);
    const id = randomUUID();
    const now = this.clock.now();
    await this.ds.transaction(async (em) => {
      if (dto.userId) await this.checkUser(em, townId, dto.userId);
      const phone = this.personal.protect('phone', dto.phone);
      await this.repo.insert(em, {
        id,
        town_id: townId,
        village_id: villageId,
        name: dto.name,
        phone_enc: phone.enc,
        phone_idx: phone.idx,
        active_from: dto.activeFrom,
        active_to: dto.activeTo ?? null,
        user_id: dto.userId ?? null,
        remark: dto.remark ?? null,
        created_at: now,
        created_by: principal.user.id,
        updated_at: now,
        updated_by: principal.user.id,
        version: 1,
      });
      const after = (await this.repo.findInScope(principal.scope, id, em))!;
      await this.audit.record(em, { action: 'peace-officer.create', entity: ENTITY, entityId: id, townId, after: this.toDto(after) });
    });
    return this.get(principal, id);
  }

  async update(principal: Principal, id: string, dto: PeaceOfficerUpdateDto): Promise<PeaceOfficerDto> {
    checkPersonalFields([{ path: 'phone', kind: 'phone', value: dto.phone }]);
    await this.ds.transaction(async (em) => {
      const before = await this.visible(principal, id, em, true);
      checkPeriod(dto.activeFrom ?? before.activeFrom, dto.activeTo !== undefined ? dto.activeTo : before.activeTo);
      const set: Record<string, unknown> = { updated_at: this.clock.now(), updated_by: principal.user.id };
      if (dto.villageId !== undefined) set.village_id = (await this.places.placeOf(principal, before.townId, dto.villageId)).villageId;
      for (const [field, column] of [
        ['name', 'name'],
        ['activeFrom', 'active_from'],
        ['activeTo', 'active_to'],
        ['remark', 'remark'],
      ] as const)
        if (dto[field] !== undefined) set[column] = dto[field];
      if (dto.phone !== undefined) Object.assign(set, this.personal.columns('phone', 'phone', dto.phone));
      if (dto.userId !== undefined) {
        if (dto.userId) await this.checkUser(em, before.townId, dto.userId);
        set.user_id = dto.userId;
      }
      if (!(await this.repo.update(em, id, dto.version, set))) throw staleVersion();
      const after = (await this.repo.findInScope(principal.scope, id, em))!;
      await this.audit.record(em, { action: 'peace-officer.update', entity: ENTITY, entityId: id, townId: before.townId, before: this.toDto(before), after: this.toDto(after) });
    });
    return this.get(principal, id);
  }

  async unmask(principal: Principal, id: string, dto: PeaceOfficerUnmaskDto): Promise<{ phone?: string | null }> {
    const row = await this.visible(principal, id);
    await this.ds.transaction((em) => this.audit.record(em, { action: 'peace-officer.unmask', entity: ENTITY, entityId: id, townId: row.townId, detail: { fields: dto.fields, reason: dto.reason } }));
    return { phone: this.personal.decrypt(row.phoneEnc) };
  }

  /**
   * Checks that mediators are register rows of the town active on `date`; answers their ids
   * (deduplicated, in order) or a 400 naming each that is not.
   */
  async checkMediators(em: EntityManager, townId: string, ids: string[], date: string, path = 'mediatorIds'): Promise<string[]> {
    const unique = [...new Set(ids)];
    const found = await this.repo.ofTown(em, townId, unique);
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
    const found = await this.repo.ofTown(em, townId, ids);
    const ordered = ids.map((id) => found.find((f) => f.id === id)).filter((o): o is NonNullable<typeof o> => o !== undefined);
    return { names: ordered.map((o) => o.name), userIds: [...new Set(ordered.map((o) => o.userId).filter((u): u is string => u !== null))] };
  }

  private async checkUser(em: EntityManager, townId: string, userId: string): Promise<void> {
    if (!(await this.repo.isTownAccount(em, townId, userId)))
      throw invalidFields([{ path: 'userId', code: 'not_found', message: { zh: '关联账号须为本镇在用账号', en: 'The linked account must be an active account of the town' } }]);
  }
}

function checkPeriod(from: string, to: string | null): void {
  if (to !== null && to < from) throw invalidFields([{ path: 'activeTo', code: 'order', message: { zh: '任职截止日期不能早于起始日期', en: 'Must not be before the start date' } }]);
}
