import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../org/user.entity';

/** An in-app notification to one user (e.g. a dispute warning to the town's leaders). */
@Entity({ name: 'notification' })
@Index('ix_notification_recipient', ['townId', 'recipientId', 'createdAt'])
@Index('ix_notification_unread', ['townId', 'recipientId', 'readAt'])
export class NotificationEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'town_id' }) townId!: string;
  @Column('uuid', { name: 'recipient_id' }) recipientId!: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recipient_id', foreignKeyConstraintName: 'fk_notification_recipient' })
  recipient?: UserEntity;
  @Column('varchar', { length: 32 }) kind!: string;
  @Column('varchar', { length: 200 }) title!: string;
  @Column('varchar', { length: 1000, nullable: true }) body!: string | null;
  @Column('varchar', { length: 300, nullable: true }) link!: string | null;
  @Column('varchar', { length: 32, nullable: true }) ledger!: string | null;
  @Column('uuid', { name: 'record_id', nullable: true }) recordId!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'read_at', nullable: true }) readAt!: Date | null;
}
