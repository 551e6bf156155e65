import type { LedgerRecordDto } from '@fazhi/contracts';
import { EntityManager } from 'typeorm';
import { AppException } from '../common/app-exception';
import type { LedgerRecordEntity } from './ledger-record.entity';

/** A LIKE pattern that matches `text` anywhere, with its wildcards escaped. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[%_\\]/g, '\\$&')}%`;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * Optimistic locking that really locks (STYLE.md 9): updates columns of a ledger row and bumps its
 * version when the version still is `version`; false when it is not (stale) or the row is gone.
 */
export async function updateVersioned(em: EntityManager, table: string, id: string, version: number, set: Record<string, unknown>): Promise<boolean> {
  const cols = Object.keys(set);
  for (const c of [table, ...cols]) if (!IDENTIFIER.test(c)) throw new Error(`updateVersioned: bad identifier ${c}`);
  const assignments = cols.map((c, i) => `"${c}" = $${i + 3}`);
  const result = await em.query<[unknown[], number]>(`UPDATE "${table}" SET ${[...assignments, 'version = version + 1'].join(', ')} WHERE id = $1 AND version = $2`, [
    id,
    version,
    ...cols.map((c) => set[c]),
  ]);
  return result[1] === 1;
}

/** Which of `numbers` a record of the town holds in a ledger's table (void ones included). */
export async function numbersInUse(em: EntityManager, table: string, townId: string, numbers: readonly string[]): Promise<Set<string>> {
  if (!IDENTIFIER.test(table)) throw new Error(`numbersInUse: bad identifier ${table}`);
  if (numbers.length === 0) return new Set();
  const rows: { number: string }[] = await em.query(`SELECT number FROM "${table}" WHERE town_id = $1 AND number = ANY($2::varchar[])`, [townId, numbers]);
  return new Set(rows.map((r) => r.number));
}

/**
 * Converts a raw row's snake_case keys to camelCase (values untouched, keys in the row's order). The
 * copy is made by a function compiled once per list of columns, one object literal, which V8 builds
 * in a single allocation; a statement's rows all share their list of columns.
 */
export function camelRow<T>(row: Record<string, unknown>): T {
  return rowMapper(Object.keys(row))(row) as T;
}

/**
 * A name that generated code may write as `a.name` and as a literal's key: letters, digits, `_` and
 * `$`, not starting with a digit, and not `__proto__` (which a literal would take for the prototype).
 */
export function isPlainProperty(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) && name !== '__proto__';
}

/**
 * A function made from generated source, for the copies the hot paths make of every row: write its
 * body from names `isPlainProperty` admitted, nothing else.
 */
export function compiledFunction<F>(params: readonly string[], body: string): F {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- callers write the body from plain property names only
  return new Function(...params, body) as F;
}

type RowMapper = (row: Record<string, unknown>) => Record<string, unknown>;
const rowMappers = new Map<string, RowMapper>();

/** The mapper used last, with its columns: the rows of one result come one after another. */
let last: { keys: string[]; mapper: RowMapper } | null = null;

function rowMapper(keys: string[]): RowMapper {
  if (last && sameKeys(last.keys, keys)) return last.mapper;
  const signature = keys.join(',');
  let mapper = rowMappers.get(signature);
  if (!mapper) {
    mapper = keys.every((k) => isPlainProperty(k) && isPlainProperty(camelName(k))) ? compiledMapper(keys) : copyingMapper(keys);
    if (rowMappers.size < 10_000) rowMappers.set(signature, mapper);
  }
  last = { keys, mapper };
  return mapper;
}

function sameKeys(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** One object literal; the caller checked that every column and property name is plain. */
function compiledMapper(keys: string[]): RowMapper {
  return compiledFunction<RowMapper>(['r'], `return { ${keys.map((k) => `${camelName(k)}: r.${k}`).join(', ')} };`);
}

/** Any other column name (an alias with dots, spaces or quotes): copied key by key. */
function copyingMapper(keys: string[]): RowMapper {
  const names = keys.map(camelName);
  return (row) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) out[names[i]] = row[keys[i]];
    return out;
  };
}

/** Column names already turned into property names (a table has a few dozen; every row reuses them). */
const camelNames = new Map<string, string>();
function camelName(column: string): string {
  const known = camelNames.get(column);
  if (known !== undefined) return known;
  const name = column.includes('_') ? column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()) : column;
  if (camelNames.size < 10_000) camelNames.set(column, name);
  return name;
}

/** A ledger record's row as its service reads it: the record's columns, its remark, and the names of its town and village. */
export type LedgerRecordRow = LedgerRecordEntity & { remark: string | null; townName: string; villageName: string | null };

/** The fields every ledger record's DTO carries, from its row. */
export function recordDtoFields<S extends string>(row: LedgerRecordRow): LedgerRecordDto<S> {
  return {
    id: row.id,
    number: row.number,
    status: row.status as S,
    townId: row.townId,
    townName: row.townName,
    villageId: row.villageId,
    villageName: row.villageName,
    registeredAt: new Date(row.registeredAt).toISOString(),
    remark: row.remark,
    voided: row.voidedAt !== null,
    voidReason: row.voidReason,
    version: row.version,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

export function recordVoid(): AppException {
  return new AppException(409, 'RECORD_VOID', { zh: '记录已作废，不能再修改', en: 'The record is void and cannot change' });
}

export function recordClosed(): AppException {
  return new AppException(409, 'RECORD_CLOSED', { zh: '记录已办结，修改前需重新打开', en: 'The record is closed; reopen it to change it' });
}

/** Refuses changes to a void or closed record (closed records change only by a logged reopen). */
export function assertWritableRecord(row: { voidedAt: Date | null; status: string }, closedStatuses: readonly string[]): void {
  if (row.voidedAt) throw recordVoid();
  if (closedStatuses.includes(row.status)) throw recordClosed();
}
