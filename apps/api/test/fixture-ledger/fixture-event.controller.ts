import { Body, Controller, Get, HttpCode, Module, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { RequirePermission } from '../../src/access/access.decorators';
import { Principal } from '../../src/access/principal';
import { CurrentPrincipal } from '../../src/auth/auth.guard';
import { TransitionDto, VoidDto } from '../../src/ledger-core/ledger.dto';
import { FixtureEventCreateDto, FixtureEventListQuery, FixtureEventUpdateDto } from './fixture-event.dto';
import { FixtureEventRepository, FixtureEventService, FixtureEventStatistics } from './fixture-event.service';

const uuid = new ParseUUIDPipe();
const COLUMNS = [
  { header: '编号', field: 'number', type: 'string', width: 24 },
  { header: '活动名称', field: 'title', type: 'string', required: true, maxLength: 200, width: 30 },
  { header: '举办日期', field: 'heldOn', type: 'date', width: 12 },
  { header: '受众人数', field: 'audience', type: 'integer' },
] as const;

/** The fixture ledger's routes: the controller binds HTTP, the kit's service base does the work. */
@Controller('fixture-events')
export class FixtureEventController {
  constructor(private readonly events: FixtureEventService) {}

  @RequirePermission('legal.read')
  @Get()
  list(@CurrentPrincipal() p: Principal, @Query() q: FixtureEventListQuery) {
    return this.events.list(p, q);
  }

  @RequirePermission('legal.read')
  @Get('export.xlsx')
  exportXlsx(@CurrentPrincipal() p: Principal, @Query() q: FixtureEventListQuery, @Res() res: Response): Promise<void> {
    return this.events.exportXlsx(p, q, res, { title: (town) => `${town}普法活动台账`, sheetName: '普法活动', columns: COLUMNS });
  }

  @RequirePermission('legal.read')
  @Get(':id')
  get(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string) {
    return this.events.get(p, id);
  }

  @RequirePermission('legal.write')
  @Post()
  create(@CurrentPrincipal() p: Principal, @Body() body: FixtureEventCreateDto) {
    return this.events.create(p, body);
  }

  @RequirePermission('legal.write')
  @Patch(':id')
  update(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: FixtureEventUpdateDto) {
    return this.events.update(p, id, body);
  }

  @RequirePermission('legal.write')
  @Post(':id/transitions')
  @HttpCode(200)
  transition(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: TransitionDto) {
    return this.events.transition(p, id, body);
  }

  @RequirePermission('legal.write')
  @Post(':id/void')
  @HttpCode(200)
  voidRecord(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: VoidDto) {
    return this.events.voidRecord(p, id, body);
  }

  @RequirePermission('record.reopen')
  @Post(':id/reopen')
  @HttpCode(200)
  reopen(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: VoidDto) {
    return this.events.reopen(p, id, body);
  }
}

@Module({
  controllers: [FixtureEventController],
  providers: [FixtureEventRepository, FixtureEventService, FixtureEventStatistics],
})
export class FixtureLedgerModule {}
