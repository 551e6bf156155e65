import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { CERTIFICATE_EVENT_LABELS } from '@fazhi/contracts';
import type { CertificateEventKind } from '@fazhi/contracts';
import { PageQuery } from '../../common/pagination';
import { Trim } from '../../common/strings';
import { IsVersion } from '../../common/version';
import { IsCalendarDate } from '../../common/dates';

export class CertificateCreateDto {
  @ApiProperty() @IsUUID() officerId!: string;
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(64) number!: string;
  @ApiProperty() @IsCalendarDate() issuedOn!: string;
  @ApiProperty() @IsCalendarDate() expiresOn!: string;
}

export class CertificateEventDto {
  @ApiProperty() @IsVersion() version!: number;
  @ApiProperty({ enum: Object.keys(CERTIFICATE_EVENT_LABELS).filter((k) => k !== 'apply') })
  @IsIn(['renew', 'cancel', 'replace', 'annual_review'])
  kind!: Exclude<CertificateEventKind, 'apply'>;
  @ApiProperty() @IsCalendarDate() date!: string;
  @ApiPropertyOptional({ description: 'renew: the new expiry' }) @IsOptional() @IsCalendarDate() expiresOn?: string;
  @ApiPropertyOptional({ description: 'replace/renew: the new certificate number' }) @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(64) number?: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(500) remark?: string;
}

export class CertificateListQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() officerId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() townId?: string;
  @ApiPropertyOptional() @IsOptional() @IsIn(['ok', 'due', 'expired', 'inactive']) validity?: string;
}
