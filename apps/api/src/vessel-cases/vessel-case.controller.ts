import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { VesselCaseDetailDto, VesselCaseDto } from '@fazhi/contracts';
import { RequireAllPermissions, RequirePermission } from '../access/access.decorators';
import { CurrentPrincipal, Principal } from '../access/principal';
import { RecordSheetRoutes } from '../ledger-core/kit/record-routes';
import { RecordAttachments } from '../ledger-core/record-attachments';
import { SpreadsheetUpload } from '../ledger-core/spreadsheet-upload';
import { PersuasionDto, TransitionDto, UnmaskDto, VesselCaseCreateDto, VesselCaseUpdateDto, VesselExportQuery, VesselListQuery } from './vessel-case.dto';
import { PERSUASIONS } from './vessel-case.repository';
import { LEDGER, VesselCaseService } from './vessel-case.service';
import { VesselExcelService } from './vessel-excel.service';

const uuid = new ParseUUIDPipe();

@ApiTags('vessel-cases')
@Controller('vessel-cases')
export class VesselCaseController extends RecordSheetRoutes<
  VesselCaseDto,
  VesselCaseDetailDto,
  { list: VesselListQuery; create: VesselCaseCreateDto; update: VesselCaseUpdateDto; export: VesselExportQuery }
>(LEDGER, {
  read: 'vessel.read',
  write: 'vessel.write',
  listQuery: VesselListQuery,
  createBody: VesselCaseCreateDto,
  updateBody: VesselCaseUpdateDto,
  personalQuery: ['ownerName', 'ownerIdNumber', 'ownerPhone'],
  exportQuery: VesselExportQuery,
}) {
  constructor(
    private readonly vessels: VesselCaseService,
    attachments: RecordAttachments,
    excel: VesselExcelService,
    uploads: SpreadsheetUpload,
  ) {
    super(attachments, vessels, excel, uploads);
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
    return this.vessels.addPart(p, id, PERSUASIONS, body);
  }

  @RequireAllPermissions(['vessel.read', 'personal.unmask'])
  @Post(':id/unmask')
  @HttpCode(200)
  unmask(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: UnmaskDto) {
    return this.vessels.unmask(p, id, body);
  }
}
