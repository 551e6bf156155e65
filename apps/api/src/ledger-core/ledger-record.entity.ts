import { Column, PrimaryColumn } from 'typeorm';

/**
 * Columns every ledger record has (DOMAIN.md §2): number, status, town and village, void,
 * optimistic-locking version and who/when. Ledger entities extend it.
 */
export abstract class LedgerRecordEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'town_id' }) townId!: string;
  @Column('uuid', { name: 'village_id', nullable: true }) villageId!: string | null;
  @Column('varchar', { length: 64 }) number!: string;
  /** Registration year in the town's zone, and the sequence within it. */
  @Column('int') year!: number;
  @Column('int') seq!: number;
  @Column('varchar', { length: 32 }) status!: string;
  @Column('timestamptz', { name: 'registered_at' }) registeredAt!: Date;
  @Column('uuid', { name: 'handler_ids', array: true, default: () => "'{}'" }) handlerIds!: string[];
  @Column('timestamptz', { name: 'voided_at', nullable: true }) voidedAt!: Date | null;
  @Column('varchar', { name: 'void_reason', length: 500, nullable: true }) voidReason!: string | null;
  @Column('uuid', { name: 'voided_by', nullable: true }) voidedBy!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy!: string | null;
  @Column('int', { default: 1 }) version!: number;
}

/** Columns every child row of a record has (a kit part, see kit/record-parts.ts): id, town and who/when. */
export abstract class RecordPartEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'town_id' }) townId!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
}
