import type { PersonalKind } from '@fazhi/contracts';
import { Bilingual } from '../../common/app-exception';
import { checkPersonalFields, maskPersonalValue } from '../personal-data/personal-fields';

/** One field of a part: its column and, for personal data, its kind (stored as `<column>_enc` and `<column>_idx`). */
export interface PartField {
  column: string;
  personal?: PersonalKind;
  /** The value stored when the body leaves the field out (null otherwise). */
  absent?: unknown;
}

/** When a change of the part is allowed, and the ledger's own checks of it. */
export interface PartRule<Row> {
  /** The record states the change is allowed in, and what a refusal says. */
  states?: readonly string[];
  wrongState?: Bilingual;
  /** The ledger's checks of the body against the locked record (run after the version bump, inside the transaction). */
  check?: (body: Record<string, unknown>, row: Row, today: string) => void;
  /** The record's own columns the change sets, written with the version bump. */
  columns?: (body: Record<string, unknown>) => Record<string, unknown>;
}

/**
 * A kind of child row a record has many of (a dispute's parties, a vessel's persuasion entries),
 * declared as data: the kit stores, answers, masks and audits it, and adds, edits and removes it
 * under the record's lock with the record's version bump (see `RecordService.addPart`).
 */
export interface RecordPart<Row = unknown> {
  /** The audit action's middle word (`party` → `dispute.party.create`). */
  name: string;
  table: string;
  /** The column holding the record's id. */
  parent: string;
  /** Body field → its column (a plain column name, or the column with its personal kind). */
  fields: Record<string, string | PartField>;
  /** The answer's keys in order, read from the row (personal fields decrypted and masked, instants as ISO text). */
  answer: readonly string[];
  /** ORDER BY of the record's rows. */
  order: string;
  /** A column numbering the rows in the order they were added (`sort_order`). */
  position?: string;
  notFound: Bilingual;
  add?: PartRule<Row>;
  update?: PartRule<Row>;
  remove?: PartRule<Row>;
  /** The audit row's `after` of an addition, from the added entry (its id and fields, personal ones masked); the entry itself by default. */
  added?: (entry: Record<string, unknown>) => unknown;
  /** The keys of a removed row the audit row keeps (the whole answer by default). */
  removed?: readonly string[];
}

/** Body fields → their columns, a plain column name or the column with its personal kind (a part's `fields`, a record's personal fields). */
export type FieldColumns = Record<string, string | PartField>;

/** A field as its column and personal kind. */
export function fieldColumn(fields: FieldColumns, field: string): PartField {
  const f = fields[field];
  return typeof f === 'string' ? { column: f } : f;
}

/** A part's field as its column and personal kind. */
export function partField(part: RecordPart<never>, field: string): PartField {
  return fieldColumn(part.fields, field);
}

/** The list filters of the personal fields, searched by their blind index (`ownerName` → `ownerNameIdx` for column `owner_name`). */
export function personalSearch(fields: FieldColumns): Record<string, [target: string, kind: PersonalKind]> {
  return Object.fromEntries(
    Object.keys(fields)
      .map((field) => ({ field, ...fieldColumn(fields, field) }))
      .filter((f) => f.personal)
      .map((f) => [f.field, [camel(`${f.column}_idx`), f.personal!]]),
  );
}

/** The personal values of a body to check, by path (`prefix` leads each path): a part's or a record's fields. */
export function partPersonalValues(part: RecordPart<never> | { fields: FieldColumns }, body: object, prefix = ''): { path: string; kind: PersonalKind; value: string | null | undefined }[] {
  return Object.keys(part.fields)
    .map((field) => ({ field, kind: fieldColumn(part.fields, field).personal }))
    .filter((f) => f.kind === 'idNumber' || f.kind === 'phone')
    .map((f) => ({ path: `${prefix}${f.field}`, kind: f.kind!, value: (body as Record<string, string | null | undefined>)[f.field] }));
}

/** Refuses invalid ID and phone numbers of a body with one 400 naming each field. */
export function checkPartPersonal(part: RecordPart<never> | { fields: FieldColumns }, body: object): void {
  checkPersonalFields(partPersonalValues(part, body));
}

/** A row (camel-cased) as the ledger answers it, the keys of `answer` in order: personal fields decrypted and masked unless `unmasked`, instants as ISO text. */
export function partAnswer(
  part: RecordPart<never> | { fields: FieldColumns; answer: readonly string[] },
  row: object,
  decrypt: (stored: string | null) => string | null,
  unmasked: boolean,
  into?: object,
): Record<string, unknown> {
  const out = (into ?? {}) as Record<string, unknown>;
  const values = row as Record<string, unknown>;
  for (const step of answerPlan(part)) {
    const value = step.personal ? maskPersonalValue(step.personal, decrypt(values[step.stored] as string | null), unmasked) : values[step.key];
    out[step.key] = value instanceof Date ? value.toISOString() : value;
  }
  return out;
}

/** An answer's keys with, for a personal field, its kind and the row's key of its stored (encrypted) value. */
type AnswerStep = { key: string; personal?: undefined } | { key: string; personal: NonNullable<PartField['personal']>; stored: string };
const answerPlans = new WeakMap<object, readonly AnswerStep[]>();

/** Worked out once per part (or per table of personal fields), not for every row. */
function answerPlan(part: { fields: FieldColumns; answer: readonly string[] }): readonly AnswerStep[] {
  let plan = answerPlans.get(part);
  if (!plan) {
    plan = part.answer.map((key): AnswerStep => {
      const f = part.fields[key] === undefined ? undefined : fieldColumn(part.fields, key);
      return f?.personal ? { key, personal: f.personal, stored: camel(`${f.column}_enc`) } : { key };
    });
    answerPlans.set(part, plan);
  }
  return plan;
}

/**
 * A body's fields as their columns, from a list of fields (a field's column is its name in snake
 * case, or the one paired with it): the fields it gives, or (`all`) every one, an absent one as null.
 */
export function columnsFrom<B extends object>(fields: readonly ((keyof B & string) | readonly [field: keyof B & string, column: string])[], body: B, all = false): Record<string, unknown> {
  const set: Record<string, unknown> = {};
  const values = body as Record<string, unknown>;
  for (const f of fields) {
    const [field, column] = typeof f === 'string' ? [f, snake(f)] : f;
    if (all || values[field] !== undefined) set[column] = values[field] ?? null;
  }
  return set;
}

const camelNames = new Map<string, string>();
/** A column's property name (`owner_name_enc` → `ownerNameEnc`), worked out once per column. */
function camel(column: string): string {
  let name = camelNames.get(column);
  if (name === undefined) camelNames.set(column, (name = column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())));
  return name;
}

/** A field's column name (`activeFrom` → `active_from`). */
export function snake(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
