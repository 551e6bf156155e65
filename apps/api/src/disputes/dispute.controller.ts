import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { UserChoiceDto, DisputeDetailDto, DisputeDto, DisputeWarningListItem, DocumentTemplateDto, Page } from '@fazhi/contracts';
import type { Request, Response } from 'express';
import { RequireAllPermissions, RequirePermission } from '../access/access.decorators';
import { CurrentPrincipal, Principal } from '../access/principal';
import { contentDisposition } from '../ledger-core/attachments/file-names';
import { TownQuery } from '../common/town-query';
import { RecordSheetRoutes } from '../ledger-core/kit/record-routes';
import { RecordAttachments } from '../ledger-core/record-attachments';
import { SpreadsheetUpload } from '../ledger-core/spreadsheet-upload';
import { VersionQuery } from '../common/version';
import { DisputeAgreementService, TEMPLATE_MAX_BYTES } from './dispute-agreement.service';
import { DisputeExcelService } from './dispute-excel.service';
import {
  DeadlineExtendDto,
  DisputeCreateDto,
  DisputeExportQuery,
  DisputeListQuery,
  DisputeUnmaskDto,
  DisputeUpdateDto,
  EscalationDto,
  FollowUpCreateDto,
  JudicialConfirmationInputDto,
  MediationPeriodDto,
  PartyCreateDto,
  PartyUpdateDto,
  RiskChangeDto,
  SessionCreateDto,
  TownVersionQuery,
  WarningListQuery,
} from './dispute.dto';
import { LEDGER } from './dispute.repository';
import { DisputeService } from './dispute.service';

const uuid = new ParseUUIDPipe();
const PARTY_SEARCH = ['partyName', 'partyIdNumber', 'partyPhone'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function sendDocx(res: Response, file: { fileName: string; content: Buffer }): void {
  res.setHeader('Content-Type', DOCX);
  res.setHeader('Content-Disposition', contentDisposition(file.fileName));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'private, no-store');
  res.end(file.content);
}

@ApiTags('disputes')
@Controller('disputes')
export class DisputeController extends RecordSheetRoutes<DisputeDto, DisputeDetailDto, { list: DisputeListQuery; create: DisputeCreateDto; update: DisputeUpdateDto; export: DisputeExportQuery }>(
  LEDGER,
  {
    read: 'dispute.read',
    write: 'dispute.write',
    listQuery: DisputeListQuery,
    createBody: DisputeCreateDto,
    updateBody: DisputeUpdateDto,
    personalQuery: PARTY_SEARCH,
    exportQuery: DisputeExportQuery,
  },
) {
  constructor(
    private readonly disputes: DisputeService,
    private readonly agreements: DisputeAgreementService,
    attachments: RecordAttachments,
    excel: DisputeExcelService,
    uploads: SpreadsheetUpload,
  ) {
    super(attachments, disputes, excel, uploads);
  }

  @RequirePermission('dispute.read', 'dashboard.read')
  @Get('warnings')
  warnings(@CurrentPrincipal() p: Principal, @Query() q: WarningListQuery): Promise<Page<DisputeWarningListItem>> {
    return this.disputes.warnings(p, q);
  }

  @RequirePermission('dispute.read', 'dict.manage')
  @Get('settings/mediation-period')
  mediationPeriod(@CurrentPrincipal() p: Principal, @Query() q: TownQuery) {
    return this.disputes.mediationPeriodFor(p, q.townId);
  }

  @RequirePermission('dict.manage')
  @Put('settings/mediation-period')
  setMediationPeriod(@CurrentPrincipal() p: Principal, @Query() q: TownQuery, @Body() body: MediationPeriodDto) {
    return this.disputes.setMediationPeriod(p, q.townId, body);
  }

  @RequirePermission('dispute.read', 'template.manage')
  @Get('agreement-template')
  template(@CurrentPrincipal() p: Principal, @Query() q: TownQuery): Promise<DocumentTemplateDto> {
    return this.agreements.templateInfo(p, q.townId);
  }

  @RequirePermission('dispute.read', 'template.manage')
  @Get('agreement-template.docx')
  async templateFile(@CurrentPrincipal() p: Principal, @Query() q: TownQuery, @Res() res: Response): Promise<void> {
    sendDocx(res, await this.agreements.templateFile(p, q.townId));
  }

  @RequirePermission('template.manage')
  @Post('agreement-template')
  @HttpCode(200)
  async uploadTemplate(@CurrentPrincipal() p: Principal, @Query() q: TownQuery, @Req() req: Request): Promise<DocumentTemplateDto> {
    const file = await this.uploads!.readFile(req, { maxBytes: TEMPLATE_MAX_BYTES, missing: { zh: '请选择 Word 模板文件(.docx)', en: 'Choose the Word template (.docx)' } });
    return this.agreements.uploadTemplate(p, q.townId, file);
  }

  @RequirePermission('template.manage')
  @Delete('agreement-template')
  resetTemplate(@CurrentPrincipal() p: Principal, @Query() q: TownVersionQuery): Promise<DocumentTemplateDto> {
    return this.agreements.resetTemplate(p, q.townId, q.version);
  }

  @RequireAllPermissions(['dispute.read', 'personal.unmask'])
  @Get(':id/agreement.docx')
  async agreement(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Res() res: Response): Promise<void> {
    sendDocx(res, await this.agreements.render(p, id));
  }

  @RequirePermission('dispute.write')
  @Post(':id/parties')
  addParty(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: PartyCreateDto): Promise<DisputeDetailDto> {
    return this.disputes.addParty(p, id, body);
  }

  @RequirePermission('dispute.write')
  @Patch(':id/parties/:partyId')
  updateParty(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Param('partyId', uuid) partyId: string, @Body() body: PartyUpdateDto): Promise<DisputeDetailDto> {
    return this.disputes.updateParty(p, id, partyId, body);
  }

  @RequirePermission('dispute.write')
  @Delete(':id/parties/:partyId')
  removeParty(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Param('partyId', uuid) partyId: string, @Query() q: VersionQuery): Promise<DisputeDetailDto> {
    return this.disputes.removeParty(p, id, partyId, q.version);
  }

  @RequirePermission('dispute.write')
  @Post(':id/sessions')
  addSession(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: SessionCreateDto): Promise<DisputeDetailDto> {
    return this.disputes.addSession(p, id, body);
  }

  @RequirePermission('dispute.write')
  @Delete(':id/sessions/:sessionId')
  removeSession(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Param('sessionId', uuid) sessionId: string, @Query() q: VersionQuery): Promise<DisputeDetailDto> {
    return this.disputes.removeSession(p, id, sessionId, q.version);
  }

  @RequirePermission('dispute.write')
  @Post(':id/follow-ups')
  addFollowUp(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: FollowUpCreateDto): Promise<DisputeDetailDto> {
    return this.disputes.addFollowUp(p, id, body);
  }

  @RequirePermission('dispute.write')
  @Post(':id/risk')
  @HttpCode(200)
  changeRisk(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: RiskChangeDto): Promise<DisputeDetailDto> {
    return this.disputes.changeRisk(p, id, body);
  }

  @RequirePermission('dispute.write')
  @Post(':id/escalation')
  @HttpCode(200)
  escalate(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: EscalationDto): Promise<DisputeDetailDto> {
    return this.disputes.escalate(p, id, body);
  }

  @RequirePermission('dispute.write')
  @Post(':id/judicial-confirmation')
  @HttpCode(200)
  judicialConfirmation(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: JudicialConfirmationInputDto): Promise<DisputeDetailDto> {
    return this.disputes.judicialConfirmation(p, id, body);
  }

  @RequirePermission('dispute.write')
  @Get(':id/deadline/approvers')
  deadlineApprovers(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string): Promise<UserChoiceDto[]> {
    return this.disputes.deadlineApprovers(p, id);
  }

  @RequirePermission('dispute.write')
  @Post(':id/deadline/extend')
  @HttpCode(200)
  extendDeadline(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: DeadlineExtendDto): Promise<DisputeDetailDto> {
    return this.disputes.extendDeadline(p, id, body);
  }

  @RequireAllPermissions(['dispute.read', 'personal.unmask'])
  @Post(':id/unmask')
  @HttpCode(200)
  unmask(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: DisputeUnmaskDto) {
    return this.disputes.unmask(p, id, body);
  }
}
