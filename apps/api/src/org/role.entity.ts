import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrgUnitEntity } from './org-unit.entity';
import { UserEntity } from './user.entity';
import type { DataScope } from '@fazhi/contracts';

@Entity({ name: 'role' })
@Index('ux_role_code', ['code'], { unique: true })
export class RoleEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('varchar', { length: 48 }) code!: string;
  @Column('varchar', { length: 64 }) name!: string;
  @Column('varchar', { name: 'name_en', length: 64 }) nameEn!: string;
  @Column('varchar', { name: 'default_scope', length: 16 }) defaultScope!: DataScope;
  @Column('boolean', { default: false }) builtin!: boolean;
  @Column('text', { array: true, default: () => "'{}'" }) permissions!: string[];
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('int', { default: 1 }) version!: number;
}

@Entity({ name: 'user_role' })
@Index('ix_user_role_user', ['userId'])
@Index('ix_user_role_role', ['roleId'])
@Index('ix_user_role_town', ['townId'])
export class UserRoleEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'user_id' }) userId!: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_user_role_user' })
  user?: UserEntity;
  @Column('uuid', { name: 'role_id' }) roleId!: string;
  @ManyToOne(() => RoleEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'role_id', foreignKeyConstraintName: 'fk_user_role_role' })
  role?: RoleEntity;
  /** The unit the assignment is anchored on; the scope is read from there. */
  @Column('uuid', { name: 'org_unit_id' }) orgUnitId!: string;
  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id', foreignKeyConstraintName: 'fk_user_role_org_unit' })
  orgUnit?: OrgUnitEntity;
  @Column('uuid', { name: 'town_id', nullable: true }) townId!: string | null;
  @Column('varchar', { length: 16 }) scope!: DataScope;
  @Column('uuid', { name: 'village_ids', array: true, default: () => "'{}'" }) villageIds!: string[];
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
