import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { RegisterEntity } from '../../ledger-core/kit/register-entity';
import { UserEntity } from '../../org/user.entity';

/** A peace officer (平安员) of the town's register; disputes' mediators point here. */
@Entity({ name: 'peace_officer' })
@Index('ix_peace_officer_village', ['townId', 'villageId'])
@Index('ix_peace_officer_active', ['townId', 'activeFrom', 'activeTo'])
@Index('ix_peace_officer_user', ['townId', 'userId'])
@Index('ix_peace_officer_phone', ['townId', 'phoneIdx'])
export class PeaceOfficerEntity extends RegisterEntity {
  @Column('uuid', { name: 'village_id', nullable: true }) villageId!: string | null;
  @Column('varchar', { length: 50 }) name!: string;
  @Column('text', { name: 'phone_enc', nullable: true }) phoneEnc!: string | null;
  @Column('varchar', { name: 'phone_idx', length: 64, nullable: true }) phoneIdx!: string | null;
  @Column('date', { name: 'active_from' }) activeFrom!: string;
  @Column('date', { name: 'active_to', nullable: true }) activeTo!: string | null;
  @Column('uuid', { name: 'user_id', nullable: true }) userId!: string | null;
  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_peace_officer_user' })
  user?: UserEntity;
  @Column('varchar', { length: 500, nullable: true }) remark!: string | null;
}
