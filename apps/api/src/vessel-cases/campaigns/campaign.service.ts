import { Injectable } from '@nestjs/common';
import { AttachmentDto, CampaignDto, Page, plainDateInZone as dateIn, VesselCaseDto } from '@fazhi/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { inScope } from '../../access/data-scope';
import { Principal } from '../../access/principal';
import { AuditService } from '../../audit/audit.service';
import { AppException, BilingualFieldError, notFound, staleVersion } from '../../common/app-exception';
import { Clock } from '../../common/clock';
import { pageOf, toPage } from '../../common/pagination';
import { AttachmentsService } from '../../ledger-core/attachments/attachments.service';
import { NumberingService } from '../../ledger-core/numbering/numbering.service';
import { RecordHandle } from '../../ledger-core/record-attachments';
import { recordVoid } from '../../ledger-core/records';
import { StatusHistoryService } from '../../ledger-core/status/status-history.service';
import { VesselCaseRepository } from '../vessel-case.repository';
import { VesselCaseService } from '../vessel-case.service';
import { CampaignCreateDto, CampaignListQuery, CampaignUpdateDto, CampaignVesselsDto } from './campaign.dto';
import { CampaignRepository, CampaignRow } from './campaign.repository';

export const CAMPAIGN_LEDGER = 'campaign' as const;
const NOT_FOUND = { zh: '集中销毁行动不存在', en: 'Campaign not found' };

function toDto(r: CampaignRow): CampaignDto {
  return {
    id: r.id,
    number: r.number,
    townId: r.town_id,
    date: r.date,
    place: r.place,
    agencies: r.agencies,
    status: r.status,
    vesselCount: r.vessel_count,
    remark: r.remark,
    closedAt: r.closed_at ? new Date(r.closed_at).toISOString() : null,
    voided: r.voided_at !== null,
    version: r.version,
  };
}

@Injectable()
export class CampaignService {
  constructor(
    private readonly ds: DataSource,
    private readonly repo: CampaignRepository,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly numbering: NumberingService,
    private readonly history: StatusHistoryService,
    private readonly vessels: VesselCaseService,
    private readonly vesselRepo: VesselCaseRepository,
    private readonly attachments: AttachmentsService,
  ) {}

  async list(principal: Principal, q: CampaignListQuery): Promise<Page<CampaignDto>> {
    const { page, pageSize, offset } = pageOf(q);
    const { rows, total } = await this.repo.list(principal.scope, q, { offset, limit: pageSize });
    return toPage(rows.map(toDto), total, page, pageSize);
  }

  async visible(principal: Principal, id: string, em?: EntityManager, lock = false): Promise<CampaignRow> {
    const row = await this.repo.byId(id, em, lock);
    if (!row || !inScope(principal.scope, { townId: row.town_id, ownerIds: [row.created_by] })) throw notFound(NOT_FOUND);
    return row;
  }

  async get(principal: Principal, id: string): Promise<CampaignDto & { vessels: VesselCaseDto[]; attachments: AttachmentDto[] }> {
    const row = await this.visible(principal, id);
    const vessels: VesselCaseDto[] = [];
    for await (const v of this.vesselRepo.stream(principal.scope, { campaignId: id })) vessels.push(this.vessels.toDto(v));
    return { ...toDto(row), vessels, attachments: await this.attachments.list(CAMPAIGN_LEDGER, id, row.town_id) };
  }

  async create(principal: Principal, dto: CampaignCreateDto): Promise<CampaignDto> {
    const { townId } = await this.vessels.placeOf(principal, dto.townId, null);
    const id = randomUUID();
    const now = this.clock.now();
    await this.ds.transaction(async (em) => {
      const { number, year, seq } = await this.numbering.next(em, CAMPAIGN_LEDGER, townId, now);
      await this.repo.insert(em, { id, townId, number, year, seq, at: now, userId: principal.user.id, date: dto.date, place: dto.place, agencies: dto.agencies ?? [], remark: dto.remark ?? null });
      await this.history.record(em, { townId, ledger: CAMPAIGN_LEDGER, recordId: id, from: null, to: 'planned' });
      await this.audit.record(em, { action: 'campaign.create', entity: CAMPAIGN_LEDGER, entityId: id, townId, after: { number, ...dto } });
    });
    return toDto(await this.visible(principal, id));
  }

  async update(principal: Principal, id: string, dto: CampaignUpdateDto): Promise<CampaignDto> {
    await this.ds.transaction(async (em) => {
      const before = await this.visible(principal, id, em, true);
      this.assertPlanned(before);
      const { version, ...changes } = dto;
      await this.bump(em, id, version, { date: changes.date ?? before.date, place: changes.place ?? before.place, agencies: changes.agencies ?? before.agencies, remark: changes.remark !== undefined ? changes.remark : before.remark }, principal);
      await this.audit.record(em, { action: 'campaign.update', entity: CAMPAIGN_LEDGER, entityId: id, townId: before.town_id, before: toDto(before), after: changes });
    });
    return toDto(await this.visible(principal, id));
  }

  /** Adds vessels (each persuading or unclaimed, in the same town); names every vessel that cannot join. */
  async addVessels(principal: Principal, id: string, dto: CampaignVesselsDto): Promise<CampaignDto> {
    await this.ds.transaction(async (em) => {
      const campaign = await this.visible(principal, id, em, true);
      this.assertPlanned(campaign);
      await this.bump(em, id, dto.version, {}, principal);
      const blockers: BilingualFieldError[] = [];
      const rows = [];
      for (const [i, caseId] of [...new Set(dto.caseIds)].entries()) {
        const row = await this.vesselRepo.findInScope(principal.scope, caseId, em, true);
        if (!row || row.townId !== campaign.town_id) blockers.push({ path: `caseIds[${i}]`, code: 'not_found', message: { zh: '船舶案件不存在或不属于本镇', en: 'Vessel case not found in this town' } });
        else if (row.voidedAt) blockers.push({ path: `caseIds[${i}]`, code: 'void', message: { zh: `${row.number} 已作废`, en: `${row.number} is void` } });
        else if (!['persuading', 'unclaimed'].includes(row.status)) {
          blockers.push({ path: `caseIds[${i}]`, code: 'status', message: { zh: `${row.number} 当前状态不能纳入集中销毁`, en: `${row.number} cannot join a campaign in its state` } });
        } else rows.push(row);
      }
      if (blockers.length) throw new AppException(409, 'CAMPAIGN_VESSELS_BLOCKED', { zh: '以下船舶不能纳入本次集中销毁', en: 'These vessels cannot join the campaign' }, blockers);
      for (const row of rows) await this.vessels.step(em, principal, row.id, { to: 'in_campaign', version: row.version, data: { campaignId: id } }, false);
      await this.audit.record(em, { action: 'campaign.vessels.add', entity: CAMPAIGN_LEDGER, entityId: id, townId: campaign.town_id, after: { caseIds: rows.map((r) => r.id) } });
    });
    return toDto(await this.visible(principal, id));
  }

  async removeVessel(principal: Principal, id: string, caseId: string, version: number): Promise<CampaignDto> {
    await this.ds.transaction(async (em) => {
      const campaign = await this.visible(principal, id, em, true);
      this.assertPlanned(campaign);
      await this.bump(em, id, version, {}, principal);
      const row = await this.vesselRepo.findInScope(principal.scope, caseId, em, true);
      if (!row || row.campaignId !== id) throw notFound({ zh: '该船舶不在本次集中销毁中', en: 'The vessel is not in this campaign' });
      await this.vessels.step(em, principal, caseId, { to: 'persuading', version: row.version, remark: '移出集中销毁行动' }, false);
      await this.audit.record(em, { action: 'campaign.vessels.remove', entity: CAMPAIGN_LEDGER, entityId: id, townId: campaign.town_id, before: { caseId } });
    });
    return toDto(await this.visible(principal, id));
  }

  /**
   * Closing dismantles every vessel of the campaign in one transaction, or none: each vessel that
   * blocks (no evidence, a handler without a valid certificate on the campaign date) is named.
   */
  async close(principal: Principal, id: string, version: number): Promise<CampaignDto> {
    await this.ds.transaction(async (em) => {
      const campaign = await this.visible(principal, id, em, true);
      this.assertPlanned(campaign);
      if (campaign.date > dateIn(this.clock.now(), campaign.time_zone)) {
        throw new AppException(409, 'DATE_IN_FUTURE', { zh: '行动日期未到，不能结束', en: 'The campaign date has not come yet' });
      }
      await this.bump(em, id, version, { status: 'closed', closed_at: this.clock.now() }, principal);
      const vessels = [];
      for await (const v of this.vesselRepo.stream(principal.scope, { campaignId: id, status: ['in_campaign'], voided: 'false' })) vessels.push(v);
      if (vessels.length === 0) throw new AppException(409, 'CAMPAIGN_EMPTY', { zh: '本次行动没有纳入任何船舶', en: 'The campaign has no vessels' });
      const campaignEvidence = await this.vesselRepo.campaignHasEvidence(em, id);
      const blockers: BilingualFieldError[] = [];
      for (const v of vessels) {
        if (!campaignEvidence && !(await this.vesselRepo.hasDismantlingEvidence(em, v.id, null))) {
          blockers.push({ path: v.number, code: 'EVIDENCE_REQUIRED', message: { zh: `${v.number}:没有销毁证据(行动或船舶的照片/视频)`, en: `${v.number}: no evidence of the destruction` } });
        }
        const cert = await this.vessels.certificateFailure(em, v, campaign.date);
        if (cert) blockers.push({ path: v.number, code: cert.code, message: { zh: `${v.number}:${cert.message.zh}`, en: `${v.number}: ${cert.message.en}` } });
      }
      if (blockers.length) {
        throw new AppException(409, 'CAMPAIGN_BLOCKED', { zh: `有 ${new Set(blockers.map((b) => b.path)).size} 艘船舶不能完成销毁，行动未结束`, en: 'Some vessels block the campaign; nothing was changed' }, blockers);
      }
      for (const v of vessels) {
        await this.vessels.step(em, principal, v.id, { to: 'dismantled', version: v.version, data: { dismantledOn: campaign.date, dismantlePlace: campaign.place } }, true);
      }
      await this.history.record(em, { townId: campaign.town_id, ledger: CAMPAIGN_LEDGER, recordId: id, from: 'planned', to: 'closed' });
      await this.audit.record(em, { action: 'campaign.close', entity: CAMPAIGN_LEDGER, entityId: id, townId: campaign.town_id, before: { status: 'planned' }, after: { status: 'closed', vessels: vessels.length } });
    });
    return toDto(await this.visible(principal, id));
  }

  async voidCampaign(principal: Principal, id: string, version: number, reason: string): Promise<CampaignDto> {
    await this.ds.transaction(async (em) => {
      const campaign = await this.visible(principal, id, em, true);
      this.assertPlanned(campaign);
      if (campaign.vessel_count > 0) throw new AppException(409, 'CAMPAIGN_NOT_EMPTY', { zh: '请先移出行动中的船舶再作废', en: 'Remove the vessels before voiding the campaign' });
      const now = this.clock.now();
      await this.bump(em, id, version, { voided_at: now, void_reason: reason, voided_by: principal.user.id }, principal);
      await this.audit.record(em, { action: 'campaign.void', entity: CAMPAIGN_LEDGER, entityId: id, townId: campaign.town_id, after: { voided: true, reason } });
    });
    return toDto(await this.visible(principal, id));
  }

  /** The campaign as a record that takes evidence while it is planned. */
  recordHandle(principal: Principal, id: string): RecordHandle {
    return {
      ledger: CAMPAIGN_LEDGER,
      recordId: id,
      userId: principal.user.id,
      lock: async (em) => {
        const row = await this.visible(principal, id, em, true);
        this.assertPlanned(row);
        return { townId: row.town_id, version: row.version };
      },
      bump: (em, version) => this.repo.update(em, id, version, { updated_at: this.clock.now(), updated_by: principal.user.id }),
    };
  }

  private assertPlanned(row: CampaignRow): void {
    if (row.voided_at) throw recordVoid();
    if (row.status !== 'planned') throw new AppException(409, 'CAMPAIGN_CLOSED', { zh: '该集中销毁行动已结束', en: 'The campaign is closed' });
  }

  private async bump(em: EntityManager, id: string, version: number, set: Record<string, unknown>, principal: Principal): Promise<void> {
    if (!(await this.repo.update(em, id, version, { ...set, updated_at: this.clock.now(), updated_by: principal.user.id }))) throw staleVersion();
  }
}
