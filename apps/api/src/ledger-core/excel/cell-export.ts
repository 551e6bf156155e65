import { ColumnSpec } from '@fazhi/contracts';
import { escapeFormulaText, maskPersonal } from './cell-text';
import { instantToWallClock, wallClockToUtcMs } from './zoned-time';

export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm';
export const BOOLEAN_LABELS = { true: '是', false: '否' } as const;

/** What an exported cell holds: never a formula. */
export type ExportCell = string | number | Date | null;

export interface ExportContext {
  unmasked: boolean;
  timeZone: string;
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function asInstant(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'string' && value.trim() !== '') {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? null : new Date(ms);
  }
  return null;
}

/**
 * A calendar date as Excel stores it: midnight of that date on a zone-less clock. `YYYY-MM-DD`
 * strings are taken as they are; an instant is dated in the town's zone.
 */
function dateCell(value: unknown, timeZone: string): Date | null {
  if (typeof value === 'string') {
    const m = CALENDAR_DATE.exec(value.trim());
    if (m) return new Date(wallClockToUtcMs({ year: +m[1], month: +m[2], day: +m[3], hour: 0, minute: 0, second: 0 }));
  }
  const instant = asInstant(value);
  if (!instant) return null;
  const w = instantToWallClock(instant, timeZone);
  return new Date(wallClockToUtcMs({ ...w, hour: 0, minute: 0, second: 0 }));
}

/** An instant as Excel stores it: the wall clock the town's zone shows, on a zone-less clock. */
function datetimeCell(value: unknown, timeZone: string): Date | null {
  const instant = asInstant(value);
  if (!instant) return null;
  return new Date(wallClockToUtcMs(instantToWallClock(instant, timeZone)) + instant.getUTCMilliseconds());
}

function numberCell(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  return String(value);
}

function typedCell(spec: ColumnSpec, value: unknown, ctx: ExportContext): ExportCell | undefined {
  switch (spec.type) {
    case 'date':
      return dateCell(value, ctx.timeZone) ?? undefined;
    case 'datetime':
      return datetimeCell(value, ctx.timeZone) ?? undefined;
    case 'number':
    case 'integer':
      return numberCell(value) ?? undefined;
    case 'boolean':
      return typeof value === 'boolean' ? BOOLEAN_LABELS[`${value}`] : undefined;
    case 'enum':
      return spec.labels?.[textOf(value)];
    case 'string':
      return undefined;
  }
}

/**
 * The cell a ledger value becomes: typed per column, personal data masked unless `unmasked`,
 * and text that a spreadsheet would evaluate escaped. A value that does not fit its column's type
 * is written as (escaped) text rather than dropped.
 */
export function exportCell(spec: ColumnSpec, value: unknown, ctx: ExportContext): ExportCell {
  if (value === null || value === undefined || value === '') return null;
  const typed = typedCell(spec, value, ctx);
  if (typed !== undefined && typeof typed !== 'string') return typed;
  let text = typed ?? textOf(value);
  if (spec.masked && !ctx.unmasked) text = maskPersonal(spec.masked, text);
  return escapeFormulaText(text);
}
