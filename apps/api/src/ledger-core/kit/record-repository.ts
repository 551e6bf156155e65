import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ResolvedScope, scopeSql } from '../../access/data-scope';
import { sqlParams } from '../../common/sql';
import { camelRow, containsPattern, numbersInUse, updateVersioned } from '../records';
import { RecordPart } from './record-parts';

/** What a special filter condition is written with: parameters and the ledger's common pieces. */
/** A record as its parts are found: its id and its town, which leads every part's index. */
export interface RecordKey {
  id: string;
  townId: string;
}

export interface ConditionSql {
  /** Appends a parameter and answers its placeholder (`$3`). */
  p: (value: unknown) => string;
  /** An instant column as a local time in the record's town (the town joined as `t`). */
  local: (column: string) => string;
  /** `extract(year FROM column) = year`. */
  inYear: (column: string, year: number) => string;
  /** The record once reached the state (its status history holds the step). */
  reached: (status: string) => string;
}

/**
 * One list filter as data: `eq` (column = value), `in` (column = any of the values), `has` (the
 * value is in an array column), `gte`/`lte` (a range bound), `contains` (any of the columns holds
 * the text), `blind` (a blind-index search: null matches nothing), `when` (a fixed condition per
 * value), `year` (the column's year, `local` for instants); or a function for special conditions.
 * Data conditions skip an absent, null or empty value; a function is called for any defined value.
 */
export type Condition<F> =
  | { eq: string }
  | { in: string; cast: string }
  | { has: string; cast: string }
  | { gte: string; cast?: string }
  | { lte: string; cast?: string }
  | { contains: string[] }
  | { blind: string }
  | { when: Record<string, string> }
  | { year: string; local?: boolean }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  | ((value: any, sql: ConditionSql, filter: F) => string | string[]);

/** A ledger's table as its repository reads it. */
export interface RecordTable<F> {
  /** The ledger's key (status history, deadlines). */
  ledger: string;
  table: string;
  /** The table's alias in `select`, `from`, sorts and filters. */
  alias: string;
  /** The select list (`d.*, t.name AS "townName", …`); the town must be joined as `t`. */
  select: string;
  /** `FROM <table> <alias> JOIN org_unit t ON t.id = <alias>.town_id …`. */
  from: string;
  /** Owner columns for the data scope (default: the creator and the handlers). */
  owners?: { owners: string[]; ownerArrays: string[] };
  /** The village column for the data scope (default `<alias>.village_id`; null for a table without villages). */
  village?: string | null;
  /** The villages of a row as a `uuid[]` expression (an advisor's villages served): a row meeting the caller's villages is in scope. */
  villages?: string;
  /** Sort name → ORDER BY text with `%s` for the direction. */
  sorts: Record<string, string>;
  /** The sort of a list that names none (default `number`). */
  defaultSort?: string;
  /** Filter field → condition, applied in this order after the scope. */
  filters: { [K in keyof F]?: Condition<F> };
  /** Group name → SQL expression, for `countBy`. */
  groups?: Record<string, string>;
}

export interface ListFilter {
  sort?: string;
  order?: 'asc' | 'desc';
}

const absent = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * The queries every ledger record table answers the same way: list, count, grouped counts and
 * streams under the list filters and the data scope, one record in scope (optionally locked), by
 * number, insert and versioned update. A ledger's repository extends it with its `RecordTable`
 * and adds the queries only it needs. Scope is a required argument of every read.
 */
@Injectable()
export abstract class RecordRepository<Row extends { id: string }, F extends ListFilter> {
  protected abstract readonly spec: RecordTable<F>;

  constructor(protected readonly ds: DataSource) {}

  /** The record table's name. */
  get table(): string {
    return this.spec.table;
  }

  /** A raw row as the ledger reads it (snake_case keys become camelCase). */
  protected hydrate(raw: Record<string, unknown>): Row {
    return camelRow<Row>(raw);
  }

  /** The WHERE clause for the scope and the list filters (the statistics use the very same). */
  where(scope: ResolvedScope, f: F, params: unknown[]): string {
    const { alias: a, ledger } = this.spec;
    const p = sqlParams(params);
    const sql: ConditionSql = {
      p,
      local: (col) => `(${col} AT TIME ZONE t.time_zone)`,
      inYear: (col, year) => `extract(year FROM ${col})::int = ${p(year)}`,
      reached: (status) => `EXISTS (SELECT 1 FROM status_history h WHERE h.town_id = ${a}.town_id AND h.ledger = '${ledger}' AND h.record_id = ${a}.id AND h.to_status = ${p(status)})`,
    };
    const owners = this.spec.owners ?? { owners: [`${a}.created_by`], ownerArrays: [`${a}.handler_ids`] };
    const village = this.spec.village === undefined ? `${a}.village_id` : (this.spec.village ?? undefined);
    const w = [scopeSql(scope, { town: `${a}.town_id`, village, ...owners }, params)];
    if (this.spec.villages && scope.villageIds.length > 0) w[0] = `(${w[0]} OR ${this.spec.villages} && ${p(scope.villageIds)}::uuid[])`;
    for (const [field, c] of Object.entries(this.spec.filters) as [keyof F & string, Condition<F>][]) {
      const v = f[field];
      if (typeof c === 'function') {
        if (v !== undefined) w.push(...([] as string[]).concat(c(v, sql, f)));
      } else if ('blind' in c) {
        if (v !== undefined) w.push(`${c.blind} = ${p(v)}`);
      } else if (!absent(v)) {
        w.push(...condition(c, v, sql));
      }
    }
    return w.filter(Boolean).join(' AND ');
  }

  async list(scope: ResolvedScope, f: F, page: { offset: number; limit: number }): Promise<{ rows: Row[]; total: number }> {
    const params: unknown[] = [];
    const where = this.where(scope, f, params);
    const [{ total }] = await this.ds.query<{ total: number }[]>(`SELECT count(*)::int AS total ${this.spec.from} WHERE ${where}`, params);
    const dir = f.order === 'asc' ? 'ASC' : 'DESC';
    const { sorts, alias, defaultSort = 'number' } = this.spec;
    const order = (sorts[f.sort ?? defaultSort] ?? sorts[defaultSort]).replace(/%s/g, dir);
    const p = sqlParams(params);
    const rows = await this.ds.query<Record<string, unknown>[]>(`${this.selectFrom()} WHERE ${where} ORDER BY ${order}, ${alias}.id OFFSET ${p(page.offset)} LIMIT ${p(page.limit)}`, params);
    return { rows: rows.map((r) => this.hydrate(r)), total };
  }

  async count(scope: ResolvedScope, f: F): Promise<number> {
    const params: unknown[] = [];
    const [{ n }] = await this.ds.query<{ n: number }[]>(`SELECT count(*)::int AS n ${this.spec.from} WHERE ${this.where(scope, f, params)}`, params);
    return n;
  }

  /** Counts of matching rows by one of the table's groups. */
  async countBy(scope: ResolvedScope, f: F, group: string): Promise<Map<string | null, number>> {
    const expr = this.spec.groups?.[group];
    if (!expr) throw new Error(`countBy: no group ${group} in ${this.spec.table}`);
    const params: unknown[] = [];
    const rows = await this.ds.query<{ k: string | null; n: number }[]>(`SELECT ${expr} AS k, count(*)::int AS n ${this.spec.from} WHERE ${this.where(scope, f, params)} GROUP BY 1`, params);
    return new Map(rows.map((r) => [r.k, r.n]));
  }

  /** All matching rows in number order, in batches (exports). */
  async *stream(scope: ResolvedScope, f: F, batch = 500): AsyncGenerator<Row> {
    const a = this.spec.alias;
    for (let offset = 0; ; offset += batch) {
      const params: unknown[] = [];
      const where = this.where(scope, f, params);
      const p = sqlParams(params);
      const rows = await this.ds.query<Record<string, unknown>[]>(`${this.selectFrom()} WHERE ${where} ORDER BY ${a}.year, ${a}.seq, ${a}.id OFFSET ${p(offset)} LIMIT ${p(batch)}`, params);
      for (const r of rows) yield this.hydrate(r);
      if (rows.length < batch) return;
    }
  }

  /** One record in scope, or null (out of scope and missing look the same); `lock` takes its row lock. */
  async findInScope(scope: ResolvedScope, id: string, em: EntityManager = this.ds.manager, lock = false): Promise<Row | null> {
    const params: unknown[] = [id];
    const where = this.where(scope, {} as F, params);
    const rows = await em.query<Record<string, unknown>[]>(`${this.selectFrom()} WHERE ${this.spec.alias}.id = $1 AND ${where}${lock ? ` FOR UPDATE OF ${this.spec.alias}` : ''}`, params);
    return rows[0] ? this.hydrate(rows[0]) : null;
  }

  /** Records of a town by number, only those in the scope. */
  async byNumbers(em: EntityManager, scope: ResolvedScope, townId: string, numbers: string[]): Promise<Map<string, Row>> {
    if (numbers.length === 0) return new Map();
    const params: unknown[] = [townId, numbers];
    const a = this.spec.alias;
    const rows = await em.query<Record<string, unknown>[]>(`${this.selectFrom()} WHERE ${a}.town_id = $1 AND ${a}.number = ANY($2::varchar[]) AND ${this.where(scope, {} as F, params)}`, params);
    return new Map(rows.map((r) => [r.number as string, this.hydrate(r)]));
  }

  /** Which of `numbers` a record of the town holds (void ones included). */
  numbersInUse(em: EntityManager, townId: string, numbers: readonly string[]): Promise<Set<string>> {
    return numbersInUse(em, this.spec.table, townId, numbers);
  }

  /** Inserts one row from a column map. */
  insert(em: EntityManager, columns: Record<string, unknown>): Promise<void> {
    return insertRows(em, this.spec.table, [columns]);
  }

  /** Inserts many rows (imports); a column one row lacks is null there. */
  insertMany(em: EntityManager, rows: Record<string, unknown>[]): Promise<void> {
    return insertRows(em, this.spec.table, rows);
  }

  /** Updates columns and bumps the version when it still is `version`; false when stale. */
  update(em: EntityManager, id: string, version: number, set: Record<string, unknown>): Promise<boolean> {
    return updateVersioned(em, this.spec.table, id, version, set);
  }

  /**
   * The rows of a part of several records (camel-cased), by record, in the part's order. The records'
   * towns lead the condition, as they lead the part's index: without them a province's database
   * would walk the index of every town.
   */
  async parts(part: RecordPart<never>, records: readonly RecordKey[], em: EntityManager = this.ds.manager): Promise<Map<string, Record<string, unknown>[]>> {
    const out = new Map<string, Record<string, unknown>[]>(records.map((r) => [r.id, []]));
    if (records.length === 0) return out;
    checkIdentifiers(part.table, part.parent);
    const rows = await em.query<Record<string, unknown>[]>(`SELECT * FROM "${part.table}" WHERE town_id = ANY($1::uuid[]) AND "${part.parent}" = ANY($2::uuid[]) ORDER BY ${part.order}`, [
      [...new Set(records.map((r) => r.townId))],
      records.map((r) => r.id),
    ]);
    for (const r of rows) out.get(r[part.parent] as string)!.push(camelRow(r));
    return out;
  }

  /** How many rows of the part the record has. */
  async partCount(em: EntityManager, part: RecordPart<never>, record: RecordKey): Promise<number> {
    checkIdentifiers(part.table, part.parent);
    const [{ n }] = await em.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${part.table}" WHERE town_id = $1 AND "${part.parent}" = $2`, [record.townId, record.id]);
    return n;
  }

  insertPart(em: EntityManager, part: RecordPart<never>, columns: Record<string, unknown>): Promise<void> {
    return insertRows(em, part.table, [columns]);
  }

  async updatePart(em: EntityManager, part: RecordPart<never>, recordId: string, id: string, set: Record<string, unknown>): Promise<void> {
    const cols = Object.keys(set);
    checkIdentifiers(part.table, part.parent, ...cols);
    if (cols.length)
      await em.query(`UPDATE "${part.table}" SET ${cols.map((c, i) => `"${c}" = $${i + 3}`).join(', ')} WHERE id = $1 AND "${part.parent}" = $2`, [id, recordId, ...cols.map((c) => set[c])]);
  }

  async removePart(em: EntityManager, part: RecordPart<never>, recordId: string, id: string): Promise<void> {
    checkIdentifiers(part.table, part.parent);
    await em.query(`DELETE FROM "${part.table}" WHERE id = $1 AND "${part.parent}" = $2`, [id, recordId]);
  }

  private selectFrom(): string {
    return `SELECT ${this.spec.select} ${this.spec.from}`;
  }
}

function condition<F>(c: Exclude<Condition<F>, (...a: never[]) => unknown>, v: unknown, sql: ConditionSql): string[] {
  const { p } = sql;
  const cast = (t?: string) => (t ? `::${t}` : '');
  if ('eq' in c) return [`${c.eq} = ${p(v)}`];
  if ('in' in c) return [`${c.in} = ANY(${p(v)}::${c.cast}[])`];
  if ('has' in c) return [`${p(v)}::${c.cast} = ANY(${c.has})`];
  if ('gte' in c) return [`${c.gte} >= ${p(v)}${cast(c.cast)}`];
  if ('lte' in c) return [`${c.lte} <= ${p(v)}${cast(c.cast)}`];
  if ('contains' in c) {
    const like = p(containsPattern(String(v)));
    return [`(${c.contains.map((col) => `${col} ILIKE ${like}`).join(' OR ')})`];
  }
  if ('when' in c) return c.when[String(v)] ? [c.when[String(v)]] : [];
  if ('year' in c) return [sql.inYear(c.local ? sql.local(c.year) : c.year, v as number)];
  return [];
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
function checkIdentifiers(...names: string[]): void {
  for (const c of names) if (!IDENTIFIER.test(c)) throw new Error(`bad identifier ${c}`);
}
/** PostgreSQL takes at most 65535 parameters per statement. */
const MAX_PARAMS = 60_000;

/** Inserts rows given as column maps, in statements under the parameter limit. */
export async function insertRows(em: EntityManager, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  checkIdentifiers(table, ...cols);
  const per = Math.max(1, Math.floor(MAX_PARAMS / cols.length));
  for (let i = 0; i < rows.length; i += per) {
    const params: unknown[] = [];
    const p = sqlParams(params);
    const values = rows.slice(i, i + per).map((r) => `(${cols.map((c) => p(r[c] ?? null)).join(', ')})`);
    await em.query(`INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES ${values.join(', ')}`, params);
  }
}
