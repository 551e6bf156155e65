import ExcelJS from 'exceljs';
import { formatRecordNumber } from '@fazhi/contracts';
import { disputeSteps } from './disputes-fixtures';
import { createTestApp, idOf, TestApp } from './test-app';

/**
 * Record numbers and imports when something fails part-way: a failure inside the creating
 * transaction (forced by a trigger of this test's own database on a marked row) takes no number
 * and writes nothing, the year of a number is the town's, and a race on one version has one winner.
 */
describe('numbering and imports under failure', () => {
  let t: TestApp;
  let officer: string;
  let mediator: string;
  let town: string;

  beforeAll(async () => {
    t = await createTestApp();
    [officer, mediator] = await Promise.all([t.login('officer'), t.login('mediator')]);
    town = await idOf(t.ds, 'org_unit', 'GH');
    // Fails the insert of a row whose named column reads FAIL, after the number was taken
    // (DDL: as the superuser, since the API's role may not).
    await t.db.asSuperuser((c) =>
      c.query(`CREATE FUNCTION fail_marked_row() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF to_jsonb(NEW) ->> TG_ARGV[0] = 'FAIL' THEN RAISE EXCEPTION 'forced failure of a marked row'; END IF;
        RETURN NEW;
      END $$`),
    );
    await t.db.asSuperuser((c) => c.query(`CREATE TRIGGER fail_marked_vessel BEFORE INSERT ON vessel_case FOR EACH ROW EXECUTE FUNCTION fail_marked_row('place')`));
    await t.db.asSuperuser((c) => c.query(`CREATE TRIGGER fail_marked_dispute BEFORE INSERT ON dispute FOR EACH ROW EXECUTE FUNCTION fail_marked_row('summary')`));
  });
  afterAll(() => t.close());

  const vessel = (place: string) => t.http.post('/api/vessel-cases').set('Cookie', officer).send({ discoveredAt: '2021-06-14T09:30:00+08:00', place, source: 'patrol', hullMaterial: 'wood' });
  const dispute = (summary: string) => t.http.post('/api/disputes').set('Cookie', mediator).send({ occurredOn: '2021-06-10', source: 'screening', category: 'other', summary });
  const ledgers = [
    {
      name: 'vessel cases',
      table: 'vessel_case',
      label: '三无',
      create: vessel,
      importPath: '/api/vessel-cases/import',
      cookie: () => officer,
      headers: ['编号', '发现时间', '发现地点', '线索来源', '船体材质'],
      row: (marker: string, i: number) => [null, `2021-07-0${i} 08:00`, marker, '巡查发现', '木质'],
    },
    {
      name: 'disputes',
      table: 'dispute',
      label: '调',
      create: dispute,
      importPath: '/api/disputes/import',
      cookie: () => mediator,
      headers: ['编号', '发生日期', '纠纷来源', '纠纷类别', '纠纷简要情况'],
      row: (marker: string, i: number) => [null, `2021-07-0${i}`, '排查发现', '邻里纠纷', marker],
    },
  ] as const;
  const counts = async (table: string) =>
    (
      await t.ds.query(
        `SELECT (SELECT count(*)::int FROM ${table}) AS rows, (SELECT coalesce(max(last_seq), 0)::int FROM record_counter WHERE town_id = $1 AND ledger = $2 AND year = 2021) AS counter`,
        [town, table === 'vessel_case' ? 'vessel-case' : 'dispute'],
      )
    )[0] as { rows: number; counter: number };

  for (const l of ledgers) {
    it(`${l.name}: a create that fails inside its transaction takes no number and leaves no gap`, async () => {
      const before = await counts(l.table);
      const failed = await l.create('FAIL');
      expect(failed.status).toBe(500);
      expect(JSON.stringify(failed.body)).not.toMatch(/forced failure|QueryFailedError|plpgsql/);
      expect(await counts(l.table)).toEqual(before);
      const next = await l.create('南湾码头').expect(201);
      expect(next.body.number).toBe(formatRecordNumber('广海', l.label, 2021, before.counter + 1));
    });

    it(`${l.name}: an import that fails on row 5 leaves rows 1 to 4 unwritten and the counter where it was`, async () => {
      const wb = new ExcelJS.Workbook();
      const sheet = wb.addWorksheet('台账');
      sheet.addRow([...l.headers]);
      for (let i = 1; i <= 5; i++) sheet.addRow([...l.row(i === 5 ? 'FAIL' : `导入第${i}行`, i)]);
      const file = Buffer.from(await wb.xlsx.writeBuffer());
      const preview = await t.http.post(`${l.importPath}?mode=preview`).set('Cookie', l.cookie()).attach('file', file, 'ledger.xlsx').expect(200);
      expect(preview.body).toMatchObject({ rows: 5, creates: 5, errors: [] });
      const before = await counts(l.table);
      const commit = await t.http.post(`${l.importPath}?mode=commit`).set('Cookie', l.cookie()).attach('file', file, 'ledger.xlsx');
      expect(commit.status).toBe(500);
      expect(await counts(l.table)).toEqual(before);
      const column = l.table === 'vessel_case' ? 'place' : 'summary';
      expect(await t.ds.query(`SELECT id FROM ${l.table} WHERE ${column} LIKE '导入第%'`)).toEqual([]);
      const next = await l.create('南湾码头').expect(201);
      expect(next.body.number).toBe(formatRecordNumber('广海', l.label, 2021, before.counter + 1));
    });
  }

  it('numbers a record made at 2021-12-31 16:30 UTC (00:30 on 1 January in Guanghai) in 2022', async () => {
    const [{ n: year2021 }] = await t.ds.query(`SELECT count(*)::int AS n FROM vessel_case WHERE town_id = $1 AND year = 2021`, [town]);
    t.clock.set('2021-12-31T16:30:00Z');
    try {
      [officer, mediator] = await Promise.all([t.login('officer'), t.login('mediator')]);
      const v = await vessel('跨年码头').expect(201);
      expect(v.body.number).toMatch(/^广海三无〔2022〕第\d{4}号$/);
      const d = await dispute('跨年登记的纠纷').expect(201);
      expect(d.body.number).toMatch(/^广海调〔2022〕第\d{4}号$/);
      const [row] = await t.ds.query(`SELECT year FROM dispute WHERE id = $1`, [d.body.id]);
      expect(row.year).toBe(2022);
    } finally {
      t.clock.set('2021-06-15T02:00:00Z');
      [officer, mediator] = await Promise.all([t.login('officer'), t.login('mediator')]);
    }
    const [{ n: after2021 }] = await t.ds.query(`SELECT count(*)::int AS n FROM vessel_case WHERE town_id = $1 AND year = 2021`, [town]);
    expect(after2021).toBe(year2021);
  });

  it('two transitions racing on one version: one 200, one 409, one status-history row, one audited change', async () => {
    const created = await vessel('竞争码头').expect(201);
    const { id, version } = created.body as { id: string; version: number };
    const history = async () => (await t.ds.query(`SELECT count(*)::int AS n FROM status_history WHERE record_id = $1`, [id]))[0].n as number;
    const audited = async (outcome: string) => (await t.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND outcome = $2`, [id, outcome]))[0].n as number;
    const [h0, s0, c0] = [await history(), await audited('success'), await audited('conflict')];
    const answers = await Promise.all(
      [officer, await t.login('officer')].map((cookie) => t.http.post(`/api/vessel-cases/${id}/transitions`).set('Cookie', cookie).send({ to: 'persuading', version })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)!.body.code).toBe('STALE_VERSION');
    expect(await history()).toBe(h0 + 1);
    expect(await audited('success')).toBe(s0 + 1);
    expect(await audited('conflict')).toBe(c0 + 1);
    const [row] = await t.ds.query(`SELECT status, version FROM vessel_case WHERE id = $1`, [id]);
    expect(row).toEqual({ status: 'persuading', version: version + 1 });
  });

  it('two dispute transitions racing on one version: one 200, one 409, one status-history row', async () => {
    const d = await disputeSteps(t).register(mediator);
    const mediatorId = (await t.ds.query(`SELECT id FROM peace_officer WHERE town_id = $1 AND active_to IS NULL ORDER BY name LIMIT 1`, [town]))[0].id;
    const history = async () => (await t.ds.query(`SELECT count(*)::int AS n FROM status_history WHERE record_id = $1`, [d.id]))[0].n as number;
    const h0 = await history();
    const answers = await Promise.all(
      ['2021-06-01', '2021-06-02'].map((acceptedOn) =>
        t.http
          .post(`/api/disputes/${d.id}/transitions`)
          .set('Cookie', mediator)
          .send({ to: 'accepted', version: d.version, data: { acceptedOn, mediatorIds: [mediatorId] } }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(await history()).toBe(h0 + 1);
  });
});
