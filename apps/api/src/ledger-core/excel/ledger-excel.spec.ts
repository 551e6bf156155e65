import { inflateRawSync } from 'node:zlib';
import { Writable } from 'node:stream';
import { ColumnSpec, ImportRowError } from '@fazhi/contracts';
import { CellValue, ValueType, Workbook, Worksheet } from 'exceljs';
import { AppException } from '../../common/app-exception';
import { ImportLimits, LedgerRow, readLedgerXlsx, writeLedgerXlsx, writeLedgerXlsxToBuffer } from './index';
import { readZipDirectory } from './zip-guard';

const SOURCES = { patrol: '巡查发现', report: '群众举报', joint: '联合执法' };
const COLUMNS: ColumnSpec[] = [
  { header: '编号', field: 'number', type: 'string', maxLength: 64, width: 26 },
  { header: '发现日期', field: 'foundOn', type: 'date', required: true },
  { header: '发现时间', field: 'foundAt', type: 'datetime' },
  { header: '线索来源', field: 'source', type: 'enum', required: true, labels: SOURCES },
  { header: '船长(米)', field: 'lengthM', type: 'number' },
  { header: '网具数量', field: 'gearCount', type: 'integer' },
  { header: '是否无主', field: 'unclaimed', type: 'boolean' },
  { header: '船主姓名', field: 'ownerName', type: 'string', masked: 'name', maxLength: 50 },
  { header: '船主身份证号', field: 'ownerIdNumber', type: 'string', masked: 'idNumber', maxLength: 18 },
  { header: '船主电话', field: 'ownerPhone', type: 'string', masked: 'phone', maxLength: 20 },
  { header: '状态', field: 'status', type: 'enum', readOnly: true, labels: { registered: '已登记', verified: '已核验销号' } },
  { header: '备注', field: 'remark', type: 'string', maxLength: 30 },
];
const TITLE = '广海镇2021年涉渔“三无”船舶台账';
const LIMITS: ImportLimits = { maxFileBytes: 20 * 1024 * 1024, maxUnzippedBytes: 200 * 1024 * 1024, maxRows: 20_000 };

const VESSEL: LedgerRow = {
  number: '广海三无〔2021〕第0001号',
  foundOn: '2021-03-05',
  foundAt: '2021-03-04T16:30:00.000Z',
  source: 'patrol',
  lengthM: 6.5,
  gearCount: 2,
  unclaimed: false,
  ownerName: '黄大海',
  ownerIdNumber: '44078119800101123X',
  ownerPhone: '13812345678',
  status: 'verified',
  remark: '港池东侧',
};

const write = (rows: LedgerRow[], unmasked = true, title = TITLE) => writeLedgerXlsxToBuffer({ title, sheetName: '三无船舶', columns: COLUMNS, rows, unmasked });

async function openSheet(buf: Buffer): Promise<Worksheet> {
  const wb = new Workbook();
  await wb.xlsx.load(buf as unknown as Parameters<Workbook['xlsx']['load']>[0]);
  return wb.worksheets[0];
}

/** The sheet's XML as stored, read with our own zip reader so exceljs' reader is not the judge. */
function sheetXml(buf: Buffer): string {
  const entry = readZipDirectory(buf).find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
  const start = entry.localHeaderOffset + 30 + buf.readUInt16LE(entry.localHeaderOffset + 26) + buf.readUInt16LE(entry.localHeaderOffset + 28);
  return inflateRawSync(buf.subarray(start, start + entry.compressedSize)).toString('utf8');
}

async function workbookOf(rows: CellValue[][]): Promise<Buffer> {
  const wb = new Workbook();
  const ws = wb.addWorksheet('导入');
  rows.forEach((values, i) => values.forEach((v, j) => (ws.getCell(i + 1, j + 1).value = v)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const messages = (errors: ImportRowError[]) => errors.map((e) => e.message);
const HEADERS = COLUMNS.map((c) => c.header);

describe('writeLedgerXlsx', () => {
  it('lays a ledger out as a 台账: merged title, bold headers with fill and borders, frozen panes, widths', async () => {
    const ws = await openSheet(await write([VESSEL]));
    const title = ws.getCell('A1');
    expect(title.value).toBe(TITLE);
    expect(title.font).toMatchObject({ bold: true, size: 16 });
    expect(title.alignment).toMatchObject({ horizontal: 'center', vertical: 'middle' });
    expect(ws.getCell('L1').isMerged).toBe(true);
    expect(ws.getCell('L1').master.address).toBe('A1');
    expect(ws.getCell('M1').isMerged).toBe(false);

    expect((ws.getRow(2).values as CellValue[]).slice(1)).toEqual(HEADERS);
    const header = ws.getCell('B2');
    expect(header.font).toMatchObject({ bold: true });
    expect(header.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } });
    expect(header.border).toMatchObject({ top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } });
    expect(header.alignment).toMatchObject({ wrapText: true });

    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.getColumn(1).width).toBe(26);
    expect(ws.getColumn(2).width).toBe(12);
    expect(ws.getColumn(3).width).toBe(18);
    expect(ws.getColumn(9).width).toBeGreaterThanOrEqual(14);
    expect(ws.getCell('A3').border).toMatchObject({ top: { style: 'thin' }, right: { style: 'thin' } });
  });

  it('types each cell per its column: dates, enums as labels, 是/否, numbers', async () => {
    const ws = await openSheet(await write([VESSEL, { ...VESSEL, unclaimed: true, lengthM: '12.50', gearCount: null, source: 'joint' }]));
    const [row3, row4] = [ws.getRow(3), ws.getRow(4)];
    expect(row3.getCell(2).value).toEqual(new Date('2021-03-05T00:00:00.000Z'));
    expect(row3.getCell(2).numFmt).toBe('yyyy-mm-dd');
    expect(row3.getCell(3).value).toEqual(new Date('2021-03-05T00:30:00.000Z'));
    expect(row3.getCell(3).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(row3.getCell(4).value).toBe('巡查发现');
    expect(row4.getCell(4).value).toBe('联合执法');
    expect(row3.getCell(5).value).toBe(6.5);
    expect(row4.getCell(5).value).toBe(12.5);
    expect(row3.getCell(6).value).toBe(2);
    expect(row4.getCell(6).value).toBeNull();
    expect(row4.getCell(6).border).toMatchObject({ top: { style: 'thin' } });
    expect(row3.getCell(7).value).toBe('否');
    expect(row4.getCell(7).value).toBe('是');
    expect(row3.getCell(11).value).toBe('已核验销号');
  });

  describe.each(['UTC', 'Asia/Shanghai', 'America/Los_Angeles'])('with the server in %s', (zone) => {
    const saved = process.env.TZ;
    beforeEach(() => (process.env.TZ = zone));
    afterEach(() => (process.env.TZ = saved));

    it('stores calendar dates as that date and datetimes as the Guanghai wall clock, and reads them back', async () => {
      const buf = await write([VESSEL, { ...VESSEL, foundOn: new Date('2021-12-31T16:30:00.000Z'), foundAt: new Date('2021-12-31T16:30:00.000Z') }]);
      const xml = sheetXml(buf);
      // 2021-03-05 is serial 44260; 2021-03-05 00:30 is 44260 + 30/1440; 2022-01-01 (an instant in Guanghai) is 44562.
      expect(xml).toMatch(/<c r="B3"[^>]*><v>44260<\/v>/);
      expect(xml).toMatch(/<c r="C3"[^>]*><v>44260\.0208333/);
      expect(xml).toMatch(/<c r="B4"[^>]*><v>44562<\/v>/);
      expect(xml).toMatch(/<c r="C4"[^>]*><v>44562\.0208333/);
      const ws = await openSheet(buf);
      expect(ws.getCell('B3').value).toEqual(new Date(Date.UTC(2021, 2, 5)));
      const { rows } = await readLedgerXlsx(buf, { columns: COLUMNS, limits: LIMITS });
      expect(rows.map((r) => [r.values.foundOn, r.values.foundAt])).toEqual([
        ['2021-03-05', '2021-03-04T16:30:00.000Z'],
        ['2022-01-01', '2021-12-31T16:30:00.000Z'],
      ]);
    });
  });

  it('masks personal data unless the caller may see it in full', async () => {
    const masked = await openSheet(await write([VESSEL], false));
    expect([8, 9, 10].map((c) => masked.getRow(3).getCell(c).value)).toEqual(['黄**', '440781********123X', '138****5678']);
    const full = await openSheet(await write([VESSEL], true));
    expect([8, 9, 10].map((c) => full.getRow(3).getCell(c).value)).toEqual(['黄大海', '44078119800101123X', '13812345678']);
  });

  it('escapes text a spreadsheet would evaluate and never writes a formula', async () => {
    const risky = ['=1+2', '+8613812345678', '-x', '@SUM(A1:A2)', '\tcmd', '\rcmd'];
    const buf = await write(
      risky.map((remark) => ({ ...VESSEL, remark, ownerPhone: remark })),
      true,
      '=HYPERLINK("http://evil")',
    );
    const ws = await openSheet(buf);
    expect(ws.getCell('A1').value).toBe(`'=HYPERLINK("http://evil")`);
    risky.forEach((text, i) => {
      // XML readers turn a stored CR into LF.
      const escaped = `'${text}`.replace('\r', '\n');
      expect(ws.getRow(3 + i).getCell(12).value).toBe(escaped);
      expect(ws.getRow(3 + i).getCell(10).value).toBe(escaped);
    });
    ws.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ValueType.Formula)));
    expect(sheetXml(buf)).not.toMatch(/<f[ >]/);
    const masked = await openSheet(await write([{ ...VESSEL, ownerPhone: '+8613812345678' }], false));
    expect(masked.getCell('J3').value).toBe("'+86****5678");
  });

  it('writes from an async source, with no title row when the title is empty', async () => {
    async function* rows(): AsyncGenerator<LedgerRow> {
      yield VESSEL;
      yield { ...VESSEL, number: '广海三无〔2021〕第0002号' };
    }
    const buf = await writeLedgerXlsxToBuffer({ title: '', sheetName: 'a/b:c*?[台账]', columns: COLUMNS, rows: rows(), unmasked: false });
    const ws = await openSheet(buf);
    expect(ws.name).toBe('a_b_c___台账_');
    expect(ws.getCell('A1').value).toBe('编号');
    expect(ws.getCell('A3').value).toBe('广海三无〔2021〕第0002号');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('keeps pace with a slow reader, and stops when the reader goes away', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => ({ ...VESSEL, remark: `备注${i}` }));
    const chunks: Buffer[] = [];
    const slow = new Writable({
      highWaterMark: 1024,
      write: (chunk: Buffer, _e, done) => {
        chunks.push(chunk);
        setImmediate(done);
      },
    });
    await writeLedgerXlsx(slow, { title: TITLE, sheetName: 's', columns: COLUMNS, rows, unmasked: true });
    expect((await openSheet(Buffer.concat(chunks))).getCell('L3002').value).toBe('备注2999');

    let written = 0;
    const broken = new Writable({
      write: (_c, _e, done) => (++written > 3 ? done(new Error('client disconnected')) : done()),
    });
    let consumed = 0;
    function* counted(): Generator<LedgerRow> {
      for (const row of rows) {
        consumed++;
        yield row;
      }
    }
    await expect(writeLedgerXlsx(broken, { title: TITLE, sheetName: 's', columns: COLUMNS, rows: counted(), unmasked: true })).rejects.toThrow('client disconnected');
    expect(consumed).toBeLessThan(rows.length);
  });

  it('destroys the output and rejects when the source fails, so no download looks complete', async () => {
    async function* failing(): AsyncGenerator<LedgerRow> {
      yield VESSEL;
      throw new Error('database went away');
    }
    const out = new Writable({ write: (_c, _e, done) => done() });
    await expect(writeLedgerXlsx(out, { title: TITLE, sheetName: 's', columns: COLUMNS, rows: failing(), unmasked: false })).rejects.toThrow('database went away');
    expect(out.destroyed).toBe(true);
  });
});

describe('readLedgerXlsx', () => {
  const read = (buf: Buffer, limits: Partial<ImportLimits> = {}) => readLedgerXlsx(buf, { columns: COLUMNS, limits: { ...LIMITS, ...limits } });

  it('accepts what Excel users type, whatever the header row position, order, spacing or extra columns', async () => {
    const buf = await workbookOf([
      ['广海镇台账'],
      ['填表说明:带*为必填'],
      ['其他', ' 发现 日期* ', '线索来源', '发现时间', '船长（米）', '网具数量', '是否无主', '备注', '船主电话'],
      ['x', new Date(Date.UTC(2021, 2, 5)), '巡查发现', new Date(Date.UTC(2021, 2, 5, 8, 30)), 6.5, 2, true, ' 港池 ', 13812345678],
      [null, '2021-03-05', 'report', '2021-03-05 08:30', ' 1,234.5 ', '3', '是', { richText: [{ text: '富' }, { text: '文本' }] }, '138 1234 5678'],
      [null, '2021/3/5', ' 联合 执法 ', '2021/3/5 8:30', '１２', 4, 'FALSE', { text: '链接文字', hyperlink: 'http://example.org' }, null],
      [null, '2021年3月5日', '群众举报', '2021-03-05T00:30:00Z', { formula: '1+1', result: 2 }, null, '否', "'=1+2", null],
      [null, 44260, '群众举报', 44260 + 8.5 / 24, null, null, 'true', { formula: 'A1', result: '公式结果' }, null],
      [],
      ['  ', '', null, '   '],
    ]);
    const { rows, errors } = await read(buf);
    expect(errors).toEqual([]);
    expect(rows.map((r) => r.rowNumber)).toEqual([4, 5, 6, 7, 8]);
    expect(rows.map((r) => r.values.foundOn)).toEqual(Array(5).fill('2021-03-05'));
    expect(rows.map((r) => r.values.foundAt)).toEqual(Array(5).fill('2021-03-05T00:30:00.000Z'));
    expect(rows.map((r) => r.values.source)).toEqual(['patrol', 'report', 'joint', 'report', 'report']);
    expect(rows.map((r) => r.values.lengthM)).toEqual([6.5, 1234.5, 12, 2, null]);
    expect(rows.map((r) => r.values.gearCount)).toEqual([2, 3, 4, null, null]);
    expect(rows.map((r) => r.values.unclaimed)).toEqual([true, true, false, false, true]);
    expect(rows.map((r) => r.values.remark)).toEqual(['港池', '富文本', '链接文字', '=1+2', '公式结果']);
    expect(rows[0].values.ownerPhone).toBe('13812345678');
    expect(rows[1].values.ownerPhone).toBe('138 1234 5678');
    expect(Object.keys(rows[0].values)).not.toContain('number');
    expect(Object.keys(rows[0].values)).not.toContain('其他');
  });

  it('reads datetimes in the zone it is given', async () => {
    const buf = await workbookOf([HEADERS, ['', '2021-03-05', '2021-03-05 08:30', '巡查发现']]);
    const { rows } = await readLedgerXlsx(buf, { columns: COLUMNS, limits: LIMITS, timeZone: 'UTC' });
    expect(rows[0].values.foundAt).toBe('2021-03-05T08:30:00.000Z');
  });

  it('reports every problem with its Excel row and header, in Chinese', async () => {
    const buf = await workbookOf([
      [TITLE],
      HEADERS,
      ['', '2021-3-5x', '2021-03-05 25:00', '渔政巡查', 'abc', 2.5, '也许', '', '', '', '', 'x'.repeat(31)],
      ['', null, '2021-02-30 08:00', '巡查发现', { error: '#N/A' }, '3.0', '是', '张*三', '', '', '不认识的状态', '正常'],
      ['', '2021-02-29', '', '', 1, 1, '', '', 123456789012345680000, '', '', ''],
    ]);
    const { rows, errors } = await read(buf);
    expect(rows.map((r) => r.rowNumber)).toEqual([3, 4, 5]);
    expect(messages(errors)).toEqual([
      '第3行“发现日期”:日期格式不正确',
      '第3行“发现时间”:时间不正确',
      '第3行“线索来源”:不是可选的值(可选:巡查发现、群众举报、联合执法)',
      '第3行“船长(米)”:应为数字',
      '第3行“网具数量”:应为整数',
      '第3行“是否无主”:应填“是”或“否”',
      '第3行“备注”:不能超过 30 个字',
      '第4行“发现日期”:不能为空',
      '第4行“发现时间”:日期不存在',
      '第4行“船长(米)”:单元格是错误值 #N/A,请填写实际内容',
      '第4行“船主姓名”:含有“*”,但不是导出时的脱敏格式;请填写完整信息,或保留导出的原样',
      '第5行“发现日期”:日期不存在',
      '第5行“线索来源”:不能为空',
      '第5行“船主身份证号”:数字位数过多已被 Excel 改动,请把单元格设为文本后重新填写',
    ]);
    expect(errors[0]).toEqual({ row: 3, field: 'foundOn', header: '发现日期', message: '第3行“发现日期”:日期格式不正确' });
    expect(rows[1].values.gearCount).toBe(3);
    expect(rows[1].values).not.toHaveProperty('status');
  });

  it('names each missing required header, and ignores missing optional and read-only ones', async () => {
    const { rows, errors } = await read(await workbookOf([[TITLE], ['编号', '发现时间', '备注'], ['', '2021-03-05 08:00', 'x']]));
    expect(rows).toEqual([]);
    expect(errors).toEqual([
      { row: 2, field: 'foundOn', header: '发现日期', message: '第2行:缺少必填列“发现日期”' },
      { row: 2, field: 'source', header: '线索来源', message: '第2行:缺少必填列“线索来源”' },
    ]);
    const minimal = await read(
      await workbookOf([
        ['发现日期', '线索来源'],
        ['2021-03-05', '巡查发现'],
      ]),
    );
    expect(minimal.errors).toEqual([]);
    expect(minimal.rows[0].values).toEqual({ foundOn: '2021-03-05', source: 'patrol' });
  });

  it('says so when no header row is found', async () => {
    const { errors } = await read(
      await workbookOf([
        ['甲', '乙'],
        ['1', '2'],
      ]),
    );
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/^第1行:未找到表头行,表头应包含:“编号”、“发现日期”/);
  });

  it('keeps the stored value where a personal-data cell still holds the export mask', async () => {
    const buf = await workbookOf([
      HEADERS,
      ['', '2021-03-05', '', '巡查发现', '', '', '', '黄**', '440781********123X', '138****5678'],
      ['', '2021-03-05', '', '巡查发现', '', '', '', '*', '', "'+86****5678"],
    ]);
    const { rows, errors } = await read(buf);
    expect(errors).toEqual([]);
    expect([...rows[0].unchanged].sort()).toEqual(['ownerIdNumber', 'ownerName', 'ownerPhone']);
    expect(rows[0].values).not.toHaveProperty('ownerName');
    expect([...rows[1].unchanged].sort()).toEqual(['ownerName', 'ownerPhone']);
    expect(rows[1].values.ownerIdNumber).toBeNull();
  });

  it('stops at the row cap with an error', async () => {
    const data = Array.from({ length: 6 }, (_, i) => ['', `2021-03-0${i + 1}`, '', '巡查发现']);
    const { rows, errors } = await read(await workbookOf([HEADERS, ...data.slice(0, 2), [], ...data.slice(2)]), { maxRows: 4 });
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 3, 5, 6]);
    expect(messages(errors)).toEqual(['第7行:超过单次导入上限 4 行,本行及以后的行未读取,请分批导入']);
  });

  it('refuses a file over the size limit, and files that are not .xlsx', async () => {
    const buf = await write([VESSEL]);
    const tooBig = await read(buf, { maxFileBytes: buf.length - 1 }).catch((e: unknown) => e);
    expect(tooBig).toBeInstanceOf(AppException);
    expect((tooBig as AppException).getStatus()).toBe(413);
    expect((tooBig as AppException).code).toBe('PAYLOAD_TOO_LARGE');
    expect((tooBig as AppException).messages.zh).toMatch(/^文件过大,不能超过/);
    await expect(read(Buffer.from('编号,发现日期\n1,2021-03-05'))).rejects.toMatchObject({
      code: 'NOT_XLSX',
      messages: { zh: expect.stringMatching(/不是有效的 Excel 文件/) },
    });
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]);
    await expect(read(ole)).rejects.toMatchObject({ messages: { zh: expect.stringMatching(/不支持旧版 \.xls/) } });
  });
});

describe('export → import', () => {
  const importable = COLUMNS.filter((c) => !c.readOnly).map((c) => c.field);
  const pick = (row: LedgerRow) => Object.fromEntries(importable.map((f) => [f, row[f] ?? null]));

  it('gives back the same values; masked personal data comes back as unchanged', async () => {
    const rows: LedgerRow[] = [VESSEL, { ...VESSEL, foundAt: null, lengthM: null, unclaimed: true, ownerName: null, remark: '-2 艘,=合计' }];
    const full = await readLedgerXlsx(await write(rows, true), { columns: COLUMNS, limits: LIMITS });
    expect(full.errors).toEqual([]);
    expect(full.rows.map((r) => r.values)).toEqual(rows.map(pick));
    expect(full.rows.map((r) => r.rowNumber)).toEqual([3, 4]);

    const masked = await readLedgerXlsx(await write(rows, false), { columns: COLUMNS, limits: LIMITS });
    expect(masked.errors).toEqual([]);
    expect([...masked.rows[0].unchanged].sort()).toEqual(['ownerIdNumber', 'ownerName', 'ownerPhone']);
    const { ownerName, ownerIdNumber, ownerPhone, ...rest } = pick(VESSEL);
    expect([ownerName, ownerIdNumber, ownerPhone]).not.toContain(null);
    expect(masked.rows[0].values).toEqual(rest);
    expect(masked.rows[1].values.ownerName).toBeNull();
  });

  it('round-trips 10,000 rows', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i): LedgerRow => ({
      ...VESSEL,
      number: `广海三无〔2021〕第${String(i + 1).padStart(4, '0')}号`,
      foundOn: `2021-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      foundAt: new Date(Date.UTC(2021, 0, 1) + i * 3_600_000).toISOString(),
      source: Object.keys(SOURCES)[i % 3],
      lengthM: (i % 200) / 10,
      gearCount: i % 7,
      unclaimed: i % 2 === 0,
      remark: i % 5 === 0 ? `=备注${i}` : `备注${i}`,
    }));
    const result = await readLedgerXlsx(await write(rows, true), { columns: COLUMNS, limits: LIMITS });
    expect(result.errors).toEqual([]);
    expect(result.rows).toHaveLength(10_000);
    expect(result.rows.map((r) => r.values)).toEqual(rows.map(pick));
  });
});
