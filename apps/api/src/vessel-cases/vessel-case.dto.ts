import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { DISPOSAL_LABELS, HULL_MATERIAL_LABELS, PERSUASION_MEASURE_LABELS, VESSEL_SOURCE_LABELS, VESSEL_STATUSES } from '@fazhi/contracts';
import type { Disposal, HullMaterial, PersuasionMeasure, VesselCaseInput, VesselCaseListQuery, VesselSource } from '@fazhi/contracts';
import { PageQuery } from '../common/pagination';
import { Trim } from '../common/strings';
import { IsVersion } from '../common/version';
import { csvList, ImportQuery, TransitionDto, VoidDto } from '../ledger-core/ledger.dto';
import { IsCalendarDate, IsYearMonth, IsInstant } from '../common/dates';

const keys = (o: object) => Object.keys(o);

export class VesselCaseCreateDto implements VesselCaseInput {
  @ApiPropertyOptional() @IsOptional() @IsUUID() townId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() villageId?: string | null;
  @ApiProperty() @IsInstant() discoveredAt!: string;
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(200) place!: string;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(-90) @Max(90) gpsLat?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(-180) @Max(180) gpsLng?: number | null;
  @ApiProperty({ enum: keys(VESSEL_SOURCE_LABELS) }) @IsIn(keys(VESSEL_SOURCE_LABELS)) source!: VesselSource;
  @ApiProperty({ enum: keys(HULL_MATERIAL_LABELS) }) @IsIn(keys(HULL_MATERIAL_LABELS)) hullMaterial!: HullMaterial;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0) @Max(1000) lengthM?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0) @Max(100000) enginePowerKw?: number | null;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(100) gearType?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(100000) gearCount?: number | null;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(200) marks?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() unclaimed?: boolean;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(50) ownerName?: string | null;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(18) ownerIdNumber?: string | null;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(20) ownerPhone?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() noticeStart?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() noticeEnd?: string | null;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(10) @IsUUID('all', { each: true }) handlerIds?: string[];
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(1000) remark?: string | null;
}

/** Any field of the registration but the town, with the version read. */
export class VesselCaseUpdateDto extends PartialType(OmitType(VesselCaseCreateDto, ['townId'] as const)) {
  @ApiProperty() @IsVersion() version!: number;
}

export { ImportQuery, TransitionDto, VoidDto };

/** The data a vessel step may carry (checked after the transition table says what is required). */
export class VesselStepData {
  @IsOptional() @IsCalendarDate() committedOn?: string;
  @IsOptional() @IsCalendarDate() dismantledOn?: string;
  @IsOptional() @Trim() @IsString() @MaxLength(200) dismantlePlace?: string;
  @IsOptional() @Trim() @IsString() @MaxLength(500) witnesses?: string;
  @IsOptional() @IsUUID() campaignId?: string;
  @IsOptional() @IsCalendarDate() verifiedOn?: string;
  @IsOptional() @Trim() @IsString() @MaxLength(100) verifiedBy?: string;
  @IsOptional() @IsCalendarDate() handedOverOn?: string;
  @IsOptional() @Trim() @IsString() @MaxLength(64) externalCaseNo?: string;
}

export class PersuasionDto {
  @ApiProperty() @IsVersion() version!: number;
  @ApiProperty() @IsCalendarDate() date!: string;
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(100) staff!: string;
  @ApiProperty({ enum: keys(PERSUASION_MEASURE_LABELS) }) @IsIn(keys(PERSUASION_MEASURE_LABELS)) measure!: PersuasionMeasure;
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(1000) result!: string;
}

export class UnmaskDto {
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(3) @IsIn(['ownerName', 'ownerIdNumber', 'ownerPhone'], { each: true }) fields!: ('ownerName' | 'ownerIdNumber' | 'ownerPhone')[];
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(200) reason!: string;
}

const csv = csvList;

export class VesselListQuery extends PageQuery implements VesselCaseListQuery {
  @ApiPropertyOptional({ description: 'comma-separated statuses' }) @IsOptional() @Transform(csv) @IsArray() @IsIn(VESSEL_STATUSES as string[], { each: true }) status?: VesselCaseListQuery['status'];
  @ApiPropertyOptional() @IsOptional() @IsUUID() townId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() villageId?: string;
  @ApiPropertyOptional({ description: 'discovered on or after (YYYY-MM-DD, town zone)' }) @IsOptional() @IsCalendarDate() from?: string;
  @ApiPropertyOptional({ description: 'discovered on or before' }) @IsOptional() @IsCalendarDate() to?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() campaignId?: string;
  @ApiPropertyOptional({ description: 'number, place or marks' }) @IsOptional() @Trim() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(50) ownerName?: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(18) ownerIdNumber?: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(20) ownerPhone?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) registeredYear?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) dismantledYear?: number;
  @ApiPropertyOptional() @IsOptional() @IsYearMonth() dismantledMonth?: string;
  @ApiPropertyOptional() @IsOptional() @IsYearMonth() registeredMonth?: string;
  @ApiPropertyOptional() @IsOptional() @IsIn(keys(DISPOSAL_LABELS)) disposal?: Disposal;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) handedOverYear?: number;
  @ApiPropertyOptional({ description: 'still open at the end of this day' }) @IsOptional() @IsCalendarDate() openAt?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsIn(['true', 'false']) voided?: 'true' | 'false';
  @ApiPropertyOptional() @IsOptional() @IsIn(['number', 'registeredAt', 'discoveredAt', 'dismantledOn', 'status']) sort?: string;
  @ApiPropertyOptional() @IsOptional() @IsIn(['asc', 'desc']) order?: 'asc' | 'desc';
}

export class VesselExportQuery extends VesselListQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'full personal data (needs personal.unmask; audited)' }) @IsOptional() @IsIn(['true', 'false']) unmask?: 'true' | 'false';
}
