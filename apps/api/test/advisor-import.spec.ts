import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { TestClock } from '../src/common/clock';
import { binary } from './disputes-fixtures';
import { statementsDuring } from './statements';
import { createTestApp, idOf, TestApp } from './test-app';

describe('the service log’s import: overlaps and own entries', () => {
  let t: TestApp;
  let advisor: string;
  let writer: string;
  const village: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp({ clock: new TestClock('2022-03-15T02:00:00Z') });
    advisor = await t.login('advisor');
    writer = await townWriter();
    for (const code of ['GH01', 'GH02', 'GH04']) village[code] = (await t.ds.query(`SELECT name FROM org_unit WHERE code = $1`, [code]))[0].name;
  });
  afterAll(() => t.close());

  interface Row {
    villageName: string;
    advisorName: string;
    serviceDate: string;
    startTime: string;
    endTime: string;
  }
  const row = (o: Partial<Row> = {}): Row => ({ villageName: village.GH02, advisorName: '朱立法', serviceDate: '2022-03-10', startTime: '09:00', endTime: '11:00', ...o });

  /** A sheet in the 台账 layout (the export's own header rows) holding `rows` from row 3 on. */
  const sheetOf = async (rows: Row[]): Promise<Buffer> => {
    const exported = await t.http.get('/api/advisor-services/export.xlsx?q=无此内容').set('Cookie', advisor).buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.body as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const headers = sheet.getRow(2).values as string[];
    const col = (header: string) => headers.indexOf(header);
    rows.forEach((r, i) => {
      const line = sheet.getRow(3 + i);
      line.getCell(col('村(社区)')).value = r.villageName;
      line.getCell(col('法律顾问')).value = r.advisorName;
      line.getCell(col('服务日期')).value = r.serviceDate;
      line.getCell(col('开始时间')).value = r.startTime;
      line.getCell(col('结束时间')).value = r.endTime;
      line.getCell(col('服务类型')).value = '合同/村务决策审查';
      line.getCell(col('服务内容')).value = `审查村集体合同 ${i + 1}`;
      line.commit();
    });
    return Buffer.from(await wb.xlsx.writeBuffer());
  };
  const upload = async (rows: Row[], mode: 'preview' | 'commit', status: number, cookie = advisor) => {
    const file = await sheetOf(rows);
    return t.http.post(`/api/advisor-services/import?mode=${mode}`).set('Cookie', cookie).attach('file', file, 'ledger.xlsx').expect(status);
  };
  const count = async () => (await t.ds.query(`SELECT count(*)::int AS n FROM advisor_service`))[0].n as number;

  it('refuses rows overlapping the same advisor’s rows of the sheet or entries of the log, each with its row number, and writes nothing', async () => {
    const logged = (
      await t.http
        .post('/api/advisor-services')
        .set('Cookie', advisor)
        .send({ villageId: await idOf(t.ds, 'org_unit', 'GH02'), type: 'review', serviceDate: '2022-03-11', startTime: '09:00', endTime: '10:00', content: '审查村规民约' })
        .expect(201)
    ).body as { number: string };
    const rows = [
      row(),
      row({ villageName: village.GH01, startTime: '10:30', endTime: '12:00' }),
      row({ serviceDate: '2022-03-11', startTime: '09:30', endTime: '10:30' }),
      row({ startTime: '08:00', endTime: '09:00' }),
    ];
    const before = await count();
    const preview = (await upload(rows, 'preview', 200)).body;
    expect(preview.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [4, 'startTime'],
      [5, 'startTime'],
    ]);
    expect(preview.errors[0].message).toContain('第3行');
    expect(preview.errors[1].message).toContain(logged.number);
    const refused = await upload(rows, 'commit', 400);
    expect(refused.body.code).toBe('IMPORT_INVALID');
    expect(refused.body.errors.map((e: { path: string }) => e.path)).toEqual(['rows[4].startTime', 'rows[5].startTime']);
    expect(await count()).toBe(before);
    // Back to back, and the rows that do not overlap, go in.
    await upload([rows[0], rows[3]], 'commit', 200);
    expect(await count()).toBe(before + 2);
  });

  it('lets an advisor account import only its own entries', async () => {
    const rows = [row({ serviceDate: '2022-03-14' }), row({ serviceDate: '2022-03-14', advisorName: '黄嘉欣', startTime: '14:00', endTime: '15:00' })];
    const before = await count();
    const refused = await upload(rows, 'commit', 400);
    expect(refused.body.errors.map((e: { path: string }) => e.path)).toEqual(['rows[4].advisorName']);
    expect(JSON.stringify(refused.body.errors[0])).toContain('只能导入本人');
    expect(await count()).toBe(before);
  });

  it('lets staff import several advisors’ entries, two advisors at the same time included', async () => {
    const before = await count();
    const rows = [
      row({ serviceDate: '2022-03-09', startTime: '09:00', endTime: '10:00' }),
      row({ serviceDate: '2022-03-09', villageName: village.GH04, advisorName: '黄嘉欣', startTime: '09:00', endTime: '10:00' }),
    ];
    await upload(rows, 'commit', 200, writer);
    expect(await count()).toBe(before + 2);
    const refused = await upload([row({ serviceDate: '2022-03-09', villageName: village.GH04, advisorName: '黄嘉欣', startTime: '09:30', endTime: '10:30' })], 'commit', 400, writer);
    expect(refused.body.errors.map((e: { path: string }) => e.path)).toEqual(['rows[3].startTime']);
    expect(await count()).toBe(before + 2);
  });

  it('refuses, as a single entry would be, a day in the future and a village the advisor does not serve that day', async () => {
    const before = await count();
    const rows = [
      row({ serviceDate: '2022-03-16' }),
      row({ serviceDate: '2022-03-08', villageName: village.GH04 }),
      row({ serviceDate: '2022-03-08', villageName: village.GH04, advisorName: '黄嘉欣' }),
    ];
    const refused = await upload(rows, 'commit', 400, writer);
    expect(refused.body.errors.map((e: { path: string }) => e.path)).toEqual(['rows[3].serviceDate', 'rows[4].villageName']);
    expect(JSON.stringify(refused.body.errors)).toContain('不服务该村');
    expect(await count()).toBe(before);
  });

  it('checks a sheet of many rows with as many statements as a sheet of two', async () => {
    const rowsOf = (n: number) => Array.from({ length: n }, (_, i) => row({ serviceDate: `2022-03-0${1 + i}`, startTime: '16:00', endTime: '17:00' }));
    const statementsOf = async (rows: Row[]) => {
      const file = await sheetOf(rows);
      return statementsDuring(async () => {
        const preview = (await t.http.post('/api/advisor-services/import?mode=preview').set('Cookie', writer).attach('file', file, 'ledger.xlsx').expect(200)).body;
        expect(preview).toMatchObject({ rows: rows.length, creates: rows.length, errors: [] });
      });
    };
    const two = await statementsOf(rowsOf(2));
    const eight = await statementsOf(rowsOf(8));
    expect(eight).toHaveLength(two.length);
    // The advisors' assignments are read once for the whole sheet.
    expect(eight.filter((q) => /FROM advisor_assignment x WHERE x.advisor_id = ANY/.test(q))).toHaveLength(1);
  });

  /** A town-wide account of 广海镇 that logs for the advisors (not linked to one). */
  async function townWriter(): Promise<string> {
    const id = randomUUID();
    const gh = await idOf(t.ds, 'org_unit', 'GH');
    await t.ds.query(
      `INSERT INTO app_user (id, username, display_name, phone, org_unit_id, town_id, password_hash, password_changed_at, must_change_password, demo, status, created_at, updated_at, version)
       SELECT $1, 'advisorclerk', '顾问台账录入员', NULL, $2, $2, password_hash, now(), false, false, 'active', now(), now(), 1 FROM app_user WHERE username = 'advisor'`,
      [id, gh],
    );
    await t.ds.query(
      `INSERT INTO user_role (id, user_id, role_id, org_unit_id, town_id, scope, village_ids, created_at) SELECT $1, $2, role.id, $3, $3, 'town', '{}', now() FROM role WHERE code = 'legal_advisor'`,
      [randomUUID(), id, gh],
    );
    return t.login('advisorclerk');
  }
});
