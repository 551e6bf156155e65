import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID } from 'class-validator';
import { MAX_YEAR, MIN_YEAR } from '../../common/dates';
import { PageQuery } from '../../common/pagination';
import { IsVersion, VersionDto } from '../../common/version';
import { field, inputOf, RECORD_INPUT } from '../../ledger-core/kit/fields';
import { CAMPAIGN_FIELDS } from '../vessel-case.entities';

const CAMPAIGN = { ...RECORD_INPUT, ...CAMPAIGN_FIELDS };
export const CampaignCreateDto = inputOf('CampaignCreateDto', CAMPAIGN, ['townId', 'date', 'place', 'agencies', 'remark'], { mode: 'create' });
export type CampaignCreateDto = InstanceType<typeof CampaignCreateDto>;
export const CampaignUpdateDto = inputOf('CampaignUpdateDto', CAMPAIGN, ['date', 'place', 'agencies', 'remark'], { mode: 'patch', base: VersionDto });
export type CampaignUpdateDto = InstanceType<typeof CampaignUpdateDto>;

export class CampaignVesselsDto {
  @ApiProperty() @IsVersion() version!: number;
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @IsUUID('all', { each: true }) caseIds!: string[];
}

const QUERY = { townId: field.uuid(), year: field.year(MIN_YEAR, MAX_YEAR), status: field.values(['planned', 'closed']), voided: field.flag() };
export const CampaignListQuery = inputOf('CampaignListQuery', QUERY, ['townId', 'year', 'status', 'voided'], { mode: 'query', base: PageQuery });
export type CampaignListQuery = InstanceType<typeof CampaignListQuery>;
