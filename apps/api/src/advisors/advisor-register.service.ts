import { Injectable } from '@nestjs/common';
import type { AdvisorDto, AdvisorServiceListDto, AdvisorVillageDto, LedgerType } from '@fazhi/contracts';
import type { Request, Response } from 'express';
import { plainDateInZone } from '@fazhi/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { inScope } from '../access/data-scope';
import { Principal } from '../access/principal';
import { AuditService } from '../audit/audit.service';
import { BilingualFieldError, invalidFields, notFound, staleVersion } from '../common/app-exception';
import { Clock } from '../common/clock';
import { isCalendarDateText, isoOrNull } from '../common/dates';
import { AttachmentsService, toAttachmentDto } from '../ledger-core/attachments/attachments.service';
import { multipartVersion } from '../ledger-core/attachments/multipart';
import { columnsOf } from '../ledger-core/kit/fields';
import { RegisterKit, registerRowEnd, RegisterService } from '../ledger-core/kit/register-service';
import { RecordAttachments } from '../ledger-core/record-attachments';
import { OrgUnitEntity } from '../org/org-unit.entity';
import { OrgTreeService } from '../org/org-tree.service';
import { AdvisorAssignmentDto, AdvisorCreateDto, AdvisorUpdateDto, AdvisorVillageDto as AdvisorVillageBody, AdvisorVillageListQuery, VILLAGE } from './advisor.dto';
import { VILLAGE_FIELDS } from './advisor.entities';
import { AdvisorFilter, AdvisorRegisterRepository, AdvisorRegisterRow } from './advisor-register.repository';
import { AdvisorRepository, ServiceListRow } from './advisor.repository';

const VILLAGE_NOT_FOUND = { zh: '村(社区)不存在', en: 'Village not found' };
const SERVICE_LIST_NOT_FOUND = { zh: '服务清单不存在', en: 'Service list not found' };
/** The attachments' owner key of a village's documents (the record is the village). */
const VILLAGE_LEDGER = 'advisor-village' as LedgerType;
/** What a published service list may be: a PDF, a Word document or a photo/scan. */
const SERVICE_LIST_TYPES = new Set([
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/msword',
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'image/heif',
]);

function serviceListDto(r: ServiceListRow): AdvisorServiceListDto {
  return {
    id: r.listId,
    villageId: r.listVillageId,
    listVersion: r.listVersion,
    publishedOn: r.publishedOn,
    document: toAttachmentDto(r),
    createdAt: new Date(r.listCreatedAt).toISOString(),
    createdBy: r.listCreatedBy,
    createdByName: r.listCreatedByName,
  };
}

/** The fields a body writes as they are (the phone encrypted and blind-indexed). */
const FIELDS = ['name', 'lawFirm', 'licenceNo', 'phone', 'userId', 'remark'] as const;

/** The advisor register (法律顾问名册): the advisors, their business phones (personal data) and the villages they serve. */
@Injectable()
export class AdvisorRegisterService extends RegisterService<AdvisorRegisterRow, AdvisorFilter, AdvisorDto> {
  constructor(
    kit: RegisterKit,
    private readonly advisors: AdvisorRegisterRepository,
  ) {
    super(kit, advisors, { entity: 'advisor', notFound: { zh: '法律顾问不存在', en: 'Advisor not found' }, personal: { phone: 'phone' } });
  }

  toDto(row: AdvisorRegisterRow): AdvisorDto {
    const { id, townId, townName, name, lawFirm, licenceNo, villages } = row;
    const today = this.today(row);
    const activeNow = villages.some((v) => v.from <= today && (v.to === null || v.to >= today));
    return registerRowEnd(row, activeNow, { id, townId, townName, name, lawFirm, licenceNo, phone: this.personal(row, 'phone')!, villages });
  }

  async create(principal: Principal, dto: AdvisorCreateDto): Promise<AdvisorDto> {
    const { townId } = await this.kit.places.placeOf(principal, dto.townId, null);
    const villages = await this.checkAssignments(principal, townId, dto.villages);
    return this.createRow(principal, townId, {
      columns: async (em) => {
        if (dto.userId) await this.checkUser(em, townId, dto.userId, null);
        return this.columnsOf(dto, FIELDS, null);
      },
      then: (em, id) => this.rows.addChildren(em, 'villages', id, this.assignmentRows(townId, villages)),
    });
  }

  update(principal: Principal, id: string, dto: AdvisorUpdateDto): Promise<AdvisorDto> {
    return this.updateRow(principal, id, dto.version, async (em, before) => {
      if (dto.userId) await this.checkUser(em, before.townId, dto.userId, id);
      if (dto.villages) await this.rows.replaceChildren(em, 'villages', id, this.assignmentRows(before.townId, await this.checkAssignments(principal, before.townId, dto.villages)));
      return this.columnsOf(dto, FIELDS);
    });
  }

  private assignmentRows(townId: string, villages: AdvisorAssignmentDto[]): Record<string, unknown>[] {
    return villages.map((a) => ({ id: randomUUID(), town_id: townId, village_id: a.villageId, from_date: a.from, to_date: a.to ?? null }));
  }

  /** Each served village is a village of the advisor's town in the caller's scope, with its dates in order. */
  private async checkAssignments(principal: Principal, townId: string, villages: AdvisorAssignmentDto[]): Promise<AdvisorAssignmentDto[]> {
    const errors = [];
    for (const [i, v] of villages.entries()) {
      const place = await this.kit.places.placeOf(principal, townId, v.villageId).catch(() => null);
      if (!place) errors.push({ path: `villages[${i}].villageId`, code: 'not_found', message: { zh: '村(社区)不存在或不在您的范围内', en: 'Village not found or outside your scope' } });
      if (v.to && v.to < v.from) errors.push({ path: `villages[${i}].to`, code: 'order', message: { zh: '结束日期不能早于开始日期', en: 'Must not be before the start' } });
    }
    if (errors.length) throw invalidFields(errors);
    return villages;
  }

  /** A linked account is an active account of the town and logs as one advisor only. */
  private async checkUser(em: EntityManager, townId: string, userId: string, advisorId: string | null): Promise<void> {
    await this.checkAccount(em, townId, userId);
    if (await this.advisors.linkedTo(userId, advisorId ?? randomUUID(), em))
      throw invalidFields([{ path: 'userId', code: 'taken', message: { zh: '该账户已关联其他法律顾问', en: 'The account is linked to another advisor' } }]);
  }
}

/** Each village's legal-service room, published service list and 民主法治村 level. */
@Injectable()
export class AdvisorVillageService {
  constructor(
    private readonly ds: DataSource,
    private readonly repo: AdvisorRepository,
    private readonly tree: OrgTreeService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly attachments: AttachmentsService,
    private readonly recordAttachments: RecordAttachments,
  ) {}

  /** The villages the caller sees (optionally of one town), in the org tree's order. */
  async villagesInScope(principal: Principal, townId?: string): Promise<OrgUnitEntity[]> {
    const units = await this.tree.byId();
    return [...units.values()]
      .filter((u) => u.level === 'village' && u.townId && (!townId || u.townId === townId) && inScope(principal.scope, { townId: u.townId, villageId: u.id }))
      .sort((a, b) => (a.townId === b.townId ? a.sortOrder - b.sortOrder : (units.get(a.townId!)?.sortOrder ?? 0) - (units.get(b.townId!)?.sortOrder ?? 0)));
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
      ...columnsOf(VILLAGE_FIELDS, VILLAGE, dto, true),
      rule_of_law_year: dto.ruleOfLawLevel === 'none' ? null : (dto.ruleOfLawYear ?? null),
      updated_at: now,
      updated_by: principal.user.id,
    };
    await this.ds.transaction(async (em) => {
      if (!(await this.repo.saveVillage(em, villageId, before.townId, dto.version, cols))) throw staleVersion();
      const after = Object.fromEntries(VILLAGE.map((k) => [k, dto[k] ?? null]));
      await this.audit.record(em, { action: 'advisor-village.update', entity: 'advisor-village', entityId: villageId, townId: before.townId, before, after });
    });
    return this.village(principal, villageId);
  }

  /** Every version of the village's published service list, newest first (404 for a village outside the scope). */
  async serviceLists(principal: Principal, villageId: string): Promise<AdvisorServiceListDto[]> {
    await this.village(principal, villageId);
    return (await this.repo.serviceLists([villageId])).map(serviceListDto);
  }

  /**
   * Publishes a new version of the village's service list: one pdf, Word or image file with its
   * version label and publication day, checked like every upload. The village's attributes
   * (their `version`) then name it as the published list; older versions stay listed.
   */
  async publishServiceList(principal: Principal, villageId: string, req: Request): Promise<AdvisorVillageDto> {
    const village = await this.village(principal, villageId).catch((e: unknown) => {
      req.resume();
      throw e;
    });
    const uploads = await this.attachments.receive(req, { fields: ['version', 'listVersion', 'publishedOn'], maxFiles: 1 });
    try {
      const fields = uploads[0]?.fields ?? {};
      const version = multipartVersion(fields, { zh: '请随文件提交村(社区)信息的版本号', en: 'Send the village attributes’ version with the file' });
      const listVersion = fields.listVersion?.trim() ?? '';
      const publishedOn = fields.publishedOn?.trim() ?? '';
      const errors: BilingualFieldError[] = [];
      if (uploads.length !== 1) errors.push({ path: 'file', code: 'required', message: { zh: '请上传一个服务清单文件', en: 'Upload one service list file' } });
      else if (!SERVICE_LIST_TYPES.has(uploads[0].mime))
        errors.push({ path: 'file', code: 'type', message: { zh: '服务清单须为 PDF、Word 文档或图片', en: 'The service list must be a PDF, a Word document or an image' } });
      if (listVersion === '' || listVersion.length > 32)
        errors.push({ path: 'listVersion', code: 'required', message: { zh: '请填写版本(不超过32字)', en: 'Enter the version (at most 32 characters)' } });
      if (!isCalendarDateText(publishedOn)) errors.push({ path: 'publishedOn', code: 'date', message: { zh: '请填写发布日期(YYYY-MM-DD)', en: 'Enter the publication day (YYYY-MM-DD)' } });
      if (errors.length) throw invalidFields(errors);
      const now = this.clock.now();
      const user = principal.user.id;
      await this.ds.transaction(async (em) => {
        if ((await this.repo.lockVillage(em, villageId)) !== version) throw staleVersion();
        const document = await this.attachments.attach(em, { townId: village.townId, ledger: VILLAGE_LEDGER, recordId: villageId, upload: uploads[0], userId: user, stage: 'document' });
        const id = randomUUID();
        await this.repo.insertServiceList(em, {
          id,
          town_id: village.townId,
          village_id: villageId,
          list_version: listVersion,
          published_on: publishedOn,
          attachment_id: document.id,
          created_at: now,
          created_by: user,
        });
        const cols = { service_list_version: listVersion, service_list_published_on: publishedOn, service_list_attachment_id: document.id, updated_at: now, updated_by: user };
        if (!(await this.repo.saveVillage(em, villageId, village.townId, version, cols))) throw staleVersion();
        await this.audit.record(em, {
          action: 'advisor-village.service-list.publish',
          entity: 'advisor-village',
          entityId: villageId,
          townId: village.townId,
          after: { id, listVersion, publishedOn, document },
        });
      });
    } catch (e) {
      await this.attachments.discard(uploads);
      throw e;
    }
    return this.village(principal, villageId);
  }

  /** Sends a version's document (audited) of a village the caller sees. */
  async downloadServiceList(principal: Principal, villageId: string, listId: string, res: Response): Promise<void> {
    await this.village(principal, villageId);
    const [row] = await this.repo.serviceLists([villageId], listId);
    if (!row) throw notFound(SERVICE_LIST_NOT_FOUND);
    await this.recordAttachments.download(res, principal, { ledger: VILLAGE_LEDGER, recordId: villageId, attachmentId: row.id, variant: 'original' });
  }

  private async villageDtos(villages: OrgUnitEntity[]): Promise<AdvisorVillageDto[]> {
    const ids = villages.map((v) => v.id);
    const units = await this.tree.byId();
    const rows = await this.repo.villageRows(ids);
    const today = plainDateInZone(this.clock.now(), units.get(villages[0]?.townId ?? '')?.timeZone ?? 'Asia/Shanghai');
    const names = await this.repo.advisorNamesOn(ids, today);
    const documents = new Map<string, ServiceListRow>();
    for (const l of await this.repo.serviceLists(ids)) if (!documents.has(l.listVillageId)) documents.set(l.listVillageId, l);
    return villages.map((v): AdvisorVillageDto => {
      const r = rows.get(v.id);
      const published = documents.get(v.id);
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
        serviceListDocument: published ? toAttachmentDto(published) : null,
        ruleOfLawLevel: r?.ruleOfLawLevel ?? 'none',
        ruleOfLawYear: r?.ruleOfLawYear ?? null,
        advisorNames: names.get(v.id) ?? [],
        version: r?.version ?? 0,
        updatedAt: isoOrNull(r?.updatedAt),
      };
    });
  }
}
