import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

/** `?townId=` for users whose scope spans several towns (their own town otherwise). */
export class TownQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() townId?: string;
}
