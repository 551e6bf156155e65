import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ImportPreview, Page, VesselCaseDetailDto, VesselCaseDto } from '@fazhi/contracts';
import type { Request, Response } from 'express';
import { RequireAllPermissions, RequirePermission } from '../access/access.decorators';
import { CurrentPrincipal, Principal } from '../access/principal';
import { RecordRoutes } from '../ledger-core/kit/record-routes';
import { refusePersonalQuery } from '../ledger-core/personal-data/personal-fields';
import { RecordAttachments } from '../ledger-core/record-attachments';
import { SpreadsheetUpload } from '../ledger-core/spreadsheet-upload';
import { ImportQuery, PersuasionDto, TransitionDto, UnmaskDto, VesselCaseCreateDto, VesselCaseUpdateDto, VesselExportQuery, VesselListQuery } from './vessel-case.dto';
import { LEDGER, VesselCaseService } from './vessel-case.service';
import { VesselExcelService } from './vessel-excel.service';

const uuid = new ParseUUIDPipe();
const OWNER_SEARCH = ['ownerName', 'ownerIdNumber', 'ownerPhone'];

@ApiTags('vessel-cases')
@Controller('vessel-cases')
export class VesselCaseController extends RecordRoutes<VesselCaseDto, VesselCaseDetailDto>(LEDGER, {
  read: 'vessel.read', write: 'vessel.write', listQuery: VesselListQuery, createBody: VesselCaseCreateDto, updateBody: VesselCaseUpdateDto, personalQuery: OWNER_SEARCH,
}) {
  constructor(
    private readonly vessels: VesselCaseService,
    attachments: RecordAttachments,
    private readonly excel: VesselExcelService,
    private readonly spreadsheets: SpreadsheetUpload,
  ) {
    super(attachments, vessels);
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

  /** Campaign steps (joining and leaving a campaign) are taken with campaign.manage too. */
  @RequirePermission('vessel.write', 'campaign.manage')
  @Post(':id/transitions')
  @HttpCode(200)
  override transition(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: TransitionDto): Promise<VesselCaseDetailDto> {
    return this.vessels.transition(p, id, body);
  }

  @RequirePermission('vessel.write')
  @Post(':id/persuasions')
  addPersuasion(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: PersuasionDto): Promise<VesselCaseDetailDto> {
    return this.vessels.addPersuasion(p, id, body);
  }

  @RequireAllPermissions(['vessel.read', 'personal.unmask'])
  @Post(':id/unmask')
  @HttpCode(200)
  unmask(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: UnmaskDto) {
    return this.vessels.unmask(p, id, body);
  }
}
