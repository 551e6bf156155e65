import { Injectable } from '@nestjs/common';
import type { CalendarDayKind, CalendarDaySource } from '@fazhi/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { KeptDay } from './kept-calendar';

export interface CalendarDayRow {
  date: string;
  kind: CalendarDayKind;
  name: string;
  source: CalendarDaySource;
  updatedAt: Date;
  updatedBy: string | null;
  version: number;
}

export interface CalendarYearRow {
  year: number;
  source: CalendarDaySource;
  enteredAt: Date;
  enteredBy: string | null;
  version: number;
}

const COLUMNS = `to_char(date, 'YYYY-MM-DD') AS date, kind, name, source, updated_at AS "updatedAt", updated_by AS "updatedBy", version`;
const YEAR_COLUMNS = `year, source, entered_at AS "enteredAt", entered_by AS "enteredBy", version`;

/**
 * SQL: whether the period (`start`, `end`] (two date expressions) counted a day in a year that has
 * no complete holiday arrangement (no `calendar_year` row); the same rule as `countsUncoveredYear`.
 */
export function countsUncoveredYearSql(start: string, end: string): string {
  return `EXISTS (SELECT 1 FROM generate_series(extract(year FROM ${start} + 1)::int, extract(year FROM ${end})::int) AS counted(year)
    WHERE ${end} > ${start} AND NOT EXISTS (SELECT 1 FROM calendar_year cy WHERE cy.year = counted.year))`;
}

/** The queries of the holiday calendar. */
@Injectable()
export class CalendarRepository {
  constructor(private readonly ds: DataSource) {}

  /** The special days of a year as date → kind (read in `em`'s transaction when given). */
  async kindsOfYear(year: number, em?: EntityManager): Promise<Map<string, CalendarDayKind>> {
    const rows: { date: string; kind: CalendarDayKind }[] = await (em ?? this.ds).query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind FROM calendar_day WHERE date >= make_date($1, 1, 1) AND date < make_date($1 + 1, 1, 1)`,
      [year],
    );
    return new Map(rows.map((r) => [r.date, r.kind]));
  }

  yearDays(year: number): Promise<CalendarDayRow[]> {
    return this.ds.query<CalendarDayRow[]>(`SELECT ${COLUMNS} FROM calendar_day WHERE date >= make_date($1, 1, 1) AND date < make_date($1 + 1, 1, 1) ORDER BY date`, [year]);
  }

  async lock(em: EntityManager, date: string): Promise<CalendarDayRow | null> {
    const [row] = await em.query<CalendarDayRow[]>(`SELECT ${COLUMNS} FROM calendar_day WHERE date = $1::date FOR UPDATE`, [date]);
    return row ?? null;
  }

  /** Inserts a day unless one exists; null when another transaction got there first. */
  async insert(em: EntityManager, day: Omit<CalendarDayRow, 'version'>): Promise<CalendarDayRow | null> {
    const [row] = await em.query<CalendarDayRow[]>(
      `INSERT INTO calendar_day (date, kind, name, source, updated_at, updated_by, version) VALUES ($1, $2, $3, $4, $5, $6, 1)
       ON CONFLICT (date) DO NOTHING RETURNING ${COLUMNS}`,
      [day.date, day.kind, day.name, day.source, day.updatedAt, day.updatedBy],
    );
    return row ?? null;
  }

  /** Updates a day at `version`; null when the version is stale. */
  async update(em: EntityManager, date: string, version: number, values: Omit<CalendarDayRow, 'date' | 'version'>): Promise<CalendarDayRow | null> {
    const [rows] = await em.query<[CalendarDayRow[], number]>(
      `UPDATE calendar_day SET kind = $3, name = $4, source = $5, updated_at = $6, updated_by = $7, version = version + 1
        WHERE date = $1::date AND version = $2 RETURNING ${COLUMNS}`,
      [date, version, values.kind, values.name, values.source, values.updatedAt, values.updatedBy],
    );
    return rows[0] ?? null;
  }

  async delete(em: EntityManager, date: string, version: number): Promise<boolean> {
    const [, affected] = await em.query<[unknown[], number]>(`DELETE FROM calendar_day WHERE date = $1::date AND version = $2`, [date, version]);
    return affected === 1;
  }

  /**
   * Brings the kept national arrangement into the table: inserts and corrects its days, and
   * removes source days it no longer has. Days an administrator set are left as they are.
   * Answers the dates that changed.
   */
  async syncKept(em: EntityManager, days: KeptDay[], source: CalendarDaySource, now: Date): Promise<string[]> {
    const dates = days.map((d) => d.date);
    const upserted: { date: string }[] = await em.query(
      `INSERT INTO calendar_day (date, kind, name, source, updated_at, updated_by, version)
       SELECT d, k, n, $4, $5, NULL, 1 FROM unnest($1::date[], $2::varchar[], $3::varchar[]) AS t(d, k, n)
       ON CONFLICT (date) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, updated_at = EXCLUDED.updated_at,
              updated_by = NULL, version = calendar_day.version + 1
        WHERE calendar_day.source = $4 AND (calendar_day.kind, calendar_day.name) IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.name)
       RETURNING to_char(date, 'YYYY-MM-DD') AS date`,
      [dates, days.map((d) => d.kind), days.map((d) => d.name), source, now],
    );
    const [removed] = await em.query<[{ date: string }[], number]>(`DELETE FROM calendar_day WHERE source = $2 AND NOT (date = ANY($1::date[])) RETURNING to_char(date, 'YYYY-MM-DD') AS date`, [
      dates,
      source,
    ]);
    return [...upserted, ...removed].map((r) => r.date);
  }

  /** The years with a complete holiday arrangement (read in `em`'s transaction when given). */
  async coveredYears(em?: EntityManager): Promise<Set<number>> {
    const rows: { year: number }[] = await (em ?? this.ds).query(`SELECT year FROM calendar_year`);
    return new Set(rows.map((r) => r.year));
  }

  async year(year: number): Promise<CalendarYearRow | null> {
    const [row] = await this.ds.query<CalendarYearRow[]>(`SELECT ${YEAR_COLUMNS} FROM calendar_year WHERE year = $1`, [year]);
    return row ?? null;
  }

  async lockYear(em: EntityManager, year: number): Promise<CalendarYearRow | null> {
    const [row] = await em.query<CalendarYearRow[]>(`SELECT ${YEAR_COLUMNS} FROM calendar_year WHERE year = $1 FOR UPDATE`, [year]);
    return row ?? null;
  }

  /** Records a year as entered unless it is; null when another transaction got there first. */
  async insertYear(em: EntityManager, row: Omit<CalendarYearRow, 'version'>): Promise<CalendarYearRow | null> {
    const [inserted] = await em.query<CalendarYearRow[]>(
      `INSERT INTO calendar_year (year, source, entered_at, entered_by, version) VALUES ($1, $2, $3, $4, 1)
       ON CONFLICT (year) DO NOTHING RETURNING ${YEAR_COLUMNS}`,
      [row.year, row.source, row.enteredAt, row.enteredBy],
    );
    return inserted ?? null;
  }

  async deleteYear(em: EntityManager, year: number, version: number): Promise<boolean> {
    const [, affected] = await em.query<[unknown[], number]>(`DELETE FROM calendar_year WHERE year = $1 AND version = $2`, [year, version]);
    return affected === 1;
  }

  /** How many holidays a year has in the calendar (read in `em`'s transaction). */
  async holidayCount(em: EntityManager, year: number): Promise<number> {
    const [{ n }] = await em.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM calendar_day WHERE kind = 'holiday' AND date >= make_date($1, 1, 1) AND date < make_date($1 + 1, 1, 1)`, [year]);
    return n;
  }

  /**
   * Makes the kept arrangement's years (`first` to `last`) entered years of `source`, and drops
   * years of that source it no longer has; an administrator's years are left as they are.
   * Answers the years that changed.
   */
  async syncKeptYears(em: EntityManager, first: number, last: number, source: CalendarDaySource, now: Date): Promise<number[]> {
    const added: { year: number }[] = await em.query(
      `INSERT INTO calendar_year (year, source, entered_at, entered_by, version)
       SELECT y, $3, $4, NULL, 1 FROM generate_series($1::int, $2::int) AS y
       ON CONFLICT (year) DO NOTHING RETURNING year`,
      [first, last, source, now],
    );
    const [removed] = await em.query<[{ year: number }[], number]>(`DELETE FROM calendar_year WHERE source = $3 AND (year < $1 OR year > $2) RETURNING year`, [first, last, source]);
    return [...added, ...removed].map((r) => r.year);
  }
}
