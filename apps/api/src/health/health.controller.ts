import { Controller, Get, HttpException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../access/access.decorators';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly ds: DataSource) {}

  @Public()
  @Get()
  async health(): Promise<{ status: 'ok'; database: 'ok' }> {
    try {
      await this.ds.query('SELECT 1');
    } catch {
      throw new HttpException({ status: 'error', database: 'unreachable' }, 503);
    }
    return { status: 'ok', database: 'ok' };
  }
}
