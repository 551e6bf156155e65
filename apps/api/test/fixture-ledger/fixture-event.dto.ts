import { OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { IsCalendarDate } from '../../src/common/dates';
import { PageQuery } from '../../src/common/pagination';
import { Trim } from '../../src/common/strings';
import { IsVersion } from '../../src/common/version';

export class FixtureEventCreateDto {
  @IsOptional() @IsUUID() townId?: string;
  @IsOptional() @IsUUID() villageId?: string;
  @Trim() @IsString() @IsNotEmpty() @MaxLength(200) title!: string;
  @IsOptional() @IsInt() @Min(0) audience?: number;
  @IsOptional() @Trim() @IsString() @MaxLength(500) remark?: string;
}

export class FixtureEventUpdateDto {
  @IsVersion() version!: number;
  @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(200) title?: string;
  @IsOptional() @IsInt() @Min(0) audience?: number;
}

export class FixtureEventListQuery extends PageQuery {
  @IsOptional() @IsUUID() townId?: string;
  @IsOptional() @IsString() @MaxLength(100) q?: string;
  @IsOptional() @IsIn(['true', 'false']) voided?: string;
  @IsOptional() @Type(() => Number) @IsInt() registeredYear?: number;
  @IsOptional() @Type(() => Number) @IsInt() heldYear?: number;
  @IsOptional() @IsIn(['true', 'false']) unmask?: string;
}

/** The data a step may carry. */
export class FixtureEventStepData {
  @IsOptional() @IsCalendarDate() heldOn?: string;
}

/** A guest as added (the record's version read with it). */
export class FixtureGuestDto {
  @IsVersion() version!: number;
  @Trim() @IsString() @IsNotEmpty() @MaxLength(50) name!: string;
  @IsOptional() @Trim() @IsString() @MaxLength(20) phone?: string | null;
  @Trim() @IsString() @IsNotEmpty() @MaxLength(200) topic!: string;
}

/** A guest's fields to change. */
export class FixtureGuestUpdateDto extends PartialType(OmitType(FixtureGuestDto, ['version'] as const)) {
  @IsVersion() version!: number;
}
