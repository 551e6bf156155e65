import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CampaignDto, Page } from '@fazhi/contracts';
import { RequirePermission } from '../access/access.decorators';
import { CurrentPrincipal, Principal } from '../access/principal';
import { AttachmentRoutes } from '../ledger-core/attachment-routes';
import { RecordAttachments } from '../ledger-core/record-attachments';
import { VersionDto, VersionQuery } from '../common/version';
import { VoidDto } from '../vessel-cases/vessel-case.dto';
import { CampaignCreateDto, CampaignListQuery, CampaignUpdateDto, CampaignVesselsDto } from './campaign.dto';
import { CAMPAIGN_LEDGER, CampaignService } from './campaign.service';

const uuid = new ParseUUIDPipe();

@ApiTags('campaigns')
@Controller('campaigns')
export class CampaignController extends AttachmentRoutes<CampaignDto>(CAMPAIGN_LEDGER, { read: 'vessel.read', write: 'campaign.manage' }) {
  constructor(
    private readonly campaigns: CampaignService,
    attachments: RecordAttachments,
  ) {
    super(attachments, campaigns);
  }

  @RequirePermission('vessel.read')
  @Get()
  list(@CurrentPrincipal() p: Principal, @Query() q: CampaignListQuery): Promise<Page<CampaignDto>> {
    return this.campaigns.list(p, q);
  }

  @RequirePermission('vessel.read')
  @Get(':id')
  get(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string) {
    return this.campaigns.get(p, id);
  }

  @RequirePermission('campaign.manage')
  @Post()
  create(@CurrentPrincipal() p: Principal, @Body() body: CampaignCreateDto): Promise<CampaignDto> {
    return this.campaigns.create(p, body);
  }

  @RequirePermission('campaign.manage')
  @Patch(':id')
  update(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: CampaignUpdateDto): Promise<CampaignDto> {
    return this.campaigns.update(p, id, body);
  }

  @RequirePermission('campaign.manage')
  @Post(':id/vessels')
  @HttpCode(200)
  addVessels(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: CampaignVesselsDto): Promise<CampaignDto> {
    return this.campaigns.addVessels(p, id, body);
  }

  @RequirePermission('campaign.manage')
  @Delete(':id/vessels/:caseId')
  removeVessel(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Param('caseId', uuid) caseId: string, @Query() q: VersionQuery): Promise<CampaignDto> {
    return this.campaigns.removeVessel(p, id, caseId, q.version);
  }

  @RequirePermission('campaign.manage')
  @Post(':id/close')
  @HttpCode(200)
  close(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: VersionDto): Promise<CampaignDto> {
    return this.campaigns.close(p, id, body.version);
  }

  @RequirePermission('campaign.manage')
  @Post(':id/void')
  @HttpCode(200)
  voidCampaign(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: VoidDto): Promise<CampaignDto> {
    return this.campaigns.voidCampaign(p, id, body.version, body.reason);
  }
}
