import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class DownloadQuery {
  @ApiPropertyOptional({ enum: ['original', 'thumbnail'] }) @IsOptional() @IsIn(['original', 'thumbnail']) variant?: 'original' | 'thumbnail';
}
