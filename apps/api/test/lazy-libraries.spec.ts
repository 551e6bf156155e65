/**
 * The document libraries (exceljs, docx and the jszip they use) are loaded on first use: a process
 * that only answers reads never holds them (about 13 MiB of RSS and 9 MiB of heap at start).
 */
const mockLoaded: string[] = [];
jest.mock('exceljs', () => {
  mockLoaded.push('exceljs');
  return jest.requireActual('exceljs');
});
jest.mock('docx', () => {
  mockLoaded.push('docx');
  return jest.requireActual('docx');
});
jest.mock('jszip', () => {
  mockLoaded.push('jszip');
  return jest.requireActual('jszip');
});

import { AppModule } from '../src/app.module';
import { buildDocx } from '../src/ledger-core/documents/docx-builder';
import { docxText } from '../src/ledger-core/documents/docx-template';
import { readLedgerXlsx, writeLedgerXlsxToBuffer } from '../src/ledger-core/excel';

describe('document libraries loaded on first use', () => {
  it('are not loaded with the application’s modules', () => {
    expect(typeof AppModule).toBe('function');
    expect(mockLoaded).toEqual([]);
  });

  it('load when a ledger is written and read back, and a document is built', async () => {
    const columns = [{ field: 'name', header: '名称', type: 'string' as const }];
    const xlsx = await writeLedgerXlsxToBuffer({ title: '台账', sheetName: '台账', columns, rows: [{ name: '甲' }], unmasked: true });
    expect(mockLoaded).toContain('exceljs');
    const { rows, errors } = await readLedgerXlsx(xlsx, { columns, limits: { maxFileBytes: 1e6, maxUnzippedBytes: 1e7, maxRows: 10 } });
    expect(errors).toEqual([]);
    expect(rows.map((r) => r.values)).toEqual([{ name: '甲' }]);
    const docx = await buildDocx({ title: '通知书', blocks: [{ text: '正文' }] });
    expect(mockLoaded).toEqual(expect.arrayContaining(['exceljs', 'docx', 'jszip']));
    expect(await docxText(docx)).toBe('通知书\n正文');
  });
});
