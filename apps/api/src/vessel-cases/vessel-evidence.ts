import { Injectable } from '@nestjs/common';
import { AttachmentDto, LedgerType } from '@fazhi/contracts';
import { EntityManager } from 'typeorm';
import { AttachmentsService } from '../ledger-core/attachments/attachments.service';

/** Stages that document a dismantling. */
export const DISMANTLING_STAGES = ['during', 'after'];

/** Evidence of vessel cases and campaigns, read from the shared attachments. */
@Injectable()
export class VesselEvidence {
  constructor(private readonly attachments: AttachmentsService) {}

  list(ledger: LedgerType, recordId: string, townId?: string): Promise<AttachmentDto[]> {
    return this.attachments.list(ledger, recordId, townId);
  }

  /** A vessel's own during/after photos or video, or its campaign's evidence, count. */
  async hasDismantlingEvidence(em: EntityManager, caseId: string, campaignId: string | null): Promise<boolean> {
    const [row] = await em.query(
      `SELECT EXISTS (SELECT 1 FROM attachment WHERE removed_at IS NULL AND (
         (ledger = 'vessel-case' AND record_id = $1 AND stage = ANY($3::varchar[])) OR (ledger = 'campaign' AND record_id = $2))) AS ok`,
      [caseId, campaignId, DISMANTLING_STAGES],
    );
    return row.ok === true;
  }

  /** Campaign vessels lacking evidence when the campaign itself has none. */
  async campaignHasEvidence(em: EntityManager, campaignId: string): Promise<boolean> {
    const [row] = await em.query(`SELECT EXISTS (SELECT 1 FROM attachment WHERE removed_at IS NULL AND ledger = 'campaign' AND record_id = $1) AS ok`, [campaignId]);
    return row.ok === true;
  }
}
