import { ColumnSpec } from '@fazhi/contracts';
import { CellValue } from 'exceljs';
import { exportCell } from './cell-export';
import { CellOutcome, ImportContext, parseCell, rawCell } from './cell-import';
import { escapeFormulaText, looksMasked, normalizeHeader, unescapeFormulaText } from './cell-text';
import { instantToWallClock, wallClockToInstant } from './zoned-time';

const ctx: ImportContext = { timeZone: 'Asia/Shanghai', date1904: false };
const col = (type: ColumnSpec['type'], extra: Partial<ColumnSpec> = {}): ColumnSpec => ({ header: '列', field: 'f', type, ...extra });
const ok = (v: unknown): CellOutcome => ({ kind: 'value', value: v as string });
const bad = (problem: string): CellOutcome => ({ kind: 'problem', problem });

describe('zoned time', () => {
  it('converts wall clocks and instants both ways, across a DST change', () => {
    expect(wallClockToInstant({ year: 2022, month: 1, day: 1, hour: 0, minute: 30, second: 0 }, 'Asia/Shanghai').toISOString()).toBe('2021-12-31T16:30:00.000Z');
    expect(wallClockToInstant({ year: 2021, month: 7, day: 1, hour: 12, minute: 0, second: 0 }, 'Europe/Berlin').toISOString()).toBe('2021-07-01T10:00:00.000Z');
    expect(wallClockToInstant({ year: 2021, month: 1, day: 1, hour: 12, minute: 0, second: 0 }, 'Europe/Berlin').toISOString()).toBe('2021-01-01T11:00:00.000Z');
    expect(instantToWallClock(new Date('2021-12-31T16:30:00Z'), 'Asia/Shanghai')).toEqual({ year: 2022, month: 1, day: 1, hour: 0, minute: 30, second: 0 });
  });
});

describe('cell text', () => {
  it('escapes and unescapes formula triggers only', () => {
    for (const t of ['=1+2', '+86', '-x', '@SUM(A1)', '\tx', '\rx']) expect(unescapeFormulaText(escapeFormulaText(t))).toBe(t);
    expect(escapeFormulaText('正常')).toBe('正常');
    expect(escapeFormulaText('')).toBe('');
    expect(unescapeFormulaText("'abc")).toBe("'abc");
  });

  it('normalises headers', () => {
    expect(normalizeHeader(' 船长（米）* ')).toBe('船长(米)');
    expect(normalizeHeader('发现\n日期')).toBe('发现日期');
  });

  it('recognises exactly the shapes the mask functions produce', () => {
    expect(looksMasked('name', '黄**')).toBe(true);
    expect(looksMasked('name', '*')).toBe(true);
    expect(looksMasked('name', '黄*海')).toBe(false);
    expect(looksMasked('phone', '138****5678')).toBe(true);
    expect(looksMasked('phone', '138***5678')).toBe(false);
    expect(looksMasked('idNumber', '440781********123X')).toBe(true);
    expect(looksMasked('idNumber', '44078119800101123X')).toBe(false);
  });
});

describe('exportCell', () => {
  const ex = { unmasked: false, timeZone: 'Asia/Shanghai' };
  it('writes what does not fit its column as escaped text, and never drops it', () => {
    expect(exportCell(col('date'), 'not a date', ex)).toBe('not a date');
    expect(exportCell(col('number'), '-abc', ex)).toBe("'-abc");
    expect(exportCell(col('number'), 12n, ex)).toBe(12);
    expect(exportCell(col('enum', { labels: { a: '甲' } }), 'zz', ex)).toBe('zz');
    expect(exportCell(col('boolean'), 'maybe', ex)).toBe('maybe');
    expect(exportCell(col('string'), '', ex)).toBeNull();
    expect(exportCell(col('string', { masked: 'phone' }), 13812345678, ex)).toBe('138****5678');
  });
});

describe('parseCell', () => {
  it('reads dates in every form users type, and refuses bare numbers that are not plausible serials', () => {
    const date = col('date');
    for (const text of ['2021-03-05', '2021-3-5', '2021/03/05', '2021.3.5', '2021年3月5日', '２０２１年３月５日', '2021-03-05 14:30']) {
      expect(parseCell(date, text, ctx)).toEqual(ok('2021-03-05'));
    }
    expect(parseCell(date, 44260, ctx)).toEqual(ok('2021-03-05'));
    expect(parseCell(date, 44260 - 1462, { ...ctx, date1904: true })).toEqual(ok('2021-03-05'));
    expect(parseCell(date, 2021, ctx)).toEqual(bad('日期格式不正确'));
    expect(parseCell(date, '2021-02-29', ctx)).toEqual(bad('日期不存在'));
    expect(parseCell(date, true, ctx)).toEqual(bad('日期格式不正确'));
  });

  it('reads datetimes as instants in the town zone, or as given with an offset', () => {
    const dt = col('datetime');
    expect(parseCell(dt, '2022-01-01 00:30', ctx)).toEqual(ok('2021-12-31T16:30:00.000Z'));
    expect(parseCell(dt, '2022-01-01 00:30:15', ctx)).toEqual(ok('2021-12-31T16:30:15.000Z'));
    expect(parseCell(dt, '2022-01-01', ctx)).toEqual(ok('2021-12-31T16:00:00.000Z'));
    expect(parseCell(dt, '2022-01-01T00:30:00+08:00', ctx)).toEqual(ok('2021-12-31T16:30:00.000Z'));
    expect(parseCell(dt, new Date(Date.UTC(2022, 0, 1, 0, 30)), ctx)).toEqual(ok('2021-12-31T16:30:00.000Z'));
    expect(parseCell(dt, '昨天', ctx)).toEqual(bad('日期时间格式不正确'));
  });

  it('reads numbers, integers, enums, booleans and strings', () => {
    expect(parseCell(col('number'), '-1.5e2', ctx)).toEqual(ok(-150));
    expect(parseCell(col('number'), '1,2', ctx)).toEqual(bad('应为数字'));
    expect(parseCell(col('integer'), '12', ctx)).toEqual(ok(12));
    expect(parseCell(col('integer'), 1e20, ctx)).toEqual(bad('应为整数'));
    const e = col('enum', { labels: { self: '自行拆解', campaign: '集中销毁' } });
    expect(parseCell(e, '集中 销毁', ctx)).toEqual(ok('campaign'));
    expect(parseCell(e, 'self', ctx)).toEqual(ok('self'));
    expect(parseCell(col('boolean'), 'TRUE', ctx)).toEqual(ok(true));
    expect(parseCell(col('boolean'), false, ctx)).toEqual(ok(false));
    expect(parseCell(col('string'), 12, ctx)).toEqual(ok('12'));
    expect(parseCell(col('string', { maxLength: 2 }), '𠮷𠮷', ctx)).toEqual(ok('𠮷𠮷'));
    expect(parseCell(col('string', { required: true }), ' \u3000 ', ctx)).toEqual(bad('不能为空'));
    expect(parseCell(col('string', { masked: 'phone' }), '138****5678', ctx)).toEqual({ kind: 'unchanged' });
  });

  it('reduces exceljs values to what the cell shows', () => {
    expect(rawCell({ richText: [{ text: 'a' }, { text: 'b' }] })).toBe('ab');
    expect(rawCell({ text: '链接', hyperlink: 'http://x' })).toBe('链接');
    const formattedLink = { text: { richText: [{ text: '格式' }, { text: '链接' }] }, hyperlink: 'http://x' };
    expect(rawCell(formattedLink as unknown as CellValue)).toBe('格式链接');
    expect(rawCell({ formula: 'A1', result: 3 })).toBe(3);
    expect(rawCell({ formula: 'A1' })).toBeNull();
    expect(rawCell({ sharedFormula: 'A1', result: { error: '#REF!' } })).toEqual({ error: '#REF!' });
    expect(rawCell(undefined)).toBeNull();
  });
});
