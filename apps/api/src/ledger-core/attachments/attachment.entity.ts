import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { AttachmentStage, LedgerType } from '@fazhi/contracts';

/**
 * A file attached to a ledger record. The bytes live once per content under `DATA_DIR/files`
 * (`storage_key` is `<sha256[0..2]>/<sha256>`); a removed attachment keeps its row and its file.
 */
@Entity({ name: 'attachment' })
@Index('ix_attachment_record', ['townId', 'ledger', 'recordId'])
export class AttachmentEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'town_id' }) townId!: string;
  @Column('varchar', { length: 32 }) ledger!: LedgerType;
  @Column('uuid', { name: 'record_id' }) recordId!: string;
  @Column('varchar', { length: 16 }) stage!: AttachmentStage;
  @Column('varchar', { name: 'file_name', length: 255 }) fileName!: string;
  /** The type told from the content, never the client's. */
  @Column('varchar', { length: 100 }) mime!: string;
  @Column('bigint') size!: string;
  @Column('varchar', { length: 64 }) sha256!: string;
  @Column('varchar', { name: 'storage_key', length: 100 }) storageKey!: string;
  @Column('varchar', { name: 'thumbnail_key', length: 100, nullable: true }) thumbnailKey!: string | null;
  @Column('uuid', { name: 'uploaded_by', nullable: true }) uploadedBy!: string | null;
  @Column('timestamptz', { name: 'uploaded_at' }) uploadedAt!: Date;
  @Column('timestamptz', { name: 'removed_at', nullable: true }) removedAt!: Date | null;
  @Column('uuid', { name: 'removed_by', nullable: true }) removedBy!: string | null;
  /** Holds personal data in full (e.g. a generated agreement): downloading it needs `personal.unmask`. */
  @Column('boolean', { default: false }) personal!: boolean;
}
