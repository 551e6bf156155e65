import { Body, Controller, Delete, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CampaignDto } from '@fazhi/contracts';
import { RequirePermission } from '../../access/access.decorators';
import { CurrentPrincipal, Principal } from '../../access/principal';
import { VersionDto, VersionQuery } from '../../common/version';
import { RegisterRoutes } from '../../ledger-core/kit/register-routes';
import { VoidDto } from '../../ledger-core/ledger.dto';
import { RecordAttachments } from '../../ledger-core/record-attachments';
import { CampaignCreateDto, CampaignListQuery, CampaignUpdateDto, CampaignVesselsDto } from './campaign.dto';
import { CAMPAIGN_LEDGER, CampaignDetail, CampaignService } from './campaign.service';

const uuid = new ParseUUIDPipe();

@ApiTags('campaigns')
@Controller('campaigns')
export class CampaignController extends RegisterRoutes<CampaignDto, CampaignDetail, { list: CampaignListQuery; create: CampaignCreateDto; update: CampaignUpdateDto }>({
  read: ['vessel.read'],
  write: 'campaign.manage',
  listQuery: CampaignListQuery,
  createBody: CampaignCreateDto,
  updateBody: CampaignUpdateDto,
  evidence: CAMPAIGN_LEDGER,
}) {
  constructor(
    private readonly campaigns: CampaignService,
    attachments: RecordAttachments,
  ) {
    super(campaigns, attachments);
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
