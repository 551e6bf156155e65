import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ApiPropertyOptions } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { ColumnOptions, ColumnType, IndexOptions } from 'typeorm';
import { IsCalendarDate, IsInstant, IsYearMonth } from '../../common/dates';
import { Trim } from '../../common/strings';
import { IsVersion } from '../../common/version';
import { csvList } from '../ledger.dto';
import { compiledFunction, isPlainProperty } from '../records';
import { columnsFrom, snake } from './record-parts';

/**
 * One field of a record, declared once: its column (type, length, null, default), the rules its input
 * is checked with and how the API document describes it. A record's field table gives its entity
 * (`entityOf`), its input classes (`inputOf`), the columns an input sets (`columnsOf`) and the answer's
 * plain fields (`answerOf`). `T` is the value a row holds.
 */
export class Field<T = unknown, R extends boolean = boolean> {
  declare readonly value: T;
  declare readonly requiredOnCreate: R;
  constructor(
    readonly db: { type: ColumnType; options: ColumnOptions },
    /** class-validator/-transformer rules, as they would be written left to right (without IsOptional). */
    readonly rules: readonly PropertyDecorator[],
    readonly api: ApiPropertyOptions,
    readonly flags: { required?: boolean; filled?: boolean; text?: boolean; column?: string; also?: readonly PropertyDecorator[] } = {},
  ) {}

  private with(db: Partial<ColumnOptions>, flags: Field['flags'] = {}): Field<never, never> {
    return new Field({ type: this.db.type, options: { ...this.db.options, ...db } }, this.rules, this.api, { ...this.flags, ...flags });
  }

  /** NOT NULL, and required when a record is created. */
  required(): Field<NonNullable<T>, true> {
    return this.with({ nullable: false }, { required: true });
  }

  /** May be left out on input, but not given empty. */
  filled(): Field<T, R> {
    return this.with({}, { filled: true });
  }

  /** NOT NULL with a database default, so it may be left out on create. */
  withDefault(value: boolean | number | string | (() => string)): Field<NonNullable<T>, false> {
    return this.with({ nullable: false, default: value });
  }

  /** A column name other than the field's name in snake case. */
  column(name: string): Field<T, R> {
    return this.with({}, { column: name });
  }

  /** More input rules, checked after the kind's own (a phone that must not be its masked form). */
  also(...rules: PropertyDecorator[]): Field<T, R> {
    return this.with({}, { also: [...(this.flags.also ?? []), ...rules] });
  }

  describe(description: string): Field<T, R> {
    return new Field(this.db, this.rules, { ...this.api, description }, this.flags);
  }
}

const keysOf = (labels: object) => Object.keys(labels);
const decimal = { to: (v: number | null | undefined) => v, from: (v: string | null) => (v === null ? null : Number(v)) };
const nullable = { nullable: true };

/** The kinds of field a ledger declares. */
export const field = {
  text: (max: number) => new Field<string | null, false>({ type: 'varchar', options: { length: max, ...nullable } }, [Trim(), IsString(), MaxLength(max)], { type: String }, { text: true }),
  date: () => new Field<string | null, false>({ type: 'date', options: nullable }, [IsCalendarDate()], { type: String }),
  month: () => new Field<string | null, false>({ type: 'varchar', options: { length: 7, ...nullable } }, [IsYearMonth()], { type: String }),
  /** A time of day, HH:mm. */
  time: () =>
    new Field<string | null, false>({ type: 'varchar', options: { length: 5, ...nullable } }, [Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: '$property must be a time of day (HH:mm)' })], {
      type: String,
    }),
  instant: () => new Field<Date | null, false>({ type: 'timestamptz', options: nullable }, [IsInstant()], { type: String }),
  uuid: () => new Field<string | null, false>({ type: 'uuid', options: nullable }, [IsUUID()], { type: String }),
  /** An id given on input that is never null (the town a record is registered in). */
  id: () => new Field<string, false>({ type: 'uuid', options: {} }, [IsUUID()], { type: String }),
  uuids: (max: number) =>
    new Field<string[], false>({ type: 'uuid', options: { array: true, default: () => "'{}'" } }, [IsArray(), ArrayMaxSize(max), IsUUID('all', { each: true })], { type: [String] }),
  texts: (maxItems: number, maxLength: number) =>
    new Field<string[], false>({ type: 'text', options: { array: true, default: () => "'{}'" } }, [IsArray(), ArrayMaxSize(maxItems), IsString({ each: true }), MaxLength(maxLength, { each: true })], {
      type: [String],
    }),
  oneOf: <L extends object>(labels: L, length: number) =>
    new Field<(keyof L & string) | null, false>({ type: 'varchar', options: { length, ...nullable } }, [IsIn(keysOf(labels))], { type: String, enum: keysOf(labels) }),
  int: (min: number, max: number) => new Field<number | null, false>({ type: 'int', options: nullable }, [IsInt(), Min(min), Max(max)], { type: Number }),
  decimal: (precision: number, scale: number, min: number, max: number) =>
    new Field<number | null, false>({ type: 'numeric', options: { precision, scale, transformer: decimal, ...nullable } }, [IsNumber(), Min(min), Max(max)], { type: Number }),
  bool: () => new Field<boolean | null, false>({ type: 'boolean', options: nullable }, [IsBoolean()], { type: Boolean }),
  /** A query parameter's year (text in the URL, a number after the check). */
  year: (min = 2000, max = 2100) => new Field<number | null, false>({ type: 'int', options: nullable }, [Type(() => Number), IsInt(), Min(min), Max(max)], { type: Number }),
  /** A list query's comma-separated values, each one of `values`. */
  csv: <V extends string>(values: readonly V[]) =>
    new Field<V[] | null, false>({ type: 'varchar', options: nullable }, [Transform(csvList), IsArray(), IsIn(values as V[], { each: true })], { type: String, description: 'comma-separated values' }),
  /** A query's yes/no. */
  flag: () => new Field<'true' | 'false' | null, false>({ type: 'varchar', options: nullable }, [IsIn(['true', 'false'])], { type: String, enum: ['true', 'false'] }),
  /** Input that is not a column: a list of entries, each checked by its own input class (a new record's parties). */
  items: <C extends Class>(type: C, max: number) =>
    new Field<Instance<C>[], false>({ type: 'jsonb', options: nullable }, [IsArray(), ArrayMaxSize(max), ValidateNested({ each: true }), Type(() => type)], {
      type: [type],
    }),
  /** Input that is not a column (a query's flag, a step's choice). */
  values: <V extends string>(values: readonly V[]) => new Field<V | null, false>({ type: 'varchar', options: nullable }, [IsIn(values as V[])], { type: String, enum: [...values] }),
  /** A row's version (starting at 1); on input, the version the client read. */
  version: () => new Field<number, false>({ type: 'int', options: { default: 1 } }, [IsVersion()], { type: Number }),
  /** A column the record stores but takes no input for (set by the rules, or encrypted). */
  stored: <T>(type: ColumnType, options: ColumnOptions = {}) => new Field<T, false>({ type, options: { nullable: true, ...options } }, [], {}),
};

/**
 * A personal field's two columns: the value encrypted (`<name>Enc`, `<column>_enc`) and its blind
 * index (`<name>Idx`, `<column>_idx`) that exact searches use. Required ones are NOT NULL.
 */
export function personal<N extends string, Req extends boolean = false>(
  name: N,
  opts: { required?: Req } = {},
): Record<`${N}Enc` | `${N}Idx`, Field<Req extends true ? string : string | null, false>> {
  const nullable = opts.required !== true;
  return {
    [`${name}Enc`]: field.stored('text', { nullable }),
    [`${name}Idx`]: field.stored('varchar', { length: 64, nullable }),
  } as Record<`${N}Enc` | `${N}Idx`, Field<Req extends true ? string : string | null, false>>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a table holds fields of every value type
export type Fields = Record<string, Field<any, boolean>>;
/** The row a field table gives (what the repository reads). */
export type RowOf<F extends Fields> = { [K in keyof F]: F[K]['value'] };

/** The column a field is stored in. */
export const columnOf = (fields: Fields, key: string): string => fields[key].flags.column ?? snake(key);

type Class<T = object> = abstract new (...args: never[]) => T;
type Instance<C> = C extends abstract new (...args: never[]) => infer R ? R : never;
const named = <C extends Class>(name: string, base: C): C => ({ [name]: class extends (base as unknown as new () => object) {} })[name] as unknown as C;

export interface EntityParts {
  indexes?: [name: string, columns: string[], options?: IndexOptions][];
  /** Foreign keys: the property, the target, the column and the constraint's name. */
  relations?: { property: string; target: () => Class; column: string; constraint: string; onDelete: 'CASCADE' | 'RESTRICT' | 'SET NULL' }[];
}

/** The TypeORM entity of a table from its field table, on a base of the common columns. */
export function entityOf<B extends Class, F extends Fields>(table: string, className: string, base: B, fields: F, parts: EntityParts = {}): new () => Instance<B> & RowOf<F> {
  const entity = named(className, base);
  const proto = entity.prototype as object;
  for (const [key, f] of Object.entries(fields)) Column(f.db.type as 'varchar', { ...f.db.options, name: columnOf(fields, key) })(proto, key);
  for (const r of parts.relations ?? []) {
    ManyToOne(r.target, { onDelete: r.onDelete })(proto, r.property);
    JoinColumn({ name: r.column, foreignKeyConstraintName: r.constraint })(proto, r.property);
  }
  for (const [name, columns, options] of parts.indexes ?? []) (options ? Index(name, columns, options) : Index(name, columns))(entity);
  Entity({ name: table })(entity);
  return entity as unknown as new () => Instance<B> & RowOf<F>;
}

/** An instant is given as ISO text and read back as a Date. */
type InputValue<V> = V extends Date ? string : V;
type Input<F extends Fields, K extends keyof F, M> = { [P in K]?: M extends 'query' ? InputValue<NonNullable<F[P]['value']>> : InputValue<F[P]['value']> };
type Required<F extends Fields, R extends keyof F> = { [P in R]-?: InputValue<NonNullable<F[P]['value']>> };

/** `create`: a new record's body; `patch`: an edit's; `step`: a step's data; `query`: a URL's parameters. */
export type InputMode = 'create' | 'patch' | 'step' | 'query';

/**
 * An input class (body, query or step data) over some of a field table's fields. On `create` a
 * required field must be given; otherwise every field may be left out (on `patch` a required field
 * or one with a default may not be given as null). Text that is required or
 * `filled()` may not be given empty, except in step data (`step`), where the transition table says
 * what a step needs.
 */
export function inputOf<F extends Fields, K extends keyof F & string, M extends InputMode, B extends Class = Class<object>>(
  className: string,
  fields: F,
  keys: readonly K[],
  opts: { mode: M; base?: B },
): new () => Instance<B> & Input<F, K, M> & (M extends 'create' ? Required<F, RequiredKeys<F, K>> : unknown) {
  const input = named(className, opts.base ?? (Object as unknown as B));
  for (const key of keys) {
    const f = fields[key];
    const required = opts.mode === 'create' && f.flags.required === true;
    const notEmpty = opts.mode !== 'step' && f.flags.text && (f.flags.required || f.flags.filled);
    // An edit may leave a NOT NULL field (required, or with a default) out, but not give it as null.
    const optional = opts.mode === 'patch' && f.db.options.nullable === false ? [ValidateIf((_: object, value: unknown) => value !== undefined)] : [IsOptional()];
    const written = [required ? ApiProperty(f.api) : ApiPropertyOptional(f.api), ...(required ? [] : optional), ...f.rules];
    if (notEmpty) written.splice(written.length - 1, 0, IsNotEmpty());
    written.push(...(f.flags.also ?? []));
    // Decorators written on one line apply right to left.
    for (const d of written.reverse()) d(input.prototype as object, key);
  }
  return input as unknown as new () => Instance<B> & Input<F, K, M> & (M extends 'create' ? Required<F, RequiredKeys<F, K>> : unknown);
}
type RequiredKeys<F extends Fields, K extends keyof F> = { [P in K]: F[P] extends Field<unknown, true> ? P : never }[K];

/**
 * The columns an input sets, by field: those given (`undefined` leaves a column alone, and an empty
 * value is stored as NULL), or all of `keys` when `all` (a new row).
 */
export function columnsOf<F extends Fields>(fields: F, keys: readonly (keyof F & string)[], body: object, all = false): Record<string, unknown> {
  return columnsFrom<Record<string, unknown>>(
    keys.map((key) => [key, columnOf(fields, key)] as const),
    body as Record<string, unknown>,
    all,
  );
}

/**
 * Copies a row's fields into an answer, in the order given (the answer's keys keep that order):
 * `answerOf<Row>()(keys)(row)`, or `(row, answer)` to add them to an answer being built. An answer
 * built in one object, field after field, costs a tenth of one spread together from several
 * (`{ ...a(row), ...b(row) }`) and leaves no garbage behind: build list answers so.
 */
export function answerOf<R extends object>() {
  return <K extends keyof R & string>(keys: readonly K[]): RowCopy<R, K> => rowCopy(keys) as RowCopy<R, K>;
}

/** The copy, compiled to one assignment per key when every key is a plain property name (no loop, no keyed access). */
function rowCopy(keys: readonly string[]): (row: Record<string, unknown>, into?: object) => object {
  if (keys.every(isPlainProperty)) return compiledFunction(['row', 'into'], `const a = into ?? {}; ${keys.map((k) => `a.${k} = row.${k};`).join(' ')} return a;`);
  return (row, into) => {
    const answer = (into ?? {}) as Record<string, unknown>;
    for (const key of keys) answer[key] = row[key];
    return answer;
  };
}

export interface RowCopy<R, K extends keyof R> {
  (row: R): Pick<R, K>;
  <I extends object>(row: R, into: I): I & Pick<R, K>;
}

/** The input fields every record has: its town and village (the scope checks them), and its handlers. */
export const RECORD_INPUT = { townId: field.id(), villageId: field.uuid(), handlerIds: field.uuids(10) };
