import { Injectable } from '@nestjs/common';
import type { CalendarDayKind, DeadlineUnit } from '@fazhi/contracts';
import { EntityManager } from 'typeorm';
import { CalendarRepository } from './calendar.repository';
import * as days from './working-days';

/** Called, inside the changing transaction, with the dates whose kind changed. */
export type CalendarChangeListener = (em: EntityManager, dates: string[]) => Promise<void>;

const CACHE_TTL_MS = 60_000;

/** Working-day maths on the holiday calendar; loads the years each question needs. */
export abstract class CalendarView {
  protected abstract loadYear(year: number): Promise<ReadonlyMap<string, CalendarDayKind>>;
  protected abstract loadCoveredYears(): Promise<ReadonlySet<number>>;

  /** The years whose holiday arrangement is complete (kept, or declared entered). */
  coveredYears(): Promise<ReadonlySet<number>> {
    return this.loadCoveredYears();
  }

  /** Whether the period (start, end] counted a day in a year without a complete arrangement. */
  async countsUncoveredYear(start: string, end: string): Promise<boolean> {
    const covered = await this.loadCoveredYears();
    return days.countsUncoveredYear(start, end, (year) => covered.has(year));
  }

  async isWorkday(date: string): Promise<boolean> {
    const year = days.yearOf(date);
    return days.isWorkday(date, await this.lookup(year, year));
  }

  addCalendarDays(date: string, n: number): string {
    return days.addCalendarDays(date, n);
  }

  /** The n-th working day after `date` (the first working day after it is day 1). */
  addWorkingDays(date: string, n: number): Promise<string> {
    return this.walk(date, n, (kindOf) => days.addWorkingDays(date, n, kindOf));
  }

  /** Working days in (a, b]. */
  async workingDaysBetween(a: string, b: string): Promise<number> {
    const [from, to] = [days.yearOf(a), days.yearOf(b)].sort((x, y) => x - y);
    return days.workingDaysBetween(a, b, await this.lookup(from, to));
  }

  /** The last day of a period of `n` days in `unit` counted from `start`. */
  async periodEnd(start: string, n: number, unit: DeadlineUnit): Promise<string> {
    if (unit === 'working') return this.addWorkingDays(start, n);
    const end = days.addCalendarDays(start, n);
    return this.walk(end, 1, (kindOf) => days.workdayOnOrAfter(end, kindOf));
  }

  /** The working days left in `date`'s month (`date` counted when it is one) and the month's last working day. */
  async restOfMonth(date: string): Promise<{ workingDaysLeft: number; lastWorkingDay: string }> {
    const year = days.yearOf(date);
    return days.restOfMonth(date, await this.lookup(year, year));
  }

  /** The length of (from, to] in `unit`. */
  async spanLength(from: string, to: string, unit: DeadlineUnit): Promise<number> {
    return unit === 'working' ? this.workingDaysBetween(from, to) : days.calendarDaysBetween(from, to);
  }

  /**
   * Runs a walk over the calendar with the years it probably needs loaded, and again with more
   * years when its answer lies beyond them (a walk is monotonic: an answer inside the loaded
   * years means every day it passed was loaded).
   */
  private async walk(date: string, n: number, fn: (kindOf: days.DayKindLookup) => string): Promise<string> {
    const start = days.yearOf(date);
    let span = Math.ceil((Math.abs(n) * 2 + 31) / 365);
    for (;;) {
      const [from, to] = n < 0 ? [start - span, start] : [start, start + span];
      const result = fn(await this.lookup(from, to));
      const year = days.yearOf(result);
      if (year >= from && year <= to) return result;
      span *= 2;
    }
  }

  private async lookup(from: number, to: number): Promise<days.DayKindLookup> {
    const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
    const maps = new Map(await Promise.all(years.map(async (y) => [y, await this.loadYear(y)] as const)));
    return (date) => maps.get(days.yearOf(date))?.get(date);
  }
}

/** The calendar as a transaction sees it, its own uncommitted edits included. */
class TransactionCalendarView extends CalendarView {
  constructor(
    private readonly repo: CalendarRepository,
    private readonly em: EntityManager,
  ) {
    super();
  }

  protected loadYear(year: number): Promise<ReadonlyMap<string, CalendarDayKind>> {
    return this.repo.kindsOfYear(year, this.em);
  }

  protected loadCoveredYears(): Promise<ReadonlySet<number>> {
    return this.repo.coveredYears(this.em);
  }
}

/**
 * The working calendar ledgers use for deadlines. Years are cached briefly and dropped on every
 * edit; `within(em)` answers from inside a transaction, uncached, so that it sees the
 * transaction's own edits.
 */
@Injectable()
export class WorkingCalendar extends CalendarView {
  private readonly cache = new Map<number, { at: number; days: Promise<ReadonlyMap<string, CalendarDayKind>> }>();
  private covered: { at: number; years: Promise<ReadonlySet<number>> } | null = null;
  private readonly listeners: CalendarChangeListener[] = [];

  constructor(private readonly repo: CalendarRepository) {
    super();
  }

  within(em: EntityManager): CalendarView {
    return new TransactionCalendarView(this.repo, em);
  }

  /** Registers work to redo when days change (e.g. recomputing open deadlines). */
  onDaysChanged(listener: CalendarChangeListener): void {
    this.listeners.push(listener);
  }

  async daysChanged(em: EntityManager, dates: string[]): Promise<void> {
    if (dates.length === 0) return;
    for (const listener of this.listeners) await listener(em, dates);
  }

  invalidate(): void {
    this.cache.clear();
    this.covered = null;
  }

  protected loadCoveredYears(): Promise<ReadonlySet<number>> {
    if (this.covered && Date.now() - this.covered.at < CACHE_TTL_MS) return this.covered.years;
    const entry = { at: Date.now(), years: this.repo.coveredYears() };
    this.covered = entry;
    entry.years.catch(() => {
      if (this.covered === entry) this.covered = null;
    });
    return entry.years;
  }

  protected loadYear(year: number): Promise<ReadonlyMap<string, CalendarDayKind>> {
    const hit = this.cache.get(year);
    if (hit && Date.now() - hit.at < CACHE_TTL_MS) return hit.days;
    const loading = this.repo.kindsOfYear(year);
    const entry = { at: Date.now(), days: loading };
    this.cache.set(year, entry);
    loading.catch(() => {
      if (this.cache.get(year) === entry) this.cache.delete(year);
    });
    return loading;
  }
}
