import { Injectable } from '@nestjs/common';
import { AttachmentDto, CampaignDto, VesselCaseDto } from '@fazhi/contracts';
import { EntityManager } from 'typeorm';
import { Principal } from '../../access/principal';
import { AppException, BilingualFieldError, notFound } from '../../common/app-exception';
import { isoOrNull } from '../../common/dates';
import { AttachmentsService } from '../../ledger-core/attachments/attachments.service';
import { answerOf, columnsOf } from '../../ledger-core/kit/fields';
import { RegisterKit, RegisterService } from '../../ledger-core/kit/register-service';
import { recordVoid } from '../../ledger-core/records';
import { CAMPAIGN_FIELDS } from '../vessel-case.entities';
import { VesselCaseRepository } from '../vessel-case.repository';
import { VesselCaseService } from '../vessel-case.service';
import { CampaignCreateDto, CampaignUpdateDto, CampaignVesselsDto } from './campaign.dto';
import { CampaignFilter, CampaignRepository, CampaignRow } from './campaign.repository';

export const CAMPAIGN_LEDGER = 'campaign' as const;

export type CampaignDetail = CampaignDto & { vessels: VesselCaseDto[]; attachments: AttachmentDto[] };

/** The fields a campaign is planned with and an edit may change. */
const PLANNED = ['date', 'place', 'agencies', 'remark'] as const;
/** The answer's fields read as the row holds them. */
const plain = answerOf<CampaignRow>()(['id', 'number', 'townId', 'date', 'place', 'agencies', 'status', 'vesselCount', 'remark']);

/**
 * Concentrated destruction campaigns: planned, then closed in one go that dismantles every vessel
 * of the campaign through the vessel workflow (or none, naming each vessel that blocks). Every
 * change is of a planned campaign.
 */
@Injectable()
export class CampaignService extends RegisterService<CampaignRow, CampaignFilter, CampaignDto, CampaignDetail> {
  constructor(
    kit: RegisterKit,
    repo: CampaignRepository,
    private readonly vessels: VesselCaseService,
    private readonly vesselRepo: VesselCaseRepository,
    private readonly attachments: AttachmentsService,
  ) {
    super(kit, repo, { entity: CAMPAIGN_LEDGER, notFound: { zh: '集中销毁行动不存在', en: 'Campaign not found' } });
  }

  toDto(r: CampaignRow): CampaignDto {
    const dto = plain(r) as CampaignDto;
    dto.closedAt = isoOrNull(r.closedAt);
    dto.voided = r.voidedAt !== null;
    dto.version = r.version;
    return dto;
  }

  override async get(principal: Principal, id: string): Promise<CampaignDetail> {
    const row = await this.visible(principal, id);
    const vessels: VesselCaseDto[] = [];
    for await (const v of this.vesselRepo.stream(principal.scope, { campaignId: id })) vessels.push(this.vessels.toDto(v));
    const detail = this.toDto(row) as CampaignDetail;
    detail.vessels = vessels;
    detail.attachments = await this.attachments.list(CAMPAIGN_LEDGER, id, row.townId);
    return detail;
  }

  async create(principal: Principal, dto: CampaignCreateDto): Promise<CampaignDto> {
    const { townId } = await this.kit.places.placeOf(principal, dto.townId, null);
    return this.createRow(principal, townId, {
      columns: async (em, now) => {
        const { number, year, seq } = await this.kit.numbering.next(em, CAMPAIGN_LEDGER, townId, now);
        return { village_id: null, number, year, seq, status: 'planned', registered_at: now, handler_ids: [], ...columnsOf(CAMPAIGN_FIELDS, PLANNED, { ...dto, agencies: dto.agencies ?? [] }, true) };
      },
      then: (em, id) => this.kit.history.record(em, { townId, ledger: CAMPAIGN_LEDGER, recordId: id, from: null, to: 'planned' }),
      after: (row) => ({ number: row.number, ...dto }),
    });
  }

  update(principal: Principal, id: string, dto: CampaignUpdateDto): Promise<CampaignDto> {
    const { version, ...changes } = dto;
    return this.change(principal, id, {
      version,
      columns: () => columnsOf(CAMPAIGN_FIELDS, PLANNED, { ...changes, agencies: changes.agencies === null ? [] : changes.agencies }),
      then: (em, before) => this.audited(em, before, 'update', { before: this.toDto(before), after: changes }),
    });
  }

  /** Adds vessels (each persuading or unclaimed, in the same town); names every vessel that cannot join. */
  addVessels(principal: Principal, id: string, dto: CampaignVesselsDto): Promise<CampaignDto> {
    return this.change(principal, id, {
      version: dto.version,
      then: async (em, campaign) => {
        const blockers: BilingualFieldError[] = [];
        const rows = [];
        for (const [i, caseId] of [...new Set(dto.caseIds)].entries()) {
          const row = await this.vesselRepo.findInScope(principal.scope, caseId, em, true);
          const block = (code: string, zh: string, en: string) => blockers.push({ path: `caseIds[${i}]`, code, message: { zh, en } });
          if (!row || row.townId !== campaign.townId) block('not_found', '船舶案件不存在或不属于本镇', 'Vessel case not found in this town');
          else if (row.voidedAt) block('void', `${row.number} 已作废`, `${row.number} is void`);
          else if (!['persuading', 'unclaimed'].includes(row.status)) block('status', `${row.number} 当前状态不能纳入集中销毁`, `${row.number} cannot join a campaign in its state`);
          else rows.push(row);
        }
        if (blockers.length) throw new AppException(409, 'CAMPAIGN_VESSELS_BLOCKED', { zh: '以下船舶不能纳入本次集中销毁', en: 'These vessels cannot join the campaign' }, blockers);
        for (const row of rows) await this.vessels.step(em, principal, row.id, { to: 'in_campaign', version: row.version, data: { campaignId: id } });
        await this.audited(em, campaign, 'vessels.add', { after: { caseIds: rows.map((r) => r.id) } });
      },
    });
  }

  removeVessel(principal: Principal, id: string, caseId: string, version: number): Promise<CampaignDto> {
    return this.change(principal, id, {
      version,
      then: async (em, campaign) => {
        const row = await this.vesselRepo.findInScope(principal.scope, caseId, em, true);
        if (!row || row.campaignId !== id) throw notFound({ zh: '该船舶不在本次集中销毁中', en: 'The vessel is not in this campaign' });
        await this.vessels.step(em, principal, caseId, { to: 'persuading', version: row.version, remark: '移出集中销毁行动' });
        await this.audited(em, campaign, 'vessels.remove', { before: { caseId } });
      },
    });
  }

  /**
   * Closing dismantles every vessel of the campaign in one transaction, or none: each vessel that
   * blocks (no evidence, a handler without a valid certificate on the campaign date) is named.
   */
  close(principal: Principal, id: string, version: number): Promise<CampaignDto> {
    return this.change(principal, id, {
      version,
      columns: (_em, campaign) => {
        if (campaign.date > this.today(campaign)) throw new AppException(409, 'DATE_IN_FUTURE', { zh: '行动日期未到，不能结束', en: 'The campaign date has not come yet' });
        return { status: 'closed', closed_at: this.kit.clock.now() };
      },
      then: async (em, campaign) => {
        const vessels = [];
        for await (const v of this.vesselRepo.stream(principal.scope, { campaignId: id, status: ['in_campaign'], voided: 'false' })) vessels.push(v);
        if (vessels.length === 0) throw new AppException(409, 'CAMPAIGN_EMPTY', { zh: '本次行动没有纳入任何船舶', en: 'The campaign has no vessels' });
        const campaignEvidence = await this.vesselRepo.hasDismantlingEvidence(em, null, id);
        const blockers: BilingualFieldError[] = [];
        for (const v of vessels) {
          if (!campaignEvidence && !(await this.vesselRepo.hasDismantlingEvidence(em, v.id, null))) {
            blockers.push({ path: v.number, code: 'EVIDENCE_REQUIRED', message: { zh: `${v.number}:没有销毁证据(行动或船舶的照片/视频)`, en: `${v.number}: no evidence of the destruction` } });
          }
          const cert = await this.vessels.certificateFailure(em, v, campaign.date);
          if (cert) blockers.push({ path: v.number, code: cert.code, message: { zh: `${v.number}:${cert.message.zh}`, en: `${v.number}: ${cert.message.en}` } });
        }
        if (blockers.length) {
          const message = { zh: `有 ${new Set(blockers.map((b) => b.path)).size} 艘船舶不能完成销毁，行动未结束`, en: 'Some vessels block the campaign; nothing was changed' };
          throw new AppException(409, 'CAMPAIGN_BLOCKED', message, blockers);
        }
        const data = { dismantledOn: campaign.date, dismantlePlace: campaign.place };
        for (const v of vessels) await this.vessels.step(em, principal, v.id, { to: 'dismantled', version: v.version, data }, { viaCampaignClose: true });
        await this.kit.history.record(em, { townId: campaign.townId, ledger: CAMPAIGN_LEDGER, recordId: id, from: 'planned', to: 'closed' });
        await this.audited(em, campaign, 'close', { before: { status: 'planned' }, after: { status: 'closed', vessels: vessels.length } });
      },
    });
  }

  voidCampaign(principal: Principal, id: string, version: number, reason: string): Promise<CampaignDto> {
    return this.change(principal, id, {
      version,
      columns: (_em, campaign) => {
        if (campaign.vesselCount > 0) throw new AppException(409, 'CAMPAIGN_NOT_EMPTY', { zh: '请先移出行动中的船舶再作废', en: 'Remove the vessels before voiding the campaign' });
        return { voided_at: this.kit.clock.now(), void_reason: reason, voided_by: principal.user.id };
      },
      then: (em, campaign) => this.audited(em, campaign, 'void', { after: { voided: true, reason } }),
    });
  }

  /** A campaign changes only while it is planned and not void. */
  protected override async writable(principal: Principal, id: string, em: EntityManager): Promise<CampaignRow> {
    const row = await this.visible(principal, id, em, true);
    if (row.voidedAt) throw recordVoid();
    if (row.status !== 'planned') throw new AppException(409, 'CAMPAIGN_CLOSED', { zh: '该集中销毁行动已结束', en: 'The campaign is closed' });
    return row;
  }
}
