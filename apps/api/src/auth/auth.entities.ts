import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../org/user.entity';

@Entity({ name: 'auth_session' })
@Index('ux_auth_session_token', ['tokenHash'], { unique: true })
@Index('ix_auth_session_user', ['userId'])
export class SessionEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('varchar', { name: 'token_hash', length: 64 }) tokenHash!: string;
  @Column('uuid', { name: 'user_id' }) userId!: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_auth_session_user' })
  user?: UserEntity;
  @Column('varchar', { length: 8 }) kind!: 'cookie' | 'bearer';
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'last_seen_at' }) lastSeenAt!: Date;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt!: Date;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
  @Column('varchar', { name: 'revoke_reason', length: 32, nullable: true }) revokeReason!: string | null;
  @Column('varchar', { length: 64, nullable: true }) address!: string | null;
  @Column('varchar', { name: 'user_agent', length: 300, nullable: true }) userAgent!: string | null;
}

@Entity({ name: 'login_attempt' })
@Index('ix_login_attempt_username', ['username', 'at'])
@Index('ix_login_attempt_address', ['address', 'at'])
@Index('ix_login_attempt_town', ['townId', 'at'])
export class LoginAttemptEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @Column('timestamptz') at!: Date;
  @Column('varchar', { length: 64 }) username!: string;
  @Column('uuid', { name: 'user_id', nullable: true }) userId!: string | null;
  @Column('uuid', { name: 'town_id', nullable: true }) townId!: string | null;
  @Column('varchar', { length: 64, nullable: true }) address!: string | null;
  @Column('varchar', { name: 'user_agent', length: 300, nullable: true }) userAgent!: string | null;
  @Column('boolean') success!: boolean;
  /** ok, wrong_password, unknown_user, disabled, locked, address_limited, unlocked. */
  @Column('varchar', { length: 32 }) reason!: string;
}

@Entity({ name: 'account_lock' })
export class AccountLockEntity {
  @PrimaryColumn('varchar', { length: 64 }) username!: string;
  @Column('timestamptz', { name: 'locked_at' }) lockedAt!: Date;
  @Column('timestamptz', { name: 'locked_until' }) lockedUntil!: Date;
  /** Failures before this instant no longer count (set by an unlock or a successful sign-in). */
  @Column('timestamptz', { name: 'cleared_at', nullable: true }) clearedAt!: Date | null;
  @Column('uuid', { name: 'cleared_by', nullable: true }) clearedBy!: string | null;
}

/** The latest password hashes of an account (PASSWORD_HISTORY_SIZE of them, the current one included). */
@Entity({ name: 'password_history' })
@Index('ix_password_history_user', ['userId', 'createdAt'])
export class PasswordHistoryEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'pk_password_history' }) id!: string;
  @Column('uuid', { name: 'user_id' }) userId!: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_password_history_user' })
  user?: UserEntity;
  @Column('text', { name: 'password_hash' }) passwordHash!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
