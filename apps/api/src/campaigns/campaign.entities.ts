import { Column, Entity, Index } from 'typeorm';
import { LedgerRecordEntity } from '../ledger-core/ledger-record.entity';

/** A concentrated destruction campaign (集中销毁行动). Status: planned → closed. */
@Entity({ name: 'campaign' })
@Index('ux_campaign_number', ['townId', 'number'], { unique: true })
@Index('ix_campaign_date', ['townId', 'date'])
export class CampaignEntity extends LedgerRecordEntity {
  @Column('date') date!: string;
  @Column('varchar', { length: 200 }) place!: string;
  @Column('text', { array: true, default: () => "'{}'" }) agencies!: string[];
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt!: Date | null;
  @Column('varchar', { length: 1000, nullable: true }) remark!: string | null;
}
