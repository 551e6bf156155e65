import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Every state change of every ledger record: who, when, from → to, remark and the step's data. */
@Entity({ name: 'status_history' })
@Index('ix_status_history_record', ['townId', 'ledger', 'recordId', 'at'])
@Index('ix_status_history_reached', ['townId', 'ledger', 'toStatus', 'at'])
export class StatusHistoryEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @Column('uuid', { name: 'town_id' }) townId!: string;
  @Column('varchar', { length: 32 }) ledger!: string;
  @Column('uuid', { name: 'record_id' }) recordId!: string;
  @Column('varchar', { name: 'from_status', length: 32, nullable: true }) fromStatus!: string | null;
  @Column('varchar', { name: 'to_status', length: 32 }) toStatus!: string;
  @Column('timestamptz') at!: Date;
  @Column('uuid', { name: 'user_id', nullable: true }) userId!: string | null;
  @Column('varchar', { length: 500, nullable: true }) remark!: string | null;
  @Column('jsonb', { nullable: true }) data!: unknown;
}
