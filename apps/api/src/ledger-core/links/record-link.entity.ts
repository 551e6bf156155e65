import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A link between records of two ledgers (DOMAIN.md §2), kept by the core so that no ledger imports
 * another: a consultation handed to mediation links to the dispute it created. Both sides read it.
 */
@Entity({ name: 'record_link' })
@Index('ix_record_link_from', ['townId', 'fromLedger', 'fromId'])
@Index('ix_record_link_to', ['townId', 'toLedger', 'toId'])
export class RecordLinkEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'town_id' }) townId!: string;
  @Column('varchar', { name: 'from_ledger', length: 32 }) fromLedger!: string;
  @Column('uuid', { name: 'from_id' }) fromId!: string;
  @Column('varchar', { name: 'from_number', length: 64 }) fromNumber!: string;
  @Column('varchar', { name: 'to_ledger', length: 32 }) toLedger!: string;
  @Column('uuid', { name: 'to_id' }) toId!: string;
  @Column('varchar', { name: 'to_number', length: 64 }) toNumber!: string;
  @Column('varchar', { length: 16 }) relation!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
}
