import { Injectable } from '@nestjs/common';
import { VesselStatistics } from '@fazhi/contracts';
import { DataSource } from 'typeorm';
import { scopeSql } from '../access/data-scope';
import { Principal } from '../access/principal';
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

export function toQueryString(filter: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v !== undefined && v !== null) params.set(k, Array.isArray(v) ? v.join(',') : String(v));
  return params.toString();
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
    const counts = Object.fromEntries(
      await Promise.all(Object.entries(figures).map(async ([k, f]) => [k, await this.repo.count(scope, f)] as const)),
    ) as Record<Exclude<Figure, 'campaigns'>, number>;
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
    const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
    const units = await this.tree.byId();
    const villageIds = new Set<string | null>([...regByVillage.keys(), ...disByVillage.keys()]);
    const byVillage = [...villageIds]
      .map((id) => ({ villageId: id, name: id ? (units.get(id)?.name ?? id) : '未指定村(社区)', registered: regByVillage.get(id) ?? 0, dismantled: disByVillage.get(id) ?? 0 }))
      .sort((a, b) => (a.villageId === null ? 1 : b.villageId === null ? -1 : (units.get(a.villageId)?.sortOrder ?? 0) - (units.get(b.villageId)?.sortOrder ?? 0)));

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
        ...(Object.fromEntries(Object.entries(figures).map(([k, f]) => [k, toQueryString(f as Record<string, unknown>)])) as Record<Exclude<Figure, 'campaigns'>, string>),
        campaigns: toQueryString(campaignFilter),
      },
    };
  }
}
