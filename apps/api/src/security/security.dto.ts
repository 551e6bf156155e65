import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PASSWORD_MIN_LENGTH_FLOOR } from '@fazhi/contracts';
import type { SecurityPolicy } from '@fazhi/contracts';
import { PageQuery } from '../common/pagination';
import { Trim } from '../common/strings';
import { IsVersion } from '../common/version';
import { IsInstant } from '../common/dates';

export class SecurityPolicyInput implements SecurityPolicy {
  @ApiProperty() @IsVersion() version!: number;
  @ApiProperty() @IsInt() @Min(PASSWORD_MIN_LENGTH_FLOOR) @Max(64) passwordMinLength!: number;
  @ApiProperty() @IsInt() @Min(0) @Max(3650) passwordMaxAgeDays!: number;
  @ApiProperty() @IsInt() @Min(3) @Max(20) lockoutThreshold!: number;
  @ApiProperty() @IsInt() @Min(1) @Max(1440) lockoutWindowMinutes!: number;
  @ApiProperty() @IsInt() @Min(1) @Max(1440) lockoutDurationMinutes!: number;
  @ApiProperty() @IsInt() @Min(10) @Max(100000) addressFailureLimit!: number;
  @ApiProperty() @IsInt() @Min(5) @Max(480) idleTimeoutMinutes!: number;
  @ApiProperty() @IsInt() @Min(1) @Max(72) absoluteTimeoutHours!: number;
}

export class LoginHistoryQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(64) username?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  success?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsInstant() from?: string;
  @ApiPropertyOptional() @IsOptional() @IsInstant() to?: string;
}

export class AuditLogQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsInstant() from?: string;
  @ApiPropertyOptional() @IsOptional() @IsInstant() to?: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(64) username?: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(64) action?: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(64) entity?: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(64) entityId?: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(16) outcome?: string;
}
