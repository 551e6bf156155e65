import { Injectable } from '@nestjs/common';
import { VesselStatistics } from '@fazhi/contracts';
import { DataSource } from 'typeorm';
import { scopeSql } from '../access/data-scope';
import { Principal } from '../access/principal';
import { countFigures, figureQueries, monthsOf, toQueryString, villageBreakdown } from '../ledger-core/figures';
import { OrgTreeService } from '../org/org-tree.service';
import { VesselCaseRepository, VesselFilter } from '../vessel-cases/vessel-case.repository';

type Figure = keyof VesselStatistics['filters'];

/** The list filter behind each vessel figure (DOMAIN.md §4.1); the count uses the very same filter. */
export function vesselFigureFilters(year: number, townId?: string): Record<Exclude<Figure, 'campaigns'>, VesselFilter> {
  const base: VesselFilter = { voided: 'false', ...(townId ? { townId } : {}) };
  return {
    registered: { ...base, registeredYear: year },
    dismantled: { ...base, dismantledYear: year },
    selfDismantled: { ...base, dismantledYear: year, disposal: 'self' },
    campaignDismantled: { ...base, dismantledYear: year, disposal: 'campaign' },
    handedOver: { ...base, handedOverYear: year },
    open: { ...base, openAt: `${year}-12-31` },
  };
}


@Injectable()
export class VesselStatisticsService {
  constructor(
    private readonly ds: DataSource,
    private readonly repo: VesselCaseRepository,
    private readonly tree: OrgTreeService,
  ) {}

  async vessels(principal: Principal, year: number, townId?: string): Promise<VesselStatistics> {
    const figures = vesselFigureFilters(year, townId);
    const scope = principal.scope;
    const counts = await countFigures(figures, (f) => this.repo.count(scope, f));
    const campaignFilter = { year, status: 'closed', voided: 'false', ...(townId ? { townId } : {}) };
    const params: unknown[] = [year];
    const where = [`extract(year FROM c.date)::int = $1`, `c.status = 'closed'`, 'c.voided_at IS NULL', scopeSql(scope, { town: 'c.town_id', owners: ['c.created_by'] }, params)];
    if (townId) {
      params.push(townId);
      where.push(`c.town_id = $${params.length}`);
    }
    const [{ n: campaigns }] = await this.ds.query(`SELECT count(*)::int AS n FROM campaign c WHERE ${where.join(' AND ')}`, params);

    const [regByMonth, disByMonth, selfByMonth, campByMonth, regByVillage, disByVillage] = await Promise.all([
      this.repo.countBy(scope, figures.registered, 'registeredMonth'),
      this.repo.countBy(scope, figures.dismantled, 'dismantledMonth'),
      this.repo.countBy(scope, figures.selfDismantled, 'dismantledMonth'),
      this.repo.countBy(scope, figures.campaignDismantled, 'dismantledMonth'),
      this.repo.countBy(scope, figures.registered, 'village'),
      this.repo.countBy(scope, figures.dismantled, 'village'),
    ]);
    const months = monthsOf(year);
    const byVillage = villageBreakdown(await this.tree.byId(), { registered: regByVillage, dismantled: disByVillage });

    return {
      year,
      townId: townId ?? null,
      ...counts,
      campaigns,
      byMonth: months.map((month) => ({
        month,
        registered: regByMonth.get(month) ?? 0,
        dismantled: disByMonth.get(month) ?? 0,
        selfDismantled: selfByMonth.get(month) ?? 0,
        campaignDismantled: campByMonth.get(month) ?? 0,
      })),
      byVillage,
      filters: {
        ...figureQueries(figures),
        campaigns: toQueryString(campaignFilter),
      },
    };
  }
}
