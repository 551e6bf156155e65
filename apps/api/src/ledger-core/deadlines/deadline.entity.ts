import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DeadlineUnit, LedgerType } from '@fazhi/contracts';

/**
 * A timer on a ledger record (e.g. a notice period, a statutory time limit): its rule, its
 * pauses and extensions, and the due date they give.
 */
@Entity({ name: 'deadline' })
@Index('ix_deadline_town_record', ['townId', 'ledger', 'recordId'])
@Index('ix_deadline_town_due', ['townId', 'dueDate'])
export class DeadlineEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'town_id' }) townId!: string;
  @Column('uuid', { name: 'village_id', nullable: true }) villageId!: string | null;
  @Column('varchar', { length: 32 }) ledger!: LedgerType;
  @Column('uuid', { name: 'record_id' }) recordId!: string;
  @Column('varchar', { length: 48 }) kind!: string;
  @Column('varchar', { length: 200 }) title!: string;
  @Column('int', { name: 'rule_days' }) ruleDays!: number;
  @Column('varchar', { name: 'rule_unit', length: 16 }) unit!: DeadlineUnit;
  @Column('date', { name: 'start_date' }) startDate!: string;
  @Column('date', { name: 'base_due_date' }) baseDueDate!: string;
  @Column('date', { name: 'paused_from', nullable: true }) pausedFrom!: string | null;
  /** Days spent paused, in the rule's unit. */
  @Column('int', { name: 'paused_days', default: 0 }) pausedDays!: number;
  @Column('int', { name: 'extension_days', default: 0 }) extensionDays!: number;
  @Column('varchar', { name: 'extension_reason', length: 500, nullable: true }) extensionReason!: string | null;
  @Column('uuid', { name: 'extended_by', nullable: true }) extendedBy!: string | null;
  @Column('date', { name: 'due_date' }) dueDate!: string;
  @Column('timestamptz', { name: 'done_at', nullable: true }) doneAt!: Date | null;
  @Column('uuid', { name: 'assignee_ids', array: true, default: () => "'{}'" }) assigneeIds!: string[];
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('int', { default: 1 }) version!: number;
}
