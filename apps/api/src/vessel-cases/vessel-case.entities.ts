import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Disposal, HullMaterial, PersuasionMeasure, VesselSource } from '@fazhi/contracts';
import { LedgerRecordEntity, RecordPartEntity } from '../ledger-core/ledger-record.entity';

const decimal = { to: (v: number | null | undefined) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

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

@Entity({ name: 'vessel_case' })
@Index('ux_vessel_case_number', ['townId', 'number'], { unique: true })
@Index('ix_vessel_case_status', ['townId', 'status'])
@Index('ix_vessel_case_registered', ['townId', 'registeredAt'])
@Index('ix_vessel_case_village_discovered', ['townId', 'villageId', 'discoveredAt'])
@Index('ix_vessel_case_dismantled', ['townId', 'dismantledOn'])
@Index('ix_vessel_case_campaign', ['townId', 'campaignId'])
@Index('ix_vessel_case_owner_name', ['townId', 'ownerNameIdx'])
@Index('ix_vessel_case_owner_id', ['townId', 'ownerIdIdx'])
@Index('ix_vessel_case_owner_phone', ['townId', 'ownerPhoneIdx'])
export class VesselCaseEntity extends LedgerRecordEntity {
  @Column('timestamptz', { name: 'discovered_at' }) discoveredAt!: Date;
  @Column('varchar', { length: 200 }) place!: string;
  @Column('numeric', { name: 'gps_lat', precision: 9, scale: 6, nullable: true, transformer: decimal }) gpsLat!: number | null;
  @Column('numeric', { name: 'gps_lng', precision: 9, scale: 6, nullable: true, transformer: decimal }) gpsLng!: number | null;
  @Column('varchar', { length: 16 }) source!: VesselSource;
  @Column('varchar', { name: 'hull_material', length: 16 }) hullMaterial!: HullMaterial;
  @Column('numeric', { name: 'length_m', precision: 6, scale: 2, nullable: true, transformer: decimal }) lengthM!: number | null;
  @Column('numeric', { name: 'engine_power_kw', precision: 8, scale: 2, nullable: true, transformer: decimal }) enginePowerKw!: number | null;
  @Column('varchar', { name: 'gear_type', length: 100, nullable: true }) gearType!: string | null;
  @Column('int', { name: 'gear_count', nullable: true }) gearCount!: number | null;
  @Column('varchar', { length: 200, nullable: true }) marks!: string | null;
  @Column('boolean', { default: false }) unclaimed!: boolean;
  @Column('text', { name: 'owner_name_enc', nullable: true }) ownerNameEnc!: string | null;
  @Column('varchar', { name: 'owner_name_idx', length: 64, nullable: true }) ownerNameIdx!: string | null;
  @Column('text', { name: 'owner_id_enc', nullable: true }) ownerIdEnc!: string | null;
  @Column('varchar', { name: 'owner_id_idx', length: 64, nullable: true }) ownerIdIdx!: string | null;
  @Column('text', { name: 'owner_phone_enc', nullable: true }) ownerPhoneEnc!: string | null;
  @Column('varchar', { name: 'owner_phone_idx', length: 64, nullable: true }) ownerPhoneIdx!: string | null;
  @Column('date', { name: 'notice_start', nullable: true }) noticeStart!: string | null;
  @Column('date', { name: 'notice_end', nullable: true }) noticeEnd!: string | null;
  @Column('date', { name: 'committed_on', nullable: true }) committedOn!: string | null;
  @Column('varchar', { length: 16, nullable: true }) disposal!: Disposal | null;
  @Column('date', { name: 'dismantled_on', nullable: true }) dismantledOn!: string | null;
  @Column('varchar', { name: 'dismantle_place', length: 200, nullable: true }) dismantlePlace!: string | null;
  @Column('uuid', { name: 'campaign_id', nullable: true }) campaignId!: string | null;
  @ManyToOne(() => CampaignEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'fk_vessel_case_campaign' })
  campaign?: CampaignEntity;
  @Column('varchar', { length: 500, nullable: true }) witnesses!: string | null;
  @Column('date', { name: 'verified_on', nullable: true }) verifiedOn!: string | null;
  @Column('varchar', { name: 'verified_by', length: 100, nullable: true }) verifiedBy!: string | null;
  @Column('date', { name: 'handed_over_on', nullable: true }) handedOverOn!: string | null;
  @Column('varchar', { name: 'external_case_no', length: 64, nullable: true }) externalCaseNo!: string | null;
  @Column('varchar', { length: 1000, nullable: true }) remark!: string | null;
}

@Entity({ name: 'vessel_persuasion' })
@Index('ix_vessel_persuasion_case', ['townId', 'caseId', 'date'])
export class VesselPersuasionEntity extends RecordPartEntity {
  @Column('uuid', { name: 'case_id' }) caseId!: string;
  @ManyToOne(() => VesselCaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_vessel_persuasion_case' })
  vesselCase?: VesselCaseEntity;
  @Column('date') date!: string;
  @Column('varchar', { length: 100 }) staff!: string;
  @Column('varchar', { length: 16 }) measure!: PersuasionMeasure;
  @Column('varchar', { length: 1000 }) result!: string;
}
