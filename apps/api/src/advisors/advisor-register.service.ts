import { Injectable } from '@nestjs/common';
import type { AdvisorDto, AdvisorVillageDto } from '@fazhi/contracts';
import { plainDateInZone } from '@fazhi/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { inScope } from '../access/data-scope';
import { Principal } from '../access/principal';
import { AuditService } from '../audit/audit.service';
import { invalidFields, notFound, staleVersion } from '../common/app-exception';
import { Clock } from '../common/clock';
import { isoOrNull } from '../common/dates';
import { RecordPlaces } from '../ledger-core/record-place';
import { updateVersioned } from '../ledger-core/records';
import { OrgUnitEntity } from '../org/org-unit.entity';
import { OrgTreeService } from '../org/org-tree.service';
import { AdvisorAssignmentDto, AdvisorCreateDto, AdvisorListQuery, AdvisorUpdateDto, AdvisorVillageDto as AdvisorVillageBody, AdvisorVillageListQuery } from './advisor.dto';
import { AdvisorRepository, AdvisorRow } from './advisor.repository';

const ADVISOR_NOT_FOUND = { zh: '法律顾问不存在', en: 'Advisor not found' };
const VILLAGE_NOT_FOUND = { zh: '村(社区)不存在', en: 'Village not found' };

/** The registers of the advisor ledger: the advisors with the villages they serve, and each village's room, service list and level. */
@Injectable()
export class AdvisorRegisterService {
  constructor(
    private readonly ds: DataSource,
    private readonly repo: AdvisorRepository,
    private readonly tree: OrgTreeService,
    private readonly places: RecordPlaces,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The villages the caller sees (optionally of one town), in the org tree's order. */
  async villagesInScope(principal: Principal, townId?: string): Promise<OrgUnitEntity[]> {
    const units = await this.tree.byId();
    return [...units.values()]
      .filter((u) => u.level === 'village' && u.townId && (!townId || u.townId === townId) && inScope(principal.scope, { townId: u.townId, villageId: u.id }))
      .sort((a, b) => (a.townId === b.townId ? a.sortOrder - b.sortOrder : (units.get(a.townId!)?.sortOrder ?? 0) - (units.get(b.townId!)?.sortOrder ?? 0)));
  }

  /* ---------- advisors ---------- */

  async list(principal: Principal, q: AdvisorListQuery): Promise<AdvisorDto[]> {
    return this.dtos(await this.repo.advisors(principal.scope, q));
  }

  async get(principal: Principal, id: string): Promise<AdvisorDto> {
    const [row] = await this.repo.advisors(principal.scope, { ids: [id] });
    if (!row) throw notFound(ADVISOR_NOT_FOUND);
    return (await this.dtos([row]))[0];
  }

  async create(principal: Principal, dto: AdvisorCreateDto): Promise<AdvisorDto> {
    const { townId } = await this.places.placeOf(principal, dto.townId, null);
    const assignments = await this.checkAssignments(principal, townId, dto.villages);
    const id = randomUUID();
    const now = this.clock.now();
    const user = principal.user.id;
    await this.ds.transaction(async (em) => {
      await this.checkUser(em, dto.userId ?? null, id);
      await this.repo.insertAdvisor(
        em,
        {
          id,
          town_id: townId,
          name: dto.name,
          law_firm: dto.lawFirm,
          licence_no: dto.licenceNo,
          phone: dto.phone,
          user_id: dto.userId ?? null,
          remark: dto.remark ?? null,
          created_at: now,
          created_by: user,
          updated_at: now,
          updated_by: user,
          version: 1,
        },
        assignments.map((a) => ({ id: randomUUID(), town_id: townId, advisor_id: id, village_id: a.villageId, from_date: a.from, to_date: a.to ?? null })),
      );
      await this.audit.record(em, { action: 'advisor.create', entity: 'advisor', entityId: id, townId, after: { ...dto } });
    });
    return this.get(principal, id);
  }

  async update(principal: Principal, id: string, dto: AdvisorUpdateDto): Promise<AdvisorDto> {
    const before = await this.get(principal, id);
    const assignments = dto.villages ? await this.checkAssignments(principal, before.townId, dto.villages) : null;
    await this.ds.transaction(async (em) => {
      if (dto.userId !== undefined) await this.checkUser(em, dto.userId, id);
      const set: Record<string, unknown> = { updated_at: this.clock.now(), updated_by: principal.user.id };
      const fields: [keyof AdvisorUpdateDto, string][] = [
        ['name', 'name'],
        ['lawFirm', 'law_firm'],
        ['licenceNo', 'licence_no'],
        ['phone', 'phone'],
        ['userId', 'user_id'],
        ['remark', 'remark'],
      ];
      for (const [field, column] of fields) if (dto[field] !== undefined) set[column] = dto[field];
      if (!(await updateVersioned(em, 'advisor', id, dto.version, set))) throw staleVersion();
      if (assignments) {
        await this.repo.replaceAssignments(
          em,
          id,
          assignments.map((a) => ({ id: randomUUID(), town_id: before.townId, advisor_id: id, village_id: a.villageId, from_date: a.from, to_date: a.to ?? null })),
        );
      }
      const { version: _v, ...after } = dto;
      await this.audit.record(em, { action: 'advisor.update', entity: 'advisor', entityId: id, townId: before.townId, before, after });
    });
    return this.get(principal, id);
  }

  private async dtos(rows: AdvisorRow[]): Promise<AdvisorDto[]> {
    const assignments = await this.repo.assignments(rows.map((r) => r.id));
    const units = await this.tree.byId();
    return rows.map((r) => {
      const today = plainDateInZone(this.clock.now(), units.get(r.townId)?.timeZone ?? 'Asia/Shanghai');
      const villages = assignments.filter((a) => a.advisorId === r.id).map((a) => ({ villageId: a.villageId, villageName: a.villageName, from: a.fromDate, to: a.toDate }));
      return {
        id: r.id,
        townId: r.townId,
        townName: r.townName,
        name: r.name,
        lawFirm: r.lawFirm,
        licenceNo: r.licenceNo,
        phone: r.phone,
        villages,
        activeNow: villages.some((v) => v.from <= today && (v.to === null || v.to >= today)),
        userId: r.userId,
        userName: r.userName,
        remark: r.remark,
        version: r.version,
        createdAt: new Date(r.createdAt).toISOString(),
        updatedAt: new Date(r.updatedAt).toISOString(),
      };
    });
  }

  /** Each served village is a village of the advisor's town in the caller's scope, with its dates in order. */
  private async checkAssignments(principal: Principal, townId: string, villages: AdvisorAssignmentDto[]): Promise<AdvisorAssignmentDto[]> {
    const errors = [];
    for (const [i, v] of villages.entries()) {
      const place = await this.places.placeOf(principal, townId, v.villageId).catch(() => null);
      if (!place) errors.push({ path: `villages[${i}].villageId`, code: 'not_found', message: { zh: '村(社区)不存在或不在您的范围内', en: 'Village not found or outside your scope' } });
      if (v.to && v.to < v.from) errors.push({ path: `villages[${i}].to`, code: 'order', message: { zh: '结束日期不能早于开始日期', en: 'Must not be before the start' } });
    }
    if (errors.length) throw invalidFields(errors);
    return villages;
  }

  /** A linked account logs as one advisor only. */
  private async checkUser(em: EntityManager, userId: string | null, advisorId: string): Promise<void> {
    if (!userId) return;
    const [user] = await em.query<{ id: string }[]>(`SELECT id FROM app_user WHERE id = $1`, [userId]);
    const taken = await em.query<{ id: string }[]>(`SELECT id FROM advisor WHERE user_id = $1 AND id <> $2`, [userId, advisorId]);
    if (!user) throw invalidFields([{ path: 'userId', code: 'not_found', message: { zh: '账户不存在', en: 'Account not found' } }]);
    if (taken.length) throw invalidFields([{ path: 'userId', code: 'taken', message: { zh: '该账户已关联其他法律顾问', en: 'The account is linked to another advisor' } }]);
  }

  /* ---------- villages ---------- */

  async villages(principal: Principal, q: AdvisorVillageListQuery, requiredMinutes: number): Promise<AdvisorVillageDto[]> {
    let villages = await this.villagesInScope(principal, q.townId);
    const conditions = { ...q, townId: undefined };
    if (Object.values(conditions).some((v) => v !== undefined)) {
      const matching = await this.repo.villagesMatching(
        villages.map((v) => v.id),
        q,
        requiredMinutes,
      );
      villages = villages.filter((v) => matching.has(v.id));
    }
    return this.villageDtos(villages);
  }

  async village(principal: Principal, villageId: string): Promise<AdvisorVillageDto> {
    const [village] = (await this.villagesInScope(principal)).filter((v) => v.id === villageId);
    if (!village) throw notFound(VILLAGE_NOT_FOUND);
    return (await this.villageDtos([village]))[0];
  }

  async setVillage(principal: Principal, villageId: string, dto: AdvisorVillageBody): Promise<AdvisorVillageDto> {
    const before = await this.village(principal, villageId);
    if (dto.roomOpenedOn && !dto.hasRoom) throw invalidFields([{ path: 'roomOpenedOn', code: 'no_room', message: { zh: '没有法律服务室时不能填写启用日期', en: 'No room, no opening day' } }]);
    const now = this.clock.now();
    const cols = {
      has_room: dto.hasRoom,
      room_address: dto.roomAddress ?? null,
      room_opened_on: dto.roomOpenedOn ?? null,
      service_list_title: dto.serviceListTitle ?? null,
      service_list_version: dto.serviceListVersion ?? null,
      service_list_published_on: dto.serviceListPublishedOn ?? null,
      rule_of_law_level: dto.ruleOfLawLevel,
      rule_of_law_year: dto.ruleOfLawLevel === 'none' ? null : (dto.ruleOfLawYear ?? null),
      updated_at: now,
      updated_by: principal.user.id,
    };
    await this.ds.transaction(async (em) => {
      if (before.version === 0) {
        if (dto.version !== 0) throw staleVersion();
        const inserted = await em.query<unknown[]>(
          `INSERT INTO advisor_village (village_id, town_id, ${Object.keys(cols).join(', ')}, version) VALUES ($1, $2, ${Object.keys(cols)
            .map((_, i) => `$${i + 3}`)
            .join(', ')}, 1) ON CONFLICT (village_id) DO NOTHING RETURNING village_id`,
          [villageId, before.townId, ...Object.values(cols)],
        );
        if (inserted.length === 0) throw staleVersion();
      } else {
        const [r] = await em.query<[unknown[], number]>(
          `UPDATE advisor_village SET ${Object.keys(cols)
            .map((c, i) => `${c} = $${i + 3}`)
            .join(', ')}, version = version + 1 WHERE village_id = $1 AND version = $2 RETURNING village_id`,
          [villageId, dto.version, ...Object.values(cols)],
        );
        if (r.length === 0) throw staleVersion();
      }
      const { version: _v, ...after } = dto;
      await this.audit.record(em, { action: 'advisor-village.update', entity: 'advisor-village', entityId: villageId, townId: before.townId, before, after });
    });
    return this.village(principal, villageId);
  }

  private async villageDtos(villages: OrgUnitEntity[]): Promise<AdvisorVillageDto[]> {
    const ids = villages.map((v) => v.id);
    const units = await this.tree.byId();
    const rows = await this.repo.villageRows(ids);
    const today = plainDateInZone(this.clock.now(), units.get(villages[0]?.townId ?? '')?.timeZone ?? 'Asia/Shanghai');
    const names = await this.repo.advisorNamesOn(ids, today);
    return villages.map((v): AdvisorVillageDto => {
      const r = rows.get(v.id);
      return {
        villageId: v.id,
        villageName: v.name,
        townId: v.townId!,
        townName: units.get(v.townId!)?.name ?? '',
        hasRoom: r?.hasRoom ?? false,
        roomAddress: r?.roomAddress ?? null,
        roomOpenedOn: r?.roomOpenedOn ?? null,
        serviceListTitle: r?.serviceListTitle ?? null,
        serviceListVersion: r?.serviceListVersion ?? null,
        serviceListPublishedOn: r?.serviceListPublishedOn ?? null,
        serviceListDocument: null,
        ruleOfLawLevel: r?.ruleOfLawLevel ?? 'none',
        ruleOfLawYear: r?.ruleOfLawYear ?? null,
        advisorNames: names.get(v.id) ?? [],
        version: r?.version ?? 0,
        updatedAt: isoOrNull(r?.updatedAt),
      };
    });
  }
}
