import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { UserChoiceDto, DisputeDetailDto, DisputeDto, DisputeWarningListItem, Page } from '@fazhi/contracts';
import type { Response } from 'express';
import { RequireAllPermissions, RequirePermission } from '../access/access.decorators';
import { CurrentPrincipal, Principal } from '../access/principal';
import { TownQuery } from '../common/town-query';
import { RecordSheetRoutes } from '../ledger-core/kit/record-routes';
import { LedgerTemplates, sendDocx, TemplateRoutes } from '../ledger-core/kit/template-routes';
import { RecordAttachments } from '../ledger-core/record-attachments';
import { SpreadsheetUpload } from '../ledger-core/spreadsheet-upload';
import { VersionQuery } from '../common/version';
import { AGREEMENT_TEMPLATE, DisputeAgreementService } from './dispute-agreement.service';
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
  WarningListQuery,
} from './dispute.dto';
import { FOLLOW_UPS, PARTIES, SESSIONS } from './dispute.parts';
import { LEDGER } from './dispute.repository';
import { DisputeService } from './dispute.service';

const uuid = new ParseUUIDPipe();
const PARTY_SEARCH = ['partyName', 'partyIdNumber', 'partyPhone'];
/** The agreement's Word template (registered before the dispute routes, so `GET :id` does not take its path). */
@ApiTags('disputes')
@Controller('disputes')
export class DisputeTemplateController extends TemplateRoutes({ path: 'agreement-template', kind: AGREEMENT_TEMPLATE, read: ['dispute.read', 'template.manage'] }) {
  constructor(templates: LedgerTemplates, uploads: SpreadsheetUpload) {
    super(templates, uploads);
  }
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

  @RequireAllPermissions(['dispute.read', 'personal.unmask'])
  @Get(':id/agreement.docx')
  async agreement(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Res() res: Response): Promise<void> {
    sendDocx(res, await this.agreements.render(p, id));
  }

  @RequirePermission('dispute.write')
  @Post(':id/parties')
  addParty(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: PartyCreateDto): Promise<DisputeDetailDto> {
    return this.disputes.addPart(p, id, PARTIES, body);
  }

  @RequirePermission('dispute.write')
  @Patch(':id/parties/:partyId')
  updateParty(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Param('partyId', uuid) partyId: string, @Body() body: PartyUpdateDto): Promise<DisputeDetailDto> {
    return this.disputes.updatePart(p, id, PARTIES, partyId, body);
  }

  @RequirePermission('dispute.write')
  @Delete(':id/parties/:partyId')
  removeParty(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Param('partyId', uuid) partyId: string, @Query() q: VersionQuery): Promise<DisputeDetailDto> {
    return this.disputes.removePart(p, id, PARTIES, partyId, q.version);
  }

  @RequirePermission('dispute.write')
  @Post(':id/sessions')
  addSession(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: SessionCreateDto): Promise<DisputeDetailDto> {
    return this.disputes.addPart(p, id, SESSIONS, body);
  }

  @RequirePermission('dispute.write')
  @Delete(':id/sessions/:sessionId')
  removeSession(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Param('sessionId', uuid) sessionId: string, @Query() q: VersionQuery): Promise<DisputeDetailDto> {
    return this.disputes.removePart(p, id, SESSIONS, sessionId, q.version);
  }

  @RequirePermission('dispute.write')
  @Post(':id/follow-ups')
  addFollowUp(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: FollowUpCreateDto): Promise<DisputeDetailDto> {
    return this.disputes.addPart(p, id, FOLLOW_UPS, body);
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
