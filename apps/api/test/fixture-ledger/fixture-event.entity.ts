import { Column, Entity, Index } from 'typeorm';
import { LedgerRecordEntity } from '../../src/ledger-core/ledger-record.entity';

/** A publicity event (普法活动), the smallest ledger record: a title, the day it was held and its audience. */
@Entity({ name: 'fixture_event' })
@Index('ux_fixture_event_number', ['townId', 'number'], { unique: true })
export class FixtureEventEntity extends LedgerRecordEntity {
  @Column('varchar', { length: 200 }) title!: string;
  @Column('date', { name: 'held_on', nullable: true }) heldOn!: string | null;
  @Column('int', { default: 0 }) audience!: number;
  @Column('varchar', { length: 500, nullable: true }) remark!: string | null;
}
