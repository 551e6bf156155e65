import { Injectable, OnModuleInit } from '@nestjs/common';
import { ADVISOR_DUE_WORKING_DAYS, ADVISOR_HOURS_DEADLINE_KIND, ADVISOR_MONTHLY_HOURS, DEFAULT_TIME_ZONE, plainDateInZone } from '@fazhi/contracts';
import type { MyDeadlineDto } from '@fazhi/contracts';
import { Principal } from '../access/principal';
import { WorkingCalendar } from '../ledger-core/calendar/working-calendar';
import { computedDueItem } from '../ledger-core/deadlines/deadline-state';
import { DeadlinesService, DueItemProvider } from '../ledger-core/deadlines/deadlines.service';
import { OrgUnitEntity } from '../org/org-unit.entity';
import { OrgTreeService } from '../org/org-tree.service';
import { REQUIRED_MINUTES } from './advisor-check.service';
import { hoursOf } from './advisor-hours';
import { AdvisorVillageService } from './advisor-register.service';
import { AdvisorRepository } from './advisor.repository';

/** The home list's `ledger` of an advisor's village-month item; its `recordId` is `<villageId>:<YYYY-MM>`. */
export const ADVISOR_MONTH_ITEM_LEDGER = 'advisor-month';

/**
 * The advisor's due item of the 8-hour rule: for each of the reader's villages, the current month
 * (in the town's zone) while its hours are short of the rule, it is not signed off and at most
 * `ADVISOR_DUE_WORKING_DAYS` working days are left in it; due on the month's last working day.
 * The reader's villages are those their linked advisor serves today, or, for an account not
 * linked to an advisor, the villages its scope names one by one.
 */
@Injectable()
export class AdvisorDueItems implements DueItemProvider, OnModuleInit {
  constructor(
    private readonly deadlines: DeadlinesService,
    private readonly repo: AdvisorRepository,
    private readonly villages: AdvisorVillageService,
    private readonly tree: OrgTreeService,
    private readonly calendar: WorkingCalendar,
  ) {}

  onModuleInit(): void {
    this.deadlines.provide(this);
  }

  async items(principal: Principal, now: Date): Promise<MyDeadlineDto[]> {
    if (!principal.permissions.has('advisor.write')) return [];
    const villages = await this.villagesOf(principal, now);
    const units = await this.tree.byId();
    // The towns whose month is in its last working days: each village's month, then its hours and sign-off in one read.
    const open = new Map<string, { today: string; month: string; lastWorkingDay: string; provisional: boolean }>();
    for (const townId of new Set(villages.map((v) => v.townId!))) {
      const today = plainDateInZone(now, units.get(townId)!.timeZone);
      const { workingDaysLeft, lastWorkingDay } = await this.calendar.restOfMonth(today);
      if (workingDaysLeft > ADVISOR_DUE_WORKING_DAYS) continue;
      open.set(townId, { today, month: today.slice(0, 7), lastWorkingDay, provisional: await this.calendar.countsUncoveredYear(today, lastWorkingDay) });
    }
    const due = villages.filter((v) => open.has(v.townId!));
    const states = await this.repo.monthStates(principal.scope, new Map(due.map((v) => [v.id, open.get(v.townId!)!.month])));
    const items: MyDeadlineDto[] = [];
    for (const v of due) {
      const { today, month, lastWorkingDay, provisional } = open.get(v.townId!)!;
      const { minutes, checked } = states.get(v.id) ?? { minutes: 0, checked: false };
      if (checked || minutes >= REQUIRED_MINUTES) continue;
      const title = `${v.name} ${month.slice(0, 4)}年${Number(month.slice(5))}月服务 ${hoursOf(minutes)} 小时，不足 ${ADVISOR_MONTHLY_HOURS} 小时`;
      items.push(
        computedDueItem({ ledger: ADVISOR_MONTH_ITEM_LEDGER, kind: ADVISOR_HOURS_DEADLINE_KIND, townId: v.townId!, recordId: `${v.id}:${month}`, title, dueDate: lastWorkingDay, provisional }, today),
      );
    }
    return items;
  }

  /** The villages the reader serves as an advisor, in the scope. */
  private async villagesOf(principal: Principal, now: Date): Promise<OrgUnitEntity[]> {
    const inScope = await this.villages.villagesInScope(principal);
    const assignments = await this.repo.assignmentsOfUser(principal.user.id);
    if (!assignments) return inScope.filter((v) => principal.scope.villageIds.includes(v.id));
    const units = await this.tree.byId();
    const serving = assignments.filter((a) => {
      const today = plainDateInZone(now, units.get(a.townId)?.timeZone ?? DEFAULT_TIME_ZONE);
      return a.fromDate <= today && (!a.toDate || a.toDate >= today);
    });
    return inScope.filter((v) => serving.some((a) => a.villageId === v.id));
  }
}
