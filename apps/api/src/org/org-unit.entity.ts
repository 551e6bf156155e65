import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { OrgLevel } from '@fazhi/contracts';

@Entity({ name: 'org_unit' })
@Index('ix_org_unit_town', ['townId', 'sortOrder'])
@Index('ix_org_unit_parent', ['parentId'])
@Index('ux_org_unit_code', ['code'], { unique: true })
export class OrgUnitEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'parent_id', nullable: true }) parentId!: string | null;
  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'fk_org_unit_parent' })
  parent?: OrgUnitEntity;
  /** The town this unit belongs to: itself for a town, its parent for a village, null above. */
  @Column('uuid', { name: 'town_id', nullable: true }) townId!: string | null;
  @Column('varchar', { length: 16 }) level!: OrgLevel;
  @Column('varchar', { length: 32 }) code!: string;
  @Column('varchar', { length: 100 }) name!: string;
  @Column('varchar', { name: 'time_zone', length: 64, default: 'Asia/Shanghai' }) timeZone!: string;
  @Column('varchar', { name: 'number_prefix', length: 32, nullable: true }) numberPrefix!: string | null;
  @Column('int', { name: 'sort_order', default: 0 }) sortOrder!: number;
  /** Materialised path of ids from the root, e.g. `/<county>/<town>/<village>/`. */
  @Column('text') path!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('int', { default: 1 }) version!: number;
}
