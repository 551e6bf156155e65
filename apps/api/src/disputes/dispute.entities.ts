import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type {
  AgreementForm,
  DisputeCategory,
  DisputePartyRole,
  DisputeRiskLevel,
  DisputeSource,
  EscalationKind,
  EscalationLevel,
  JudicialConfirmationResult,
  PerformanceStatus,
  ReferralRoute,
  Satisfaction,
} from '@fazhi/contracts';
import { LedgerRecordEntity, RecordPartEntity } from '../ledger-core/ledger-record.entity';

@Entity({ name: 'dispute' })
@Index('ux_dispute_number', ['townId', 'number'], { unique: true })
@Index('ix_dispute_status', ['townId', 'status'])
@Index('ix_dispute_registered', ['townId', 'registeredAt'])
@Index('ix_dispute_village', ['townId', 'villageId'])
@Index('ix_dispute_agreed', ['townId', 'agreedOn'])
@Index('ix_dispute_warning', ['townId', 'warningRaisedAt'])
export class DisputeEntity extends LedgerRecordEntity {
  @Column('date', { name: 'occurred_on' }) occurredOn!: string;
  @Column('varchar', { length: 16 }) source!: DisputeSource;
  @Column('varchar', { length: 24 }) category!: DisputeCategory;
  @Column('varchar', { length: 2000 }) summary!: string;
  @Column('varchar', { length: 200, nullable: true }) place!: string | null;
  @Column('varchar', { name: 'risk_level', length: 16, default: 'normal' }) riskLevel!: DisputeRiskLevel;
  @Column('timestamptz', { name: 'warning_raised_at', nullable: true }) warningRaisedAt!: Date | null;
  @Column('varchar', { name: 'warning_reason', length: 500, nullable: true }) warningReason!: string | null;
  @Column('date', { name: 'police_informed_on', nullable: true }) policeInformedOn!: string | null;
  @Column('varchar', { name: 'police_unit', length: 100, nullable: true }) policeUnit!: string | null;
  @Column('varchar', { name: 'warning_measures', length: 1000, nullable: true }) warningMeasures!: string | null;
  @Column('timestamptz', { name: 'warning_resolved_at', nullable: true }) warningResolvedAt!: Date | null;
  @Column('varchar', { name: 'warning_resolution', length: 500, nullable: true }) warningResolution!: string | null;
  /** Peace officers (register rows) mediating. */
  @Column('uuid', { name: 'mediator_ids', array: true, default: () => "'{}'" }) mediatorIds!: string[];
  @Column('date', { name: 'accepted_on', nullable: true }) acceptedOn!: string | null;
  @Column('date', { name: 'refused_on', nullable: true }) refusedOn!: string | null;
  @Column('uuid', { name: 'refusing_party_id', nullable: true }) refusingPartyId!: string | null;
  @Column('varchar', { name: 'refusal_reason', length: 500, nullable: true }) refusalReason!: string | null;
  @Column('varchar', { name: 'agreement_form', length: 8, nullable: true }) agreementForm!: AgreementForm | null;
  @Column('date', { name: 'agreed_on', nullable: true }) agreedOn!: string | null;
  @Column('varchar', { length: 4000, nullable: true }) facts!: string | null;
  @Column('varchar', { length: 2000, nullable: true }) issues!: string | null;
  @Column('varchar', { length: 2000, nullable: true }) responsibilities!: string | null;
  @Column('varchar', { length: 4000, nullable: true }) terms!: string | null;
  @Column('varchar', { name: 'performance_manner', length: 500, nullable: true }) performanceManner!: string | null;
  @Column('date', { name: 'performance_deadline', nullable: true }) performanceDeadline!: string | null;
  @Column('date', { name: 'terminated_on', nullable: true }) terminatedOn!: string | null;
  @Column('varchar', { name: 'termination_reason', length: 1000, nullable: true }) terminationReason!: string | null;
  @Column('varchar', { name: 'referral_route', length: 16, nullable: true }) referralRoute!: ReferralRoute | null;
  @Column('varchar', { name: 'referral_note', length: 500, nullable: true }) referralNote!: string | null;
  @Column('varchar', { name: 'performance_status', length: 16, nullable: true }) performanceStatus!: PerformanceStatus | null;
  @Column('date', { name: 'jc_applied_on', nullable: true }) jcAppliedOn!: string | null;
  @Column('varchar', { name: 'jc_court', length: 100, nullable: true }) jcCourt!: string | null;
  @Column('varchar', { name: 'jc_result', length: 16, nullable: true }) jcResult!: JudicialConfirmationResult | null;
  @Column('date', { name: 'jc_decided_on', nullable: true }) jcDecidedOn!: string | null;
  @Column('varchar', { name: 'jc_case_no', length: 64, nullable: true }) jcCaseNo!: string | null;
  @Column('date', { name: 'escalated_on', nullable: true }) escalatedOn!: string | null;
  @Column('varchar', { name: 'escalation_level', length: 16, nullable: true }) escalationLevel!: EscalationLevel | null;
  @Column('varchar', { name: 'escalation_kind', length: 16, nullable: true }) escalationKind!: EscalationKind | null;
  @Column('varchar', { name: 'escalation_note', length: 500, nullable: true }) escalationNote!: string | null;
  @Column('date', { name: 'archived_on', nullable: true }) archivedOn!: string | null;
  @Column('varchar', { name: 'archive_no', length: 64, nullable: true }) archiveNo!: string | null;
  @Column('varchar', { length: 1000, nullable: true }) remark!: string | null;
}

@Entity({ name: 'dispute_party' })
@Index('ix_dispute_party_dispute', ['townId', 'disputeId'])
@Index('ix_dispute_party_name', ['townId', 'nameIdx'])
@Index('ix_dispute_party_id_number', ['townId', 'idNumberIdx'])
@Index('ix_dispute_party_phone', ['townId', 'phoneIdx'])
export class DisputePartyEntity extends RecordPartEntity {
  @Column('uuid', { name: 'dispute_id' }) disputeId!: string;
  @ManyToOne(() => DisputeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'dispute_id', foreignKeyConstraintName: 'fk_dispute_party_dispute' })
  dispute?: DisputeEntity;
  @Column('varchar', { length: 16 }) role!: DisputePartyRole;
  @Column('text', { name: 'name_enc' }) nameEnc!: string;
  @Column('varchar', { name: 'name_idx', length: 64 }) nameIdx!: string;
  @Column('text', { name: 'id_number_enc', nullable: true }) idNumberEnc!: string | null;
  @Column('varchar', { name: 'id_number_idx', length: 64, nullable: true }) idNumberIdx!: string | null;
  @Column('text', { name: 'phone_enc', nullable: true }) phoneEnc!: string | null;
  @Column('varchar', { name: 'phone_idx', length: 64, nullable: true }) phoneIdx!: string | null;
  @Column('text', { name: 'address_enc', nullable: true }) addressEnc!: string | null;
  @Column('varchar', { name: 'address_idx', length: 64, nullable: true }) addressIdx!: string | null;
  @Column('int', { name: 'sort_order', default: 0 }) sortOrder!: number;
}

@Entity({ name: 'dispute_session' })
@Index('ix_dispute_session_dispute', ['townId', 'disputeId', 'date'])
export class DisputeSessionEntity extends RecordPartEntity {
  @Column('uuid', { name: 'dispute_id' }) disputeId!: string;
  @ManyToOne(() => DisputeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'dispute_id', foreignKeyConstraintName: 'fk_dispute_session_dispute' })
  dispute?: DisputeEntity;
  @Column('date') date!: string;
  @Column('varchar', { length: 200 }) place!: string;
  @Column('varchar', { length: 500 }) attendees!: string;
  @Column('varchar', { length: 4000 }) record!: string;
}

@Entity({ name: 'dispute_follow_up' })
@Index('ix_dispute_follow_up_dispute', ['townId', 'disputeId', 'date'])
export class DisputeFollowUpEntity extends RecordPartEntity {
  @Column('uuid', { name: 'dispute_id' }) disputeId!: string;
  @ManyToOne(() => DisputeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'dispute_id', foreignKeyConstraintName: 'fk_dispute_follow_up_dispute' })
  dispute?: DisputeEntity;
  @Column('date') date!: string;
  @Column('varchar', { length: 100 }) visitor!: string;
  @Column('varchar', { length: 16 }) performance!: PerformanceStatus;
  @Column('varchar', { length: 24 }) satisfaction!: Satisfaction;
  @Column('boolean', { name: 'new_risk', default: false }) newRisk!: boolean;
  @Column('varchar', { length: 1000, nullable: true }) note!: string | null;
}
