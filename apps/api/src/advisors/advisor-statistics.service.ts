import { Controller, Injectable } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ADVISOR_SERVICE_TYPE_LABELS, ADVISOR_SERVICE_TYPES, AdvisorFigure, AdvisorRate, AdvisorStatistics } from '@fazhi/contracts';
import { countFigures, monthsOf, NO_VILLAGE_NAME, toQueryString } from '../ledger-core/figures';
import { FiguresRequest, LedgerStatistics, StatisticsRoutes } from '../ledger-core/kit/ledger';
import { AdvisorVillageListQuery } from './advisor.dto';
import { AdvisorRepository, AdvisorServiceFilter } from './advisor.repository';
import { AdvisorVillageService } from './advisor-register.service';
import { REQUIRED_MINUTES } from './advisor-check.service';
import { hoursOf } from './advisor-hours';

type LogFigure = 'consultations' | 'publicityEvents' | 'publicityAttendees' | 'villageGroupVisits' | 'legalHealthChecks' | 'decisionReviews' | 'legalAidReferrals' | 'hours';
type VillageFigure = 'villages' | 'villagesWithRoom' | 'villagesWithAdvisor' | 'villagesWithPublishedList' | 'villagesMeetingHours';

/** The list filter of `/api/advisor-services` behind each log figure (`ADVISOR_FIGURES`); counts and sums use the very same. */
export function advisorLogFilters(r: Pick<FiguresRequest, 'year' | 'base'>): Record<LogFigure, AdvisorServiceFilter> {
  const base: AdvisorServiceFilter = { year: r.year, ...r.base };
  return {
    consultations: { ...base, type: ['consultation'] },
    publicityEvents: { ...base, type: ['publicity'] },
    publicityAttendees: { ...base, type: ['publicity'] },
    villageGroupVisits: { ...base, type: ['visit'] },
    legalHealthChecks: { ...base, type: ['health_check'] },
    decisionReviews: { ...base, type: ['review'] },
    legalAidReferrals: { ...base, legalAidReferral: 'true' },
    hours: base,
  };
}

/** The filter of `/api/advisor-villages` behind each village figure. */
export function advisorVillageFilters({ year, town }: Pick<FiguresRequest, 'year' | 'town'>): Record<VillageFigure, AdvisorVillageListQuery> {
  const base: AdvisorVillageListQuery = town;
  return {
    villages: base,
    villagesWithRoom: { ...base, roomYear: year },
    villagesWithAdvisor: { ...base, advisorYear: year },
    villagesWithPublishedList: { ...base, publishedListYear: year },
    villagesMeetingHours: { ...base, meetsHoursYear: year },
  };
}

const rate = (numerator: number, denominator: number): AdvisorRate => ({ value: denominator ? numerator / denominator : null, numerator, denominator });

/** The advisor figures of a year (DOMAIN.md §3.3, §4.1). */
@Injectable()
export class AdvisorStatisticsService implements LedgerStatistics<AdvisorStatistics> {
  constructor(
    private readonly repo: AdvisorRepository,
    private readonly registers: AdvisorVillageService,
  ) {}

  async figures(r: FiguresRequest): Promise<AdvisorStatistics> {
    const { scope, year, townId, units } = r;
    const log = advisorLogFilters(r);
    const places = advisorVillageFilters(r);
    const { publicityAttendees: _a, hours: _h, ...counted } = log;
    const counts = await countFigures(counted, (f) => this.repo.count(scope, f));
    const [attendees, all] = await Promise.all([this.repo.total(scope, log.publicityAttendees), this.repo.total(scope, log.hours)]);
    const villages = await this.registers.villagesInScope(r.principal, townId);
    const ids = villages.map((v) => v.id);
    const matching = async (f: AdvisorVillageListQuery) => (await this.repo.villagesMatching(ids, f, REQUIRED_MINUTES)).size;
    const v = {
      villages: villages.length,
      villagesWithRoom: await matching(places.villagesWithRoom),
      villagesWithAdvisor: await matching(places.villagesWithAdvisor),
      villagesWithPublishedList: await matching(places.villagesWithPublishedList),
      villagesMeetingHours: await matching(places.villagesMeetingHours),
    };
    const [byMonth, consultationsByMonth, publicityByMonth, byVillage, consultationsByVillage, byType, monthTotals] = await Promise.all([
      this.repo.sums(scope, log.hours, 'month'),
      this.repo.countBy(scope, log.consultations, 'month'),
      this.repo.countBy(scope, log.publicityEvents, 'month'),
      this.repo.sums(scope, log.hours, 'village'),
      this.repo.countBy(scope, log.consultations, 'village'),
      this.repo.sums(scope, log.hours, 'type'),
      this.repo.monthTotals(scope, year, townId),
    ]);
    const monthsMet = (villageId: string | null) => monthTotals.filter((t) => t.villageId === villageId && t.minutes >= REQUIRED_MINUTES).length;
    const villageIds = [...new Set<string | null>([...ids, ...byVillage.keys()])];
    const filters = {} as Record<AdvisorFigure, string>;
    for (const [k, f] of Object.entries(log)) filters[k as AdvisorFigure] = toQueryString(f as Record<string, unknown>);
    for (const [k, f] of Object.entries(places)) filters[k as AdvisorFigure] = toQueryString(f);
    filters.roomRate = filters.villagesWithRoom;
    filters.advisorRate = filters.villagesWithAdvisor;
    filters.publishedListRate = filters.villagesWithPublishedList;
    filters.meetingHoursRate = filters.villagesMeetingHours;
    return {
      year,
      townId: townId ?? null,
      ...counts,
      publicityAttendees: attendees.attendees,
      hours: hoursOf(all.minutes),
      ...v,
      roomRate: rate(v.villagesWithRoom, v.villages),
      advisorRate: rate(v.villagesWithAdvisor, v.villages),
      publishedListRate: rate(v.villagesWithPublishedList, v.villages),
      meetingHoursRate: rate(v.villagesMeetingHours, v.villages),
      byMonth: monthsOf(year).map((month) => ({
        month,
        entries: byMonth.get(month)?.entries ?? 0,
        hours: hoursOf(byMonth.get(month)?.minutes ?? 0),
        consultations: consultationsByMonth.get(month) ?? 0,
        publicityEvents: publicityByMonth.get(month) ?? 0,
      })),
      byVillage: villageIds.map((id) => ({
        villageId: id,
        name: id ? (units.get(id)?.name ?? id) : NO_VILLAGE_NAME,
        entries: byVillage.get(id)?.entries ?? 0,
        hours: hoursOf(byVillage.get(id)?.minutes ?? 0),
        consultations: consultationsByVillage.get(id) ?? 0,
        monthsMet: monthsMet(id),
      })),
      byType: ADVISOR_SERVICE_TYPES.map((type) => ({
        type,
        name: ADVISOR_SERVICE_TYPE_LABELS[type].zh,
        entries: byType.get(type)?.entries ?? 0,
        hours: hoursOf(byType.get(type)?.minutes ?? 0),
        attendees: byType.get(type)?.attendees ?? 0,
      })),
      filters,
    };
  }
}

@ApiTags('statistics')
@Controller('statistics')
export class AdvisorStatisticsController extends StatisticsRoutes('advisors', ['advisor.read', 'dashboard.read'], AdvisorStatisticsService) {}
