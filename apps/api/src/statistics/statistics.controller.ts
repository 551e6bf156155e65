import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { VesselStatistics } from '@fazhi/contracts';
import { RequirePermission } from '../access/access.decorators';
import { Principal } from '../access/principal';
import { CurrentPrincipal } from '../auth/auth.guard';
import { StatisticsQuery } from './statistics.dto';
import { VesselStatisticsService } from './vessel-statistics.service';

@ApiTags('statistics')
@Controller('statistics')
export class StatisticsController {
  constructor(private readonly vessels: VesselStatisticsService) {}

  @RequirePermission('vessel.read', 'dashboard.read')
  @Get('vessels')
  vesselFigures(@CurrentPrincipal() p: Principal, @Query() q: StatisticsQuery): Promise<VesselStatistics> {
    return this.vessels.vessels(p, q.year, q.townId);
  }
}
