import { ColumnSpec, DEFAULT_TIME_ZONE, ImportRowError } from '@fazhi/contracts';
import type { Workbook, Worksheet } from 'exceljs';
import { CellOutcome, cellText, ImportContext, isBlankCell, isErrorCell, parseCell, rawCell } from './cell-import';
import { normalizeHeader } from './cell-text';
import { cellError, damagedXlsx, fileTooLarge, missingColumn, notAnXlsx, rowError } from './excel-errors';
import { ParsedRow, ReadLedgerOptions, ReadLedgerResult } from './ledger-excel.types';
import { assertZipWithinLimits } from './zip-guard';

/** exceljs types load() with an ArrayBuffer-like `Buffer` of its own; at run time it takes a Node Buffer. */
type XlsxInput = Parameters<Workbook['xlsx']['load']>[0];

/** The header row is looked for among the first rows (a title, a date line or a note may sit above it). */
const HEADER_SCAN_ROWS = 10;

interface HeaderMatch {
  rowNumber: number;
  /** Column number of each spec field found in the header row. */
  columnOf: Map<string, number>;
}

function findHeaderRow(sheet: Worksheet, columns: readonly ColumnSpec[]): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  const last = Math.min(sheet.rowCount, HEADER_SCAN_ROWS);
  for (let r = 1; r <= last; r++) {
    const found = new Map<string, number>();
    sheet.getRow(r).eachCell((cell, col) => {
      const raw = rawCell(cell.value);
      const text = isErrorCell(raw) ? '' : normalizeHeader(cellText(raw));
      if (text !== '' && !found.has(text)) found.set(text, col);
    });
    const columnOf = new Map<string, number>();
    for (const spec of columns) {
      const col = found.get(normalizeHeader(spec.header));
      if (col !== undefined) columnOf.set(spec.field, col);
    }
    if (columnOf.size > (best?.columnOf.size ?? 0)) best = { rowNumber: r, columnOf };
  }
  return best;
}

function headerErrors(match: HeaderMatch | null, columns: readonly ColumnSpec[]): ImportRowError[] {
  if (!match) {
    return [rowError(1, `未找到表头行,表头应包含:${columns.map((c) => `“${c.header}”`).join('、')}`)];
  }
  return columns.filter((c) => c.required && !c.readOnly && !match.columnOf.has(c.field)).map((c) => missingColumn(match.rowNumber, c.field, c.header));
}

function pickSheet(workbook: Workbook, sheetName: string | undefined): Worksheet {
  const sheet = (sheetName !== undefined ? workbook.getWorksheet(sheetName) : undefined) ?? workbook.worksheets[0];
  if (!sheet) throw notAnXlsx();
  return sheet;
}

function applyOutcome(parsed: ParsedRow, spec: ColumnSpec, outcome: CellOutcome, errors: ImportRowError[]): void {
  if (outcome.kind === 'value') parsed.values[spec.field] = outcome.value;
  else if (outcome.kind === 'unchanged') parsed.unchanged.add(spec.field);
  else errors.push(cellError(parsed.rowNumber, spec.field, spec.header, outcome.problem));
}

interface PlacedColumn {
  spec: ColumnSpec;
  col: number;
}

/** Parses the data rows below the header, appending problems to `errors`. */
function readRows(sheet: Worksheet, headerRow: number, placed: PlacedColumn[], maxRows: number, ctx: ImportContext, errors: ImportRowError[]): ParsedRow[] {
  const rows: ParsedRow[] = [];
  let stopped = false;
  sheet.eachRow((row, rowNumber) => {
    if (stopped || rowNumber <= headerRow) return;
    const cells = placed.map(({ col }) => rawCell(row.getCell(col).value));
    if (cells.every((c) => !isErrorCell(c) && isBlankCell(c))) return;
    if (rows.length >= maxRows) {
      errors.push(rowError(rowNumber, `超过单次导入上限 ${maxRows} 行,本行及以后的行未读取,请分批导入`));
      stopped = true;
      return;
    }
    const parsed: ParsedRow = { rowNumber, values: {}, unchanged: new Set() };
    placed.forEach(({ spec }, i) => {
      const cell = cells[i];
      if (spec.readOnly) return;
      if (isErrorCell(cell)) errors.push(cellError(rowNumber, spec.field, spec.header, `单元格是错误值 ${cell.error},请填写实际内容`));
      else applyOutcome(parsed, spec, parseCell(spec, cell, ctx), errors);
    });
    rows.push(parsed);
  });
  return rows;
}

/**
 * Reads a ledger workbook by its column spec. Refuses (throws) a file over the size limits, a
 * zip bomb or something that is not an .xlsx; everything else wrong is collected as one
 * {@link ImportRowError} per problem, in sheet order. Read-only columns and unknown columns are
 * ignored; empty rows are skipped; reading stops with an error after `limits.maxRows` rows.
 */
export async function readLedgerXlsx(input: Buffer, options: ReadLedgerOptions): Promise<ReadLedgerResult> {
  const { limits, columns } = options;
  if (input.length > limits.maxFileBytes) throw fileTooLarge(limits.maxFileBytes);
  await assertZipWithinLimits(input, limits.maxUnzippedBytes);
  const { Workbook: WorkbookClass } = await import('exceljs');
  const workbook = new WorkbookClass();
  try {
    await workbook.xlsx.load(input as unknown as XlsxInput);
  } catch {
    throw damagedXlsx();
  }
  const sheet = pickSheet(workbook, options.sheetName);
  const header = findHeaderRow(sheet, columns);
  const errors = headerErrors(header, columns);
  if (!header || errors.length > 0) return { rows: [], errors };

  const placed = columns.flatMap((spec) => {
    const col = header.columnOf.get(spec.field);
    return col === undefined ? [] : [{ spec, col }];
  });
  const ctx: ImportContext = { timeZone: options.timeZone ?? DEFAULT_TIME_ZONE, date1904: workbook.properties.date1904 === true };
  const rows = readRows(sheet, header.rowNumber, placed, limits.maxRows, ctx, errors);
  return { rows, errors };
}
