import { Controller, Injectable } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DISPUTE_CATEGORIES, DISPUTE_CATEGORY_LABELS, DisputeStatistics } from '@fazhi/contracts';
import { countFigures, figureQueries, monthsOf, toQueryString, villageBreakdown } from '../ledger-core/figures';
import { FiguresRequest, LedgerStatistics, StatisticsRoutes } from '../ledger-core/kit/ledger';
import { OrgTreeService } from '../org/org-tree.service';
import { DisputeFilter, DisputeRepository } from './dispute.repository';
import { PeaceOfficerFilter, PeaceOfficerRepository } from './peace-officers/peace-officer.repository';

type LedgerFigure = Exclude<keyof DisputeStatistics['filters'], 'peaceOfficers'>;

/**
 * The list filter behind each dispute figure (DOMAIN.md §4.1, `DISPUTE_FIGURES`); the count uses
 * the very same filter. `successRate` is its denominator: the mediations concluded in the year.
 */
export function disputeFigureFilters({ year, base }: Pick<FiguresRequest, 'year' | 'base'>): Record<LedgerFigure, DisputeFilter> {
  return {
    received: { ...base, registeredYear: year },
    accepted: { ...base, acceptedYear: year },
    agreed: { ...base, agreedYear: year },
    terminated: { ...base, terminatedYear: year },
    successRate: { ...base, concludedYear: year },
    warnings: { ...base, warningYear: year },
    escalated: { ...base, escalatedYear: year },
  };
}

export function peaceOfficerFigureFilter({ year, town }: Pick<FiguresRequest, 'year' | 'town'>): PeaceOfficerFilter {
  return { activeInYear: year, ...town };
}

@Injectable()
export class DisputeStatisticsService implements LedgerStatistics<DisputeStatistics> {
  constructor(
    private readonly repo: DisputeRepository,
    private readonly officers: PeaceOfficerRepository,
  ) {}

  async figures(r: FiguresRequest): Promise<DisputeStatistics> {
    const { scope, year, townId } = r;
    const figures = disputeFigureFilters(r);
    const officerFilter = peaceOfficerFigureFilter(r);
    const counts = await countFigures(figures, (f) => this.repo.count(scope, f));
    const [peaceOfficers, receivedByMonth, agreedByMonth, terminatedByMonth, receivedByVillage, agreedByVillage, receivedByCategory, agreedByCategory] = await Promise.all([
      this.officers.count(scope, officerFilter),
      this.repo.countBy(scope, figures.received, 'registeredMonth'),
      this.repo.countBy(scope, figures.agreed, 'agreedMonth'),
      this.repo.countBy(scope, figures.terminated, 'terminatedMonth'),
      this.repo.countBy(scope, figures.received, 'village'),
      this.repo.countBy(scope, figures.agreed, 'village'),
      this.repo.countBy(scope, figures.received, 'category'),
      this.repo.countBy(scope, figures.agreed, 'category'),
    ]);
    const denominator = counts.successRate;
    return {
      year,
      townId: townId ?? null,
      received: counts.received,
      accepted: counts.accepted,
      agreed: counts.agreed,
      terminated: counts.terminated,
      successRate: { value: denominator ? counts.agreed / denominator : null, numerator: counts.agreed, denominator },
      warnings: counts.warnings,
      escalated: counts.escalated,
      peaceOfficers,
      byCategory: DISPUTE_CATEGORIES.map((category) => ({
        category,
        name: DISPUTE_CATEGORY_LABELS[category],
        received: receivedByCategory.get(category) ?? 0,
        agreed: agreedByCategory.get(category) ?? 0,
      })),
      byVillage: villageBreakdown(r.units, { received: receivedByVillage, agreed: agreedByVillage }),
      byMonth: monthsOf(year).map((month) => ({ month, received: receivedByMonth.get(month) ?? 0, agreed: agreedByMonth.get(month) ?? 0, terminated: terminatedByMonth.get(month) ?? 0 })),
      filters: {
        ...figureQueries(figures),
        peaceOfficers: toQueryString(officerFilter as Record<string, unknown>),
      },
    };
  }
}

/** `GET /api/statistics/disputes`: one year of the dispute and peace-officer figures. */
@ApiTags('statistics')
@Controller('statistics')
export class DisputeStatisticsController extends StatisticsRoutes<DisputeStatistics>('disputes', ['dispute.read', 'dashboard.read']) {
  constructor(figures: DisputeStatisticsService, tree: OrgTreeService) {
    super(figures, tree);
  }
}
