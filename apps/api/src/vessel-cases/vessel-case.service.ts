import { Injectable } from '@nestjs/common';
import {
  availableTransitions,
  maskIdNumber,
  maskName,
  maskPhone,
  Page,
  UNCLAIMED_NOTICE_DAYS,
  VESSEL_CLOSED_STATUSES,
  VESSEL_STATUS_LABELS,
  VESSEL_TRANSITIONS,
  VesselCaseDetailDto,
  VesselCaseDto,
  VesselStatus,
} from '@fazhi/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '../access/principal';
import { AuditService } from '../audit/audit.service';
import { BilingualFieldError, invalidFields, notFound, staleVersion } from '../common/app-exception';
import { Clock } from '../common/clock';
import { pageOf, toPage } from '../common/pagination';
import { DeadlinesService } from '../ledger-core/deadlines/deadlines.service';
import { NumberingService } from '../ledger-core/numbering/numbering.service';
import { AttachmentsService } from '../ledger-core/attachments/attachments.service';
import { RecordHandle } from '../ledger-core/record-attachments';
import { PersonalDataService } from '../ledger-core/personal-data/personal-data.service';
import { checkPersonalFields } from '../ledger-core/personal-data/personal-fields';
import type { PersonalKind } from '@fazhi/contracts';
import { RecordPlaces } from '../ledger-core/record-place';
import { assertWritableRecord, recordDtoFields } from '../ledger-core/records';
import { RecordLifecycle } from '../ledger-core/status/record-lifecycle';
import { StatusHistoryService } from '../ledger-core/status/status-history.service';
import { GuardFailure, openStep, Workflow } from '../ledger-core/status/transitions';
import { plainDateInZone as dateIn } from '@fazhi/contracts';
import { addCalendarDays as addDays } from '../ledger-core/calendar/working-days';
import { OrgTreeService } from '../org/org-tree.service';
import { CertificateRepository } from './certificates/certificate.repository';
import {
  PersuasionDto,
  TransitionDto,
  UnmaskDto,
  VesselCaseCreateDto,
  VesselCaseUpdateDto,
  VesselListQuery,
  VesselStepData,
  VoidDto,
} from './vessel-case.dto';
import { VesselCaseRepository, VesselFilter, VesselRow } from './vessel-case.repository';

export const LEDGER = 'vessel-case' as const;
/** The unclaimed-vessel notice period, the first user of the core's deadlines. */
export const NOTICE_KIND = 'unclaimed-notice';
const NOT_FOUND = { zh: '船舶案件不存在', en: 'Vessel case not found' };

/** The owner's personal fields: DTO field, kind, column prefix (`<prefix>_enc`, `<prefix>_idx`) and list filter key. */
export const OWNER_FIELDS = [
  { field: 'ownerName', kind: 'name', column: 'owner_name', index: 'ownerNameIdx' },
  { field: 'ownerIdNumber', kind: 'idNumber', column: 'owner_id', index: 'ownerIdIdx' },
  { field: 'ownerPhone', kind: 'phone', column: 'owner_phone', index: 'ownerPhoneIdx' },
] as const satisfies readonly { field: keyof VesselCaseCreateDto; kind: PersonalKind; column: string; index: string }[];

/** Fields stored as they are, by column. */
export const PLAIN_FIELDS: [field: keyof VesselCaseUpdateDto, column: string][] = [
  ['discoveredAt', 'discovered_at'], ['place', 'place'], ['gpsLat', 'gps_lat'], ['gpsLng', 'gps_lng'], ['source', 'source'],
  ['hullMaterial', 'hull_material'], ['lengthM', 'length_m'], ['enginePowerKw', 'engine_power_kw'], ['gearType', 'gear_type'],
  ['gearCount', 'gear_count'], ['marks', 'marks'], ['unclaimed', 'unclaimed'], ['noticeStart', 'notice_start'], ['noticeEnd', 'notice_end'], ['remark', 'remark'],
];

interface GuardContext {
  em: EntityManager;
  row: VesselRow;
  data: VesselStepData;
  today: string;
  viaCampaignClose: boolean;
}

@Injectable()
export class VesselCaseService {
  constructor(
    private readonly ds: DataSource,
    private readonly repo: VesselCaseRepository,
    private readonly tree: OrgTreeService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly numbering: NumberingService,
    private readonly history: StatusHistoryService,
    private readonly personal: PersonalDataService,
    private readonly attachments: AttachmentsService,
    private readonly certificates: CertificateRepository,
    private readonly deadlines: DeadlinesService,
    private readonly places: RecordPlaces,
    private readonly lifecycle: RecordLifecycle,
  ) {}

  /** Decrypted owner fields, masked unless `unmasked`. */
  ownerFields(row: VesselRow, unmasked: boolean): Pick<VesselCaseDto, 'ownerName' | 'ownerIdNumber' | 'ownerPhone'> {
    const name = this.personal.decrypt(row.ownerNameEnc);
    const id = this.personal.decrypt(row.ownerIdEnc);
    const phone = this.personal.decrypt(row.ownerPhoneEnc);
    return unmasked ? { ownerName: name, ownerIdNumber: id, ownerPhone: phone } : { ownerName: maskName(name), ownerIdNumber: maskIdNumber(id), ownerPhone: maskPhone(phone) };
  }

  toDto(row: VesselRow, unmasked = false): VesselCaseDto {
    return {
      ...recordDtoFields<VesselStatus>(row),
      discoveredAt: new Date(row.discoveredAt).toISOString(),
      place: row.place,
      gpsLat: row.gpsLat,
      gpsLng: row.gpsLng,
      source: row.source,
      hullMaterial: row.hullMaterial,
      lengthM: row.lengthM,
      enginePowerKw: row.enginePowerKw,
      gearType: row.gearType,
      gearCount: row.gearCount,
      marks: row.marks,
      unclaimed: row.unclaimed,
      ...this.ownerFields(row, unmasked),
      noticeStart: row.noticeStart,
      noticeEnd: row.noticeEnd,
      committedOn: row.committedOn,
      disposal: row.disposal,
      dismantledOn: row.dismantledOn,
      dismantlePlace: row.dismantlePlace,
      campaignId: row.campaignId,
      campaignNumber: row.campaignNumber,
      witnesses: row.witnesses,
      verifiedOn: row.verifiedOn,
      verifiedBy: row.verifiedBy,
      handedOverOn: row.handedOverOn,
      externalCaseNo: row.externalCaseNo,
      handlerIds: row.handlerIds,
      handlerNames: row.handlerNames,
    };
  }

  /** Turns the list query into repository filters (owner searches go through the blind index). */
  filter(query: VesselListQuery): VesselFilter {
    return this.personal.indexSearch(query, Object.fromEntries(OWNER_FIELDS.map((o) => [o.field, [o.index, o.kind]])));
  }

  async list(principal: Principal, query: VesselListQuery): Promise<Page<VesselCaseDto>> {
    const { page, pageSize, offset } = pageOf(query);
    const { rows, total } = await this.repo.list(principal.scope, this.filter(query), { offset, limit: pageSize });
    return toPage(rows.map((r) => this.toDto(r)), total, page, pageSize);
  }

  async visible(principal: Principal, id: string, em?: EntityManager, lock = false): Promise<VesselRow> {
    const row = await this.repo.findInScope(principal.scope, id, em, lock);
    if (!row) throw notFound(NOT_FOUND);
    return row;
  }

  async get(principal: Principal, id: string): Promise<VesselCaseDetailDto> {
    const row = await this.visible(principal, id);
    const [persuasions, history, attachments, campaignAttachments, deadlines] = await Promise.all([
      this.repo.persuasions(row.townId, id),
      this.history.list(LEDGER, id, row.townId),
      this.attachments.list(LEDGER, id, row.townId),
      row.campaignId ? this.attachments.list('campaign', row.campaignId, row.townId) : Promise.resolve([]),
      this.deadlines.forRecord(LEDGER, id, row.townId),
    ]);
    const notice = deadlines.find((d) => d.kind === NOTICE_KIND);
    const today = dateIn(this.clock.now(), row.timeZone);
    const transitions = row.voidedAt
      ? []
      : availableTransitions(VESSEL_TRANSITIONS, row.status as VesselStatus, principal.permissions)
          .filter((r) => r.guard !== 'onlyByCampaignClose')
          .map((r) => ({ to: r.to, label: r.label, requires: [...(r.requires ?? [])] }));
    return {
      ...this.toDto(row),
      persuasions: persuasions.map((p) => ({
        id: p.id as string,
        date: p.date as string,
        staff: p.staff as string,
        measure: p.measure as VesselCaseDetailDto['persuasions'][number]['measure'],
        result: p.result as string,
        createdAt: new Date(p.created_at as string).toISOString(),
      })),
      history,
      attachments,
      campaignAttachments,
      deadline: notice ? this.deadlines.status(notice, today) : null,
      transitions,
    };
  }

  async create(principal: Principal, dto: VesselCaseCreateDto): Promise<VesselCaseDto> {
    const { townId, villageId } = await this.placeOf(principal, dto.townId, dto.villageId ?? null);
    this.checkPersonal(dto);
    const now = this.clock.now();
    const town = (await this.tree.byId()).get(townId)!;
    const id = randomUUID();
    await this.ds.transaction(async (em) => {
      const handlerIds = await this.checkHandlers(em, principal, townId, dto.handlerIds, dateIn(now, town.timeZone));
      const { number, year, seq } = await this.numbering.next(em, LEDGER, townId, now);
      const noticeEnd = dto.unclaimed && dto.noticeStart ? addDays(dto.noticeStart, UNCLAIMED_NOTICE_DAYS) : (dto.noticeEnd ?? null);
      const row: Record<string, unknown> = {
        id, town_id: townId, village_id: villageId, number, year, seq, status: 'registered', registered_at: now, handler_ids: handlerIds,
        created_at: now, created_by: principal.user.id, updated_at: now, updated_by: principal.user.id, version: 1, unclaimed: false,
      };
      for (const [field, column] of PLAIN_FIELDS) row[column] = (dto as VesselCaseUpdateDto)[field] ?? row[column] ?? null;
      for (const o of OWNER_FIELDS) Object.assign(row, this.personal.columns(o.column, o.kind, dto[o.field]));
      await this.repo.insert(em, { ...row, notice_end: noticeEnd });
      await this.history.record(em, { townId, ledger: LEDGER, recordId: id, from: null, to: 'registered', at: now });
      if (dto.unclaimed && dto.noticeStart) {
        await this.deadlines.open(em, {
          townId, villageId, ledger: LEDGER, recordId: id, kind: NOTICE_KIND, title: `${number} 无主船舶公告`,
          days: UNCLAIMED_NOTICE_DAYS, unit: 'calendar', startDate: dto.noticeStart, assigneeIds: handlerIds.length ? handlerIds : [principal.user.id],
        });
      }
      const after = await this.repo.findInScope(principal.scope, id, em);
      await this.audit.record(em, { action: 'vessel-case.create', entity: LEDGER, entityId: id, townId, after: this.toDto(after!) });
    });
    return this.toDto((await this.repo.findInScope(principal.scope, id))!);
  }

  async update(principal: Principal, id: string, dto: VesselCaseUpdateDto): Promise<VesselCaseDto> {
    this.checkPersonal(dto);
    await this.ds.transaction(async (em) => {
      const before = await this.visible(principal, id, em);
      this.assertWritable(before);
      const set: Record<string, unknown> = { updated_at: this.clock.now(), updated_by: principal.user.id };
      if (dto.villageId !== undefined) set.village_id = (await this.placeOf(principal, before.townId, dto.villageId)).villageId;
      for (const [field, column] of PLAIN_FIELDS) if (dto[field] !== undefined) set[column] = dto[field];
      for (const o of OWNER_FIELDS) if (dto[o.field] !== undefined) Object.assign(set, this.personal.columns(o.column, o.kind, dto[o.field]));
      if (dto.handlerIds !== undefined) set.handler_ids = await this.checkHandlers(em, principal, before.townId, dto.handlerIds, dateIn(this.clock.now(), before.timeZone));
      if (dto.noticeStart && dto.noticeEnd === undefined && (dto.unclaimed ?? before.unclaimed)) set.notice_end = addDays(dto.noticeStart, UNCLAIMED_NOTICE_DAYS);
      if (!(await this.repo.update(em, id, dto.version, set))) throw staleVersion();
      const after = (await this.repo.findInScope(principal.scope, id, em))!;
      await this.audit.record(em, { action: 'vessel-case.update', entity: LEDGER, entityId: id, townId: before.townId, before: this.toDto(before), after: this.toDto(after) });
    });
    return this.toDto((await this.repo.findInScope(principal.scope, id))!);
  }

  async addPersuasion(principal: Principal, id: string, dto: PersuasionDto): Promise<VesselCaseDetailDto> {
    await this.ds.transaction(async (em) => {
      const row = await this.visible(principal, id, em);
      this.assertWritable(row);
      if (!(await this.repo.update(em, id, dto.version, { updated_at: this.clock.now(), updated_by: principal.user.id }))) throw staleVersion();
      const entry = { id: randomUUID(), date: dto.date, staff: dto.staff, measure: dto.measure, result: dto.result };
      await this.repo.insertPersuasion(em, { ...entry, townId: row.townId, caseId: id, userId: principal.user.id, at: this.clock.now() });
      await this.audit.record(em, { action: 'vessel-case.persuasion.create', entity: LEDGER, entityId: id, townId: row.townId, after: entry });
    });
    return this.get(principal, id);
  }

  /** Applies one step of the transition table with its data, atomically. */
  async transition(principal: Principal, id: string, dto: TransitionDto): Promise<VesselCaseDetailDto> {
    await this.ds.transaction((em) => this.step(em, principal, id, dto, false));
    return this.get(principal, id);
  }

  /** One step inside the caller's transaction (campaign close uses it for each of its vessels). */
  async step(em: EntityManager, principal: Principal, id: string, dto: TransitionDto, viaCampaignClose: boolean): Promise<void> {
    const row = await this.visible(principal, id, em, true);
    const now = this.clock.now();
    const { rule, data } = await openStep(this.workflow, {
      row,
      request: dto,
      permissions: principal.permissions,
      now,
      context: (data, today) => ({ em, row, data, today, viaCampaignClose }),
    });
    const set: Record<string, unknown> = { status: rule.to, updated_at: now, updated_by: principal.user.id };
    switch (rule.to) {
      case 'persuading':
        if (row.status === 'in_campaign') set.campaign_id = null;
        break;
      case 'owner_committed':
        set.committed_on = data.committedOn;
        break;
      case 'self_dismantled':
        Object.assign(set, { disposal: 'self', dismantled_on: data.dismantledOn, dismantle_place: data.dismantlePlace, witnesses: data.witnesses ?? row.witnesses });
        break;
      case 'in_campaign':
        set.campaign_id = data.campaignId;
        break;
      case 'dismantled':
        Object.assign(set, { disposal: 'campaign', dismantled_on: data.dismantledOn, dismantle_place: data.dismantlePlace, witnesses: data.witnesses ?? row.witnesses });
        break;
      case 'verified':
        Object.assign(set, { verified_on: data.verifiedOn, verified_by: data.verifiedBy });
        break;
      case 'handed_over':
        Object.assign(set, { disposal: 'handed_over', handed_over_on: data.handedOverOn, external_case_no: data.externalCaseNo });
        break;
    }
    if (!(await this.repo.update(em, id, dto.version, set))) throw staleVersion();
    if (row.status === 'registered') {
      for (const d of await this.deadlines.forRecord(LEDGER, id, row.townId, em)) if (d.kind === NOTICE_KIND && !d.doneAt) await this.deadlines.complete(em, d.id, this.clock.now());
    }
    await this.history.record(em, { townId: row.townId, ledger: LEDGER, recordId: id, from: row.status, to: rule.to, remark: dto.remark ?? null, data: dto.data ?? null });
    await this.audit.record(em, {
      action: 'vessel-case.transition',
      entity: LEDGER,
      entityId: id,
      townId: row.townId,
      before: { status: row.status },
      after: { status: rule.to, ...(dto.data ?? {}) },
      detail: dto.remark ? { remark: dto.remark } : undefined,
    });
  }

  private readonly workflow: Workflow<VesselStatus, VesselStepData, GuardContext> = {
    table: VESSEL_TRANSITIONS,
    labels: VESSEL_STATUS_LABELS,
    stepData: VesselStepData,
    guards: {
      dismantlingEvidenceAndCertificate: async (c: GuardContext): Promise<GuardFailure | null> => {
        const date = c.data.dismantledOn!;
        if (date > c.today) return { code: 'DATE_IN_FUTURE', message: { zh: '拆解日期不能晚于今天', en: 'The dismantling date cannot be in the future' } };
        if (!(await this.repo.hasDismantlingEvidence(c.em, c.row.id, c.row.campaignId))) {
          return { code: 'EVIDENCE_REQUIRED', message: { zh: '请先上传拆解过程或拆解后的照片/视频作为证据', en: 'Upload photos or video of the dismantling first' } };
        }
        return this.certificateFailure(c.em, c.row, date);
      },
      noticePeriodOver: (c: GuardContext): GuardFailure | null => {
        if (!c.row.unclaimed || !c.row.noticeEnd) return { code: 'NOTICE_REQUIRED', message: { zh: '只有已公告的无主船舶才能认定为无主', en: 'Only vessels with a published notice can be declared unclaimed' } };
        if (c.row.noticeEnd >= c.today) return { code: 'NOTICE_PERIOD_RUNNING', message: { zh: `公告期至 ${c.row.noticeEnd} 届满，届满后方可认定`, en: `The notice runs until ${c.row.noticeEnd}` } };
        return null;
      },
      openCampaign: async (c: GuardContext): Promise<GuardFailure | null> => {
        const campaign = await this.repo.campaignState(c.em, c.data.campaignId!);
        if (!campaign || campaign.town_id !== c.row.townId || campaign.voided_at) return { code: 'CAMPAIGN_NOT_FOUND', message: { zh: '集中销毁行动不存在', en: 'Campaign not found' } };
        if (campaign.status !== 'planned') return { code: 'CAMPAIGN_CLOSED', message: { zh: '该集中销毁行动已结束', en: 'The campaign is closed' } };
        return null;
      },
      onlyByCampaignClose: (c: GuardContext): GuardFailure | null =>
        c.viaCampaignClose ? null : { code: 'USE_CAMPAIGN_CLOSE', message: { zh: '已纳入集中销毁行动的船舶，须在结束该行动时统一登记拆解', en: 'Campaign vessels are dismantled by closing the campaign' } },
    },
  };

  /** Every handler must hold a certificate valid on the date; at least one handler is needed. */
  async certificateFailure(em: EntityManager, row: VesselRow, date: string): Promise<GuardFailure | null> {
    if (row.handlerIds.length === 0) return { code: 'HANDLER_REQUIRED', message: { zh: '请先指定持有效执法证的承办人', en: 'Assign a handler with a valid certificate first' } };
    const invalid = await this.certificates.withoutValidCertificate(em, row.handlerIds, date);
    if (invalid.length === 0) return null;
    const names = invalid.map((h) => h.name);
    return {
      code: 'CERTIFICATE_INVALID',
      message: { zh: `承办人 ${names.join('、')} 在 ${date} 没有有效执法证`, en: `Handler ${names.join(', ')} has no valid certificate on ${date}` },
    };
  }

  async voidCase(principal: Principal, id: string, dto: VoidDto): Promise<VesselCaseDto> {
    await this.ds.transaction(async (em) => {
      const row = await this.visible(principal, id, em);
      await this.lifecycle.voidRecord(em, { table: 'vessel_case', ledger: LEDGER, row, closedStatuses: VESSEL_CLOSED_STATUSES, version: dto.version, reason: dto.reason, userId: principal.user.id });
    });
    return this.toDto((await this.repo.findInScope(principal.scope, id))!);
  }

  /** A closed record goes back to the state it was closed from; logged and audited. */
  async reopen(principal: Principal, id: string, dto: VoidDto): Promise<VesselCaseDto> {
    await this.ds.transaction(async (em) => {
      const row = await this.visible(principal, id, em);
      await this.lifecycle.reopenRecord(em, {
        table: 'vessel_case', ledger: LEDGER, row, closedStatuses: VESSEL_CLOSED_STATUSES, version: dto.version, reason: dto.reason, userId: principal.user.id,
        clear: () => ({
          ...(row.status === 'verified' ? { verified_on: null, verified_by: null } : {}),
          ...(row.status === 'handed_over' ? { disposal: null, handed_over_on: null } : {}),
        }),
      });
    });
    return this.toDto((await this.repo.findInScope(principal.scope, id))!);
  }

  async unmask(principal: Principal, id: string, dto: UnmaskDto): Promise<Partial<Pick<VesselCaseDto, 'ownerName' | 'ownerIdNumber' | 'ownerPhone'>>> {
    const row = await this.visible(principal, id);
    const plain = this.ownerFields(row, true);
    const out: Partial<Pick<VesselCaseDto, 'ownerName' | 'ownerIdNumber' | 'ownerPhone'>> = {};
    for (const f of dto.fields) out[f] = plain[f];
    await this.ds.transaction((em) =>
      this.audit.record(em, { action: 'vessel-case.unmask', entity: LEDGER, entityId: id, townId: row.townId, detail: { fields: dto.fields, reason: dto.reason } }),
    );
    return out;
  }

  /** The case as a record that takes evidence (attachments carry and bump its version). */
  recordHandle(principal: Principal, id: string): RecordHandle {
    return {
      ledger: LEDGER,
      recordId: id,
      userId: principal.user.id,
      lock: async (em) => {
        const row = await this.visible(principal, id, em, true);
        this.assertWritable(row);
        return { townId: row.townId, version: row.version };
      },
      bump: (em, version) => this.repo.update(em, id, version, { updated_at: this.clock.now(), updated_by: principal.user.id }),
    };
  }

  assertWritable(row: VesselRow): void {
    assertWritableRecord(row, VESSEL_CLOSED_STATUSES);
  }

  /** The town and village of a record, both within the caller's scope. */
  placeOf(principal: Principal, townId: string | undefined, villageId: string | null): Promise<{ townId: string; villageId: string | null }> {
    return this.places.placeOf(principal, townId, villageId);
  }

  checkPersonal(dto: Partial<Record<(typeof OWNER_FIELDS)[number]['field'], string | null>>): void {
    checkPersonalFields(OWNER_FIELDS.map((o) => ({ path: o.field, kind: o.kind, value: dto[o.field] })));
  }

  /** Handlers must be officers of the town holding a valid certificate today; default: the creator if they hold one. */
  async checkHandlers(em: EntityManager, principal: Principal, townId: string, requested: string[] | undefined, today: string): Promise<string[]> {
    const ids = requested ?? [principal.user.id];
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const found = await this.certificates.officersAmong(em, unique);
    const invalid = await this.certificates.withoutValidCertificate(em, unique, today);
    if (requested === undefined) return found.length && invalid.length === 0 ? unique : [];
    const errors: BilingualFieldError[] = [];
    unique.forEach((id, i) => {
      const user = found.find((f) => f.id === id);
      if (!user || user.town_id !== townId) errors.push({ path: `handlerIds[${i}]`, code: 'not_found', message: { zh: '承办人须为本镇执法人员', en: 'Handlers must be enforcement officers of the town' } });
      else if (invalid.some((v) => v.id === id)) errors.push({ path: `handlerIds[${i}]`, code: 'certificate', message: { zh: '承办人没有有效的执法证', en: 'The handler has no valid enforcement certificate' } });
    });
    if (errors.length) throw invalidFields(errors);
    return unique;
  }
}

