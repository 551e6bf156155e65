/**
 * Ledger ⇄ Excel in the familiar 台账 layout, driven by one `ColumnSpec[]` per ledger (contracts).
 * Plain functions, no Nest: a ledger's service calls `writeLedgerXlsx` for exports and
 * `readLedgerXlsx` for import previews and imports.
 */
export { writeLedgerXlsx, writeLedgerXlsxToBuffer, columnWidth, safeSheetName } from './ledger-xlsx-writer';
export { readLedgerXlsx } from './ledger-xlsx-reader';
export { escapeFormulaText, unescapeFormulaText, looksMasked } from './cell-text';
export { DATE_FORMAT, DATETIME_FORMAT } from './cell-export';
export { DEFAULT_IMPORT_LIMITS } from './ledger-excel.types';
export { ExcelErrorCode, cellError, rowError } from './excel-errors';
export type { ImportLimits, LedgerRow, ParsedRow, ParsedValue, ReadLedgerOptions, ReadLedgerResult, WriteLedgerOptions } from './ledger-excel.types';
