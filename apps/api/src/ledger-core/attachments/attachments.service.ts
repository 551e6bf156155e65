import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ATTACHMENT_STAGES, AttachmentDto, AttachmentStage, LedgerType } from '@fazhi/contracts';
import type { Request, Response } from 'express';
import { createHash, randomUUID } from 'node:crypto';
import { open, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { AttachmentEntity } from './attachment.entity';
import { AttachmentStore } from './attachment-store';
import { attachmentNotFound, contentMissing, emptyFile, invalidStage, noFile, noThumbnail, unknownField, unsupportedFileType } from './attachments.errors';
import { AttachmentOwner, AttachmentsRepository } from './attachments.repository';
import { cleanFileName, contentDisposition, thumbnailFileName } from './file-names';
import { AllowedType, bufferSource, ByteSource, sniff, SniffResult } from './file-types';
import { readMultipart } from './multipart';
import { THUMBNAIL_MIME, writeThumbnail } from './thumbnails';

/** A file received and checked, waiting in `DATA_DIR/files/tmp` to be attached. */
export interface ReceivedUpload {
  /** As the client named it, cleaned (no folders, no control characters, ≤ 255 characters). */
  fileName: string;
  /** Told from the content. */
  mime: string;
  size: number;
  sha256: string;
  stage: AttachmentStage;
  /** The form's other text fields, as allowed by `receive(…, { fields })`. */
  fields: Readonly<Record<string, string>>;
  /** Where the bytes wait; opaque to callers. */
  tempPath: string;
  thumbnailTempPath: string | null;
}

export interface ReceiveOptions {
  /** Largest accepted file in bytes; defaults to UPLOAD_MAX_BYTES. */
  maxBytes?: number;
  /** Files in one request; defaults to 10. */
  maxFiles?: number;
  /** Text fields accepted besides `stage` (e.g. `version`); any other field is refused. */
  fields?: readonly string[];
  /** Checks the fields sent ahead of the first file before a byte of it is stored; a throw ends the upload. */
  beforeFiles?: (fields: Readonly<Record<string, string>>) => Promise<void>;
}

export interface AttachInput {
  townId: string;
  ledger: LedgerType;
  recordId: string;
  /** Defaults to the stage sent with the upload. */
  stage?: AttachmentStage;
  upload: ReceivedUpload;
  userId: string | null;
  /** The file holds personal data in full (downloads need `personal.unmask`). */
  personal?: boolean;
}

export type ContentVariant = 'original' | 'thumbnail';

export interface AttachmentContent {
  stream: Readable;
  mime: string;
  size: number;
  fileName: string;
}

const DEFAULT_MAX_FILES = 10;
const MAX_FIELD_BYTES = 1024;
const HOUR_MS = 60 * 60 * 1000;
/** Orphans younger than this are left alone: an upload may still be on its way to a commit. */
export const ORPHAN_GRACE_MS = 24 * HOUR_MS;

export const toAttachmentDto = (row: AttachmentEntity): AttachmentDto => ({
  id: row.id,
  fileName: row.fileName,
  mime: row.mime,
  size: Number(row.size),
  sha256: row.sha256,
  stage: row.stage,
  hasThumbnail: row.thumbnailKey !== null,
  uploadedAt: row.uploadedAt.toISOString(),
  uploadedBy: row.uploadedBy,
  personal: row.personal,
});

const isStage = (value: string | undefined): value is AttachmentStage => (ATTACHMENT_STAGES as readonly string[]).includes(value ?? '');

/**
 * Attachments of ledger records (DOMAIN.md §2): receives uploads as streams, checks their type by
 * content, stores each content once under its SHA-256, makes photo thumbnails, and serves
 * downloads. Ledgers check permission and record scope themselves, then call this service;
 * the rows are written in the ledger's transaction and audited by the ledger.
 */
@Injectable()
export class AttachmentsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Attachments');
  private readonly store: AttachmentStore;
  private sweepTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly repo: AttachmentsRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.store = new AttachmentStore(path.join(config.dataDir, 'files'));
  }

  onModuleInit(): void {
    this.sweepTimer = setInterval(() => {
      this.sweepOrphans(ORPHAN_GRACE_MS).catch((e: unknown) => this.logger.warn(`orphan sweep: ${(e as Error).message}`));
    }, HOUR_MS);
    this.sweepTimer.unref();
  }

  onModuleDestroy(): void {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.sweepTimer = null;
  }

  /**
   * Reads a multipart/form-data request: each file is streamed to a temporary file, hashed,
   * limited to `maxBytes` (413), and its type told by content (415 unless allowed). The form's
   * `stage` field is required. Nothing is kept when any part fails.
   */
  async receive(req: Request, opts: ReceiveOptions = {}): Promise<ReceivedUpload[]> {
    const allowed = new Set(['stage', ...(opts.fields ?? [])]);
    await this.store.ready();
    const body = await readMultipart(req, {
      tmpDir: this.store.tmpDir,
      maxBytes: opts.maxBytes ?? this.config.uploadMaxBytes,
      maxFiles: opts.maxFiles ?? DEFAULT_MAX_FILES,
      maxFields: allowed.size + 8,
      maxFieldBytes: MAX_FIELD_BYTES,
      beforeFiles: opts.beforeFiles,
    });
    const thumbnails: string[] = [];
    try {
      const unknown = Object.keys(body.fields).find((name) => !allowed.has(name));
      if (unknown !== undefined) throw unknownField(unknown);
      const stage = body.fields.stage?.trim();
      if (!isStage(stage)) throw invalidStage();
      if (body.files.length === 0) throw noFile();
      const received: ReceivedUpload[] = [];
      for (const file of body.files) {
        if (file.size === 0) throw emptyFile(file.fileName);
        const type = await this.sniffFile(file.tempPath, file.size);
        if (!type.allowed) throw unsupportedFileType(file.fileName, type.refused);
        const thumbnailTempPath = await this.prepareThumbnail(type.type, file.tempPath, file.sha256);
        if (thumbnailTempPath) thumbnails.push(thumbnailTempPath);
        received.push({ ...file, mime: type.type.mime, stage, fields: body.fields, thumbnailTempPath });
      }
      return received;
    } catch (e) {
      await this.store.removeTemporary([...body.files.map((f) => f.tempPath), ...thumbnails]);
      throw e;
    }
  }

  /**
   * A file the server made (e.g. a generated document), written to the temporary folder and
   * checked by content like an upload, waiting to be attached.
   */
  async receiveContent(content: Buffer, name: string, stage: AttachmentStage): Promise<ReceivedUpload> {
    const fileName = cleanFileName(name);
    if (content.length === 0) throw emptyFile(fileName);
    await this.store.ready();
    const tempPath = path.join(this.store.tmpDir, `${randomUUID()}.part`);
    await writeFile(tempPath, content, { flag: 'wx', mode: 0o640 });
    try {
      const type = await sniff(bufferSource(content));
      if (!type.allowed) throw unsupportedFileType(fileName, type.refused);
      const sha256 = createHash('sha256').update(content).digest('hex');
      const thumbnailTempPath = await this.prepareThumbnail(type.type, tempPath, sha256);
      return { fileName, mime: type.type.mime, size: content.length, sha256, stage, fields: {}, tempPath, thumbnailTempPath };
    } catch (e) {
      await this.store.removeTemporary([tempPath]);
      throw e;
    }
  }

  /** Deletes received files that will not be attached (e.g. the ledger refused the request). */
  async discard(uploads: readonly ReceivedUpload[]): Promise<void> {
    await this.store.removeTemporary(uploads.flatMap((u) => [u.tempPath, u.thumbnailTempPath]));
  }

  /**
   * Places the upload at its content address and inserts its row in the caller's transaction.
   * A rolled-back transaction leaves an unreferenced file that {@link sweepOrphans} removes.
   */
  async attach(em: EntityManager, input: AttachInput): Promise<AttachmentDto> {
    if (!em.queryRunner?.isTransactionActive) throw new Error('AttachmentsService.attach must run inside a transaction');
    const { upload } = input;
    await this.repo.shareFilesLock(em);
    const storageKey = this.store.contentKey(upload.sha256);
    await this.store.promote(upload.tempPath, storageKey);
    const thumbnailKey = await this.placeThumbnail(upload);
    const row = Object.assign(new AttachmentEntity(), {
      id: randomUUID(),
      townId: input.townId,
      ledger: input.ledger,
      recordId: input.recordId,
      stage: input.stage ?? upload.stage,
      fileName: upload.fileName,
      mime: upload.mime,
      size: String(upload.size),
      sha256: upload.sha256,
      storageKey,
      thumbnailKey,
      uploadedBy: input.userId,
      uploadedAt: this.clock.now(),
      removedAt: null,
      removedBy: null,
      personal: input.personal ?? false,
    });
    await this.repo.insert(em, row);
    return toAttachmentDto(row);
  }

  /** The record's attachments without removed ones, oldest first (by name within one upload). Pass the record's town to use the town-first index. */
  async list(ledger: LedgerType, recordId: string, townId: string): Promise<AttachmentDto[]> {
    return (await this.repo.listByRecord(ledger, recordId, townId)).map(toAttachmentDto);
  }

  /** An attachment that is not removed; 404 otherwise, or when it belongs to another record than `owner`. */
  async get(id: string, owner?: AttachmentOwner): Promise<AttachmentEntity> {
    const row = await this.repo.findVisible(id, owner);
    if (!row) throw attachmentNotFound();
    return row;
  }

  async openContent(id: string, variant: ContentVariant = 'original', owner?: AttachmentOwner): Promise<AttachmentContent> {
    return this.open(await this.get(id, owner), variant);
  }

  /**
   * Sends the file as a download: sniffed `Content-Type`, `Content-Disposition: attachment` with
   * the UTF-8 name, `nosniff`, `Content-Length` and `Cache-Control: private, no-store`.
   */
  async sendDownload(res: Response, attachment: AttachmentEntity, variant: ContentVariant = 'original'): Promise<void> {
    const content = await this.open(attachment, variant);
    res.status(200);
    res.setHeader('Content-Type', content.mime);
    res.setHeader('Content-Length', String(content.size));
    res.setHeader('Content-Disposition', contentDisposition(content.fileName));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    try {
      await pipeline(content.stream, res);
    } catch (e) {
      if (!res.headersSent) throw e;
      this.logger.debug(`download of ${attachment.id} ended early: ${(e as Error).message}`);
    }
  }

  /** Marks an attachment removed (its row and file stay); answers it as it was, for the caller's audit entry. */
  async remove(em: EntityManager, id: string, userId: string | null, owner?: AttachmentOwner): Promise<AttachmentDto> {
    const row = await this.repo.findVisible(id, owner, em, true);
    if (!row) throw attachmentNotFound();
    await this.repo.markRemoved(em, id, this.clock.now(), userId);
    return toAttachmentDto(row);
  }

  /**
   * Deletes temporary files and content files that no attachment row refers to and that were
   * last written more than `olderThanMs` ago. Skipped (answers 0) while an upload transaction
   * is open, so a file is never taken from under a row about to commit.
   */
  async sweepOrphans(olderThanMs: number): Promise<number> {
    const cutoff = Date.now() - olderThanMs;
    return this.repo.transaction(async (em) => {
      if (!(await this.repo.tryExclusiveFilesLock(em))) return 0;
      const candidates = await this.store.filesOlderThan(cutoff);
      const keys = candidates.flatMap((f) => (f.key ? [f.key] : []));
      const referenced = await this.repo.referencedKeys(em, keys);
      const orphans = candidates.filter((f) => f.key === null || !referenced.has(f.key));
      for (const file of orphans) await this.store.delete(file);
      if (orphans.length > 0) this.logger.log(`removed ${orphans.length} orphaned upload file(s)`);
      return orphans.length;
    });
  }

  private async open(row: AttachmentEntity, variant: ContentVariant): Promise<AttachmentContent> {
    const thumbnail = variant === 'thumbnail';
    if (thumbnail && !row.thumbnailKey) throw noThumbnail();
    const key = thumbnail && row.thumbnailKey ? row.thumbnailKey : row.storageKey;
    const handle = await open(this.store.pathOf(key), 'r').catch((e: unknown) => {
      this.logger.error(`attachment ${row.id}: file ${key} cannot be read: ${(e as Error).message}`);
      throw contentMissing();
    });
    const { size } = await handle.stat().catch(async (e: unknown) => {
      await handle.close();
      throw e;
    });
    return {
      stream: handle.createReadStream(),
      mime: thumbnail ? THUMBNAIL_MIME : row.mime,
      size,
      fileName: thumbnail ? thumbnailFileName(row.fileName) : row.fileName,
    };
  }

  private async sniffFile(file: string, size: number): Promise<SniffResult> {
    const handle = await open(file, 'r');
    try {
      const source: ByteSource = {
        size,
        read: async (position, length) => {
          const wanted = Math.max(0, Math.min(length, size - position));
          const buffer = Buffer.alloc(wanted);
          const { bytesRead } = await handle.read(buffer, 0, wanted, position);
          return buffer.subarray(0, bytesRead);
        },
      };
      return await sniff(source);
    } finally {
      await handle.close();
    }
  }

  /** A thumbnail waits beside its upload, unless the same photo already has one in the store. */
  private async prepareThumbnail(type: AllowedType, tempPath: string, sha256: string): Promise<string | null> {
    if (!type.thumbnail || (await this.store.exists(this.store.thumbnailKey(sha256)))) return null;
    const output = tempPath.replace(/\.part$/, '.thumb.jpg');
    return (await writeThumbnail(tempPath, output)) ? output : null;
  }

  private async placeThumbnail(upload: ReceivedUpload): Promise<string | null> {
    const key = this.store.thumbnailKey(upload.sha256);
    if (upload.thumbnailTempPath) {
      await this.store.promote(upload.thumbnailTempPath, key);
      return key;
    }
    return (await this.store.exists(key)) ? key : null;
  }
}
