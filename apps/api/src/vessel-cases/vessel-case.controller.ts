import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ImportPreview, Page, VesselCaseDetailDto, VesselCaseDto } from '@fazhi/contracts';
import type { Request, Response } from 'express';
import { RequireAllPermissions, RequirePermission } from '../access/access.decorators';
import { CurrentPrincipal, Principal } from '../access/principal';
import { AttachmentRoutes } from '../ledger-core/attachment-routes';
import { refusePersonalQuery } from '../ledger-core/personal-data/personal-fields';
import { RecordAttachments } from '../ledger-core/record-attachments';
import { ImportQuery, PersuasionDto, TransitionDto, UnmaskDto, VesselCaseCreateDto, VesselCaseUpdateDto, VesselExportQuery, VesselListQuery, VoidDto } from './vessel-case.dto';
import { VesselExcelService } from './vessel-excel.service';
import { SpreadsheetUpload } from '../ledger-core/spreadsheet-upload';
import { VesselCaseService } from './vessel-case.service';

const uuid = new ParseUUIDPipe();
const OWNER_SEARCH = ['ownerName', 'ownerIdNumber', 'ownerPhone'];

@ApiTags('vessel-cases')
@Controller('vessel-cases')
export class VesselCaseController extends AttachmentRoutes<VesselCaseDetailDto>('vessel-case', { read: 'vessel.read', write: 'vessel.write' }) {
  constructor(
    private readonly vessels: VesselCaseService,
    attachments: RecordAttachments,
    private readonly excel: VesselExcelService,
    private readonly spreadsheets: SpreadsheetUpload,
  ) {
    super(attachments, vessels);
  }

  @RequirePermission('vessel.read')
  @Get()
  list(@CurrentPrincipal() p: Principal, @Query() q: VesselListQuery): Promise<Page<VesselCaseDto>> {
    refusePersonalQuery(q, OWNER_SEARCH);
    return this.vessels.list(p, q);
  }

  /** The list with a search by the owner's name, ID number or phone, which never travel in a URL. */
  @RequirePermission('vessel.read')
  @Post('search')
  @HttpCode(200)
  search(@CurrentPrincipal() p: Principal, @Body() q: VesselListQuery): Promise<Page<VesselCaseDto>> {
    return this.vessels.list(p, q);
  }

  @RequirePermission('vessel.read')
  @Get('export.xlsx')
  async exportXlsx(@CurrentPrincipal() p: Principal, @Query() q: VesselExportQuery, @Res() res: Response): Promise<void> {
    refusePersonalQuery(q, OWNER_SEARCH);
    await this.excel.export(p, q, res);
  }

  /** The export with the filters in the body, a person search included. */
  @RequirePermission('vessel.read')
  @Post('export.xlsx')
  @HttpCode(200)
  async exportSearch(@CurrentPrincipal() p: Principal, @Body() q: VesselExportQuery, @Res() res: Response): Promise<void> {
    await this.excel.export(p, q, res);
  }

  @RequirePermission('vessel.write')
  @Post('import')
  @HttpCode(200)
  async importXlsx(@CurrentPrincipal() p: Principal, @Query() q: ImportQuery, @Req() req: Request): Promise<ImportPreview> {
    const { content } = await this.spreadsheets.read(req);
    return this.excel.import(p, content, { townId: q.townId, commit: q.mode === 'commit' });
  }

  @RequirePermission('vessel.read')
  @Get(':id')
  get(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string): Promise<VesselCaseDetailDto> {
    return this.vessels.get(p, id);
  }

  @RequirePermission('vessel.write')
  @Post()
  create(@CurrentPrincipal() p: Principal, @Body() body: VesselCaseCreateDto): Promise<VesselCaseDto> {
    return this.vessels.create(p, body);
  }

  @RequirePermission('vessel.write')
  @Patch(':id')
  update(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: VesselCaseUpdateDto): Promise<VesselCaseDto> {
    return this.vessels.update(p, id, body);
  }

  @RequirePermission('vessel.write', 'campaign.manage')
  @Post(':id/transitions')
  @HttpCode(200)
  transition(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: TransitionDto): Promise<VesselCaseDetailDto> {
    return this.vessels.transition(p, id, body);
  }

  @RequirePermission('vessel.write')
  @Post(':id/persuasions')
  addPersuasion(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: PersuasionDto): Promise<VesselCaseDetailDto> {
    return this.vessels.addPersuasion(p, id, body);
  }

  @RequirePermission('vessel.write')
  @Post(':id/void')
  @HttpCode(200)
  voidCase(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: VoidDto): Promise<VesselCaseDto> {
    return this.vessels.voidCase(p, id, body);
  }

  @RequirePermission('record.reopen')
  @Post(':id/reopen')
  @HttpCode(200)
  reopen(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: VoidDto): Promise<VesselCaseDto> {
    return this.vessels.reopen(p, id, body);
  }

  @RequireAllPermissions(['vessel.read', 'personal.unmask'])
  @Post(':id/unmask')
  @HttpCode(200)
  unmask(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: UnmaskDto) {
    return this.vessels.unmask(p, id, body);
  }
}
