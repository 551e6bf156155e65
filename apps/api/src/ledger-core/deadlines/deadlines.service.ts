import { Injectable, OnModuleInit } from '@nestjs/common';
import { DEADLINE_MAX_DAYS, DEADLINE_UNITS, DEADLINE_WARNING_DAYS, DEFAULT_TIME_ZONE, plainDateInZone } from '@fazhi/contracts';
import type { DeadlineDetailDto, DeadlineDto, DeadlinePeriod, DeadlineUnit, LedgerType, MyDeadlineDto, Page } from '@fazhi/contracts';
import { isUUID } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Principal } from '../../access/principal';
import { AuditService } from '../../audit/audit.service';
import { Clock } from '../../common/clock';
import { pageOf, toPage } from '../../common/pagination';
import { OrgTreeService } from '../../org/org-tree.service';
import { invalidPlainDate } from '../calendar/calendar.errors';
import { CalendarView, WorkingCalendar } from '../calendar/working-calendar';
import { calendarDaysBetween, isPlainDate } from '../calendar/working-days';
import { calendarYearItem, deadlineStatus, yearsToEnter } from './deadline-state';
import { dateBefore, deadlineDone, deadlineNotFound, deadlineNotPaused, deadlinePaused, invalidDeadlineDays, invalidDeadlineInput } from './deadlines.errors';
import { Deadline, DeadlineChanges, DeadlinesRepository, StoredDeadline } from './deadlines.repository';
import { MyDeadlinesQuery } from './deadlines.dto';

export interface OpenDeadlineInput {
  townId: string;
  villageId?: string | null;
  ledger: LedgerType;
  recordId: string;
  /** What the timer is for, e.g. 'unclaimed-notice'. */
  kind: string;
  /** Shown in lists, e.g. the record number. */
  title: string;
  days: number;
  unit: DeadlineUnit;
  /** The day the period runs from (not counted itself). */
  startDate: string;
  assigneeIds: string[];
}

/**
 * A ledger's due items that no stored deadline stands behind, computed when a reader's list is
 * read (e.g. a month's hours short of a rule near the month's end). A ledger registers its
 * provider with `DeadlinesService.provide` from its module, so the core imports no ledger.
 */
export interface DueItemProvider {
  /** The reader's items at `now` (see `computedDueItem`). */
  items(principal: Principal, now: Date): Promise<MyDeadlineDto[]>;
}

export interface ExtendDeadlineInput {
  days: number;
  reason: string;
  /** The user who approved the extension. */
  approvedBy: string;
}

const MAX_ASSIGNEES = 50;
const START_DATE = { zh: '起算日期', en: 'start date' };
const PAUSE_DATE = { zh: '暂停日期', en: 'date the deadline was paused' };

function periodOf(d: StoredDeadline): DeadlinePeriod {
  return {
    ruleDays: d.ruleDays,
    unit: d.unit,
    startDate: d.startDate,
    baseDueDate: d.baseDueDate,
    pausedFrom: d.pausedFrom,
    pausedDays: d.pausedDays,
    extensionDays: d.extensionDays,
    extensionReason: d.extensionReason,
    extendedBy: d.extendedBy,
    dueDate: d.dueDate,
  };
}

const isoOrNull = (at: Date | null) => (at ? new Date(at).toISOString() : null);

/** What the audit keeps of a deadline: its facts, not its day-to-day state. */
function auditView(d: StoredDeadline) {
  return { ledger: d.ledger, recordId: d.recordId, kind: d.kind, title: d.title, ...periodOf(d), doneAt: isoOrNull(d.doneAt), assigneeIds: d.assigneeIds, version: d.version };
}

/**
 * Deadlines on ledger records. Ledgers call the changing methods with their own transaction's
 * EntityManager, so a deadline changes together with its record. A due date is always the end of
 * the period of rule + paused + extension days from the start date on the working calendar, so it
 * is recomputed when a calendar day inside its span changes.
 */
@Injectable()
export class DeadlinesService implements OnModuleInit {
  private readonly providers: DueItemProvider[] = [];

  constructor(
    private readonly repo: DeadlinesRepository,
    private readonly calendar: WorkingCalendar,
    private readonly tree: OrgTreeService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.calendar.onDaysChanged((em, dates) => this.recompute(em, dates));
  }

  /** Adds a ledger's computed due items to every reader's list (after the calendar's, before the stored deadlines). */
  provide(provider: DueItemProvider): void {
    this.providers.push(provider);
  }

  async open(em: EntityManager, input: OpenDeadlineInput): Promise<Deadline> {
    this.checkOpen(input);
    const now = this.clock.now();
    const due = await this.calendar.periodEnd(input.startDate, input.days, input.unit);
    const deadline: StoredDeadline = {
      id: randomUUID(),
      townId: input.townId,
      villageId: input.villageId ?? null,
      ledger: input.ledger,
      recordId: input.recordId,
      kind: input.kind,
      title: input.title.trim(),
      ruleDays: input.days,
      unit: input.unit,
      startDate: input.startDate,
      baseDueDate: due,
      pausedFrom: null,
      pausedDays: 0,
      extensionDays: 0,
      extensionReason: null,
      extendedBy: null,
      dueDate: due,
      doneAt: null,
      assigneeIds: [...new Set(input.assigneeIds)],
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await this.repo.insert(em, deadline);
    await this.audit.record(em, { action: 'deadline.open', entity: 'deadline', entityId: deadline.id, townId: deadline.townId, after: auditView(deadline) });
    return { ...deadline, provisional: await this.calendar.within(em).countsUncoveredYear(deadline.startDate, deadline.dueDate) };
  }

  /** Stops the clock from `date` (e.g. while a hearing or an expert opinion takes its time). */
  async pause(em: EntityManager, id: string, date: string): Promise<Deadline> {
    const before = await this.lockOpen(em, id);
    if (before.pausedFrom) throw deadlinePaused();
    this.checkDate('date', date, before.startDate, START_DATE);
    return this.change(em, before, 'deadline.pause', { pausedFrom: date });
  }

  /** Restarts the clock on `date`; the due date moves by the paused span in the rule's unit. */
  async resume(em: EntityManager, id: string, date: string): Promise<Deadline> {
    const before = await this.lockOpen(em, id);
    if (!before.pausedFrom) throw deadlineNotPaused();
    this.checkDate('date', date, before.pausedFrom, PAUSE_DATE);
    return this.change(em, before, 'deadline.resume', await this.resumed(before, date));
  }

  /** Extends the period by `days` in the rule's unit, with the approver and the reason. */
  async extend(em: EntityManager, id: string, input: ExtendDeadlineInput): Promise<Deadline> {
    this.checkDays('days', input.days);
    const reason = input.reason.trim();
    if (!reason || reason.length > 500) throw invalidDeadlineInput('reason', { zh: '请填写延期理由(不超过 500 字)', en: 'Give the reason for the extension (at most 500 characters)' });
    if (!isUUID(input.approvedBy)) throw invalidDeadlineInput('approvedBy', { zh: '请指定批准人', en: 'Name the approver' });
    const before = await this.lockOpen(em, id);
    const extensionDays = before.extensionDays + input.days;
    const dueDate = await this.dueOf(this.calendar, before, before.pausedDays, extensionDays);
    return this.change(em, before, 'deadline.extend', { extensionDays, extensionReason: reason, extendedBy: input.approvedBy, dueDate });
  }

  /** Marks the deadline met at `at`; a paused one is first resumed on that day (town date). */
  async complete(em: EntityManager, id: string, at: Date): Promise<Deadline> {
    const before = await this.lockOpen(em, id);
    let changes: DeadlineChanges = { doneAt: at };
    if (before.pausedFrom) {
      const day = await this.dateInTown(before.townId, at);
      changes = { ...(await this.resumed(before, day < before.pausedFrom ? before.pausedFrom : day)), ...changes };
    }
    return this.change(em, before, 'deadline.complete', changes);
  }

  /** Hands the deadline to other assignees (they follow the record's handlers). */
  assign(em: EntityManager, id: string, assigneeIds: string[]): Promise<void> {
    return this.repo.assign(em, id, assigneeIds);
  }

  forRecord(ledger: LedgerType, recordId: string, townId: string, em?: EntityManager): Promise<Deadline[]> {
    return this.repo.forRecord(townId, ledger, recordId, em);
  }

  /** Today's date in a town's time zone. */
  today(townId: string): Promise<string> {
    return this.dateInTown(townId, this.clock.now());
  }

  status(deadline: Deadline, today: string): DeadlineDto {
    return deadlineStatus(deadline, today);
  }

  detail(d: Deadline, today: string): DeadlineDetailDto {
    return { ...this.status(d, today), id: d.id, title: d.title, ...periodOf(d), doneAt: isoOrNull(d.doneAt), assigneeIds: d.assigneeIds, version: d.version };
  }

  /**
   * The caller's open deadlines in scope: due soon and overdue, or all with `all`; first, for a
   * calendar administrator the years whose holiday arrangement is to be entered, then the items the
   * ledgers compute for the caller (`provide`).
   */
  async mine(principal: Principal, query: MyDeadlinesQuery): Promise<Page<MyDeadlineDto>> {
    const { page, pageSize, offset } = pageOf(query);
    const now = this.clock.now();
    const computed = await Promise.all(this.providers.map((p) => p.items(principal, now)));
    const reminders = [...(await this.calendarReminders(principal, now)), ...computed.flat()];
    const shown = reminders.slice(offset, offset + pageSize);
    const { rows, total } = await this.repo.mine(principal.scope, now, {
      all: query.all ?? false,
      warningDays: DEADLINE_WARNING_DAYS,
      offset: Math.max(0, offset - reminders.length),
      limit: pageSize - shown.length,
    });
    const items = rows.map((r): MyDeadlineDto => ({ ...this.status(r, r.today), id: r.id, townId: r.townId, ledger: r.ledger, recordId: r.recordId, title: r.title }));
    return toPage([...shown, ...items], total + reminders.length, page, pageSize);
  }

  /** The years a holder of `calendar.manage` is to enter, as due items on their town's date. */
  private async calendarReminders(principal: Principal, now: Date): Promise<MyDeadlineDto[]> {
    if (!principal.permissions.has('calendar.manage')) return [];
    const units = await this.tree.byId();
    const unit = units.get(principal.user.townId ?? principal.user.orgUnitId);
    const today = plainDateInZone(now, unit?.timeZone ?? DEFAULT_TIME_ZONE);
    const covered = await this.calendar.coveredYears();
    return yearsToEnter(today, (year) => covered.has(year)).map((year) => calendarYearItem(year, today));
  }

  /** Recomputes open deadlines whose span holds a calendar day that changed (same transaction). */
  private async recompute(em: EntityManager, dates: string[]): Promise<void> {
    const view = this.calendar.within(em);
    for (const before of await this.repo.lockOpenSpanning(em, dates)) {
      const baseDueDate = await view.periodEnd(before.startDate, before.ruleDays, before.unit);
      const dueDate = await this.dueOf(view, before, before.pausedDays, before.extensionDays);
      if (baseDueDate === before.baseDueDate && dueDate === before.dueDate) continue;
      await this.change(em, before, 'deadline.recalculate', { baseDueDate, dueDate }, { calendarDates: dates });
    }
  }

  private async resumed(before: Deadline, date: string): Promise<DeadlineChanges> {
    const pausedDays = before.pausedDays + (await this.calendar.spanLength(before.pausedFrom!, date, before.unit));
    return { pausedFrom: null, pausedDays, dueDate: await this.dueOf(this.calendar, before, pausedDays, before.extensionDays) };
  }

  private dueOf(view: CalendarView, d: Deadline, pausedDays: number, extensionDays: number): Promise<string> {
    return view.periodEnd(d.startDate, d.ruleDays + pausedDays + extensionDays, d.unit);
  }

  private async change(em: EntityManager, before: Deadline, action: string, changes: DeadlineChanges, detail?: unknown): Promise<Deadline> {
    const after = await this.repo.update(em, before.id, changes, this.clock.now());
    await this.audit.record(em, { action, entity: 'deadline', entityId: before.id, townId: before.townId, before: auditView(before), after: auditView(after), detail });
    return after;
  }

  private async lockOpen(em: EntityManager, id: string): Promise<Deadline> {
    const d = await this.repo.lock(em, id);
    if (!d) throw deadlineNotFound();
    if (d.doneAt) throw deadlineDone();
    return d;
  }

  private async dateInTown(townId: string, at: Date): Promise<string> {
    const town = (await this.tree.byId()).get(townId);
    if (!town) throw new Error(`deadlines: unknown town ${townId}`);
    return plainDateInZone(at, town.timeZone);
  }

  private checkOpen(input: OpenDeadlineInput): void {
    if (!isPlainDate(input.startDate)) throw invalidPlainDate('startDate');
    this.checkDays('days', input.days);
    if (!DEADLINE_UNITS.includes(input.unit)) throw invalidDeadlineInput('unit', { zh: '计算方式应为自然日或工作日', en: 'Must be calendar or working days' });
    if (!/^[a-z][a-z0-9-]{0,47}$/.test(input.kind)) throw invalidDeadlineInput('kind', { zh: '期限类型应为小写英文标识', en: 'Must be a lower-case identifier such as unclaimed-notice' });
    const title = input.title.trim();
    if (!title || title.length > 200) throw invalidDeadlineInput('title', { zh: '标题不能为空且不超过 200 字', en: 'The title must be 1 to 200 characters' });
    if (input.assigneeIds.length > MAX_ASSIGNEES || !input.assigneeIds.every((a) => isUUID(a))) {
      throw invalidDeadlineInput('assigneeIds', { zh: `承办人最多 ${MAX_ASSIGNEES} 人且须为有效用户`, en: `At most ${MAX_ASSIGNEES} assignees, each a valid user id` });
    }
  }

  private checkDays(path: string, days: number): void {
    if (!Number.isInteger(days) || days < 1 || days > DEADLINE_MAX_DAYS) throw invalidDeadlineDays(path);
  }

  private checkDate(path: string, date: string, notBefore: string, what: { zh: string; en: string }): void {
    if (!isPlainDate(date)) throw invalidPlainDate(path);
    if (calendarDaysBetween(notBefore, date) < 0) throw dateBefore(path, what);
  }
}
