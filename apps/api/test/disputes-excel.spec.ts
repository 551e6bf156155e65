import ExcelJS from 'exceljs';
import { createTestApp, TestApp } from './test-app';
import { binary } from './disputes-fixtures';

async function firstSheet(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

describe('dispute ledger in Excel', () => {
  let t: TestApp;
  let mediator: string;

  beforeAll(async () => {
    t = await createTestApp();
    mediator = await t.login('mediator');
  });
  afterAll(() => t.close());

  const exportXlsx = (query: string) => t.http.get(`/api/disputes/export.xlsx?${query}`).set('Cookie', mediator).buffer(true).parse(binary).expect(200);
  const importXlsx = (file: Buffer, mode: 'preview' | 'commit') => t.http.post(`/api/disputes/import?mode=${mode}`).set('Cookie', mediator).attach('file', file, 'ledger.xlsx');
  const columns = ['id', 'occurred_on', 'source', 'category', 'summary', 'place', 'remark', 'village_id', 'status'];
  const snapshot = (ids: string[]) => t.ds.query(`SELECT ${columns.join(', ')} FROM dispute WHERE id = ANY($1::uuid[]) ORDER BY id`, [ids]);

  it('exports the filtered rows in the 台账 layout with the parties masked, and audits the export', async () => {
    const res = await exportXlsx('agreedYear=2021&voided=false');
    const sheet = await firstSheet(res.body);
    expect(sheet.getCell('A1').value).toBe('广海镇2021年矛盾纠纷排查化解台账');
    const headers = sheet.getRow(2).values as string[];
    expect(headers).toEqual(expect.arrayContaining(['编号', '纠纷类别', '当事人', '调解员', '状态', '协议内容', '履行期限']));
    const count = (await t.http.get('/api/disputes?agreedYear=2021&voided=false&pageSize=1').set('Cookie', mediator)).body.total;
    expect(sheet.rowCount - 2).toBe(count);
    const parties = sheet.getColumn(headers.indexOf('当事人')).values.slice(3) as string[];
    for (const cell of parties) expect(cell).toMatch(/^[^*、]\*+\(申请人\)、[^*、]\*+\(被申请人\)/);
    const [audit] = await t.ds.query(`SELECT detail FROM audit_log WHERE action = 'dispute.export' ORDER BY id DESC LIMIT 1`);
    expect(audit.detail).toMatchObject({ rows: count, unmasked: false });
  });

  it('round-trips: importing the exported file changes nothing and creates no duplicates', async () => {
    const exported = await exportXlsx('registeredYear=2022');
    const rows = (await t.http.get('/api/disputes?registeredYear=2022&pageSize=100').set('Cookie', mediator)).body.items;
    const ids = rows.map((r: { id: string }) => r.id);
    expect(rows.length).toBeGreaterThan(3);
    const preview = await importXlsx(exported.body, 'preview').expect(200);
    expect(preview.body).toEqual({ rows: rows.length, creates: 0, updates: rows.length, errors: [] });
    const before = await snapshot(ids);
    await importXlsx(exported.body, 'commit').expect(200);
    expect(await snapshot(ids)).toEqual(before);
    expect((await t.http.get('/api/disputes?registeredYear=2022&pageSize=1').set('Cookie', mediator)).body.total).toBe(rows.length);
  });

  it('creates new rows with kept and fresh numbers, or nothing when a row is bad', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('台账');
    sheet.addRow(['编号', '村(社区)', '发生日期', '纠纷来源', '纠纷类别', '纠纷简要情况']);
    sheet.addRow(['广海调〔2021〕第0500号', '南湾村', '2021-07-02', '排查发现', '邻里纠纷', '两户因围墙越界发生争执']);
    sheet.addRow([null, '灯湖村', '2021年7月3日', '当事人申请', '合同纠纷', '货款结算争议']);
    sheet.addRow([null, '不存在村', '2021-07-04', '排查发现', '不知道', null]);
    const bad = Buffer.from(await wb.xlsx.writeBuffer());
    const refused = await importXlsx(bad, 'commit').expect(400);
    expect(refused.body.code).toBe('IMPORT_INVALID');
    expect(refused.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['rows[4].category', 'rows[4].summary', 'rows[4].villageName']);
    sheet.spliceRows(4, 1);
    const good = Buffer.from(await wb.xlsx.writeBuffer());
    expect((await importXlsx(good, 'commit').expect(200)).body).toMatchObject({ creates: 2, updates: 0, errors: [] });
    const kept = (await t.http.get(`/api/disputes?q=${encodeURIComponent('第0500号')}`).set('Cookie', mediator)).body.items[0];
    expect(kept).toMatchObject({ number: '广海调〔2021〕第0500号', villageName: '南湾村', category: 'neighbour', status: 'registered' });
    const next = await t.http.post('/api/disputes').set('Cookie', mediator).send({ occurredOn: '2021-06-10', source: 'screening', category: 'other', summary: '新登记' }).expect(201);
    expect(next.body.number).toBe('广海调〔2021〕第0501号');
  });
});
