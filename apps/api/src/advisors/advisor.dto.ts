import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ADVISOR_SERVICE_TYPES, RULE_OF_LAW_LEVELS } from '@fazhi/contracts';
import type {
  AdvisorHandoverInput,
  AdvisorHandoverKind,
  AdvisorInput,
  AdvisorReopenMonthInput,
  AdvisorServiceInput,
  AdvisorServiceListQuery as AdvisorServiceFilters,
  AdvisorServiceType,
  AdvisorSignOffInput,
  AdvisorVillageAssignment,
  AdvisorVillageInput,
  AdvisorVillageListQuery as AdvisorVillageFilters,
  RuleOfLawLevel,
} from '@fazhi/contracts';
import { IsCalendarDate, IsYearMonth } from '../common/dates';
import { PageQuery } from '../common/pagination';
import { Trim } from '../common/strings';
import { IsVersion } from '../common/version';
import { csvList } from '../ledger-core/ledger.dto';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
/** A phone as typed, never its masked form (`075****3456`) sent back unchanged. */
const NotMasked = () => Matches(/^[^*]*$/, { message: '$property must be the full number, not its masked form' });
const IsClock = () => Matches(TIME, { message: '$property must be a time of day (HH:mm)' });
const types = ADVISOR_SERVICE_TYPES as string[];
const year = () => [Type(() => Number), IsInt(), Min(2000), Max(2100)];
const OptionalYear = (): PropertyDecorator => (target, key) => [IsOptional(), ...year()].forEach((d) => d(target, key));

export class AdvisorServiceCreateDto implements AdvisorServiceInput {
  @ApiPropertyOptional() @IsOptional() @IsUUID() townId?: string;
  @ApiProperty() @IsUUID() villageId!: string;
  @ApiPropertyOptional({ description: 'staff logging for an advisor; an advisor’s own account logs as itself' }) @IsOptional() @IsUUID() advisorId?: string;
  @ApiProperty({ enum: types }) @IsIn(types) type!: AdvisorServiceType;
  @ApiProperty({ description: 'the day the service started (YYYY-MM-DD)' }) @IsCalendarDate() serviceDate!: string;
  @ApiProperty({ description: 'HH:mm' }) @IsClock() startTime!: string;
  @ApiProperty({ description: 'HH:mm; at or before the start: the next day' }) @IsClock() endTime!: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(50) clientName?: string | null;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(20) clientPhone?: string | null;
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(2000) content!: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(1000) result?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(100000) attendees?: number | null;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(1000) remark?: string | null;
}

export class AdvisorServiceUpdateDto {
  @ApiProperty() @IsVersion() version!: number;
  @ApiPropertyOptional() @IsOptional() @IsUUID() villageId?: string;
  @ApiPropertyOptional({ enum: types }) @IsOptional() @IsIn(types) type?: AdvisorServiceType;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() serviceDate?: string;
  @ApiPropertyOptional() @IsOptional() @IsClock() startTime?: string;
  @ApiPropertyOptional() @IsOptional() @IsClock() endTime?: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(50) clientName?: string | null;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(20) clientPhone?: string | null;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(2000) content?: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(1000) result?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(100000) attendees?: number | null;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(1000) remark?: string | null;
}

export class AdvisorServiceListQuery extends PageQuery implements AdvisorServiceFilters {
  @ApiPropertyOptional() @IsOptional() @IsUUID() townId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() villageId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() advisorId?: string;
  @ApiPropertyOptional({ description: 'comma-separated types' }) @IsOptional() @Transform(csvList) @IsArray() @IsIn(types, { each: true }) type?: AdvisorServiceType[];
  @ApiPropertyOptional({ description: 'service date on or after' }) @IsOptional() @IsCalendarDate() from?: string;
  @ApiPropertyOptional({ description: 'service date on or before' }) @IsOptional() @IsCalendarDate() to?: string;
  @ApiPropertyOptional() @OptionalYear() year?: number;
  @ApiPropertyOptional() @IsOptional() @IsYearMonth() month?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsIn(['true', 'false']) handedOver?: 'true' | 'false';
  @ApiPropertyOptional({ enum: ['true'], description: 'an entry of type legal_aid or a consultation referred to legal aid' }) @IsOptional() @IsIn(['true']) legalAidReferral?: 'true';
  @ApiPropertyOptional({ description: 'number, content or result' }) @IsOptional() @Trim() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ description: 'a client’s exact name' }) @IsOptional() @Trim() @IsString() @MaxLength(50) clientName?: string;
  @ApiPropertyOptional({ description: 'a client’s exact phone' }) @IsOptional() @Trim() @IsString() @MaxLength(20) clientPhone?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsIn(['true', 'false']) voided?: 'true' | 'false';
  @ApiPropertyOptional() @IsOptional() @IsIn(['number', 'serviceDate', 'hours']) sort?: string;
  @ApiPropertyOptional() @IsOptional() @IsIn(['asc', 'desc']) order?: 'asc' | 'desc';
}

export class AdvisorServiceExportQuery extends AdvisorServiceListQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'full personal data (needs personal.unmask; audited)' }) @IsOptional() @IsIn(['true', 'false']) unmask?: 'true' | 'false';
}

export const ADVISOR_UNMASK_FIELDS = ['clientName', 'clientPhone'] as const;
export class AdvisorUnmaskDto {
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(2) @IsIn(ADVISOR_UNMASK_FIELDS, { each: true }) fields!: (typeof ADVISOR_UNMASK_FIELDS)[number][];
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(200) reason!: string;
}

const handoverKinds: AdvisorHandoverKind[] = ['mediation', 'legal_aid'];
export class AdvisorHandoverDto implements AdvisorHandoverInput {
  @ApiProperty({ enum: handoverKinds }) @IsIn(handoverKinds) kind!: AdvisorHandoverKind;
  @ApiProperty() @IsVersion() version!: number;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(200) receivingBody?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(32) category?: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(2000) summary?: string | null;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(500) note?: string | null;
}

/* ---------- monthly check ---------- */

export class AdvisorGridQuery {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year!: number;
  @ApiPropertyOptional() @IsOptional() @IsUUID() townId?: string;
}

export class AdvisorSignOffDto implements AdvisorSignOffInput {
  @ApiProperty() @IsUUID() villageId!: string;
  @ApiProperty({ description: 'YYYY-MM' }) @IsYearMonth() month!: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(500) remark?: string | null;
  @ApiProperty({ description: '0 when the month has no check yet' }) @IsVersion() version!: number;
}

export class AdvisorReopenMonthDto implements AdvisorReopenMonthInput {
  @ApiProperty() @IsUUID() villageId!: string;
  @ApiProperty({ description: 'YYYY-MM' }) @IsYearMonth() month!: string;
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(500) reason!: string;
  @ApiProperty() @IsVersion() version!: number;
}

/* ---------- registers ---------- */

export class AdvisorAssignmentDto implements AdvisorVillageAssignment {
  @ApiProperty() @IsUUID() villageId!: string;
  @ApiProperty() @IsCalendarDate() from!: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() to!: string | null;
}

export class AdvisorCreateDto implements AdvisorInput {
  @ApiPropertyOptional() @IsOptional() @IsUUID() townId?: string;
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(50) name!: string;
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(100) lawFirm!: string;
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(32) licenceNo!: string;
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(20) @NotMasked() phone!: string;
  @ApiProperty({ type: [AdvisorAssignmentDto] }) @IsArray() @ArrayMinSize(0) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => AdvisorAssignmentDto) villages!: AdvisorAssignmentDto[];
  @ApiPropertyOptional() @IsOptional() @IsUUID() userId?: string | null;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(500) remark?: string | null;
}

export class AdvisorUpdateDto {
  @ApiProperty() @IsVersion() version!: number;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(50) name?: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(100) lawFirm?: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(32) licenceNo?: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(20) @NotMasked() phone?: string;
  @ApiPropertyOptional({ type: [AdvisorAssignmentDto] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => AdvisorAssignmentDto) villages?: AdvisorAssignmentDto[];
  @ApiPropertyOptional() @IsOptional() @IsUUID() userId?: string | null;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(500) remark?: string | null;
}

export class AdvisorListQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() townId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() villageId?: string;
  @ApiPropertyOptional({ description: 'served a village during the year' }) @OptionalYear() year?: number;
}

const levels = RULE_OF_LAW_LEVELS as string[];
export class AdvisorVillageDto implements AdvisorVillageInput {
  @ApiProperty() @IsBoolean() hasRoom!: boolean;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(200) roomAddress?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() roomOpenedOn?: string | null;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(200) serviceListTitle?: string | null;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(32) serviceListVersion?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() serviceListPublishedOn?: string | null;
  @ApiProperty({ enum: levels }) @IsIn(levels) ruleOfLawLevel!: RuleOfLawLevel;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1990) @Max(2100) ruleOfLawYear?: number | null;
  @ApiProperty() @IsVersion() version!: number;
}

export class AdvisorVillageListQuery implements AdvisorVillageFilters {
  @ApiPropertyOptional() @IsOptional() @IsUUID() townId?: string;
  @ApiPropertyOptional() @OptionalYear() roomYear?: number;
  @ApiPropertyOptional() @OptionalYear() advisorYear?: number;
  @ApiPropertyOptional() @OptionalYear() publishedListYear?: number;
  @ApiPropertyOptional() @OptionalYear() meetsHoursYear?: number;
  @ApiPropertyOptional({ enum: levels }) @IsOptional() @IsIn(levels) ruleOfLawLevel?: RuleOfLawLevel;
}
