import { Injectable } from '@nestjs/common';
import type { DeadlinePeriod, LedgerType } from '@fazhi/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { ResolvedScope, scopeSql } from '../../access/data-scope';
import { countsUncoveredYearSql } from '../calendar/calendar.repository';

/** A deadline row with its dates as plain `YYYY-MM-DD` strings. */
export interface Deadline extends DeadlinePeriod {
  id: string;
  townId: string;
  villageId: string | null;
  ledger: LedgerType;
  recordId: string;
  kind: string;
  title: string;
  doneAt: Date | null;
  assigneeIds: string[];
  createdAt: Date;
  updatedAt: Date;
  version: number;
  /** Its period counted a day in a year without a complete holiday arrangement (read, never stored). */
  provisional: boolean;
}

/** The deadline's own columns (`provisional` is worked out on reading). */
export type StoredDeadline = Omit<Deadline, 'provisional'>;

export type DeadlineChanges = Partial<Pick<Deadline, 'baseDueDate' | 'pausedFrom' | 'pausedDays' | 'extensionDays' | 'extensionReason' | 'extendedBy' | 'dueDate' | 'doneAt'>>;

const COLUMN_NAMES: Record<keyof DeadlineChanges, string> = {
  baseDueDate: 'base_due_date',
  pausedFrom: 'paused_from',
  pausedDays: 'paused_days',
  extensionDays: 'extension_days',
  extensionReason: 'extension_reason',
  extendedBy: 'extended_by',
  dueDate: 'due_date',
  doneAt: 'done_at',
};

/**
 * SQL: whether the deadline aliased `alias` counted a day in a year without a complete holiday
 * arrangement (for queries of other modules that read a deadline's state).
 */
export function provisionalSql(alias: string): string {
  return countsUncoveredYearSql(`${alias}.start_date`, `${alias}.due_date`);
}

const date = (column: string, alias: string) => `to_char(d.${column}, 'YYYY-MM-DD') AS "${alias}"`;

const COLUMNS = [
  'd.id',
  'd.town_id AS "townId"',
  'd.village_id AS "villageId"',
  'd.ledger',
  'd.record_id AS "recordId"',
  'd.kind',
  'd.title',
  'd.rule_days AS "ruleDays"',
  'd.rule_unit AS "unit"',
  date('start_date', 'startDate'),
  date('base_due_date', 'baseDueDate'),
  date('paused_from', 'pausedFrom'),
  'd.paused_days AS "pausedDays"',
  'd.extension_days AS "extensionDays"',
  'd.extension_reason AS "extensionReason"',
  'd.extended_by AS "extendedBy"',
  date('due_date', 'dueDate'),
  'd.done_at AS "doneAt"',
  'd.assignee_ids AS "assigneeIds"',
  'd.created_at AS "createdAt"',
  'd.updated_at AS "updatedAt"',
  'd.version',
  `${provisionalSql('d')} AS provisional`,
].join(', ');

export interface MyDeadlineRow extends Deadline {
  /** The town's date at the instant asked about. */
  today: string;
}

/** The queries of deadlines. */
@Injectable()
export class DeadlinesRepository {
  constructor(private readonly ds: DataSource) {}

  async insert(em: EntityManager, d: StoredDeadline): Promise<void> {
    await em.query(
      `INSERT INTO deadline (id, town_id, village_id, ledger, record_id, kind, title, rule_days, rule_unit, start_date, base_due_date,
                             paused_from, paused_days, extension_days, extension_reason, extended_by, due_date, done_at, assignee_ids,
                             created_at, updated_at, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19::uuid[], $20, $21, $22)`,
      [
        d.id,
        d.townId,
        d.villageId,
        d.ledger,
        d.recordId,
        d.kind,
        d.title,
        d.ruleDays,
        d.unit,
        d.startDate,
        d.baseDueDate,
        d.pausedFrom,
        d.pausedDays,
        d.extensionDays,
        d.extensionReason,
        d.extendedBy,
        d.dueDate,
        d.doneAt,
        d.assigneeIds,
        d.createdAt,
        d.updatedAt,
        d.version,
      ],
    );
  }

  async lock(em: EntityManager, id: string): Promise<Deadline | null> {
    const [row] = await em.query<Deadline[]>(`SELECT ${COLUMNS} FROM deadline d WHERE d.id = $1 FOR UPDATE`, [id]);
    return row ?? null;
  }

  /** Applies changes to a locked row and bumps its version; answers the row as it now is. */
  async update(em: EntityManager, id: string, changes: DeadlineChanges, now: Date): Promise<Deadline> {
    const params: unknown[] = [id, now];
    const sets = Object.entries(changes).map(([key, value]) => {
      params.push(value);
      return `${COLUMN_NAMES[key as keyof DeadlineChanges]} = $${params.length}`;
    });
    const [rows] = await em.query<[Deadline[], number]>(`UPDATE deadline d SET ${[...sets, 'updated_at = $2', 'version = d.version + 1'].join(', ')} WHERE d.id = $1 RETURNING ${COLUMNS}`, params);
    return rows[0];
  }

  /** Hands the deadline to other assignees (they follow the record's handlers). */
  async assign(em: EntityManager, id: string, assigneeIds: string[]): Promise<void> {
    await em.query(`UPDATE deadline SET assignee_ids = $2::uuid[] WHERE id = $1`, [id, assigneeIds]);
  }

  forRecord(townId: string, ledger: string, recordId: string, em?: EntityManager): Promise<Deadline[]> {
    return (em ?? this.ds).query(`SELECT ${COLUMNS} FROM deadline d WHERE d.town_id = $1 AND d.ledger = $2 AND d.record_id = $3 ORDER BY d.created_at, d.id`, [townId, ledger, recordId]);
  }

  /** Open deadlines whose span (start date, due date] holds one of `dates`, locked for update. */
  lockOpenSpanning(em: EntityManager, dates: string[]): Promise<Deadline[]> {
    return em.query(
      `SELECT ${COLUMNS} FROM deadline d
        WHERE d.done_at IS NULL AND EXISTS (SELECT 1 FROM unnest($1::date[]) AS c(day) WHERE c.day > d.start_date AND c.day <= d.due_date)
        ORDER BY d.id FOR UPDATE`,
      [dates],
    );
  }

  /**
   * The open deadlines a user is assigned to within the scope, each with its town's date at
   * `now`: those due within `warningDays` or overdue (or every one with `all`), most urgent
   * first, paused ones last.
   */
  async mine(scope: ResolvedScope, now: Date, f: { all: boolean; warningDays: number; offset: number; limit: number }): Promise<{ rows: MyDeadlineRow[]; total: number }> {
    const params: unknown[] = [scope.userId, now];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const where = [
      'd.done_at IS NULL',
      '$1::uuid = ANY(d.assignee_ids)',
      // The caller is an assignee of every row listed, so the `own` part of a scope holds for it.
      scopeSql(scope, { town: 'd.town_id', village: 'd.village_id', owners: ['SELECT unnest(d.assignee_ids)'] }, params),
    ];
    if (!f.all) where.push(`d.paused_from IS NULL AND d.due_date - z.today <= ${p(f.warningDays)}`);
    const from = `FROM deadline d JOIN org_unit o ON o.id = d.town_id
      CROSS JOIN LATERAL (SELECT ($2::timestamptz AT TIME ZONE o.time_zone)::date AS today) z
      WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.ds.query<{ total: number }[]>(`SELECT count(*)::int AS total ${from}`, params);
    const rows = await this.ds.query<MyDeadlineRow[]>(
      `SELECT ${COLUMNS}, to_char(z.today, 'YYYY-MM-DD') AS today ${from}
        ORDER BY d.paused_from IS NOT NULL, d.due_date - z.today, d.title, d.id OFFSET ${p(f.offset)} LIMIT ${p(f.limit)}`,
      params,
    );
    return { rows, total };
  }
}
