import { Injectable } from '@nestjs/common';
import { ListFilter, RecordTable } from '../../ledger-core/kit/record-repository';
import { RegisterRepository } from '../../ledger-core/kit/register-repository';
import { CampaignEntity } from '../vessel-case.entities';
import { CampaignListQuery } from './campaign.dto';

export interface CampaignRow extends CampaignEntity {
  status: 'planned' | 'closed';
  vesselCount: number;
  timeZone: string;
}

export type CampaignFilter = CampaignListQuery & ListFilter;

/** Every query of the destruction campaigns. */
@Injectable()
export class CampaignRepository extends RegisterRepository<CampaignRow, CampaignFilter> {
  protected readonly spec: RecordTable<CampaignFilter> = {
    ledger: 'campaign',
    table: 'campaign',
    alias: 'c',
    select: `c.*, t.time_zone, (SELECT count(*)::int FROM vessel_case v WHERE v.campaign_id = c.id AND v.voided_at IS NULL) AS vessel_count`,
    from: `FROM campaign c JOIN org_unit t ON t.id = c.town_id`,
    owners: { owners: ['c.created_by'], ownerArrays: [] },
    sorts: { number: 'c.date %s, c.seq %s' },
    filters: {
      townId: { eq: 'c.town_id' },
      year: { year: 'c.date' },
      status: { eq: 'c.status' },
      voided: { when: { true: 'c.voided_at IS NOT NULL', false: 'c.voided_at IS NULL' } },
    },
  };
}
