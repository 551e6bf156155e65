import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { DATA_SCOPES, PERMISSION_CODES } from '@fazhi/contracts';
import type { DataScope, PermissionCode, RoleAssignmentInput, UserStatus } from '@fazhi/contracts';
import { PageQuery } from '../common/pagination';
import { Trim } from '../common/strings';
import { VersionDto } from '../common/version';

export class CreateOrgUnitDto {
  @ApiProperty() @IsUUID() parentId!: string;
  @ApiProperty() @Trim() @IsString() @Matches(/^[A-Za-z0-9_-]{1,32}$/) code!: string;
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(100) name!: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(64) timeZone?: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(32) numberPrefix?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(100000) sortOrder?: number;
}

export class UpdateOrgUnitDto extends VersionDto {
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @Matches(/^[A-Za-z0-9_-]{1,32}$/) code?: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(100) name?: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(64) timeZone?: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(32) numberPrefix?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(100000) sortOrder?: number;
}

export class RoleAssignmentInputDto implements RoleAssignmentInput {
  @ApiProperty() @IsUUID() roleId!: string;
  @ApiProperty() @IsUUID() orgUnitId!: string;
  @ApiProperty({ enum: DATA_SCOPES }) @IsIn(DATA_SCOPES as string[]) scope!: DataScope;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(200) @IsUUID('all', { each: true }) villageIds?: string[];
}

/** A user's role assignments: at most 20, each validated. */
const RoleAssignments = () =>
  applyDecorators(
    ApiProperty({ type: [RoleAssignmentInputDto] }),
    IsArray(),
    ArrayMaxSize(20),
    ValidateNested({ each: true }),
    Type(() => RoleAssignmentInputDto),
  );

export class CreateUserDto {
  @ApiProperty() @Trim() @IsString() @Matches(/^[A-Za-z0-9_.-]{3,32}$/) username!: string;
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(64) displayName!: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @Matches(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/) phone?: string | null;
  @ApiProperty() @IsUUID() orgUnitId!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(128) password!: string;
  @RoleAssignments()
  roles!: RoleAssignmentInputDto[];
}

export class UpdateUserDto extends VersionDto {
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(64) displayName?: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @Matches(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})?$/) phone?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsUUID() orgUnitId?: string;
}

export class SetRolesDto extends VersionDto {
  @RoleAssignments()
  roles!: RoleAssignmentInputDto[];
}

export class DisableUserDto extends VersionDto {
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(200) reason?: string;
}

export class ResetPasswordDto extends VersionDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(128) newPassword!: string;
}

export class UserListQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(64) q?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() orgUnitId?: string;
  @ApiPropertyOptional() @IsOptional() @IsIn(['active', 'disabled']) status?: UserStatus;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(48) roleCode?: string;
}

export class CreateRoleDto {
  @ApiProperty() @Trim() @IsString() @Matches(/^[a-z][a-z0-9_]{1,47}$/) code!: string;
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(64) name!: string;
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(64) nameEn!: string;
  @ApiProperty({ enum: DATA_SCOPES }) @IsIn(DATA_SCOPES as string[]) defaultScope!: DataScope;
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(100) @IsIn(PERMISSION_CODES as string[], { each: true }) permissions!: PermissionCode[];
}

export class UpdateRoleDto extends VersionDto {
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(64) name?: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(64) nameEn?: string;
  @ApiPropertyOptional({ enum: DATA_SCOPES }) @IsOptional() @IsIn(DATA_SCOPES as string[]) defaultScope?: DataScope;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(100) @IsIn(PERMISSION_CODES as string[], { each: true }) permissions?: PermissionCode[];
}
