import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Trim } from '../common/strings';
import { IsVersion } from '../common/version';

/** Splits a comma-separated query value into a list. */
export const csvList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : value;

/** One step of a ledger's transition table with the data it needs. */
export class TransitionDto {
  @ApiProperty({ description: 'the target state' }) @IsString() @MaxLength(32) to!: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(500) remark?: string;
  @ApiProperty() @IsVersion() version!: number;
  @ApiPropertyOptional() @IsOptional() @IsObject() data?: Record<string, unknown>;
}

/** Void (before closure) and reopen (closed records) carry a reason. */
export class VoidDto {
  @ApiProperty() @IsVersion() version!: number;
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(500) reason!: string;
}

export class ImportQuery {
  @ApiPropertyOptional({ enum: ['preview', 'commit'] }) @IsOptional() @IsIn(['preview', 'commit']) mode?: 'preview' | 'commit';
  @ApiPropertyOptional() @IsOptional() @IsUUID() townId?: string;
}
