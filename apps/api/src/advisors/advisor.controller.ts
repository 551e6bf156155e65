import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiTags } from '@nestjs/swagger';
import type { AdvisorDto, AdvisorMonthCheckDto, AdvisorServiceListDto, AdvisorMonthlyGrid, AdvisorServiceDetailDto, AdvisorServiceDto, AdvisorVillageDto } from '@fazhi/contracts';
import { RequireAllPermissions, RequirePermission } from '../access/access.decorators';
import { CurrentPrincipal, Principal } from '../access/principal';
import { RecordSheetRoutes } from '../ledger-core/kit/record-routes';
import { RegisterRoutes } from '../ledger-core/kit/register-routes';
import { RecordAttachments } from '../ledger-core/record-attachments';
import { SpreadsheetUpload } from '../ledger-core/spreadsheet-upload';
import {
  AdvisorCreateDto,
  AdvisorGridQuery,
  AdvisorHandoverDto,
  AdvisorListQuery,
  AdvisorReopenMonthDto,
  AdvisorServiceCreateDto,
  AdvisorServiceExportQuery,
  AdvisorServiceListQuery,
  AdvisorServiceUpdateDto,
  AdvisorSignOffDto,
  AdvisorUnmaskDto,
  AdvisorUpdateDto,
  AdvisorVillageDto as AdvisorVillageBody,
  AdvisorVillageListQuery,
} from './advisor.dto';
import { AdvisorExcelService } from './advisor-excel.service';
import { AdvisorCheckService, REQUIRED_MINUTES } from './advisor-check.service';
import { AdvisorRegisterService, AdvisorVillageService } from './advisor-register.service';
import { LEDGER } from './advisor.repository';
import { AdvisorService } from './advisor.service';

const uuid = new ParseUUIDPipe();

/** The service log: the kit's record routes with the 台账 sheets, the hand-over and the audited unmask. */
@ApiTags('advisors')
@Controller('advisor-services')
export class AdvisorServiceController extends RecordSheetRoutes<
  AdvisorServiceDto,
  AdvisorServiceDetailDto,
  { list: AdvisorServiceListQuery; create: AdvisorServiceCreateDto; update: AdvisorServiceUpdateDto; export: AdvisorServiceExportQuery }
>(LEDGER, {
  read: 'advisor.read',
  write: 'advisor.write',
  listQuery: AdvisorServiceListQuery,
  createBody: AdvisorServiceCreateDto,
  updateBody: AdvisorServiceUpdateDto,
  personalQuery: ['clientName', 'clientPhone'],
  exportQuery: AdvisorServiceExportQuery,
}) {
  constructor(
    private readonly services: AdvisorService,
    attachments: RecordAttachments,
    excel: AdvisorExcelService,
    uploads: SpreadsheetUpload,
  ) {
    super(attachments, services, excel, uploads);
  }

  @RequirePermission('advisor.write')
  @Post(':id/handover')
  @HttpCode(200)
  handover(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: AdvisorHandoverDto): Promise<AdvisorServiceDetailDto> {
    return this.services.handover(p, id, body);
  }

  @RequireAllPermissions(['advisor.read', 'personal.unmask'])
  @Post(':id/unmask')
  @HttpCode(200)
  unmask(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: AdvisorUnmaskDto) {
    return this.services.unmask(p, id, body);
  }
}

/** The monthly check: the village × month grid and the sign-off of a village-month. */
@ApiTags('advisors')
@Controller('advisor-checks')
export class AdvisorCheckController {
  constructor(private readonly checks: AdvisorCheckService) {}

  @RequirePermission('advisor.read')
  @Get()
  grid(@CurrentPrincipal() p: Principal, @Query() q: AdvisorGridQuery): Promise<AdvisorMonthlyGrid> {
    return this.checks.grid(p, q.year, q.townId);
  }

  @RequirePermission('advisor.read')
  @Get('export.xlsx')
  async exportGrid(@CurrentPrincipal() p: Principal, @Query() q: AdvisorGridQuery, @Res() res: Response): Promise<void> {
    await this.checks.exportGrid(p, q.year, q.townId, res);
  }

  @RequirePermission('advisor.check')
  @Post('sign-off')
  @HttpCode(200)
  signOff(@CurrentPrincipal() p: Principal, @Body() body: AdvisorSignOffDto): Promise<AdvisorMonthCheckDto> {
    return this.checks.signOff(p, body);
  }

  @RequirePermission('advisor.check')
  @Post('reopen')
  @HttpCode(200)
  reopen(@CurrentPrincipal() p: Principal, @Body() body: AdvisorReopenMonthDto): Promise<AdvisorMonthCheckDto> {
    return this.checks.reopen(p, body);
  }
}

/** The advisor register (法律顾问名册) on the register kit: the whole list, add, edit, the audited unmask of the business phone and the town's accounts an advisor may be linked to. */
@ApiTags('advisors')
@Controller('advisors')
export class AdvisorRegisterController extends RegisterRoutes<AdvisorDto, AdvisorDto, { list: AdvisorListQuery; create: AdvisorCreateDto; update: AdvisorUpdateDto }>({
  read: ['advisor.read'],
  write: 'advisor.check',
  listQuery: AdvisorListQuery,
  createBody: AdvisorCreateDto,
  updateBody: AdvisorUpdateDto,
  whole: true,
  unmask: ['phone'],
  accounts: true,
}) {
  constructor(advisors: AdvisorRegisterService) {
    super(advisors);
  }
}

/** The villages' legal-service rooms, published service lists and 民主法治村 levels. */
@ApiTags('advisors')
@Controller('advisor-villages')
export class AdvisorVillageController {
  constructor(private readonly registers: AdvisorVillageService) {}

  @RequirePermission('advisor.read', 'dashboard.read')
  @Get()
  list(@CurrentPrincipal() p: Principal, @Query() q: AdvisorVillageListQuery): Promise<AdvisorVillageDto[]> {
    return this.registers.villages(p, q, REQUIRED_MINUTES);
  }

  @RequirePermission('advisor.check')
  @Put(':id')
  set(@CurrentPrincipal() p: Principal, @Param('id', uuid) villageId: string, @Body() body: AdvisorVillageBody): Promise<AdvisorVillageDto> {
    return this.registers.setVillage(p, villageId, body);
  }

  @RequirePermission('advisor.read')
  @Get(':id/service-lists')
  serviceLists(@CurrentPrincipal() p: Principal, @Param('id', uuid) villageId: string): Promise<AdvisorServiceListDto[]> {
    return this.registers.serviceLists(p, villageId);
  }

  /** A new version of the published service list (multipart: `version`, `listVersion`, `publishedOn`, `stage`, one file). */
  @RequirePermission('advisor.check')
  @Post(':id/service-lists')
  publish(@CurrentPrincipal() p: Principal, @Param('id', uuid) villageId: string, @Req() req: Request): Promise<AdvisorVillageDto> {
    return this.registers.publishServiceList(p, villageId, req);
  }

  @RequirePermission('advisor.read')
  @Get(':id/service-lists/:listId')
  async download(@CurrentPrincipal() p: Principal, @Param('id', uuid) villageId: string, @Param('listId', uuid) listId: string, @Res() res: Response): Promise<void> {
    await this.registers.downloadServiceList(p, villageId, listId, res);
  }
}
