import { ErrorCode, ImportRowError } from '@fazhi/contracts';
import { AppException } from '../../common/app-exception';

/** Codes of the workbook-level refusals; problems inside a workbook are ImportRowErrors instead. */
export const ExcelErrorCode = {
  NOT_XLSX: 'NOT_XLSX',
  XLSX_DAMAGED: 'XLSX_DAMAGED',
  XLSX_EXPANDS_TOO_MUCH: 'XLSX_EXPANDS_TOO_MUCH',
} as const;

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} B`;
}

export const fileTooLarge = (maxBytes: number) =>
  new AppException(413, ErrorCode.PAYLOAD_TOO_LARGE, {
    zh: `文件过大,不能超过 ${formatBytes(maxBytes)}`,
    en: `The file is too large; the limit is ${formatBytes(maxBytes)}`,
  });

export const unzippedTooLarge = (maxBytes: number) =>
  new AppException(413, ExcelErrorCode.XLSX_EXPANDS_TOO_MUCH, {
    zh: `文件解压后超过 ${formatBytes(maxBytes)},已拒绝导入(可能是异常文件)`,
    en: `The file expands to more than ${formatBytes(maxBytes)} and was refused`,
  });

export const notAnXlsx = () =>
  new AppException(400, ExcelErrorCode.NOT_XLSX, {
    zh: '不是有效的 Excel 文件(.xlsx),请用 Excel 或 WPS 另存为 .xlsx 后重试',
    en: 'Not a valid Excel workbook (.xlsx)',
  });

export const legacyXls = () =>
  new AppException(400, ExcelErrorCode.NOT_XLSX, {
    zh: '不支持旧版 .xls 文件或加密的文件，请用 Excel 或 WPS 另存为不加密的 .xlsx 后重试',
    en: 'Legacy .xls and encrypted workbooks are not supported; save the workbook as an unencrypted .xlsx',
  });

export const damagedXlsx = () =>
  new AppException(400, ExcelErrorCode.XLSX_DAMAGED, {
    zh: 'Excel 文件已损坏或格式不受支持，请重新保存后再试',
    en: 'The workbook is damaged or uses an unsupported format',
  });

/** One problem of one cell, worded as `第5行“发现日期”:日期格式不正确`. */
export function cellError(row: number, field: string, header: string, problem: string): ImportRowError {
  return { row, field, header, message: `第${row}行“${header}”:${problem}` };
}

/** A problem of a whole row or of the sheet, worded as `第5行:…`. */
export function rowError(row: number, problem: string): ImportRowError {
  return { row, field: '', header: '', message: `第${row}行:${problem}` };
}

/** A required column absent from the header row, worded as `第2行:缺少必填列“发现日期”`. */
export function missingColumn(headerRow: number, field: string, header: string): ImportRowError {
  return { row: headerRow, field, header, message: `第${headerRow}行:缺少必填列“${header}”` };
}
