import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { VesselStatistics } from '@fazhi/contracts';
import { RequirePermission } from '../access/access.decorators';
import { CurrentPrincipal, Principal } from '../access/principal';
import { assertFilterInScope } from '../ledger-core/scope-filters';
import { OrgTreeService } from '../org/org-tree.service';
import { StatisticsQuery } from '../ledger-core/kit/statistics.dto';
import { VesselStatisticsService } from './vessel-statistics.service';

@ApiTags('statistics')
@Controller('statistics')
export class StatisticsController {
  constructor(
    private readonly vessels: VesselStatisticsService,
    private readonly tree: OrgTreeService,
  ) {}

  @RequirePermission('vessel.read', 'dashboard.read')
  @Get('vessels')
  async vesselFigures(@CurrentPrincipal() p: Principal, @Query() q: StatisticsQuery): Promise<VesselStatistics> {
    assertFilterInScope(p.scope, await this.tree.byId(), q);
    return this.vessels.vessels(p, q.year, q.townId);
  }
}
