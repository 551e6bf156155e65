import { Injectable } from '@nestjs/common';
import type { LedgerType } from '@fazhi/contracts';
import { DataSource, EntityManager, FindOptionsWhere, IsNull } from 'typeorm';
import { entityColumns, selectList } from '../../common/entity-columns';
import { AttachmentEntity } from './attachment.entity';

/** The ledger record an attachment must belong to, when the caller knows it. */
export interface AttachmentOwner {
  ledger: LedgerType;
  recordId: string;
}

/** Attachments and content files are guarded by one advisory lock: uploads share it, the orphan sweep takes it alone. */
export const ATTACHMENT_FILES_LOCK = 727_010;

@Injectable()
export class AttachmentsRepository {
  /** The SELECT list of listByRecord(), made once from the entity's columns. */
  private columns: string | undefined;

  constructor(private readonly ds: DataSource) {}

  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(work);
  }

  async insert(em: EntityManager, row: AttachmentEntity): Promise<void> {
    await em.insert(AttachmentEntity, row);
  }

  /** A record's attachments in upload order (a raw read: it serves every detail page). */
  listByRecord(ledger: LedgerType, recordId: string, townId: string): Promise<AttachmentEntity[]> {
    this.columns ??= selectList('a', entityColumns(this.ds, AttachmentEntity));
    return this.ds.query(
      `SELECT ${this.columns} FROM attachment a
        WHERE a.ledger = $1 AND a.record_id = $2 AND a.removed_at IS NULL AND a.town_id = $3
        ORDER BY a.uploaded_at ASC, a.file_name ASC, a.id ASC`,
      [ledger, recordId, townId],
    );
  }

  /** An attachment that is not removed (and belongs to `owner`, when given). */
  findVisible(id: string, owner?: AttachmentOwner, em: EntityManager = this.ds.manager, lock = false): Promise<AttachmentEntity | null> {
    const where: FindOptionsWhere<AttachmentEntity> = { id, removedAt: IsNull(), ...(owner ? { ledger: owner.ledger, recordId: owner.recordId } : {}) };
    return em.getRepository(AttachmentEntity).findOne({ where, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  async markRemoved(em: EntityManager, id: string, at: Date, userId: string | null): Promise<void> {
    await em.update(AttachmentEntity, { id }, { removedAt: at, removedBy: userId });
  }

  /** Shared while an upload's transaction places files; released when it ends. */
  async shareFilesLock(em: EntityManager): Promise<void> {
    await em.query('SELECT pg_advisory_xact_lock_shared($1)', [ATTACHMENT_FILES_LOCK]);
  }

  /** The lock alone, for the sweep: false while any upload transaction is open. */
  async tryExclusiveFilesLock(em: EntityManager): Promise<boolean> {
    const [row] = await em.query<{ locked: boolean }[]>('SELECT pg_try_advisory_xact_lock($1) AS locked', [ATTACHMENT_FILES_LOCK]);
    return row.locked === true;
  }

  /** Which of these storage keys a row (removed or not) refers to, as content or thumbnail. */
  async referencedKeys(em: EntityManager, keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows: { key: string }[] = await em.query(
      `SELECT storage_key AS key FROM attachment WHERE storage_key = ANY($1)
       UNION SELECT thumbnail_key FROM attachment WHERE thumbnail_key = ANY($1)`,
      [keys],
    );
    return new Set(rows.map((r) => r.key));
  }
}
