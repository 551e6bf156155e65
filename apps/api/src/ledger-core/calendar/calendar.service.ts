import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { CalendarDayDto, CalendarYearDto, CalendarYearEntryDto } from '@fazhi/contracts';
import { DataSource } from 'typeorm';
import { Principal } from '../../access/principal';
import { AuditService } from '../../audit/audit.service';
import { staleVersion } from '../../common/app-exception';
import { Clock } from '../../common/clock';
import { calendarDayNotFound, calendarSourceDay, calendarSourceYear, calendarYearNotEntered, calendarYearWithoutHolidays } from './calendar.errors';
import { CalendarDayRow, CalendarRepository, CalendarYearRow } from './calendar.repository';
import { PutCalendarDayDto, PutCalendarYearDto } from './calendar.dto';
import { KEPT_CALENDAR, KEPT_CALENDAR_SOURCE, keptCovers } from './kept-calendar';
import { WorkingCalendar } from './working-calendar';

export function toCalendarDayDto(row: CalendarDayRow): CalendarDayDto {
  return {
    date: row.date,
    kind: row.kind,
    name: row.name,
    source: row.source,
    updatedAt: new Date(row.updatedAt).toISOString(),
    updatedBy: row.updatedBy,
    version: row.version,
  };
}

export function toCalendarYearEntryDto(row: CalendarYearRow): CalendarYearEntryDto {
  return { year: row.year, source: row.source, enteredAt: new Date(row.enteredAt).toISOString(), enteredBy: row.enteredBy, version: row.version };
}

/**
 * The holiday calendar: the kept national arrangement brought in at start-up, and the
 * administrator's edits (years the arrangement lacks, or corrections). Every edit is audited
 * and redoes the work that depends on the changed day.
 */
@Injectable()
export class CalendarService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Calendar');

  constructor(
    private readonly ds: DataSource,
    private readonly repo: CalendarRepository,
    private readonly calendar: WorkingCalendar,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.syncKept();
  }

  /**
   * Brings the kept arrangement, its days and its years, into the tables; administrators' days
   * and years are never overwritten.
   */
  async syncKept(): Promise<string[]> {
    const changed = await this.ds.transaction(async (em) => {
      const now = this.clock.now();
      const dates = await this.repo.syncKept(em, KEPT_CALENDAR.days, KEPT_CALENDAR_SOURCE, now);
      await this.repo.syncKeptYears(em, KEPT_CALENDAR.firstYear, KEPT_CALENDAR.lastYear, KEPT_CALENDAR_SOURCE, now);
      await this.calendar.daysChanged(em, dates);
      return dates;
    });
    this.calendar.invalidate();
    if (changed.length > 0) this.logger.log(`${changed.length} day(s) brought up to date from the kept holiday arrangement`);
    return changed;
  }

  async year(year: number): Promise<CalendarYearDto> {
    const [rows, entered] = await Promise.all([this.repo.yearDays(year), this.repo.year(year)]);
    return { year, sourceCovered: keptCovers(KEPT_CALENDAR, year), entered: entered ? toCalendarYearEntryDto(entered) : null, days: rows.map(toCalendarDayDto) };
  }

  /**
   * Declares a year's arrangement entered (its holidays and make-up workdays all in): deadlines
   * counted over it are no longer provisional, and its reminder ends. A year with no holiday is
   * refused. Due dates themselves already follow every day entered.
   */
  async enterYear(principal: Principal, year: number, dto: PutCalendarYearDto): Promise<CalendarYearEntryDto> {
    const saved = await this.ds.transaction(async (em) => {
      const before = await this.repo.lockYear(em, year);
      if ((before?.version ?? 0) !== dto.version) throw staleVersion();
      if (before) return before;
      if ((await this.repo.holidayCount(em, year)) === 0) throw calendarYearWithoutHolidays(year);
      const after = await this.repo.insertYear(em, { year, source: 'admin', enteredAt: this.clock.now(), enteredBy: principal.user.id });
      if (!after) throw staleVersion();
      await this.audit.record(em, { action: 'calendar_year.enter', entity: 'calendar_year', entityId: String(year), after: toCalendarYearEntryDto(after) });
      return after;
    });
    this.calendar.invalidate();
    return toCalendarYearEntryDto(saved);
  }

  /** Withdraws an administrator's declaration (e.g. made too early); a kept year cannot be. */
  async reopenYear(year: number, version: number): Promise<void> {
    await this.ds.transaction(async (em) => {
      const before = await this.repo.lockYear(em, year);
      if (!before) throw calendarYearNotEntered();
      if (before.version !== version) throw staleVersion();
      if (before.source === KEPT_CALENDAR_SOURCE) throw calendarSourceYear();
      if (!(await this.repo.deleteYear(em, year, version))) throw staleVersion();
      await this.audit.record(em, { action: 'calendar_year.reopen', entity: 'calendar_year', entityId: String(year), before: toCalendarYearEntryDto(before) });
    });
    this.calendar.invalidate();
  }

  async put(principal: Principal, date: string, dto: PutCalendarDayDto): Promise<CalendarDayDto> {
    const saved = await this.ds.transaction(async (em) => {
      const before = await this.repo.lock(em, date);
      if ((before?.version ?? 0) !== dto.version) throw staleVersion();
      const values = { kind: dto.kind, name: dto.name, source: 'admin' as const, updatedAt: this.clock.now(), updatedBy: principal.user.id };
      const after = before ? await this.repo.update(em, date, dto.version, values) : await this.repo.insert(em, { date, ...values });
      if (!after) throw staleVersion();
      await this.audit.record(em, {
        action: before ? 'calendar_day.update' : 'calendar_day.create',
        entity: 'calendar_day',
        entityId: date,
        before: before ? toCalendarDayDto(before) : undefined,
        after: toCalendarDayDto(after),
      });
      if (before?.kind !== after.kind) await this.calendar.daysChanged(em, [date]);
      return after;
    });
    this.calendar.invalidate();
    return toCalendarDayDto(saved);
  }

  /**
   * Removes an administrator's day. Where the kept arrangement has the date, its day comes back;
   * a day of the kept arrangement itself cannot be removed (it would return at the next start).
   */
  async remove(principal: Principal, date: string, version: number): Promise<void> {
    await this.ds.transaction(async (em) => {
      const before = await this.repo.lock(em, date);
      if (!before) throw calendarDayNotFound();
      if (before.version !== version) throw staleVersion();
      if (before.source === KEPT_CALENDAR_SOURCE) throw calendarSourceDay();
      const kept = KEPT_CALENDAR.byDate.get(date);
      if (kept) {
        const after = await this.repo.update(em, date, version, { kind: kept.kind, name: kept.name, source: KEPT_CALENDAR_SOURCE, updatedAt: this.clock.now(), updatedBy: principal.user.id });
        if (!after) throw staleVersion();
        await this.audit.record(em, { action: 'calendar_day.restore', entity: 'calendar_day', entityId: date, before: toCalendarDayDto(before), after: toCalendarDayDto(after) });
        if (after.kind !== before.kind) await this.calendar.daysChanged(em, [date]);
      } else {
        if (!(await this.repo.delete(em, date, version))) throw staleVersion();
        await this.audit.record(em, { action: 'calendar_day.delete', entity: 'calendar_day', entityId: date, before: toCalendarDayDto(before) });
        await this.calendar.daysChanged(em, [date]);
      }
    });
    this.calendar.invalidate();
  }
}
