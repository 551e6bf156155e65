import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CampaignDto, Page } from '@fazhi/contracts';
import type { Request, Response } from 'express';
import { RequirePermission } from '../access/access.decorators';
import { Principal } from '../access/principal';
import { CurrentPrincipal } from '../auth/auth.guard';
import { DownloadQuery } from '../ledger-core/attachment.dto';
import { RecordAttachments } from '../ledger-core/record-attachments';
import { VersionDto, VersionQuery } from '../org/org.dto';
import { VoidDto } from '../vessel-cases/vessel-case.dto';
import { CampaignCreateDto, CampaignListQuery, CampaignUpdateDto, CampaignVesselsDto } from './campaign.dto';
import { CampaignService } from './campaign.service';

const uuid = new ParseUUIDPipe();

@ApiTags('campaigns')
@Controller('campaigns')
export class CampaignController {
  constructor(
    private readonly campaigns: CampaignService,
    private readonly attachments: RecordAttachments,
  ) {}

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

  @RequirePermission('campaign.manage')
  @Post(':id/attachments')
  async upload(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Req() req: Request) {
    await this.attachments.upload(req, this.campaigns.recordHandle(p, id));
    return this.campaigns.get(p, id);
  }

  @RequirePermission('vessel.read')
  @Get(':id/attachments/:attachmentId')
  async download(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid) id: string,
    @Param('attachmentId', uuid) attachmentId: string,
    @Query() q: DownloadQuery,
    @Res() res: Response,
  ): Promise<void> {
    await this.campaigns.assertVisible(p, id);
    await this.attachments.download(res, 'campaign', id, attachmentId, q.variant ?? 'original');
  }

  @RequirePermission('campaign.manage')
  @Delete(':id/attachments/:attachmentId')
  async removeAttachment(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Param('attachmentId', uuid) attachmentId: string, @Query() q: VersionQuery) {
    await this.attachments.remove(this.campaigns.recordHandle(p, id), attachmentId, q.version);
    return this.campaigns.get(p, id);
  }
}
