import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { RegisterEntity } from '../../ledger-core/kit/register-entity';
import type { CertificateEventKind, CertificateStatus } from '@fazhi/contracts';
import { UserEntity } from '../../org/user.entity';

/** An enforcement certificate (执法证) held by an officer (DOMAIN.md §3.5). */
@Entity({ name: 'certificate' })
@Index('ux_certificate_number', ['townId', 'number'], { unique: true })
@Index('ix_certificate_officer', ['townId', 'officerId'])
export class CertificateEntity extends RegisterEntity {
  @Column('uuid', { name: 'officer_id' }) officerId!: string;
  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'officer_id', foreignKeyConstraintName: 'fk_certificate_officer' })
  officer?: UserEntity;
  @Column('varchar', { length: 64 }) number!: string;
  @Column('date', { name: 'issued_on' }) issuedOn!: string;
  @Column('date', { name: 'expires_on' }) expiresOn!: string;
  @Column('varchar', { length: 16 }) status!: CertificateStatus;
}

@Entity({ name: 'certificate_event' })
@Index('ix_certificate_event_cert', ['townId', 'certificateId', 'date'])
export class CertificateEventEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'town_id' }) townId!: string;
  @Column('uuid', { name: 'certificate_id' }) certificateId!: string;
  @ManyToOne(() => CertificateEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'certificate_id', foreignKeyConstraintName: 'fk_certificate_event_cert' })
  certificate?: CertificateEntity;
  @Column('varchar', { length: 16 }) kind!: CertificateEventKind;
  @Column('date') date!: string;
  @Column('varchar', { length: 500, nullable: true }) remark!: string | null;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
