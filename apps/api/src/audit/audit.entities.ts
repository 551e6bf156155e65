import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { AuditOutcome } from '@fazhi/contracts';

/** Append-only: the database rejects UPDATE, DELETE and TRUNCATE (see the migration's triggers). */
@Entity({ name: 'audit_log' })
@Index('ix_audit_log_town_at', ['townId', 'at'])
@Index('ix_audit_log_entity', ['entity', 'entityId'])
@Index('ix_audit_log_user', ['userId', 'at'])
export class AuditLogEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @Column('timestamptz') at!: Date;
  @Column('uuid', { name: 'town_id', nullable: true }) townId!: string | null;
  @Column('uuid', { name: 'user_id', nullable: true }) userId!: string | null;
  @Column('varchar', { length: 64, nullable: true }) username!: string | null;
  @Column('varchar', { length: 64, nullable: true }) address!: string | null;
  @Column('varchar', { name: 'request_id', length: 64, nullable: true }) requestId!: string | null;
  @Column('varchar', { length: 64 }) action!: string;
  @Column('varchar', { length: 64, nullable: true }) entity!: string | null;
  @Column('varchar', { name: 'entity_id', length: 64, nullable: true }) entityId!: string | null;
  @Column('varchar', { length: 16 }) outcome!: AuditOutcome;
  @Column('jsonb', { nullable: true }) before!: unknown;
  @Column('jsonb', { nullable: true }) after!: unknown;
  @Column('jsonb', { nullable: true }) detail!: unknown;
}

/** The hash chain over committed audit rows, in the order the sealer saw them. Append-only too. */
@Entity({ name: 'audit_seal' })
@Index('ux_audit_seal_audit', ['auditId'], { unique: true })
export class AuditSealEntity {
  @PrimaryColumn('bigint') seq!: string;
  @Column('bigint', { name: 'audit_id' }) auditId!: string;
  @Column('varchar', { name: 'prev_hash', length: 64 }) prevHash!: string;
  @Column('varchar', { length: 64 }) hash!: string;
  @Column('timestamptz', { name: 'sealed_at' }) sealedAt!: Date;
}

/**
 * Marks of the chain kept apart from it: the legacy marker (the last link sealed before the chain
 * was keyed) and signed heads written by the sealer, so a cut-off tail is detected. Append-only.
 */
@Entity({ name: 'audit_checkpoint' })
export class AuditCheckpointEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'pk_audit_checkpoint' }) id!: string;
  @Column('varchar', { length: 16 }) kind!: 'legacy' | 'head';
  @Column('bigint', { name: 'seal_seq' }) sealSeq!: string;
  @Column('varchar', { name: 'head_hash', length: 64 }) headHash!: string;
  @Column('varchar', { length: 64, nullable: true }) mac!: string | null;
  @Column('timestamptz') at!: Date;
}
