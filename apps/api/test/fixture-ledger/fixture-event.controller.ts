import { Controller, Get, HttpCode, Module, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { RequirePermission } from '../../src/access/access.decorators';
import { CurrentPrincipal, Principal } from '../../src/access/principal';
import { RecordRoutes } from '../../src/ledger-core/kit/record-routes';
import { ImportQuery } from '../../src/ledger-core/ledger.dto';
import { RecordAttachments } from '../../src/ledger-core/record-attachments';
import { SpreadsheetUpload } from '../../src/ledger-core/spreadsheet-upload';
import { FixtureEventCreateDto, FixtureEventListQuery, FixtureEventUpdateDto } from './fixture-event.dto';
import { FixtureEventDetail, FixtureEventDto, FixtureEventRepository, FixtureEventService, FixtureEventStatistics } from './fixture-event.service';

const COLUMNS = [
  { header: '编号', field: 'number', type: 'string', width: 24 },
  { header: '活动名称', field: 'title', type: 'string', required: true, maxLength: 200, width: 30 },
  { header: '举办日期', field: 'heldOn', type: 'date', width: 12 },
  { header: '受众人数', field: 'audience', type: 'integer' },
] as const;

/** The fixture ledger's routes: the kit's record routes, and its own export layout. */
@Controller('fixture-events')
export class FixtureEventController extends RecordRoutes<FixtureEventDto, FixtureEventDetail>('publicity-event', {
  read: 'legal.read', write: 'legal.write', listQuery: FixtureEventListQuery, createBody: FixtureEventCreateDto, updateBody: FixtureEventUpdateDto,
}) {
  constructor(
    private readonly events: FixtureEventService,
    attachments: RecordAttachments,
    private readonly uploads: SpreadsheetUpload,
  ) {
    super(attachments, events);
  }

  @RequirePermission('legal.read')
  @Get('export.xlsx')
  exportXlsx(@CurrentPrincipal() p: Principal, @Query() q: FixtureEventListQuery, @Res() res: Response): Promise<void> {
    return this.events.exportXlsx(p, q, res, { title: (town) => `${town}普法活动台账`, sheetName: '普法活动', columns: COLUMNS });
  }

  @RequirePermission('legal.write')
  @Post('import')
  @HttpCode(200)
  async importXlsx(@CurrentPrincipal() p: Principal, @Query() q: ImportQuery, @Req() req: Request) {
    const { content } = await this.uploads.read(req);
    return this.events.importXlsx(p, content, { townId: q.townId, commit: q.mode === 'commit' }, {
      columns: COLUMNS,
      requiredForCreate: ['title'],
      personal: [],
      numberExample: (town) => `${town.numberPrefix ?? town.name}普法〔2021〕第0001号`,
      cells: (v) => ({ title: v.title, held_on: v.heldOn, audience: v.audience }),
      auditBefore: (row) => ({ title: row.title, audience: row.audience }),
    });
  }
}

@Module({
  controllers: [FixtureEventController],
  providers: [FixtureEventRepository, FixtureEventService, FixtureEventStatistics],
})
export class FixtureLedgerModule {}
