import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DisputeStatistics, VesselStatistics } from '@fazhi/contracts';
import { RequirePermission } from '../access/access.decorators';
import { Principal } from '../access/principal';
import { CurrentPrincipal } from '../auth/auth.guard';
import { DisputeStatisticsService } from './dispute-statistics.service';
import { StatisticsQuery } from './statistics.dto';
import { VesselStatisticsService } from './vessel-statistics.service';

@ApiTags('statistics')
@Controller('statistics')
export class StatisticsController {
  constructor(
    private readonly vessels: VesselStatisticsService,
    private readonly disputes: DisputeStatisticsService,
  ) {}

  @RequirePermission('vessel.read', 'dashboard.read')
  @Get('vessels')
  vesselFigures(@CurrentPrincipal() p: Principal, @Query() q: StatisticsQuery): Promise<VesselStatistics> {
    return this.vessels.vessels(p, q.year, q.townId);
  }

  @RequirePermission('dispute.read', 'dashboard.read')
  @Get('disputes')
  disputeFigures(@CurrentPrincipal() p: Principal, @Query() q: StatisticsQuery): Promise<DisputeStatistics> {
    return this.disputes.disputes(p, q.year, q.townId);
  }
}
