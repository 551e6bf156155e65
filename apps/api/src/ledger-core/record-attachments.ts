import { Injectable } from '@nestjs/common';
import { AttachmentDto, AttachmentStage, LedgerType } from '@fazhi/contracts';
import type { Request, Response } from 'express';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '../access/principal';
import { AuditService } from '../audit/audit.service';
import { staleVersion } from '../common/app-exception';
import { AttachmentsService, ContentVariant, ReceivedUpload } from './attachments/attachments.service';
import { personalDocument } from './attachments/attachments.errors';
import { multipartVersion } from './attachments/multipart';

export interface RecordHandle {
  ledger: LedgerType;
  recordId: string;
  userId: string;
  /** Loads (and locks) the record in the caller's scope; throws 404 or 409 when it cannot take evidence. */
  lock(em: EntityManager): Promise<{ townId: string; version: number }>;
  /** Bumps the record's version when it still is `version`. */
  bump(em: EntityManager, version: number): Promise<boolean>;
}

const VERSION_MISSING = { zh: '请随文件提交记录的版本号', en: 'Send the record version with the files' };

/**
 * Evidence on a ledger record: uploads carry the record's version, attach in one transaction with
 * the version bump and the audit row, and downloads go through the record's own access check.
 */
@Injectable()
export class RecordAttachments {
  constructor(
    private readonly ds: DataSource,
    private readonly attachments: AttachmentsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * The record is checked before a byte of the body is read (a missing, foreign or closed record
   * answers at once and the body is drained unread), its version before a byte of a file is
   * stored (when the form sends it ahead of the files), and both again in the attaching transaction.
   */
  async upload(req: Request, record: RecordHandle): Promise<AttachmentDto[]> {
    try {
      await this.ds.transaction((em) => record.lock(em));
    } catch (e) {
      req.resume();
      throw e;
    }
    const uploads: ReceivedUpload[] = await this.attachments.receive(req, {
      fields: ['version'],
      beforeFiles: async (fields) => {
        if (fields.version === undefined) return;
        const version = multipartVersion(fields, VERSION_MISSING);
        const current = await this.ds.transaction((em) => record.lock(em));
        if (current.version !== version) throw staleVersion();
      },
    });
    try {
      const version = multipartVersion(uploads[0]?.fields ?? {}, VERSION_MISSING);
      return await this.ds.transaction(async (em) => {
        const { townId } = await record.lock(em);
        if (!(await record.bump(em, version))) throw staleVersion();
        const out: AttachmentDto[] = [];
        for (const upload of uploads) {
          const dto = await this.attachments.attach(em, { townId, ledger: record.ledger, recordId: record.recordId, upload, userId: record.userId });
          await this.audit.record(em, { action: `${record.ledger}.attachment.create`, entity: record.ledger, entityId: record.recordId, townId, after: dto });
          out.push(dto);
        }
        return out;
      });
    } catch (e) {
      await this.attachments.discard(uploads);
      throw e;
    }
  }

  /**
   * Attaches a file the server generated (e.g. a document filled from a template) and audits its
   * generation. The record is locked but its version is not bumped: generating is no edit, and the
   * same content is attached once (a repeated generation answers the attachment already there).
   */
  async attachGenerated(
    record: Pick<RecordHandle, 'ledger' | 'recordId' | 'userId' | 'lock'>,
    file: { fileName: string; content: Buffer; stage: AttachmentStage; action: string; detail?: unknown; personal?: boolean },
  ): Promise<AttachmentDto> {
    const upload = await this.attachments.receiveContent(file.content, file.fileName, file.stage);
    try {
      return await this.ds.transaction(async (em) => {
        const { townId } = await record.lock(em);
        const existing = (await this.attachments.list(record.ledger, record.recordId, townId)).find((a) => a.sha256 === upload.sha256 && a.fileName === upload.fileName);
        const dto = existing ?? (await this.attachments.attach(em, { townId, ledger: record.ledger, recordId: record.recordId, upload, userId: record.userId, personal: file.personal }));
        await this.audit.record(em, {
          action: file.action,
          entity: record.ledger,
          entityId: record.recordId,
          townId,
          after: { attachmentId: dto.id, fileName: dto.fileName, sha256: dto.sha256, size: dto.size, reused: Boolean(existing) },
          detail: file.detail,
        });
        if (existing) await this.attachments.discard([upload]);
        return dto;
      });
    } catch (e) {
      await this.attachments.discard([upload]);
      throw e;
    }
  }

  /**
   * Sends an attachment of a record the caller may read. A file holding personal data in full
   * needs `personal.unmask` too; every original download is audited before a byte is sent.
   */
  async download(res: Response, principal: Principal, o: { ledger: LedgerType; recordId: string; attachmentId: string; variant: ContentVariant }): Promise<void> {
    const row = await this.attachments.get(o.attachmentId, { ledger: o.ledger, recordId: o.recordId });
    if (row.personal && !principal.permissions.has('personal.unmask')) throw personalDocument();
    if (o.variant === 'original') {
      await this.ds.transaction((em) =>
        this.audit.record(em, {
          action: `${o.ledger}.attachment.download`,
          entity: o.ledger,
          entityId: o.recordId,
          townId: row.townId,
          detail: { attachmentId: row.id, fileName: row.fileName, sha256: row.sha256, personal: row.personal },
        }),
      );
    }
    await this.attachments.sendDownload(res, row, o.variant);
  }

  async remove(record: RecordHandle, attachmentId: string, version: number): Promise<void> {
    await this.ds.transaction(async (em) => {
      const { townId } = await record.lock(em);
      if (!(await record.bump(em, version))) throw staleVersion();
      const removed = await this.attachments.remove(em, attachmentId, record.userId, { ledger: record.ledger, recordId: record.recordId });
      await this.audit.record(em, { action: `${record.ledger}.attachment.remove`, entity: record.ledger, entityId: record.recordId, townId, before: removed });
    });
  }

  list(ledger: LedgerType, recordId: string, townId: string): Promise<AttachmentDto[]> {
    return this.attachments.list(ledger, recordId, townId);
  }
}
