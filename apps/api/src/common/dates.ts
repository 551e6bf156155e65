import { ValidateBy, ValidationOptions } from 'class-validator';

/** Years a date of the product may fall in: anything outside is a typing slip, not a record. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

/** An instant as ISO text, or null. */
export const isoOrNull = (at: Date | string | null | undefined): string | null => (at ? new Date(at).toISOString() : null);

const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR_MONTH = /^(\d{4})-(\d{2})$/;
/** ISO 8601 date with an optional time of day and offset (`2021-06-14`, `2021-06-14T09:30:00.5+08:00`, `…Z`). */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?)?$/;

/** Whether year, month and day name a day that exists, within the product's years (2024-02-29 yes, 2021-02-29 no). */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return false;
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A `YYYY-MM-DD` text naming a real day. */
export function isCalendarDateText(value: unknown): value is string {
  const m = typeof value === 'string' ? PLAIN_DATE.exec(value) : null;
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** A `YYYY-MM` text naming a real month. */
export function isYearMonthText(value: unknown): value is string {
  const m = typeof value === 'string' ? YEAR_MONTH.exec(value) : null;
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), 1);
}

/** An ISO 8601 date or date-time whose day exists and whose clock and offset are real times. */
export function isInstantText(value: unknown): value is string {
  const m = typeof value === 'string' ? INSTANT.exec(value) : null;
  if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) return false;
  const [hour, minute, second] = [m[4], m[5], m[6]].map((v) => Number(v ?? 0));
  if (hour > 23 || minute > 59 || second > 59) return false;
  if (m[8] !== undefined && (Number(m[9]) > 14 || Number(m[10]) > 59)) return false;
  return Number.isFinite(Date.parse(value as string));
}

const validator = (name: string, check: (value: unknown) => boolean, what: string, options?: ValidationOptions): PropertyDecorator =>
  ValidateBy({ name, validator: { validate: (value: unknown) => check(value), defaultMessage: () => `$property must be ${what}` } }, options);

/** A real calendar day, `YYYY-MM-DD`, in 1900–2100 (the one date check of every DTO). */
export const IsCalendarDate = (options?: ValidationOptions) => validator('isCalendarDate', isCalendarDateText, 'a real date (YYYY-MM-DD)', options);

/** A real month, `YYYY-MM`, in 1900–2100. */
export const IsYearMonth = (options?: ValidationOptions) => validator('isYearMonth', isYearMonthText, 'a real month (YYYY-MM)', options);

/** A real moment, ISO 8601 (`2021-06-14T09:30:00+08:00`), in 1900–2100. */
export const IsInstant = (options?: ValidationOptions) => validator('isInstant', isInstantText, 'a real ISO 8601 date-time', options);
