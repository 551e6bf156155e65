import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DisputeStatistics, VesselStatistics } from '@fazhi/contracts';
import { RequirePermission } from '../access/access.decorators';
import { CurrentPrincipal, Principal } from '../access/principal';
import { assertFilterInScope } from '../ledger-core/scope-filters';
import { OrgTreeService } from '../org/org-tree.service';
import { DisputeStatisticsService } from './dispute-statistics.service';
import { StatisticsQuery } from './statistics.dto';
import { VesselStatisticsService } from './vessel-statistics.service';

@ApiTags('statistics')
@Controller('statistics')
export class StatisticsController {
  constructor(
    private readonly vessels: VesselStatisticsService,
    private readonly disputes: DisputeStatisticsService,
    private readonly tree: OrgTreeService,
  ) {}

  @RequirePermission('vessel.read', 'dashboard.read')
  @Get('vessels')
  async vesselFigures(@CurrentPrincipal() p: Principal, @Query() q: StatisticsQuery): Promise<VesselStatistics> {
    assertFilterInScope(p.scope, await this.tree.byId(), q);
    return this.vessels.vessels(p, q.year, q.townId);
  }

  @RequirePermission('dispute.read', 'dashboard.read')
  @Get('disputes')
  async disputeFigures(@CurrentPrincipal() p: Principal, @Query() q: StatisticsQuery): Promise<DisputeStatistics> {
    assertFilterInScope(p.scope, await this.tree.byId(), q);
    return this.disputes.disputes(p, q.year, q.townId);
  }
}
