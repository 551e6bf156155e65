import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { Trim } from '../../common/strings';
import { IsVersion } from '../../common/version';
import { Type } from 'class-transformer';
import { IsCalendarDate, MAX_YEAR, MIN_YEAR } from '../../common/dates';

export class CampaignCreateDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() townId?: string;
  @ApiProperty() @IsCalendarDate() date!: string;
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(200) place!: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(30) @IsString({ each: true }) @MaxLength(100, { each: true }) agencies?: string[];
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(1000) remark?: string | null;
}

export class CampaignUpdateDto extends PartialType(OmitType(CampaignCreateDto, ['townId'])) {
  @ApiProperty() @IsVersion() version!: number;
}

export class CampaignVesselsDto {
  @ApiProperty() @IsVersion() version!: number;
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @IsUUID('all', { each: true }) caseIds!: string[];
}

export class CampaignListQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() townId?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(MIN_YEAR) @Max(MAX_YEAR) year?: number;
  @ApiPropertyOptional() @IsOptional() @IsIn(['planned', 'closed']) status?: 'planned' | 'closed';
  @ApiPropertyOptional() @IsOptional() @IsIn(['true', 'false']) voided?: 'true' | 'false';
}
