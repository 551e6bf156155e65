import { Controller, Injectable, Module } from '@nestjs/common';
import type { Response } from 'express';
import { Principal } from '../../src/access/principal';
import { LedgerSheets, RecordSheetRoutes } from '../../src/ledger-core/kit/record-routes';
import { RecordAttachments } from '../../src/ledger-core/record-attachments';
import { SpreadsheetUpload } from '../../src/ledger-core/spreadsheet-upload';
import { FixtureSpeakerModule } from './fixture-speaker.register';
import { FixtureEventCreateDto, FixtureEventListQuery, FixtureEventUpdateDto } from './fixture-event.dto';
import { FixtureEventDetail, FixtureEventDto, FixtureEventRepository, FixtureEventService, FixtureEventStatistics } from './fixture-event.service';

const COLUMNS = [
  { header: '编号', field: 'number', type: 'string', width: 24 },
  { header: '活动名称', field: 'title', type: 'string', required: true, maxLength: 200, width: 30 },
  { header: '举办日期', field: 'heldOn', type: 'date', width: 12 },
  { header: '受众人数', field: 'audience', type: 'integer' },
] as const;

/** The fixture ledger's 台账 layout, for export and import. */
@Injectable()
export class FixtureEventSheets implements LedgerSheets {
  constructor(private readonly events: FixtureEventService) {}

  export(p: Principal, query: FixtureEventListQuery, res: Response): Promise<void> {
    return this.events.exportXlsx(p, query, res, { title: (town) => `${town}普法活动台账`, sheetName: '普法活动', columns: COLUMNS });
  }

  import(p: Principal, content: Buffer, opts: { townId?: string; commit: boolean }) {
    return this.events.importXlsx(p, content, opts, {
      columns: COLUMNS,
      requiredForCreate: ['title'],
      personal: [],
      numberExample: (town) => `${town.numberPrefix ?? town.name}普法〔2021〕第0001号`,
      cells: (v) => ({ title: v.title, held_on: v.heldOn, audience: v.audience }),
      auditBefore: (row) => ({ title: row.title, audience: row.audience }),
    });
  }
}

/** The fixture ledger's routes: all of them the kit's. */
@Controller('fixture-events')
export class FixtureEventController extends RecordSheetRoutes<
  FixtureEventDto,
  FixtureEventDetail,
  { list: FixtureEventListQuery; create: FixtureEventCreateDto; update: FixtureEventUpdateDto; export: FixtureEventListQuery }
>('publicity-event', {
  read: 'legal.read',
  write: 'legal.write',
  listQuery: FixtureEventListQuery,
  createBody: FixtureEventCreateDto,
  updateBody: FixtureEventUpdateDto,
  exportQuery: FixtureEventListQuery,
}) {
  constructor(events: FixtureEventService, attachments: RecordAttachments, sheets: FixtureEventSheets, uploads: SpreadsheetUpload) {
    super(attachments, events, sheets, uploads);
  }
}

@Module({
  imports: [FixtureSpeakerModule],
  controllers: [FixtureEventController],
  providers: [FixtureEventRepository, FixtureEventService, FixtureEventSheets, FixtureEventStatistics],
})
export class FixtureLedgerModule {}
