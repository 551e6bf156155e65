import { Column, Entity, Index } from 'typeorm';
import { LedgerRecordEntity, RecordPartEntity } from '../../src/ledger-core/ledger-record.entity';

/** A publicity event (普法活动), the smallest ledger record: a title, the day it was held and its audience. */
@Entity({ name: 'fixture_event' })
@Index('ux_fixture_event_number', ['townId', 'number'], { unique: true })
export class FixtureEventEntity extends LedgerRecordEntity {
  @Column('varchar', { length: 200 }) title!: string;
  @Column('date', { name: 'held_on', nullable: true }) heldOn!: string | null;
  @Column('int', { default: 0 }) audience!: number;
  @Column('varchar', { length: 500, nullable: true }) remark!: string | null;
}

/** A guest of an event (嘉宾), the fixture's part: a name and phone kept as personal data, and a topic. */
@Entity({ name: 'fixture_event_guest' })
export class FixtureGuestEntity extends RecordPartEntity {
  @Column('uuid', { name: 'event_id' }) eventId!: string;
  @Column('text', { name: 'name_enc' }) nameEnc!: string;
  @Column('varchar', { name: 'name_idx', length: 64 }) nameIdx!: string;
  @Column('text', { name: 'phone_enc', nullable: true }) phoneEnc!: string | null;
  @Column('varchar', { name: 'phone_idx', length: 64, nullable: true }) phoneIdx!: string | null;
  @Column('varchar', { length: 200 }) topic!: string;
  @Column('int', { name: 'sort_order', default: 0 }) sortOrder!: number;
}
