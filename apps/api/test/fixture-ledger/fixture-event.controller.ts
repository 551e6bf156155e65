import { Body, Controller, Delete, Injectable, Module, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { RequirePermission } from '../../src/access/access.decorators';
import { VersionQuery } from '../../src/common/version';
import type { Response } from 'express';
import { CurrentPrincipal, Principal } from '../../src/access/principal';
import { LedgerSheets, RecordSheetRoutes } from '../../src/ledger-core/kit/record-routes';
import { RecordAttachments } from '../../src/ledger-core/record-attachments';
import { SpreadsheetUpload } from '../../src/ledger-core/spreadsheet-upload';
import { buildDocx } from '../../src/ledger-core/documents/docx-builder';
import { TemplateKind } from '../../src/ledger-core/documents/document-templates.service';
import { LedgerTemplates, TemplateRoutes } from '../../src/ledger-core/kit/template-routes';
import { FixtureSpeakerModule } from './fixture-speaker.register';
import { FixtureEventCreateDto, FixtureEventListQuery, FixtureEventUpdateDto, FixtureGuestDto, FixtureGuestUpdateDto } from './fixture-event.dto';
import { FixtureEventDetail, FixtureEventDto, FixtureEventRepository, FixtureEventService, FixtureEventStatistics, GUESTS } from './fixture-event.service';

const uuid = new ParseUUIDPipe();

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
  constructor(
    private readonly events: FixtureEventService,
    attachments: RecordAttachments,
    sheets: FixtureEventSheets,
    uploads: SpreadsheetUpload,
  ) {
    super(attachments, events, sheets, uploads);
  }

  @RequirePermission('legal.write')
  @Post(':id/guests')
  addGuest(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: FixtureGuestDto): Promise<FixtureEventDetail> {
    return this.events.addPart(p, id, GUESTS, body);
  }

  @RequirePermission('legal.write')
  @Patch(':id/guests/:guestId')
  updateGuest(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Param('guestId', uuid) guestId: string, @Body() body: FixtureGuestUpdateDto): Promise<FixtureEventDetail> {
    return this.events.updatePart(p, id, GUESTS, guestId, body);
  }

  @RequirePermission('legal.write')
  @Delete(':id/guests/:guestId')
  removeGuest(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Param('guestId', uuid) guestId: string, @Query() q: VersionQuery): Promise<FixtureEventDetail> {
    return this.events.removePart(p, id, GUESTS, guestId, q.version);
  }
}

/** The event notice (活动通知), the fixture's Word template: the town may upload its own holding `{{活动名称}}`. */
export const NOTICE_TEMPLATE: TemplateKind = {
  kind: 'fixture-notice',
  fileName: '活动通知模板.docx',
  required: ['活动名称'],
  build: () =>
    buildDocx({
      title: '活动通知',
      blocks: [
        { text: '活动通知', heading: true },
        { text: '{{活动名称}}', indent: true },
      ],
      description: '普法活动通知',
    }),
};

/** The notice template's routes, the kit's (listed before the event routes, so `GET :id` does not take them). */
@Controller('fixture-events')
export class FixtureTemplateController extends TemplateRoutes({ path: 'notice-template', kind: NOTICE_TEMPLATE, read: ['legal.read'] }) {
  constructor(templates: LedgerTemplates, uploads: SpreadsheetUpload) {
    super(templates, uploads);
  }
}

@Module({
  imports: [FixtureSpeakerModule],
  controllers: [FixtureTemplateController, FixtureEventController],
  providers: [FixtureEventRepository, FixtureEventService, FixtureEventSheets, FixtureEventStatistics],
})
export class FixtureLedgerModule {}
