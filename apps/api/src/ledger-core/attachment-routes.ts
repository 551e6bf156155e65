import { Delete, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { LedgerType, PermissionCode } from '@fazhi/contracts';
import type { Request, Response } from 'express';
import { RequirePermission } from '../access/access.decorators';
import { CurrentPrincipal, Principal } from '../access/principal';
import { VersionQuery } from '../common/version';
import { DownloadQuery } from './attachment.dto';
import { RecordAttachments, RecordHandle } from './record-attachments';

/** What a ledger's service offers its attachment routes. */
export interface AttachedRecords<Detail> {
  /** The record as one that takes evidence, in the caller's scope. */
  recordHandle(principal: Principal, id: string): RecordHandle;
  /** Loads the record when the caller may read it (404 otherwise). */
  visible(principal: Principal, id: string): Promise<unknown>;
  /** The record as its detail page shows it, attachments included. */
  get(principal: Principal, id: string): Promise<Detail>;
}

const uuid = new ParseUUIDPipe();

/**
 * The evidence routes of a ledger's controller: upload (`POST :id/attachments`), download and
 * remove (`GET`/`DELETE :id/attachments/:attachmentId`). Uploads and removals answer the record's
 * detail; downloads check that the caller may read the record. The controller extends the class
 * this returns and hands it the ledger's service.
 */
export function AttachmentRoutes<Detail>(ledger: LedgerType, access: { read: PermissionCode; write: PermissionCode }) {
  abstract class Routes {
    protected constructor(
      private readonly recordAttachments: RecordAttachments,
      private readonly attachedRecords: AttachedRecords<Detail>,
    ) {}

    @RequirePermission(access.write)
    @Post(':id/attachments')
    async upload(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Req() req: Request): Promise<Detail> {
      await this.recordAttachments.upload(req, this.attachedRecords.recordHandle(p, id));
      return this.attachedRecords.get(p, id);
    }

    @RequirePermission(access.read)
    @Get(':id/attachments/:attachmentId')
    async download(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Param('attachmentId', uuid) attachmentId: string, @Query() q: DownloadQuery, @Res() res: Response): Promise<void> {
      await this.attachedRecords.visible(p, id);
      await this.recordAttachments.download(res, p, { ledger, recordId: id, attachmentId, variant: q.variant ?? 'original' });
    }

    @RequirePermission(access.write)
    @Delete(':id/attachments/:attachmentId')
    async removeAttachment(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Param('attachmentId', uuid) attachmentId: string, @Query() q: VersionQuery): Promise<Detail> {
      await this.recordAttachments.remove(this.attachedRecords.recordHandle(p, id), attachmentId, q.version);
      return this.attachedRecords.get(p, id);
    }
  }
  return Routes;
}
