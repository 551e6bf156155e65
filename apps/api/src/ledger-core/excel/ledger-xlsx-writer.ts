import { once } from 'node:events';
import { PassThrough, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ColumnSpec, DEFAULT_TIME_ZONE } from '@fazhi/contracts';
import type { Alignment, Borders, Fill, Font, Style, Worksheet } from 'exceljs';
import { DATE_FORMAT, DATETIME_FORMAT, ExportContext, exportCell } from './cell-export';
import { escapeFormulaText } from './cell-text';
import { WriteLedgerOptions } from './ledger-excel.types';

const THIN = { style: 'thin', color: { argb: 'FF000000' } } as const;
const BORDERS: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const TITLE_FONT: Partial<Font> = { name: '宋体', size: 16, bold: true };
const HEADER_FONT: Partial<Font> = { name: '宋体', size: 11, bold: true };
const BODY_FONT: Partial<Font> = { name: '宋体', size: 11 };
const CENTERED: Partial<Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };
const TITLE_ROW_HEIGHT = 32;
const HEADER_ROW_HEIGHT = 30;
/** Rows between pauses that let the zip stream drain. */
const ROWS_PER_YIELD = 200;
const MAX_SHEET_NAME = 31;
const MAX_DEFAULT_WIDTH = 50;

const DEFAULT_WIDTHS: Record<ColumnSpec['type'], number> = {
  string: 16,
  number: 12,
  integer: 10,
  date: 12,
  datetime: 18,
  enum: 12,
  boolean: 8,
};

/** Width in Excel character units: CJK and other wide characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) > 0xff ? 2 : 1;
  return width;
}

export function columnWidth(spec: ColumnSpec): number {
  return spec.width ?? Math.min(MAX_DEFAULT_WIDTH, Math.max(DEFAULT_WIDTHS[spec.type], displayWidth(spec.header) + 2));
}

/** Excel refuses sheet names over 31 characters or containing []:*?/\ . */
export function safeSheetName(name: string): string {
  const cleaned = [...name.replace(/[[\]:*?/\\]/g, '_').trim()].slice(0, MAX_SHEET_NAME).join('');
  return cleaned === '' ? 'Sheet1' : cleaned;
}

function bodyStyle(spec: ColumnSpec): Partial<Style> {
  const horizontal = spec.type === 'string' ? 'left' : spec.type === 'number' || spec.type === 'integer' ? 'right' : 'center';
  const style: Partial<Style> = { font: BODY_FONT, border: BORDERS, alignment: { horizontal, vertical: 'middle', wrapText: true } };
  if (spec.type === 'date') style.numFmt = DATE_FORMAT;
  if (spec.type === 'datetime') style.numFmt = DATETIME_FORMAT;
  return style;
}

function writeTitle(sheet: Worksheet, title: string, columnCount: number): void {
  const row = sheet.getRow(1);
  row.height = TITLE_ROW_HEIGHT;
  const cell = row.getCell(1);
  cell.value = escapeFormulaText(title);
  cell.style = { font: TITLE_FONT, alignment: CENTERED };
  if (columnCount > 1) sheet.mergeCells(1, 1, 1, columnCount);
  row.commit();
}

function writeHeader(sheet: Worksheet, rowNumber: number, columns: readonly ColumnSpec[]): void {
  const row = sheet.getRow(rowNumber);
  row.height = HEADER_ROW_HEIGHT;
  columns.forEach((spec, i) => {
    const cell = row.getCell(i + 1);
    cell.value = spec.header;
    cell.style = { font: HEADER_FONT, fill: HEADER_FILL, border: BORDERS, alignment: CENTERED };
  });
  row.commit();
}

/** Lets the zip stream run, and waits while whoever reads `out` is behind. */
async function keepPace(sink: PassThrough, delivered: Promise<void>): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (sink.destroyed) await delivered;
  if (sink.writableNeedDrain) await Promise.race([once(sink, 'drain'), delivered]);
}

async function writeRows(sheet: Worksheet, firstRow: number, options: WriteLedgerOptions, pace: () => Promise<void>): Promise<void> {
  const ctx: ExportContext = { unmasked: options.unmasked, timeZone: options.timeZone ?? DEFAULT_TIME_ZONE };
  const styles = options.columns.map(bodyStyle);
  let rowNumber = firstRow;
  for await (const record of options.rows) {
    const row = sheet.getRow(rowNumber++);
    options.columns.forEach((spec, i) => {
      const cell = row.getCell(i + 1);
      cell.value = exportCell(spec, record[spec.field], ctx);
      cell.style = styles[i];
    });
    row.commit();
    if ((rowNumber - firstRow) % ROWS_PER_YIELD === 0) await pace();
  }
}

/**
 * Streams a ledger to `out` as an .xlsx in the familiar 台账 layout: a merged title row, a header
 * row (frozen), then one bordered row per record, typed per column spec. Resolves once `out` has
 * received the whole file; on failure `out` is destroyed, so a download never looks complete.
 */
export async function writeLedgerXlsx(out: Writable, options: WriteLedgerOptions): Promise<void> {
  const { columns } = options;
  if (columns.length === 0) throw new Error('writeLedgerXlsx needs at least one column');
  const sink = new PassThrough();
  const delivered = pipeline(sink, out);
  delivered.catch(() => undefined);
  try {
    const { stream: excelStream } = await import('exceljs');
    const workbook = new excelStream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
    const hasTitle = options.title.trim() !== '';
    const headerRow = hasTitle ? 2 : 1;
    const sheet = workbook.addWorksheet(safeSheetName(options.sheetName), {
      views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow }],
      pageSetup: { orientation: 'landscape', paperSize: 9, fitToWidth: 1, fitToHeight: 0 },
    });
    sheet.columns = columns.map((spec) => ({ width: columnWidth(spec) }));
    if (hasTitle) writeTitle(sheet, options.title, columns.length);
    writeHeader(sheet, headerRow, columns);
    await writeRows(sheet, headerRow + 1, options, () => keepPace(sink, delivered));
    sheet.commit();
    await Promise.all([workbook.commit(), delivered]);
  } catch (e) {
    sink.destroy(e instanceof Error ? e : new Error(String(e)));
    await delivered.catch(() => undefined);
    throw e;
  }
}

/** The same workbook in memory, for small exports, attachments and tests. */
export async function writeLedgerXlsxToBuffer(options: WriteLedgerOptions): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const collector = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  await writeLedgerXlsx(collector, options);
  return Buffer.concat(chunks);
}
