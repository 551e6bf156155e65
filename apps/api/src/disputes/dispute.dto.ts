import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import {
  AGREEMENT_FORM_LABELS,
  DISPUTE_CATEGORY_LABELS,
  DISPUTE_PARTY_ROLE_LABELS,
  DISPUTE_RISK_LABELS,
  DISPUTE_SOURCE_LABELS,
  DISPUTE_STATUSES,
  ESCALATION_KIND_LABELS,
  ESCALATION_LEVEL_LABELS,
  JUDICIAL_RESULT_LABELS,
  PERFORMANCE_STATUS_LABELS,
  REFERRAL_ROUTE_LABELS,
  SATISFACTION_LABELS,
} from '@fazhi/contracts';
import type {
  AgreementForm,
  DisputeCategory,
  DisputeInput,
  DisputeListQuery as DisputeListFilters,
  DisputePartyInput,
  DisputePartyRole,
  DisputeRiskLevel,
  DisputeSource,
  EscalationKind,
  EscalationLevel,
  JudicialConfirmationResult,
  MediationPeriod,
  PerformanceStatus,
  ReferralRoute,
  Satisfaction,
} from '@fazhi/contracts';
import { PageQuery } from '../common/pagination';
import { Trim } from '../common/strings';
import { IsVersion } from '../common/version';
import { csvList } from '../ledger-core/ledger.dto';
import { IsCalendarDate, IsYearMonth } from '../common/dates';

const keys = (o: object) => Object.keys(o);
const year = () => [Type(() => Number), IsInt(), Min(2000), Max(2100)];
const apply =
  (...decorators: PropertyDecorator[]) =>
  (target: object, key: string | symbol) =>
    decorators.forEach((d) => d(target, key));
const Year = () => apply(IsOptional(), ...year());

export class DisputePartyDto implements DisputePartyInput {
  @ApiProperty({ enum: keys(DISPUTE_PARTY_ROLE_LABELS) }) @IsIn(keys(DISPUTE_PARTY_ROLE_LABELS)) role!: DisputePartyRole;
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(50) name!: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(18) idNumber?: string | null;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(20) phone?: string | null;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(200) address?: string | null;
}

export class DisputeCreateDto implements DisputeInput {
  @ApiPropertyOptional() @IsOptional() @IsUUID() townId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() villageId?: string | null;
  @ApiProperty() @IsCalendarDate() occurredOn!: string;
  @ApiProperty({ enum: keys(DISPUTE_SOURCE_LABELS) }) @IsIn(keys(DISPUTE_SOURCE_LABELS)) source!: DisputeSource;
  @ApiProperty({ enum: keys(DISPUTE_CATEGORY_LABELS) }) @IsIn(keys(DISPUTE_CATEGORY_LABELS)) category!: DisputeCategory;
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(2000) summary!: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(200) place?: string | null;
  @ApiPropertyOptional({ enum: ['normal', 'elevated'] }) @IsOptional() @IsIn(['normal', 'elevated']) riskLevel?: 'normal' | 'elevated';
  @ApiPropertyOptional({ type: [DisputePartyDto] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => DisputePartyDto) parties?: DisputePartyDto[];
  @ApiPropertyOptional({ type: [String], description: 'peace officer ids' }) @IsOptional() @IsArray() @ArrayMaxSize(10) @IsUUID('all', { each: true }) mediatorIds?: string[];
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(1000) remark?: string | null;
}

/** Agreement text (Art 29) may be corrected while the agreement is not yet being performed. */
export class DisputeUpdateDto extends PartialType(OmitType(DisputeCreateDto, ['townId', 'riskLevel', 'parties'] as const)) {
  @ApiProperty() @IsVersion() version!: number;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(4000) facts?: string | null;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(2000) issues?: string | null;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(2000) responsibilities?: string | null;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(4000) terms?: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(500) performanceManner?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() performanceDeadline?: string;
}

/** The data a dispute step may carry (checked after the transition table says what is required). */
export class DisputeStepData {
  @IsOptional() @IsCalendarDate() acceptedOn?: string;
  @IsOptional() @IsArray() @ArrayMaxSize(10) @IsUUID('all', { each: true }) mediatorIds?: string[];
  @IsOptional() @IsCalendarDate() refusedOn?: string;
  @IsOptional() @IsUUID() refusingPartyId?: string;
  @IsOptional() @Trim() @IsString() @MaxLength(500) refusalReason?: string;
  @IsOptional() @IsIn(keys(AGREEMENT_FORM_LABELS)) agreementForm?: AgreementForm;
  @IsOptional() @IsCalendarDate() agreedOn?: string;
  @IsOptional() @Trim() @IsString() @MaxLength(4000) facts?: string;
  @IsOptional() @Trim() @IsString() @MaxLength(2000) issues?: string;
  @IsOptional() @Trim() @IsString() @MaxLength(2000) responsibilities?: string;
  @IsOptional() @Trim() @IsString() @MaxLength(4000) terms?: string;
  @IsOptional() @Trim() @IsString() @MaxLength(500) performanceManner?: string;
  @IsOptional() @IsCalendarDate() performanceDeadline?: string;
  @IsOptional() @IsCalendarDate() terminatedOn?: string;
  @IsOptional() @Trim() @IsString() @MaxLength(1000) terminationReason?: string;
  @IsOptional() @IsIn(keys(REFERRAL_ROUTE_LABELS)) referralRoute?: ReferralRoute;
  @IsOptional() @Trim() @IsString() @MaxLength(500) referralNote?: string;
  @IsOptional() @IsIn(keys(PERFORMANCE_STATUS_LABELS)) performanceStatus?: PerformanceStatus;
  @IsOptional() @IsCalendarDate() archivedOn?: string;
  @IsOptional() @Trim() @IsString() @MaxLength(64) archiveNo?: string;
}

export class PartyCreateDto extends DisputePartyDto {
  @ApiProperty() @IsVersion() version!: number;
}

export class PartyUpdateDto extends PartialType(DisputePartyDto) {
  @ApiProperty() @IsVersion() version!: number;
}

export class SessionCreateDto {
  @ApiProperty() @IsVersion() version!: number;
  @ApiProperty() @IsCalendarDate() date!: string;
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(200) place!: string;
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(500) attendees!: string;
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(4000) record!: string;
}

export class FollowUpCreateDto {
  @ApiProperty() @IsVersion() version!: number;
  @ApiProperty() @IsCalendarDate() date!: string;
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(100) visitor!: string;
  @ApiProperty({ enum: keys(PERFORMANCE_STATUS_LABELS) }) @IsIn(keys(PERFORMANCE_STATUS_LABELS)) performance!: PerformanceStatus;
  @ApiProperty({ enum: keys(SATISFACTION_LABELS) }) @IsIn(keys(SATISFACTION_LABELS)) satisfaction!: Satisfaction;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() newRisk?: boolean;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(1000) note?: string | null;
}

/** Raising to a group-incident warning needs the reason and the police report (Art 25). */
export class RiskChangeDto {
  @ApiProperty() @IsVersion() version!: number;
  @ApiProperty({ enum: keys(DISPUTE_RISK_LABELS) }) @IsIn(keys(DISPUTE_RISK_LABELS)) level!: DisputeRiskLevel;
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(500) reason!: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() policeInformedOn?: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(100) policeUnit?: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(1000) measures?: string;
}

export class EscalationDto {
  @ApiProperty() @IsVersion() version!: number;
  @ApiProperty() @IsCalendarDate() escalatedOn!: string;
  @ApiProperty({ enum: keys(ESCALATION_LEVEL_LABELS) }) @IsIn(keys(ESCALATION_LEVEL_LABELS)) level!: EscalationLevel;
  @ApiProperty({ enum: keys(ESCALATION_KIND_LABELS) }) @IsIn(keys(ESCALATION_KIND_LABELS)) kind!: EscalationKind;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(500) note?: string | null;
}

export class JudicialConfirmationInputDto {
  @ApiProperty() @IsVersion() version!: number;
  @ApiProperty() @IsCalendarDate() appliedOn!: string;
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(100) court!: string;
  @ApiPropertyOptional({ enum: keys(JUDICIAL_RESULT_LABELS) }) @IsOptional() @IsIn(keys(JUDICIAL_RESULT_LABELS)) result?: JudicialConfirmationResult;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() decidedOn?: string | null;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(64) caseNo?: string | null;
}

export class DeadlineExtendDto {
  @ApiProperty() @IsVersion() version!: number;
  @ApiProperty() @IsInt() @Min(1) @Max(366) days!: number;
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(500) reason!: string;
  @ApiProperty({ description: 'the user who approved the extension' }) @IsUUID() approvedBy!: string;
}

export const DISPUTE_UNMASK_FIELDS = ['name', 'idNumber', 'phone', 'address'] as const;
export class DisputeUnmaskDto {
  @ApiPropertyOptional({ description: 'the party; all parties when absent' }) @IsOptional() @IsUUID() partyId?: string;
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(4) @IsIn(DISPUTE_UNMASK_FIELDS, { each: true }) fields!: (typeof DISPUTE_UNMASK_FIELDS)[number][];
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(200) reason!: string;
}

export class MediationPeriodDto implements MediationPeriod {
  @ApiProperty() @IsVersion() version!: number;
  @ApiProperty() @IsInt() @Min(1) @Max(366) amount!: number;
  @ApiProperty({ enum: ['month', 'calendar', 'working'] }) @IsIn(['month', 'calendar', 'working']) unit!: MediationPeriod['unit'];
}

export class DisputeListQuery extends PageQuery implements DisputeListFilters {
  @ApiPropertyOptional({ description: 'comma-separated statuses' })
  @IsOptional()
  @Transform(csvList)
  @IsArray()
  @IsIn(DISPUTE_STATUSES as string[], { each: true })
  status?: DisputeListFilters['status'];
  @ApiPropertyOptional({ description: 'reached every one of these states at some time (status history)' })
  @IsOptional()
  @Transform(csvList)
  @IsArray()
  @IsIn(DISPUTE_STATUSES as string[], { each: true })
  reached?: DisputeListFilters['reached'];
  @ApiPropertyOptional() @IsOptional() @IsUUID() townId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() villageId?: string;
  @ApiPropertyOptional({ description: 'disputes without a village' }) @IsOptional() @IsIn(['true']) noVillage?: 'true';
  @ApiPropertyOptional({ enum: keys(DISPUTE_CATEGORY_LABELS) }) @IsOptional() @IsIn(keys(DISPUTE_CATEGORY_LABELS)) category?: DisputeCategory;
  @ApiPropertyOptional({ enum: keys(DISPUTE_SOURCE_LABELS) }) @IsOptional() @IsIn(keys(DISPUTE_SOURCE_LABELS)) source?: DisputeSource;
  @ApiPropertyOptional({ enum: keys(DISPUTE_RISK_LABELS) }) @IsOptional() @IsIn(keys(DISPUTE_RISK_LABELS)) riskLevel?: DisputeRiskLevel;
  @ApiPropertyOptional({ description: 'peace officer id' }) @IsOptional() @IsUUID() mediatorId?: string;
  @ApiPropertyOptional({ description: 'occurred on or after' }) @IsOptional() @IsCalendarDate() from?: string;
  @ApiPropertyOptional({ description: 'occurred on or before' }) @IsOptional() @IsCalendarDate() to?: string;
  @ApiPropertyOptional({ description: 'number or summary' }) @IsOptional() @Trim() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ description: 'a party’s exact name' }) @IsOptional() @Trim() @IsString() @MaxLength(50) partyName?: string;
  @ApiPropertyOptional({ description: 'a party’s exact ID number' }) @IsOptional() @Trim() @IsString() @MaxLength(18) partyIdNumber?: string;
  @ApiPropertyOptional({ description: 'a party’s exact phone' }) @IsOptional() @Trim() @IsString() @MaxLength(20) partyPhone?: string;
  @ApiPropertyOptional() @Year() registeredYear?: number;
  @ApiPropertyOptional() @IsOptional() @IsYearMonth() registeredMonth?: string;
  @ApiPropertyOptional() @Year() acceptedYear?: number;
  @ApiPropertyOptional() @Year() agreedYear?: number;
  @ApiPropertyOptional() @IsOptional() @IsYearMonth() agreedMonth?: string;
  @ApiPropertyOptional() @Year() terminatedYear?: number;
  @ApiPropertyOptional({ description: 'agreed or terminated in the year (the success rate’s denominator)' }) @Year() concludedYear?: number;
  @ApiPropertyOptional({ description: 'a group-incident warning raised in the year' }) @Year() warningYear?: number;
  @ApiPropertyOptional() @Year() escalatedYear?: number;
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'escalated beyond the town' }) @IsOptional() @IsIn(['true', 'false']) escalated?: 'true' | 'false';
  @ApiPropertyOptional({ enum: ['overdue', 'due'], description: 'mediation period overdue, or due within the warning days or overdue' }) @IsOptional() @IsIn(['overdue', 'due']) deadline?:
    'overdue' | 'due';
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsIn(['true', 'false']) voided?: 'true' | 'false';
  @ApiPropertyOptional() @IsOptional() @IsIn(['number', 'registeredAt', 'occurredOn', 'agreedOn', 'status']) sort?: string;
  @ApiPropertyOptional() @IsOptional() @IsIn(['asc', 'desc']) order?: 'asc' | 'desc';
}

export class DisputeExportQuery extends DisputeListQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'full personal data (needs personal.unmask; audited)' }) @IsOptional() @IsIn(['true', 'false']) unmask?: 'true' | 'false';
}

export class WarningListQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() townId?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true (default): warnings still in force; false: also resolved ones' }) @IsOptional() @IsIn(['true', 'false']) active?: 'true' | 'false';
}
