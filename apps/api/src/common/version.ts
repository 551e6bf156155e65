import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

/** The largest value a PostgreSQL `integer` column holds. */
export const INT4_MAX = 2_147_483_647;

/** A record's version as the client read it: a whole number the `version` column can hold (a larger one is a 400, not a 500). */
export const IsVersion = () => applyDecorators(IsInt(), Min(0), Max(INT4_MAX));

/** A body that carries only the version the client read (delete, toggle). */
export class VersionDto {
  @ApiProperty()
  @IsVersion()
  version!: number;
}

/** `?version=` on routes without a body. */
export class VersionQuery {
  @ApiProperty()
  @Type(() => Number)
  @IsVersion()
  version!: number;
}
