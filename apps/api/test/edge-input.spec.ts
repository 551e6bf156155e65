import ExcelJS from 'exceljs';
import { isCalendarDateText, isInstantText, isYearMonthText } from '../src/common/dates';
import { inputProblems, MAX_INPUT_DEPTH } from '../src/common/input-guard';
import { createTestApp, idOf, TestApp } from './test-app';

const binary = (res: import('supertest').Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

/** The field paths of a 400 VALIDATION_FAILED answer. */
const pathsOf = (res: { status: number; body: { code?: string; errors?: { path: string }[] } }) => {
  expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
  return (res.body.errors ?? []).map((e) => e.path).sort();
};

describe('input refused at the edge', () => {
  let t: TestApp;
  let officer: string;
  let mediator: string;
  let village: string;
  const count = async (table: string) => (await t.ds.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
  /** Imports the exported vessel sheet with new rows appended (cells by header); answers the response and the rows' numbers. */
  const importRows = async (mode: 'preview' | 'commit', rows: Record<string, string>[]) => {
    const exported = await t.http.get('/api/vessel-cases/export.xlsx?registeredYear=2022').set('Cookie', officer).buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.body);
    const sheet = wb.worksheets[0];
    const headers = sheet.getRow(2).values as string[];
    const numbers = rows.map((cells) => {
      const row = sheet.addRow([]);
      for (const [header, text] of Object.entries({ 发现地点: '大湾码头', 线索来源: '巡查发现', 船体材质: '木质', ...cells })) row.getCell(headers.indexOf(header)).value = text;
      return row.number;
    });
    const res = await t.http
      .post(`/api/vessel-cases/import?mode=${mode}`)
      .set('Cookie', officer)
      .attach('file', Buffer.from(await wb.xlsx.writeBuffer()), 'ledger.xlsx');
    return { res, numbers };
  };

  beforeAll(async () => {
    t = await createTestApp();
    [officer, mediator] = await Promise.all([t.login('officer'), t.login('mediator')]);
    village = await idOf(t.ds, 'org_unit', 'GH02');
  });
  afterAll(() => t.close());

  describe('a NUL character, or nesting without end', () => {
    it('in the sign-in form answers 400 naming the field, not 500', async () => {
      const res = await t.http.post('/api/auth/login').send({ username: 'off\u0000icer', password: 'x' });
      expect(pathsOf(res)).toEqual(['username']);
      expect(res.body.errors[0]).toMatchObject({ code: 'noNul', message: expect.stringContaining('\\u0000') });
    });

    it('in a nested body field, a key, a query value and a path value, each named', async () => {
      const before = await count('dispute');
      const body = {
        occurredOn: '2021-06-10',
        source: 'screening',
        category: 'other',
        summary: '邻里纠纷',
        parties: [
          { role: 'applicant', name: '甲' },
          { role: 'respondent', name: '乙\u0000' },
        ],
      };
      expect(pathsOf(await t.http.post('/api/disputes').set('Cookie', mediator).send(body))).toEqual(['parties[1].name']);
      expect(
        pathsOf(
          await t.http
            .post('/api/disputes')
            .set('Cookie', mediator)
            .send({ ...body, parties: [], ['x\u0000y']: 1 }),
        ),
      ).toEqual(['x\\u0000y']);
      expect(await count('dispute')).toBe(before);
      expect(pathsOf(await t.http.get('/api/disputes?q=%E7%94%B2%00').set('Cookie', mediator))).toEqual(['q']);
      expect(pathsOf(await t.http.get('/api/vessel-cases?place=a%00').set('Cookie', officer))).toEqual(['place']);
      expect(pathsOf(await t.http.get('/api/vessel-cases/export.xlsx?place=%00').set('Cookie', officer))).toEqual(['place']);
      expect(pathsOf(await t.http.post('/api/vessel-cases/00000000-0000-0000-0000-00000000000%00/void').set('Cookie', officer).send({ version: 0, reason: 'x' }))).toEqual(['id']);
    });

    it('in a multipart field answers 400 naming the field and the NUL, and stores nothing', async () => {
      const created = await t.http
        .post('/api/vessel-cases')
        .set('Cookie', officer)
        .send({ villageId: village, discoveredAt: '2021-06-14T09:30:00+08:00', place: '南湾码头', source: 'patrol', hullMaterial: 'wood' })
        .expect(201);
      const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
      const res = await t.http
        .post(`/api/vessel-cases/${created.body.id}/attachments`)
        .set('Cookie', officer)
        .field('version', String(created.body.version))
        .field('stage', 'before\u0000')
        .attach('file', pdf, 'a.pdf');
      expect(pathsOf(res)).toEqual(['stage']);
      expect(res.body.errors[0].code).toBe('noNul');
      const versioned = await t.http
        .post(`/api/vessel-cases/${created.body.id}/attachments`)
        .set('Cookie', officer)
        .field('version', `${created.body.version}\u0000`)
        .field('stage', 'before')
        .attach('file', pdf, 'a.pdf');
      expect(pathsOf(versioned)).toEqual(['version']);
      expect(versioned.body.errors[0].code).toBe('noNul');
      expect((await t.ds.query(`SELECT count(*)::int AS n FROM attachment WHERE record_id = $1`, [created.body.id]))[0].n).toBe(0);
    });

    it('in a spreadsheet cell is a row and column error like the other cell errors', async () => {
      const before = await count('vessel_case');
      // The OOXML escape `_x0000_` is how a NUL reaches a cell; it reads back as U+0000.
      const {
        res,
        numbers: [row],
      } = await importRows('commit', [{ 发现时间: '2021-07-01 08:00', 发现地点: '大湾_x0000_码头' }]);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ path: `rows[${row}].place`, code: 'invalid', message: `第${row}行“发现地点”:含有空字符（\\u0000），请删除后重新填写` }]);
      expect(await count('vessel_case')).toBe(before);
    });

    it('is found anywhere in a value, and nesting past the limit is refused, without recursion', () => {
      const paths = (value: unknown, root?: string) => inputProblems(value, root).map((p) => `${p.path}:${p.code}`);
      let deep: unknown = 'x\u0000';
      for (let i = 0; i < 100_000; i++) deep = [deep];
      expect(paths({ a: deep })).toEqual([`a${'[0]'.repeat(MAX_INPUT_DEPTH - 1)}:tooDeep`]);
      expect(paths({ a: ['ok', { b: 'n\u0000' }], c: 'fine', ['d\u0000']: 1 })).toEqual(['a[1].b:noNul', 'd\\u0000:noNul']);
      expect(paths('\u0000', 'id')).toEqual(['id:noNul']);
      expect(paths({ a: 1, b: null, c: true, d: [[[]]] })).toEqual([]);
    });

    it('nesting 10,000 levels deep answers 400 naming the field, not 500', async () => {
      const depth = 10_000;
      const login = await t.http
        .post('/api/auth/login')
        .set('Content-Type', 'application/json')
        .send(`{"username":${'['.repeat(depth)}${']'.repeat(depth)},"password":"x"}`);
      expect(pathsOf(login)).toEqual([`username${'[0]'.repeat(MAX_INPUT_DEPTH - 1)}`]);
      expect(login.body.errors[0].code).toBe('tooDeep');
      const step = await t.http
        .post('/api/vessel-cases/00000000-0000-4000-8000-000000000000/transitions')
        .set('Cookie', officer)
        .set('Content-Type', 'application/json')
        .send(`{"to":"dismantled","version":1,"data":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`);
      expect(pathsOf(step)).toEqual([`data${'.a'.repeat(MAX_INPUT_DEPTH - 1)}`]);
    });
  });

  describe('an impossible calendar date', () => {
    it('in the list and export filters of both ledgers answers 400 naming the filter', async () => {
      for (const [path, cookie] of [
        ['/api/vessel-cases', officer],
        ['/api/vessel-cases/export.xlsx', officer],
        ['/api/disputes', mediator],
        ['/api/disputes/export.xlsx', mediator],
      ] as const) {
        expect(pathsOf(await t.http.get(`${path}?from=2021-02-30`).set('Cookie', cookie))).toEqual(['from']);
        expect(pathsOf(await t.http.get(`${path}?to=2021-02-29`).set('Cookie', cookie))).toEqual(['to']);
        expect(pathsOf(await t.http.get(`${path}?registeredMonth=2021-13`).set('Cookie', cookie))).toEqual(['registeredMonth']);
        await t.http.get(`${path}?from=2024-02-29&to=2024-03-01`).set('Cookie', cookie).expect(200);
      }
    });

    it('in a body answers 400 naming the field, and a leap day is taken', async () => {
      const before = await count('vessel_case');
      const vessel = { villageId: village, place: '南湾码头', source: 'patrol', hullMaterial: 'wood' };
      expect(
        pathsOf(
          await t.http
            .post('/api/vessel-cases')
            .set('Cookie', officer)
            .send({ ...vessel, discoveredAt: '2021-02-29T09:30:00+08:00' }),
        ),
      ).toEqual(['discoveredAt']);
      expect(
        pathsOf(
          await t.http
            .post('/api/vessel-cases')
            .set('Cookie', officer)
            .send({ ...vessel, discoveredAt: '2021-06-14T24:30:00+08:00' }),
        ),
      ).toEqual(['discoveredAt']);
      expect(
        pathsOf(
          await t.http
            .post('/api/vessel-cases')
            .set('Cookie', officer)
            .send({ ...vessel, discoveredAt: '2021-06-14T09:30:00+08:00', noticeStart: '2021-04-31' }),
        ),
      ).toEqual(['noticeStart']);
      expect(
        pathsOf(
          await t.http
            .post('/api/vessel-cases')
            .set('Cookie', officer)
            .send({ ...vessel, discoveredAt: '20210-06-14T09:30:00+08:00' }),
        ),
      ).toEqual(['discoveredAt']);
      expect(await count('vessel_case')).toBe(before);
      await t.http
        .post('/api/vessel-cases')
        .set('Cookie', officer)
        .send({ ...vessel, discoveredAt: '2024-02-29T09:30:00+08:00' })
        .expect(201);
      expect(pathsOf(await t.http.post('/api/disputes').set('Cookie', mediator).send({ occurredOn: '2023-02-29', source: 'screening', category: 'other', summary: 'x' }))).toEqual(['occurredOn']);
      expect(pathsOf(await t.http.get('/api/login-history?from=2021-02-30T00:00:00Z').set('Cookie', await t.login('security')))).toEqual(['from']);
    });

    it('in a spreadsheet cell is a row and column error, a datetime with an offset included', async () => {
      const { res, numbers: rows } = await importRows(
        'preview',
        ['2021-02-30T10:00:00+08:00', '2021-02-29 08:00', '1800-01-01 08:00'].map((when) => ({ 发现时间: when })),
      );
      expect(res.status).toBe(200);
      expect(res.body.errors).toEqual(rows.map((row) => expect.objectContaining({ row, field: 'discoveredAt' })));
    });

    it('is told from a real one by the shared checks', () => {
      expect(['2024-02-29', '2021-02-28', '1900-01-01', '2100-12-31'].every(isCalendarDateText)).toBe(true);
      expect(['2021-02-29', '2021-04-31', '2021-13-01', '2021-00-10', '1899-12-31', '2101-01-01', '2021-2-3', ' 2021-02-03', 20210203].some(isCalendarDateText)).toBe(false);
      expect(['2021-12', '1900-01'].every(isYearMonthText)).toBe(true);
      expect(['2021-13', '2021-00', '0000-01'].some(isYearMonthText)).toBe(false);
      expect(['2021-06-14T09:30:00+08:00', '2024-02-29T23:59:59.999Z', '2021-06-14', '2021-06-14T09:30'].every(isInstantText)).toBe(true);
      expect(['2021-02-29T09:30:00Z', '2021-06-14T24:00:00Z', '2021-06-14T09:60Z', '2021-06-14T09:30:00+15:00', '+020210-06-14T00:00:00Z', 'yesterday'].some(isInstantText)).toBe(false);
    });
  });

  describe('null for a field an edit may leave out but never empty', () => {
    it('answers 400 naming each field and changes nothing, in every ledger and register', async () => {
      const legal = await t.login('legal');
      const rowOf = async (table: string) => (await t.ds.query(`SELECT id, version FROM ${table} ORDER BY id LIMIT 1`))[0] as { id: string; version: number };
      const campaign = (await t.http.post('/api/campaigns').set('Cookie', officer).send({ date: '2021-06-15', place: '广海渔港' }).expect(201)).body;
      const [officerRow, dispute, vessel] = await Promise.all([rowOf('peace_officer'), rowOf('dispute'), rowOf('vessel_case')]);
      for (const [path, cookie, row, body] of [
        ['/api/peace-officers', legal, officerRow, { name: null, activeFrom: null }],
        ['/api/campaigns', officer, campaign, { date: null, place: null }],
        ['/api/disputes', mediator, dispute, { occurredOn: null, summary: null }],
        ['/api/vessel-cases', officer, vessel, { place: null, source: null, unclaimed: null }],
      ] as const) {
        const res = await t.http
          .patch(`${path}/${row.id}`)
          .set('Cookie', cookie)
          .send({ version: row.version, ...body });
        expect([...new Set(pathsOf(res))]).toEqual(Object.keys(body).sort());
        expect((await t.http.get(`${path}/${row.id}`).set('Cookie', cookie).expect(200)).body.version).toBe(row.version);
      }
    });

    it('takes a campaign’s agencies given as null as none, on a new campaign and on an edit', async () => {
      const created = (await t.http.post('/api/campaigns').set('Cookie', officer).send({ date: '2021-06-15', place: '广海渔港', agencies: null }).expect(201)).body;
      expect(created.agencies).toEqual([]);
      const withOne = (
        await t.http
          .patch(`/api/campaigns/${created.id}`)
          .set('Cookie', officer)
          .send({ version: 1, agencies: ['台山市农业农村局'] })
          .expect(200)
      ).body;
      expect(withOne.agencies).toEqual(['台山市农业农村局']);
      const edited = (await t.http.patch(`/api/campaigns/${created.id}`).set('Cookie', officer).send({ version: 2, agencies: null }).expect(200)).body;
      expect(edited).toMatchObject({ agencies: [], version: 3 });
    });
  });
});
