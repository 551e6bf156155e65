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
  /** `demo`: demo accounts with the published password exist (the web app shows a warning). */
  async health(): Promise<{ status: 'ok'; database: 'ok'; demo: boolean }> {
    let demo: boolean;
    try {
      [{ demo }] = await this.ds.query('SELECT EXISTS (SELECT 1 FROM app_user WHERE demo) AS demo');
    } catch {
      throw new HttpException({ status: 'error', database: 'unreachable' }, 503);
    }
    return { status: 'ok', database: 'ok', demo };
  }
}
