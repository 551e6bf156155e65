import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrgUnitEntity } from './org-unit.entity';
import type { UserStatus } from '@fazhi/contracts';

@Entity({ name: 'app_user' })
@Index('ux_app_user_username', ['username'], { unique: true })
@Index('ix_app_user_town', ['townId', 'orgUnitId'])
export class UserEntity {
  @PrimaryColumn('uuid') id!: string;
  /** Stored lower-case. */
  @Column('varchar', { length: 64 }) username!: string;
  @Column('varchar', { name: 'display_name', length: 64 }) displayName!: string;
  @Column('varchar', { length: 32, nullable: true }) phone!: string | null;
  @Column('uuid', { name: 'org_unit_id' }) orgUnitId!: string;
  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id', foreignKeyConstraintName: 'fk_app_user_org_unit' })
  orgUnit?: OrgUnitEntity;
  @Column('uuid', { name: 'town_id', nullable: true }) townId!: string | null;
  @Column('text', { name: 'password_hash' }) passwordHash!: string;
  @Column('timestamptz', { name: 'password_changed_at' }) passwordChangedAt!: Date;
  @Column('boolean', { name: 'must_change_password', default: true }) mustChangePassword!: boolean;
  /** Demo accounts keep their published password. */
  @Column('boolean', { default: false }) demo!: boolean;
  @Column('varchar', { length: 16, default: 'active' }) status!: UserStatus;
  @Column('varchar', { name: 'disabled_reason', length: 200, nullable: true }) disabledReason!: string | null;
  @Column('timestamptz', { name: 'last_login_at', nullable: true }) lastLoginAt!: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy!: string | null;
  @Column('int', { default: 1 }) version!: number;
}
