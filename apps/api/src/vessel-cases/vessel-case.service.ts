import { Injectable } from '@nestjs/common';
import { findTransition, UNCLAIMED_NOTICE_DAYS, VESSEL_CLOSED_STATUSES, VESSEL_STATUS_LABELS, VESSEL_TRANSITIONS, VesselCaseDetailDto, VesselCaseDto, VesselStatus } from '@fazhi/contracts';
import type { PersuasionEntryDto } from '@fazhi/contracts';
import { EntityManager } from 'typeorm';
import { Principal } from '../access/principal';
import { BilingualFieldError, invalidFields } from '../common/app-exception';
import { AttachmentsService } from '../ledger-core/attachments/attachments.service';
import { addCalendarDays as addDays } from '../ledger-core/calendar/working-days';
import { answerOf, columnsOf } from '../ledger-core/kit/fields';
import { checkPartPersonal, PartField, personalSearch } from '../ledger-core/kit/record-parts';
import { RecordKit, RecordService, StepContext } from '../ledger-core/kit/record-service';
import { PersonalDataService } from '../ledger-core/personal-data/personal-data.service';
import { recordDtoFields } from '../ledger-core/records';
import { GuardFailure, Workflow } from '../ledger-core/status/transitions';
import { CertificateRepository } from './certificates/certificate.repository';
import { REGISTRATION, UnmaskDto, VesselCaseCreateDto, VesselCaseUpdateDto, VesselListQuery, VesselStepData } from './vessel-case.dto';
import { VESSEL_FIELDS } from './vessel-case.entities';
import { PERSUASIONS, VesselCaseRepository, VesselFilter, VesselRow } from './vessel-case.repository';

export const LEDGER = 'vessel-case' as const;
/** The unclaimed-vessel notice period, the first user of the core's deadlines. */
export const NOTICE_KIND = 'unclaimed-notice';

/** The owner's personal fields: encrypted as `<column>_enc`, searched by `<column>_idx`, masked in answers. */
export const OWNER_FIELDS = {
  ownerName: { column: 'owner_name', personal: 'name' },
  ownerIdNumber: { column: 'owner_id', personal: 'idNumber' },
  ownerPhone: { column: 'owner_phone', personal: 'phone' },
} as const satisfies Record<string, PartField>;
type OwnerField = keyof typeof OWNER_FIELDS;

/** Fields stored as they are (the registration's fields but the village, the owner and the handlers). */
export const PLAIN = REGISTRATION.filter((k): k is Exclude<typeof k, 'villageId' | 'handlerIds' | OwnerField> => k in VESSEL_FIELDS);

/** The answer's fields read from the row as they are, in the answer's order (owner fields go between the two lists). */
const rowFields = answerOf<VesselRow>();
const BEFORE_OWNER = rowFields(['place', 'gpsLat', 'gpsLng', 'source', 'hullMaterial', 'lengthM', 'enginePowerKw', 'gearType', 'gearCount', 'marks', 'unclaimed']);
const AFTER_OWNER = rowFields([
  'noticeStart',
  'noticeEnd',
  'committedOn',
  'disposal',
  'dismantledOn',
  'dismantlePlace',
  'campaignId',
  'campaignNumber',
  'witnesses',
  'verifiedOn',
  'verifiedBy',
  'handedOverOn',
  'externalCaseNo',
  'handlerIds',
  'handlerNames',
]);

/** Columns each step sets besides the status. */
const STEP_COLUMNS: Partial<Record<VesselStatus, (d: VesselStepData, row: VesselRow) => Record<string, unknown>>> = {
  persuading: (_, row) => (row.status === 'in_campaign' ? { campaign_id: null } : {}),
  owner_committed: (d) => ({ committed_on: d.committedOn }),
  self_dismantled: (d, row) => ({ disposal: 'self', dismantled_on: d.dismantledOn, dismantle_place: d.dismantlePlace, witnesses: d.witnesses ?? row.witnesses }),
  in_campaign: (d) => ({ campaign_id: d.campaignId }),
  dismantled: (d, row) => ({ disposal: 'campaign', dismantled_on: d.dismantledOn, dismantle_place: d.dismantlePlace, witnesses: d.witnesses ?? row.witnesses }),
  verified: (d) => ({ verified_on: d.verifiedOn, verified_by: d.verifiedBy }),
  handed_over: (d) => ({ disposal: 'handed_over', handed_over_on: d.handedOverOn, external_case_no: d.externalCaseNo }),
};

interface GuardContext extends StepContext<VesselRow, VesselStepData> {
  viaCampaignClose?: boolean;
}

@Injectable()
export class VesselCaseService extends RecordService<VesselStatus, VesselRow, VesselFilter, VesselCaseDto, VesselCaseDetailDto, VesselStepData, GuardContext> {
  constructor(
    kit: RecordKit,
    private readonly repo: VesselCaseRepository,
    private readonly personal: PersonalDataService,
    private readonly attachments: AttachmentsService,
    private readonly certificates: CertificateRepository,
  ) {
    super(kit, repo, {
      ledger: LEDGER,
      initial: 'registered',
      closedStatuses: VESSEL_CLOSED_STATUSES,
      notFound: { zh: '船舶案件不存在', en: 'Vessel case not found' },
      wrongStateCode: 'ILLEGAL_TRANSITION',
    });
  }

  /** Decrypted owner fields, masked unless `unmasked`. */
  ownerFields(row: VesselRow, unmasked: boolean): Pick<VesselCaseDto, OwnerField> {
    return this.personalAnswer(OWNER_FIELDS, row, unmasked);
  }

  /** The answer, built in one object in its keys' order (owner fields masked unless `unmasked`). */
  toDto(row: VesselRow, unmasked = false): VesselCaseDto {
    const dto = recordDtoFields<VesselStatus>(row) as VesselCaseDto;
    dto.discoveredAt = new Date(row.discoveredAt).toISOString();
    BEFORE_OWNER(row, dto);
    this.personalAnswer(OWNER_FIELDS, row, unmasked, dto);
    AFTER_OWNER(row, dto);
    return dto;
  }

  async dtos(rows: VesselRow[], opts?: { unmasked?: boolean }): Promise<VesselCaseDto[]> {
    return rows.map((r) => this.toDto(r, opts?.unmasked));
  }

  /** Turns the list query into repository filters (owner searches go through the blind index). */
  filter(query: VesselListQuery): VesselFilter {
    return this.personal.indexSearch(query, personalSearch(OWNER_FIELDS));
  }

  async get(principal: Principal, id: string): Promise<VesselCaseDetailDto> {
    const row = await this.visible(principal, id);
    const { history, deadlines } = this.kit;
    const [persuasions, steps, attachments, campaignAttachments, notices] = await Promise.all([
      this.partAnswers<PersuasionEntryDto>(PERSUASIONS, [row]),
      history.list(LEDGER, id, row.townId),
      this.attachments.list(LEDGER, id, row.townId),
      row.campaignId ? this.attachments.list('campaign', row.campaignId, row.townId) : Promise.resolve([]),
      deadlines.forRecord(LEDGER, id, row.townId),
    ]);
    const notice = notices.find((d) => d.kind === NOTICE_KIND);
    // The detail is the record's answer with more keys after its own (no copy of the answer).
    return Object.assign(this.toDto(row), {
      persuasions: persuasions.get(id)!,
      history: steps,
      attachments,
      campaignAttachments,
      deadline: notice ? deadlines.status(notice, this.today(row)) : null,
      // Campaign vessels are dismantled by closing their campaign, not by a step of their own.
      transitions: this.transitions(row, principal).filter((t) => findTransition(VESSEL_TRANSITIONS, row.status as VesselStatus, t.to)?.guard !== 'onlyByCampaignClose'),
    });
  }

  async create(principal: Principal, dto: VesselCaseCreateDto): Promise<VesselCaseDto> {
    const place = await this.kit.places.placeOf(principal, dto.townId, dto.villageId ?? null);
    this.checkPersonal(dto);
    const notice = dto.unclaimed && dto.noticeStart ? dto.noticeStart : null;
    let handlerIds: string[] = [];
    return this.createRecord(principal, place, {
      columns: async (em, today) => {
        handlerIds = await this.checkHandlers(em, principal, place.townId, dto.handlerIds, today);
        const row: Record<string, unknown> = { handler_ids: handlerIds, ...columnsOf(VESSEL_FIELDS, PLAIN, dto, true), unclaimed: dto.unclaimed ?? false };
        return { ...row, ...this.fieldColumns(OWNER_FIELDS, dto, true), notice_end: notice ? addDays(notice, UNCLAIMED_NOTICE_DAYS) : (dto.noticeEnd ?? null) };
      },
      then: async (em, id, number) => {
        if (!notice) return;
        await this.kit.deadlines.open(em, {
          townId: place.townId,
          villageId: place.villageId,
          ledger: LEDGER,
          recordId: id,
          kind: NOTICE_KIND,
          title: `${number} 无主船舶公告`,
          days: UNCLAIMED_NOTICE_DAYS,
          unit: 'calendar',
          startDate: notice,
          assigneeIds: handlerIds.length ? handlerIds : [principal.user.id],
        });
      },
    });
  }

  async update(principal: Principal, id: string, dto: VesselCaseUpdateDto): Promise<VesselCaseDto> {
    this.checkPersonal(dto);
    return this.updateRecord(principal, id, dto.version, async (em, before) => {
      const set: Record<string, unknown> = {};
      if (dto.villageId !== undefined) set.village_id = (await this.kit.places.placeOf(principal, before.townId, dto.villageId)).villageId;
      Object.assign(set, columnsOf(VESSEL_FIELDS, PLAIN, dto));
      Object.assign(set, this.fieldColumns(OWNER_FIELDS, dto));
      if (dto.handlerIds !== undefined) set.handler_ids = await this.checkHandlers(em, principal, before.townId, dto.handlerIds, this.today(before));
      if (dto.noticeStart && dto.noticeEnd === undefined && (dto.unclaimed ?? before.unclaimed)) set.notice_end = addDays(dto.noticeStart, UNCLAIMED_NOTICE_DAYS);
      return set;
    });
  }

  protected override async stepColumns(em: EntityManager, _principal: Principal, row: VesselRow, to: VesselStatus, data: VesselStepData): Promise<Record<string, unknown>> {
    // Any step out of registration ends the unclaimed-vessel notice period.
    if (row.status === 'registered') {
      const { deadlines, clock } = this.kit;
      for (const d of await deadlines.forRecord(LEDGER, row.id, row.townId, em)) if (d.kind === NOTICE_KIND && !d.doneAt) await deadlines.complete(em, d.id, clock.now());
    }
    return STEP_COLUMNS[to]?.(data, row) ?? {};
  }

  protected override reopenColumns(row: VesselRow): Record<string, unknown> {
    return {
      ...(row.status === 'verified' ? { verified_on: null, verified_by: null } : {}),
      ...(row.status === 'handed_over' ? { disposal: null, handed_over_on: null } : {}),
    };
  }

  protected readonly workflow: Workflow<VesselStatus, VesselStepData, GuardContext> = {
    table: VESSEL_TRANSITIONS,
    labels: VESSEL_STATUS_LABELS,
    stepData: VesselStepData,
    guards: {
      dismantlingEvidenceAndCertificate: async (c): Promise<GuardFailure | null> => {
        const date = c.data.dismantledOn!;
        if (date > c.today) return { code: 'DATE_IN_FUTURE', message: { zh: '拆解日期不能晚于今天', en: 'The dismantling date cannot be in the future' } };
        if (!(await this.repo.hasDismantlingEvidence(c.em, c.row.id, c.row.campaignId))) {
          return { code: 'EVIDENCE_REQUIRED', message: { zh: '请先上传拆解过程或拆解后的照片/视频作为证据', en: 'Upload photos or video of the dismantling first' } };
        }
        return this.certificateFailure(c.em, c.row, date);
      },
      noticePeriodOver: (c): GuardFailure | null => {
        if (!c.row.unclaimed || !c.row.noticeEnd)
          return { code: 'NOTICE_REQUIRED', message: { zh: '只有已公告的无主船舶才能认定为无主', en: 'Only vessels with a published notice can be declared unclaimed' } };
        if (c.row.noticeEnd >= c.today) return { code: 'NOTICE_PERIOD_RUNNING', message: { zh: `公告期至 ${c.row.noticeEnd} 届满，届满后方可认定`, en: `The notice runs until ${c.row.noticeEnd}` } };
        return null;
      },
      openCampaign: async (c): Promise<GuardFailure | null> => {
        const campaign = await this.repo.campaignState(c.em, c.data.campaignId!);
        if (!campaign || campaign.town_id !== c.row.townId || campaign.voided_at) return { code: 'CAMPAIGN_NOT_FOUND', message: { zh: '集中销毁行动不存在', en: 'Campaign not found' } };
        if (campaign.status !== 'planned') return { code: 'CAMPAIGN_CLOSED', message: { zh: '该集中销毁行动已结束', en: 'The campaign is closed' } };
        return null;
      },
      onlyByCampaignClose: (c): GuardFailure | null =>
        c.viaCampaignClose
          ? null
          : { code: 'USE_CAMPAIGN_CLOSE', message: { zh: '已纳入集中销毁行动的船舶，须在结束该行动时统一登记拆解', en: 'Campaign vessels are dismantled by closing the campaign' } },
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

  async unmask(principal: Principal, id: string, dto: UnmaskDto): Promise<Partial<Pick<VesselCaseDto, OwnerField>>> {
    const row = await this.visible(principal, id);
    const plain = this.ownerFields(row, true);
    const out: Partial<Pick<VesselCaseDto, OwnerField>> = {};
    for (const f of dto.fields) out[f] = plain[f];
    await this.auditUnmask(row, { fields: dto.fields, reason: dto.reason });
    return out;
  }

  private checkPersonal(dto: Partial<Record<OwnerField, string | null>>): void {
    checkPartPersonal({ fields: OWNER_FIELDS }, dto);
  }

  /** Handlers must be officers of the town holding a valid certificate today; default: the creator if they hold one. */
  private async checkHandlers(em: EntityManager, principal: Principal, townId: string, requested: string[] | undefined, today: string): Promise<string[]> {
    const unique = [...new Set(requested ?? [principal.user.id])];
    if (unique.length === 0) return [];
    const found = await this.certificates.officersAmong(em, unique);
    const invalid = await this.certificates.withoutValidCertificate(em, unique, today);
    if (requested === undefined) return found.length && invalid.length === 0 ? unique : [];
    const errors: BilingualFieldError[] = [];
    unique.forEach((id, i) => {
      const user = found.find((f) => f.id === id);
      if (!user || user.town_id !== townId)
        errors.push({ path: `handlerIds[${i}]`, code: 'not_found', message: { zh: '承办人须为本镇执法人员', en: 'Handlers must be enforcement officers of the town' } });
      else if (invalid.some((v) => v.id === id))
        errors.push({ path: `handlerIds[${i}]`, code: 'certificate', message: { zh: '承办人没有有效的执法证', en: 'The handler has no valid enforcement certificate' } });
    });
    if (errors.length) throw invalidFields(errors);
    return unique;
  }
}
