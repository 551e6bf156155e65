import ExcelJS from 'exceljs';
import { createTestApp, TestApp } from './test-app';

async function workbook(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

const binary = (res: import('supertest').Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('vessel ledger in Excel', () => {
  let t: TestApp;
  let officer: string;
  let leader: string;

  beforeAll(async () => {
    t = await createTestApp();
    [officer, leader] = await Promise.all([t.login('officer'), t.login('leader')]);
  });
  afterAll(() => t.close());

  const exportXlsx = async (query: string, cookie = officer) => {
    const res = await t.http.get(`/api/vessel-cases/export.xlsx?${query}`).set('Cookie', cookie).buffer(true).parse(binary).expect(200);
    return res;
  };
  const importXlsx = (file: Buffer, mode: 'preview' | 'commit', cookie = officer) => t.http.post(`/api/vessel-cases/import?mode=${mode}`).set('Cookie', cookie).attach('file', file, 'ledger.xlsx');

  it('exports the filtered rows in the 台账 layout, masked and escaped, and audits the export', async () => {
    const res = await exportXlsx('dismantledYear=2021&voided=false');
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    const sheet = await workbook(res.body);
    expect(sheet.getCell('A1').value).toBe('广海镇2021年涉渔“三无”船舶台账');
    expect(sheet.getRow(2).values).toEqual(expect.arrayContaining(['编号', '发现时间', '船主身份证号', '状态']));
    const dataRows = sheet.rowCount - 2;
    const count = (await t.http.get('/api/vessel-cases?dismantledYear=2021&voided=false&pageSize=1').set('Cookie', officer)).body.total;
    expect(dataRows).toBe(count);
    const idColumn = (sheet.getRow(2).values as string[]).indexOf('船主身份证号');
    const ids = sheet.getColumn(idColumn).values.slice(3).filter(Boolean) as string[];
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) expect(id).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    const [audit] = await t.ds.query(`SELECT action, detail FROM audit_log WHERE action = 'vessel-case.export' ORDER BY id DESC LIMIT 1`);
    expect(audit.detail).toMatchObject({ rows: count, unmasked: false });
  });

  it('imports nothing when one row is bad, and names that row and field', async () => {
    const res = await exportXlsx('registeredYear=2022');
    const sheet = await workbook(res.body);
    const wb = sheet.workbook;
    const headers = sheet.getRow(2).values as string[];
    const row = sheet.addRow([]);
    row.getCell(headers.indexOf('发现时间')).value = '2021-13-45';
    row.getCell(headers.indexOf('发现地点')).value = '=HYPERLINK("x")';
    row.getCell(headers.indexOf('线索来源')).value = '巡查发现';
    row.getCell(headers.indexOf('船体材质')).value = '木质';
    const good = sheet.addRow([]);
    good.getCell(headers.indexOf('发现时间')).value = '2021-07-01 08:00';
    good.getCell(headers.indexOf('发现地点')).value = '大湾码头';
    good.getCell(headers.indexOf('线索来源')).value = '巡查发现';
    good.getCell(headers.indexOf('船体材质')).value = '玻璃钢';
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const before = (await t.ds.query(`SELECT count(*)::int AS n FROM vessel_case`))[0].n;
    const preview = await importXlsx(file, 'preview').expect(200);
    expect(preview.body).toMatchObject({ creates: 2, errors: [expect.objectContaining({ row: row.number, field: 'discoveredAt', header: '发现时间' })] });
    const commit = await importXlsx(file, 'commit').expect(400);
    expect(commit.body.code).toBe('IMPORT_INVALID');
    expect(commit.body.errors).toEqual([expect.objectContaining({ path: `rows[${row.number}].discoveredAt` })]);
    expect(commit.body.errors[0].message).toContain(`第${row.number}行`);
    expect((await t.ds.query(`SELECT count(*)::int AS n FROM vessel_case`))[0].n).toBe(before);
  });

  it('round-trips: export, then import of the same file changes nothing and creates no duplicates', async () => {
    const exported = await exportXlsx('registeredYear=2022');
    const rows = (await t.http.get('/api/vessel-cases?registeredYear=2022&pageSize=100').set('Cookie', officer)).body.items;
    const preview = await importXlsx(exported.body, 'preview').expect(200);
    expect(preview.body).toEqual({ rows: rows.length, creates: 0, updates: rows.length, errors: [] });
    const before = await t.ds.query(`SELECT id, place, discovered_at, owner_name_idx, owner_id_idx, owner_phone_idx, gear_count, length_m FROM vessel_case WHERE id = ANY($1::uuid[]) ORDER BY id`, [
      rows.map((r: { id: string }) => r.id),
    ]);
    await importXlsx(exported.body, 'commit').expect(200);
    const after = await t.ds.query(`SELECT id, place, discovered_at, owner_name_idx, owner_id_idx, owner_phone_idx, gear_count, length_m FROM vessel_case WHERE id = ANY($1::uuid[]) ORDER BY id`, [
      rows.map((r: { id: string }) => r.id),
    ]);
    expect(after).toEqual(before);
    const again = await t.http.get('/api/vessel-cases?registeredYear=2022&pageSize=100').set('Cookie', officer);
    expect(again.body.total).toBe(rows.length);
  });

  it('creates new rows with fresh numbers, keeps imported numbers and moves the counter past them', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('台账');
    sheet.addRow(['编号', '村(社区)', '发现时间', '发现地点', '线索来源', '船体材质', '船主姓名', '船主身份证号']);
    sheet.addRow(['广海三无〔2021〕第0900号', '南湾村', '2021-07-02 10:00', '南湾码头', '群众举报', '木质', '陈水明', '11010519491231002X']);
    sheet.addRow([null, '灯湖村', '2021年7月3日', '灯湖河口', '巡查发现', '钢质', null, null]);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await importXlsx(file, 'commit').expect(200);
    expect(res.body).toMatchObject({ creates: 2, updates: 0, errors: [] });
    const kept = (await t.http.get(`/api/vessel-cases?q=${encodeURIComponent('第0900号')}`).set('Cookie', leader)).body.items[0];
    expect(kept).toMatchObject({ number: '广海三无〔2021〕第0900号', villageName: '南湾村', ownerName: '陈**' });
    const next = await t.http
      .post('/api/vessel-cases')
      .set('Cookie', officer)
      .send({ discoveredAt: '2021-06-14T09:30:00+08:00', place: '南湾码头', source: 'patrol', hullMaterial: 'wood' })
      .expect(201);
    expect(next.body.number).toBe('广海三无〔2021〕第0901号');
  });
});
