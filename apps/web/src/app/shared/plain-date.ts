/** Calendar dates (`YYYY-MM-DD`) as the API takes them, read from and put into date pickers. */
const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A picker's Date as a plain date in the browser's calendar (the day the user clicked). */
export function toPlainDate(date: Date | null | undefined): string | null {
  if (!date || Number.isNaN(date.getTime())) return null;
  return `${String(date.getFullYear()).padStart(4, '0')}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** A plain date as a local Date for a picker (midnight of that day), or null. */
export function fromPlainDate(value: string | null | undefined): Date | null {
  const m = PLAIN_DATE.exec(value ?? '');
  if (!m) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

export function isPlainDate(value: string | null | undefined): value is string {
  const date = fromPlainDate(value);
  return date !== null && toPlainDate(date) === value;
}
