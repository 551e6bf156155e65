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

const COLUMNS = `to_char(date, 'YYYY-MM-DD') AS date, kind, name, source, updated_at AS "updatedAt", updated_by AS "updatedBy", version`;

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
    return this.ds.query(`SELECT ${COLUMNS} FROM calendar_day WHERE date >= make_date($1, 1, 1) AND date < make_date($1 + 1, 1, 1) ORDER BY date`, [year]);
  }

  async lock(em: EntityManager, date: string): Promise<CalendarDayRow | null> {
    const [row] = await em.query(`SELECT ${COLUMNS} FROM calendar_day WHERE date = $1::date FOR UPDATE`, [date]);
    return row ?? null;
  }

  /** Inserts a day unless one exists; null when another transaction got there first. */
  async insert(em: EntityManager, day: Omit<CalendarDayRow, 'version'>): Promise<CalendarDayRow | null> {
    const [row] = await em.query(
      `INSERT INTO calendar_day (date, kind, name, source, updated_at, updated_by, version) VALUES ($1, $2, $3, $4, $5, $6, 1)
       ON CONFLICT (date) DO NOTHING RETURNING ${COLUMNS}`,
      [day.date, day.kind, day.name, day.source, day.updatedAt, day.updatedBy],
    );
    return row ?? null;
  }

  /** Updates a day at `version`; null when the version is stale. */
  async update(em: EntityManager, date: string, version: number, values: Omit<CalendarDayRow, 'date' | 'version'>): Promise<CalendarDayRow | null> {
    const [rows] = await em.query(
      `UPDATE calendar_day SET kind = $3, name = $4, source = $5, updated_at = $6, updated_by = $7, version = version + 1
        WHERE date = $1::date AND version = $2 RETURNING ${COLUMNS}`,
      [date, version, values.kind, values.name, values.source, values.updatedAt, values.updatedBy],
    );
    return rows[0] ?? null;
  }

  async delete(em: EntityManager, date: string, version: number): Promise<boolean> {
    const [, affected] = await em.query(`DELETE FROM calendar_day WHERE date = $1::date AND version = $2`, [date, version]);
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
    const [removed] = await em.query(
      `DELETE FROM calendar_day WHERE source = $2 AND NOT (date = ANY($1::date[])) RETURNING to_char(date, 'YYYY-MM-DD') AS date`,
      [dates, source],
    );
    return [...upserted, ...(removed as { date: string }[])].map((r) => r.date);
  }
}
