import { Controller, Injectable } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { VesselStatistics } from '@fazhi/contracts';
import { FiguresRequest, LedgerStatistics, StatisticsRoutes } from '../ledger-core/kit/ledger';
import { figureQueries, monthsOf, toQueryString, villageBreakdown } from '../ledger-core/figures';
import { OrgTreeService } from '../org/org-tree.service';
import { VesselCaseRepository, VesselFilter } from './vessel-case.repository';

type Figure = keyof VesselStatistics['filters'];

/** The list filter behind each vessel figure (DOMAIN.md §4.1); the count uses the very same filter. */
export function vesselFigureFilters({ year, base }: Pick<FiguresRequest, 'year' | 'base'>): Record<Exclude<Figure, 'campaigns'>, VesselFilter> {
  return {
    registered: { ...base, registeredYear: year },
    dismantled: { ...base, dismantledYear: year },
    selfDismantled: { ...base, dismantledYear: year, disposal: 'self' },
    campaignDismantled: { ...base, dismantledYear: year, disposal: 'campaign' },
    handedOver: { ...base, handedOverYear: year },
    open: { ...base, openAt: `${year}-12-31` },
  };
}

/** The vessel figures of a year (`GET /api/statistics/vessels`), from one grouped statement. */
@Injectable()
export class VesselStatisticsService implements LedgerStatistics<VesselStatistics> {
  constructor(private readonly repo: VesselCaseRepository) {}

  async figures(r: FiguresRequest): Promise<VesselStatistics> {
    const { year, townId } = r;
    const figures = vesselFigureFilters(r);
    const campaignFilter = { year, status: 'closed', ...r.base };
    const { campaigns, groups } = await this.repo.yearFigures(r.scope, year, townId);

    const counts = { registered: 0, dismantled: 0, selfDismantled: 0, campaignDismantled: 0, handedOver: 0, open: 0 };
    const months = monthsOf(year).map((month) => ({ month, registered: 0, dismantled: 0, selfDismantled: 0, campaignDismantled: 0 }));
    const regByVillage = new Map<string | null, number>();
    const disByVillage = new Map<string | null, number>();
    const add = (m: Map<string | null, number>, k: string | null, n: number) => m.set(k, (m.get(k) ?? 0) + n);
    for (const g of groups) {
      if (g.registeredMonth) {
        counts.registered += g.n;
        months[g.registeredMonth - 1].registered += g.n;
        add(regByVillage, g.villageId, g.n);
      }
      if (g.dismantledMonth) {
        const month = months[g.dismantledMonth - 1];
        const kind = g.disposal === 'self' ? 'selfDismantled' : g.disposal === 'campaign' ? 'campaignDismantled' : null;
        for (const k of kind ? (['dismantled', kind] as const) : (['dismantled'] as const)) {
          counts[k] += g.n;
          month[k] += g.n;
        }
        add(disByVillage, g.villageId, g.n);
      }
      if (g.handedOver) counts.handedOver += g.n;
      if (g.open) counts.open += g.n;
    }
    return {
      year,
      townId: townId ?? null,
      ...counts,
      campaigns,
      byMonth: months,
      byVillage: villageBreakdown(r.units, { registered: regByVillage, dismantled: disByVillage }),
      filters: { ...figureQueries(figures), campaigns: toQueryString(campaignFilter) },
    };
  }
}

/** `GET /api/statistics/vessels`: one year of the vessel figures. */
@ApiTags('statistics')
@Controller('statistics')
export class VesselStatisticsController extends StatisticsRoutes<VesselStatistics>('vessels', ['vessel.read', 'dashboard.read']) {
  constructor(figures: VesselStatisticsService, tree: OrgTreeService) {
    super(figures, tree);
  }
}
