import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DisputeStatistics } from '@fazhi/contracts';
import { RequirePermission } from '../access/access.decorators';
import { Principal } from '../access/principal';
import { CurrentPrincipal } from '../auth/auth.guard';
import { assertFilterInScope } from '../ledger-core/scope-filters';
import { OrgTreeService } from '../org/org-tree.service';
import { DisputeStatisticsService } from './dispute-statistics.service';
import { StatisticsQuery } from './statistics.dto';

@ApiTags('statistics')
@Controller('statistics')
export class StatisticsController {
  constructor(
    private readonly disputes: DisputeStatisticsService,
    private readonly tree: OrgTreeService,
  ) {}

  @RequirePermission('dispute.read', 'dashboard.read')
  @Get('disputes')
  async disputeFigures(@CurrentPrincipal() p: Principal, @Query() q: StatisticsQuery): Promise<DisputeStatistics> {
    assertFilterInScope(p.scope, await this.tree.byId(), q);
    return this.disputes.disputes(p, q.year, q.townId);
  }
}
