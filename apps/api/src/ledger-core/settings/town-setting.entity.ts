import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A town's value of a setting (e.g. the mediation period); absent: the product default. */
@Entity({ name: 'town_setting' })
export class TownSettingEntity {
  @PrimaryColumn('uuid', { name: 'town_id' }) townId!: string;
  @PrimaryColumn('varchar', { length: 64 }) key!: string;
  @Column('jsonb') value!: unknown;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy!: string | null;
  @Column('int', { default: 1 }) version!: number;
}
