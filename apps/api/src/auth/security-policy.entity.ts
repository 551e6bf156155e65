import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SecurityPolicy } from '@fazhi/contracts';

@Entity({ name: 'security_policy' })
export class SecurityPolicyEntity {
  /** One row per deployment: 'global'. */
  @PrimaryColumn('varchar', { length: 16 }) id!: string;
  @Column('jsonb') policy!: SecurityPolicy;
  @Column('timestamptz', { name: 'updated_at', nullable: true }) updatedAt!: Date | null;
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy!: string | null;
  @Column('int', { default: 1 }) version!: number;
}
