import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import type { PeaceOfficerInput } from '@fazhi/contracts';
import { PageQuery } from '../../common/pagination';
import { Trim } from '../../common/strings';
import { IsVersion } from '../../common/version';
import { IsCalendarDate } from '../../common/dates';

export class PeaceOfficerCreateDto implements PeaceOfficerInput {
  @ApiPropertyOptional() @IsOptional() @IsUUID() townId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() villageId?: string | null;
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(50) name!: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(20) phone?: string | null;
  @ApiProperty() @IsCalendarDate() activeFrom!: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() activeTo?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsUUID() userId?: string | null;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(500) remark?: string | null;
}

export class PeaceOfficerUpdateDto extends PartialType(OmitType(PeaceOfficerCreateDto, ['townId'])) {
  @ApiProperty() @IsVersion() version!: number;
}

export class PeaceOfficerListQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() townId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() villageId?: string;
  @ApiPropertyOptional({ description: 'active period overlaps the year' }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) activeInYear?: number;
  @ApiPropertyOptional({ description: 'active on this day' }) @IsOptional() @IsCalendarDate() activeOn?: string;
  @ApiPropertyOptional({ description: 'name contains' }) @IsOptional() @Trim() @IsString() @MaxLength(50) q?: string;
  @ApiPropertyOptional({ description: 'exact phone' }) @IsOptional() @Trim() @IsString() @MaxLength(20) phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() userId?: string;
  @ApiPropertyOptional() @IsOptional() @IsIn(['name', 'village', 'activeFrom']) sort?: string;
}
