import { ColumnSpec } from '@fazhi/contracts';
import type { CellRichTextValue, CellValue } from 'exceljs';
import { BOOLEAN_LABELS } from './cell-export';
import { looksMasked, unescapeFormulaText } from './cell-text';
import { isInstantText, isRealDate, MAX_YEAR, MIN_YEAR } from '../../common/dates';
import { NUL } from '../../common/input-guard';
import { ParsedValue } from './ledger-excel.types';
import { formatCalendarDate, utcMsToWallClock, WallClock, wallClockToInstant } from './zoned-time';

/** A cell reduced to what a user sees: text, number, boolean or date (zone-less clock). */
export type RawCell = string | number | boolean | Date | null;

export interface ImportContext {
  timeZone: string;
  /** The workbook counts date serials from 1904 (old Mac Excel). */
  date1904: boolean;
}

/** What a cell means for its column: a value, "keep the stored value", or a problem in Chinese. */
export type CellOutcome = { kind: 'value'; value: ParsedValue } | { kind: 'unchanged' } | { kind: 'problem'; problem: string };

const value = (v: ParsedValue): CellOutcome => ({ kind: 'value', value: v });
const problem = (text: string): CellOutcome => ({ kind: 'problem', problem: text });

const DAY_MS = 86_400_000;
const EPOCH_1900_SERIAL = 25_569;
const EPOCH_1904_OFFSET = 1_462;
/** Bare numbers in date columns are taken as Excel serials only within 1950–2099, so a year typed alone is not a date in 1905. */
const MIN_DATE_SERIAL = 18_264;
const MAX_DATE_SERIAL = 73_051;

const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*[T\s]\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const ZONED_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;
const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const TRUE_TEXTS = new Set([BOOLEAN_LABELS.true, 'true']);
const FALSE_TEXTS = new Set([BOOLEAN_LABELS.false, 'false']);

const BAD_DATE = '日期格式不正确';
const OUT_OF_YEARS = `年份应在 ${MIN_YEAR}–${MAX_YEAR} 之间`;

function isRichText(v: unknown): v is CellRichTextValue {
  return typeof v === 'object' && v !== null && Array.isArray((v as Partial<CellRichTextValue>).richText);
}

function joinRichText(rich: CellRichTextValue): string {
  return rich.richText.map((r) => r.text).join('');
}

/** A cell showing an Excel error such as #N/A or #REF!. */
export interface ErrorCell {
  error: string;
}

export function isErrorCell(cell: RawCell | ErrorCell): cell is ErrorCell {
  return typeof cell === 'object' && cell !== null && !(cell instanceof Date);
}

/** Reduces an exceljs cell value (rich text, hyperlink, formula result, error) to what it shows. */
export function rawCell(v: CellValue): RawCell | ErrorCell {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'object' || v instanceof Date) return v;
  if (isRichText(v)) return joinRichText(v);
  if ('hyperlink' in v) {
    // exceljs reads a hyperlink's text as rich text when the link is formatted.
    const text: unknown = v.text;
    if (typeof text === 'string') return text;
    return isRichText(text) ? joinRichText(text) : v.hyperlink;
  }
  if ('error' in v) return { error: v.error };
  const result = v.result;
  if (result === undefined) return null;
  return rawCell(result);
}

/** Text of a cell as typed: our formula escape undone, trimmed (full-width spaces too). */
export function cellText(raw: RawCell): string {
  if (raw === null) return '';
  if (typeof raw === 'string') return unescapeFormulaText(raw).trim();
  if (typeof raw === 'boolean') return raw ? BOOLEAN_LABELS.true : BOOLEAN_LABELS.false;
  if (raw instanceof Date) {
    const w = utcMsToWallClock(raw.getTime());
    return w.hour || w.minute || w.second ? raw.toISOString().slice(0, 19).replace('T', ' ') : formatCalendarDate(w);
  }
  return String(raw);
}

function serialToClock(serial: number, ctx: ImportContext): Date | null {
  if (serial < MIN_DATE_SERIAL || serial >= MAX_DATE_SERIAL) return null;
  const offset = EPOCH_1900_SERIAL - (ctx.date1904 ? EPOCH_1904_OFFSET : 0);
  return new Date(Math.round((serial - offset) * DAY_MS));
}

/** The wall clock a date cell or date text shows, or a problem. */
function readClock(raw: Exclude<RawCell, null>, ctx: ImportContext): { clock: WallClock; ms: number } | string {
  if (raw instanceof Date) {
    const clock = utcMsToWallClock(raw.getTime());
    return clock.year >= MIN_YEAR && clock.year <= MAX_YEAR ? { clock, ms: raw.getUTCMilliseconds() } : OUT_OF_YEARS;
  }
  if (typeof raw === 'number') {
    const d = serialToClock(raw, ctx);
    return d ? { clock: utcMsToWallClock(d.getTime()), ms: d.getUTCMilliseconds() } : BAD_DATE;
  }
  const m = DATE_TEXT.exec(cellText(raw).normalize('NFKC'));
  if (!m) return BAD_DATE;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number);
  if (year < MIN_YEAR || year > MAX_YEAR) return OUT_OF_YEARS;
  if (!isRealDate(year, month, day)) return '日期不存在';
  if (hour > 23 || minute > 59 || second > 59) return '时间不正确';
  return { clock: { year, month, day, hour, minute, second }, ms: 0 };
}

function parseDate(raw: Exclude<RawCell, null>, ctx: ImportContext): CellOutcome {
  const read = readClock(raw, ctx);
  return typeof read === 'string' ? problem(read) : value(formatCalendarDate(read.clock));
}

function parseDatetime(raw: Exclude<RawCell, null>, ctx: ImportContext): CellOutcome {
  if (typeof raw === 'string') {
    const text = cellText(raw).normalize('NFKC');
    if (ZONED_ISO.test(text)) return isInstantText(text) ? value(new Date(Date.parse(text)).toISOString()) : problem('日期或时间不存在');
  }
  const read = readClock(raw, ctx);
  if (typeof read === 'string') return problem(read === BAD_DATE ? '日期时间格式不正确' : read);
  return value(new Date(wallClockToInstant(read.clock, ctx.timeZone).getTime() + read.ms).toISOString());
}

function parseNumber(raw: Exclude<RawCell, null>, integer: boolean): CellOutcome {
  let n: number;
  if (typeof raw === 'number') n = raw;
  else {
    let text = cellText(raw).normalize('NFKC').replace(/\s+/g, '');
    if (GROUPED_NUMBER.test(text)) text = text.replace(/,/g, '');
    if (typeof raw !== 'string' || !NUMBER_TEXT.test(text)) return problem(integer ? '应为整数' : '应为数字');
    n = Number(text);
  }
  if (!Number.isFinite(n)) return problem('应为数字');
  if (integer && !Number.isSafeInteger(n)) return problem('应为整数');
  return value(n);
}

function parseEnum(spec: ColumnSpec, text: string): CellOutcome {
  const labels = spec.labels ?? {};
  const wanted = text.replace(/\s+/g, '');
  for (const [code, label] of Object.entries(labels)) {
    if (label.replace(/\s+/g, '') === wanted) return value(code);
  }
  if (Object.prototype.hasOwnProperty.call(labels, text)) return value(text);
  return problem(`不是可选的值(可选:${Object.values(labels).join('、')})`);
}

function parseBoolean(raw: Exclude<RawCell, null>): CellOutcome {
  if (typeof raw === 'boolean') return value(raw);
  const text = cellText(raw).toLowerCase();
  if (TRUE_TEXTS.has(text)) return value(true);
  if (FALSE_TEXTS.has(text)) return value(false);
  return problem('应填“是”或“否”');
}

function parseString(spec: ColumnSpec, raw: Exclude<RawCell, null>): CellOutcome {
  if (typeof raw === 'number' && !Number.isSafeInteger(raw) && Number.isInteger(raw)) {
    return problem('数字位数过多已被 Excel 改动,请把单元格设为文本后重新填写');
  }
  const text = cellText(raw);
  if (spec.maxLength !== undefined && [...text].length > spec.maxLength) return problem(`不能超过 ${spec.maxLength} 个字`);
  return value(text);
}

/** Whether a cell holds nothing a user typed (empty, or only spaces). */
export function isBlankCell(raw: RawCell): boolean {
  return raw === null || (typeof raw === 'string' && cellText(raw) === '');
}

/**
 * Reads one cell per its column spec, accepting what Excel users type. Required-ness is checked
 * here too; personal data still showing the export's mask means "keep the stored value".
 */
export function parseCell(spec: ColumnSpec, raw: RawCell, ctx: ImportContext): CellOutcome {
  if (typeof raw === 'string' && raw.includes(NUL)) return problem('含有空字符（\\u0000），请删除后重新填写');
  if (raw === null || isBlankCell(raw)) return spec.required ? problem('不能为空') : value(null);
  if (spec.masked && typeof raw === 'string') {
    const text = cellText(raw);
    if (looksMasked(spec.masked, text)) return { kind: 'unchanged' };
    if (text.includes('*')) return problem('含有“*”,但不是导出时的脱敏格式;请填写完整信息,或保留导出的原样');
  }
  switch (spec.type) {
    case 'date':
      return parseDate(raw, ctx);
    case 'datetime':
      return parseDatetime(raw, ctx);
    case 'number':
      return parseNumber(raw, false);
    case 'integer':
      return parseNumber(raw, true);
    case 'enum':
      return parseEnum(spec, cellText(raw));
    case 'boolean':
      return parseBoolean(raw);
    case 'string':
      return parseString(spec, raw);
  }
}
