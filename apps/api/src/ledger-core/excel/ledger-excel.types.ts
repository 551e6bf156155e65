import { ColumnSpec, ImportRowError } from '@fazhi/contracts';

export type LedgerRow = Record<string, unknown>;

export interface WriteLedgerOptions {
  /** Row 1, merged across all columns, e.g. 广海镇2021年涉渔“三无”船舶台账; empty for no title row. */
  title: string;
  sheetName: string;
  columns: readonly ColumnSpec[];
  rows: AsyncIterable<LedgerRow> | Iterable<LedgerRow>;
  /** Write personal data in full; otherwise `masked` columns are masked. */
  unmasked: boolean;
  /** Zone in which datetime cells show their wall clock; default Asia/Shanghai. */
  timeZone?: string;
}

export interface ImportLimits {
  maxFileBytes: number;
  /** Total size of the workbook's parts once inflated. */
  maxUnzippedBytes: number;
  /** Non-empty data rows read; the rest is refused with an error. */
  maxRows: number;
}

export const DEFAULT_IMPORT_LIMITS: Readonly<ImportLimits> = {
  maxFileBytes: 10 * 1024 * 1024,
  maxUnzippedBytes: 100 * 1024 * 1024,
  maxRows: 5000,
};

export interface ReadLedgerOptions {
  columns: readonly ColumnSpec[];
  limits: ImportLimits;
  /** Zone in which datetime cells are read; default Asia/Shanghai. */
  timeZone?: string;
  /** The sheet to read; default (or when no sheet has that name) the first one. */
  sheetName?: string;
}

/**
 * A value read from a cell: text (strings, enum codes, `YYYY-MM-DD` dates, ISO instants for
 * datetimes), a number, a boolean, or null for an empty cell.
 */
export type ParsedValue = string | number | boolean | null;

export interface ParsedRow {
  /** The row number Excel shows. */
  rowNumber: number;
  /** One entry per column present in the sheet and not read-only (null when the cell is empty). */
  values: Record<string, ParsedValue>;
  /** Personal-data fields whose cell still holds the export's mask: keep the stored value. */
  unchanged: Set<string>;
}

export interface ReadLedgerResult {
  /** Every non-empty data row, in sheet order; rows named in `errors` hold only what parsed. */
  rows: ParsedRow[];
  errors: ImportRowError[];
}
