import ExcelJS from 'exceljs';
import { maskName, maskPhone } from '@fazhi/contracts';
import { DataSource } from 'typeorm';
import { routeTable } from '../src/access/route-table';
import { dataSourceOptions } from '../src/database/data-source';
import { entitiesOf } from '../src/database/entities';
import { migrationsOf } from '../src/database/migrations';
import { applyGrants } from '../src/database/roles';
import { LEDGERS } from '../src/ledgers';
import { binary, docxBodyText } from './disputes-fixtures';
import { FIXTURE_LEDGER } from './fixture-ledger/fixture.ledger';
import { createTestApp, idOf, TestApp } from './test-app';
import { TEST_APP } from './test-db';

/**
 * The ledger kit, seen from a ledger that only this test registers (test/fixture-ledger): its
 * descriptor alone gives it routes, scope, numbering, transitions, audit, export and figures.
 */
describe('a ledger registered from its descriptor', () => {
  const ledgers = [...LEDGERS, FIXTURE_LEDGER];
  let t: TestApp;
  let legal: string;
  let leader: string;
  let otherTown: string;
  let guanghai: string;

  beforeAll(async () => {
    t = await createTestApp({ ledgers });
    // The fixture's migration runs as the schema owner, as the server's start runs pending ones.
    const owner = new DataSource(dataSourceOptions(t.db.ownerUrl, { entities: entitiesOf(ledgers), migrations: migrationsOf(ledgers) }));
    await owner.initialize();
    try {
      expect((await owner.runMigrations()).map((m) => m.name)).toEqual(['FixtureEvents1799000000000', 'FixtureSpeakers1799000000001']);
      await applyGrants(owner, TEST_APP);
    } finally {
      await owner.destroy();
    }
    [legal, leader, otherTown] = await Promise.all([t.login('legal'), t.login('leader'), t.login('leader2')]);
    guanghai = await idOf(t.ds, 'org_unit', 'GH');
  });
  afterAll(() => t.close());

  const create = (title: string) => t.http.post('/api/fixture-events').set('Cookie', legal).send({ title, audience: 40 });
  const step = (id: string, version: number, to: string, data?: Record<string, unknown>) => t.http.post(`/api/fixture-events/${id}/transitions`).set('Cookie', legal).send({ to, version, data });
  const auditActions = async (id: string) =>
    (await t.ds.query(`SELECT action FROM audit_log WHERE entity = 'publicity-event' AND entity_id = $1 ORDER BY id`, [id])).map((r: { action: string }) => r.action);

  it('serves its routes with the permissions it declares, the statistics route included', () => {
    const mine = routeTable(t.app)
      .filter((r) => r.path.includes('fixture-events'))
      .map((r) => `${r.method} ${r.path} ${r.access}`);
    expect(mine).toEqual([
      'GET /api/fixture-events legal.read',
      'POST /api/fixture-events legal.write',
      'GET /api/fixture-events/:id legal.read',
      'PATCH /api/fixture-events/:id legal.write',
      'POST /api/fixture-events/:id/attachments legal.write',
      'DELETE /api/fixture-events/:id/attachments/:attachmentId legal.write',
      'GET /api/fixture-events/:id/attachments/:attachmentId legal.read',
      'POST /api/fixture-events/:id/guests legal.write',
      'DELETE /api/fixture-events/:id/guests/:guestId legal.write',
      'PATCH /api/fixture-events/:id/guests/:guestId legal.write',
      'POST /api/fixture-events/:id/reopen record.reopen',
      'POST /api/fixture-events/:id/transitions legal.write',
      'POST /api/fixture-events/:id/void legal.write',
      'GET /api/fixture-events/export.xlsx legal.read',
      'POST /api/fixture-events/export.xlsx legal.read',
      'POST /api/fixture-events/import legal.write',
      'DELETE /api/fixture-events/notice-template template.manage',
      'GET /api/fixture-events/notice-template legal.read',
      'POST /api/fixture-events/notice-template template.manage',
      'GET /api/fixture-events/notice-template.docx legal.read',
      'POST /api/fixture-events/search legal.read',
      'GET /api/statistics/fixture-events legal.read | dashboard.read',
    ]);
  });

  it('validates the bodies and queries its routes declare, field by field, and changes nothing', async () => {
    const bad = await t.http.post('/api/fixture-events').set('Cookie', legal).send({ title: '', audience: -1, colour: 'red' });
    expect([bad.status, bad.body.errors.map((e: { path: string }) => e.path).sort()]).toEqual([400, ['audience', 'colour', 'title']]);
    expect((await t.http.get('/api/fixture-events?colour=red').set('Cookie', legal)).status).toBe(400);
    expect((await t.http.get('/api/fixture-events').set('Cookie', legal).expect(200)).body.total).toBe(0);
  });

  it('numbers records per town and year with its label, gap-free, and audits and logs the registration', async () => {
    const first = await create('宪法宣传周进社区').expect(201);
    const second = await create('民法典讲座').expect(201);
    expect(first.body).toMatchObject({ status: 'registered', townId: guanghai, title: '宪法宣传周进社区', audience: 40, version: 1, voided: false });
    const [, prefix, seq] = /^(.+普法〔2021〕第)(\d{4})号$/.exec(first.body.number)!;
    expect(second.body.number).toBe(`${prefix}${String(Number(seq) + 1).padStart(4, '0')}号`);
    expect(await auditActions(first.body.id)).toEqual(['publicity-event.create']);
    const [history] = await t.ds.query(`SELECT from_status, to_status FROM status_history WHERE ledger = 'publicity-event' AND record_id = $1`, [first.body.id]);
    expect(history).toEqual({ from_status: null, to_status: 'registered' });
  });

  it('answers 404 for a record outside the caller’s scope and leaves it out of their list', async () => {
    const { body } = await create('普法宣传赶集日').expect(201);
    await t.http.get(`/api/fixture-events/${body.id}`).set('Cookie', leader).expect(200);
    await t.http.get(`/api/fixture-events/${body.id}`).set('Cookie', otherTown).expect(404);
    await t.http.patch(`/api/fixture-events/${body.id}`).set('Cookie', otherTown).send({ version: 1, title: 'x' }).expect(403);
    const theirs = await t.http.get('/api/fixture-events').set('Cookie', otherTown).expect(200);
    expect(theirs.body.items.map((e: { id: string }) => e.id)).not.toContain(body.id);
    const ours = await t.http
      .get(`/api/fixture-events?q=${encodeURIComponent('赶集')}`)
      .set('Cookie', leader)
      .expect(200);
    expect(ours.body.items.map((e: { id: string }) => e.id)).toEqual([body.id]);
  });

  it('runs its workflow with its guard, the version check, closure and reopen', async () => {
    const { body } = await create('法治文艺汇演').expect(201);
    const detail = await t.http.get(`/api/fixture-events/${body.id}`).set('Cookie', legal).expect(200);
    expect(detail.body.transitions.map((r: { to: string }) => r.to)).toEqual(['held']);
    expect((await step(body.id, 1, 'archived')).body.code).toBe('ILLEGAL_TRANSITION');
    expect((await step(body.id, 1, 'held')).status).toBe(400);
    const future = await step(body.id, 1, 'held', { heldOn: '2021-07-01' });
    expect([future.status, future.body.code]).toEqual([409, 'DATE_IN_FUTURE']);
    expect((await step(body.id, 2, 'held', { heldOn: '2021-06-12' })).status).toBe(409);
    const held = await step(body.id, 1, 'held', { heldOn: '2021-06-12' }).expect(200);
    expect(held.body).toMatchObject({ status: 'held', heldOn: '2021-06-12', version: 2 });
    const archived = await step(body.id, 2, 'archived').expect(200);
    const closed = await t.http.patch(`/api/fixture-events/${body.id}`).set('Cookie', legal).send({ version: archived.body.version, title: '改名' });
    expect([closed.status, closed.body.code]).toEqual([409, 'RECORD_CLOSED']);
    const reopened = await t.http.post(`/api/fixture-events/${body.id}/reopen`).set('Cookie', leader).send({ version: 3, reason: '补登受众人数' }).expect(200);
    expect(reopened.body).toMatchObject({ status: 'held', version: 4 });
    await t.http.patch(`/api/fixture-events/${body.id}`).set('Cookie', legal).send({ version: 4, audience: 120 }).expect(200);
    expect(await auditActions(body.id)).toEqual(['publicity-event.create', 'publicity-event.transition', 'publicity-event.transition', 'publicity-event.reopen', 'publicity-event.update']);
    const steps = await t.ds.query(`SELECT from_status, to_status FROM status_history WHERE ledger = 'publicity-event' AND record_id = $1 ORDER BY id`, [body.id]);
    expect(steps.map((s: { from_status: string | null; to_status: string }) => `${s.from_status}->${s.to_status}`)).toEqual([
      'null->registered',
      'registered->held',
      'held->archived',
      'archived->held',
    ]);
  });

  it('voids a record: it keeps its number, shows void and refuses changes', async () => {
    const { body } = await create('作废测试').expect(201);
    const voided = await t.http.post(`/api/fixture-events/${body.id}/void`).set('Cookie', legal).send({ version: 1, reason: '重复登记' }).expect(200);
    expect(voided.body).toMatchObject({ number: body.number, voided: true, voidReason: '重复登记' });
    expect((await step(body.id, 2, 'held', { heldOn: '2021-06-12' })).body.code).toBe('RECORD_VOID');
    expect(await auditActions(body.id)).toEqual(['publicity-event.create', 'publicity-event.void']);
  });

  it('exports its list as .xlsx in its layout, audited; the file opens back and imports back', async () => {
    const res = await t.http.get('/api/fixture-events/export.xlsx?voided=false').set('Cookie', legal).buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet.name).toBe('普法活动');
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const header = rows.findIndex((r) => r[0] === '编号');
    expect(rows[header]).toEqual(['编号', '活动名称', '举办日期', '受众人数']);
    const body = rows.slice(header + 1);
    expect(body.map((r) => r[1])).toEqual(['宪法宣传周进社区', '民法典讲座', '普法宣传赶集日', '法治文艺汇演']);
    const held = body[3];
    expect([(held[2] as Date).toISOString().slice(0, 10), held[3]]).toEqual(['2021-06-12', 120]);
    const [audit] = await t.ds.query(`SELECT detail FROM audit_log WHERE action = 'publicity-event.export' ORDER BY id DESC LIMIT 1`);
    expect(audit.detail).toMatchObject({ rows: 4, unmasked: false });

    // The same file, one row edited and one added, comes back in: an update and a numbered create.
    const edited = rows.findIndex((r) => r[1] === '民法典讲座') + 1;
    sheet.getRow(edited).getCell(4).value = 65;
    sheet.addRow(['', '新春普法游园', null, 300]);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const preview = await t.http.post('/api/fixture-events/import?mode=preview').set('Cookie', legal).attach('file', file, 'events.xlsx').expect(200);
    expect(preview.body).toEqual({ rows: 5, creates: 1, updates: 4, errors: [] });
    await t.http.post('/api/fixture-events/import?mode=commit').set('Cookie', legal).attach('file', file, 'events.xlsx').expect(200);
    const after = await t.http.get('/api/fixture-events?pageSize=10').set('Cookie', legal).expect(200);
    const byTitle = new Map(after.body.items.map((e: { title: string }) => [e.title, e]));
    expect(byTitle.get('民法典讲座')).toMatchObject({ audience: 65, version: 2 });
    expect(byTitle.get('新春普法游园')).toMatchObject({ number: expect.stringMatching(/普法〔2021〕第0006号$/), audience: 300, status: 'registered' });
    const imported = await t.ds.query(`SELECT action FROM audit_log WHERE action LIKE 'publicity-event.import.%' ORDER BY id`);
    expect(imported.map((r: { action: string }) => r.action).sort()).toEqual(['publicity-event.import.create', ...Array(4).fill('publicity-event.import.update')]);
  });

  it('answers its figures with their list filters, in the caller’s scope', async () => {
    const figures = await t.http.get('/api/statistics/fixture-events?year=2021').set('Cookie', leader).expect(200);
    expect(figures.body).toEqual({ year: 2021, registered: 5, held: 1, filters: { registered: 'voided=false&registeredYear=2021', held: 'voided=false&heldYear=2021' } });
    const listed = await t.http.get(`/api/fixture-events?${figures.body.filters.held}`).set('Cookie', leader).expect(200);
    expect(listed.body.total).toBe(1);
    const elsewhere = await t.http.get('/api/statistics/fixture-events?year=2021').set('Cookie', otherTown).expect(200);
    expect(elsewhere.body).toMatchObject({ registered: 0, held: 0 });
    await t.http.get(`/api/statistics/fixture-events?year=2021&townId=${guanghai}`).set('Cookie', otherTown).expect(404);
  });

  it('keeps a part of its records: added, changed and removed under the record’s lock and version, masked, audited, refused out of state', async () => {
    const { body } = await create('宪法宣传周').expect(201);
    const guests = (path = '') => `/api/fixture-events/${body.id}/guests${path}`;
    const version = async () => (await t.http.get(`/api/fixture-events/${body.id}`).set('Cookie', legal).expect(200)).body.version;
    const badPhone = await t.http.post(guests()).set('Cookie', legal).send({ version: 1, name: '张三', phone: '12345', topic: '民法典' });
    expect([badPhone.status, badPhone.body.errors.map((e: { path: string }) => e.path)]).toEqual([400, ['phone']]);
    const sameTopic = await t.http.post(guests()).set('Cookie', legal).send({ version: 1, name: '张三', topic: '宪法宣传周' });
    expect([sameTopic.status, sameTopic.body.errors.map((e: { path: string }) => e.path)]).toEqual([400, ['topic']]);
    expect(await version()).toBe(1);

    const first = await t.http.post(guests()).set('Cookie', legal).send({ version: 1, name: '张三', phone: '13800138000', topic: '民法典' }).expect(201);
    expect(first.body.version).toBe(2);
    expect(first.body.guests).toEqual([{ id: expect.any(String), name: maskName('张三'), phone: maskPhone('13800138000'), topic: '民法典', sortOrder: 0, createdAt: expect.any(String) }]);
    expect((await t.http.post(guests()).set('Cookie', legal).send({ version: 1, name: '李四', topic: '反诈' })).status).toBe(409);
    const second = await t.http.post(guests()).set('Cookie', legal).send({ version: 2, name: '李四', topic: '反诈' }).expect(201);
    expect(second.body.guests.map((s: { topic: string; sortOrder: number }) => [s.topic, s.sortOrder])).toEqual([
      ['民法典', 0],
      ['反诈', 1],
    ]);
    const [stored] = await t.ds.query(`SELECT name_enc, name_idx, phone_enc, phone_idx FROM fixture_event_guest WHERE id = $1`, [first.body.guests[0].id]);
    expect(stored.name_enc).not.toContain('张三');
    expect(stored.phone_enc).not.toContain('13800138000');
    expect([stored.name_idx, stored.phone_idx].every((v: string | null) => typeof v === 'string' && v.length > 0)).toBe(true);
    const [event] = await t.ds.query(`SELECT remark FROM fixture_event WHERE id = $1`, [body.id]);
    expect(event.remark).toBe('主讲:反诈');

    const id = first.body.guests[0].id;
    const changed = await t.http
      .patch(guests(`/${id}`))
      .set('Cookie', legal)
      .send({ version: 3, phone: null, topic: '宪法' })
      .expect(200);
    expect(changed.body.guests[0]).toMatchObject({ id, name: maskName('张三'), phone: null, topic: '宪法', sortOrder: 0 });
    const missing = await t.http.patch(guests('/00000000-0000-4000-8000-000000000000')).set('Cookie', legal).send({ version: 4, topic: '无' });
    expect([missing.status, missing.body.code]).toEqual([404, 'NOT_FOUND']);
    expect(await version()).toBe(4);
    const removed = await t.http
      .delete(guests(`/${id}?version=4`))
      .set('Cookie', legal)
      .expect(200);
    expect(removed.body.guests.map((s: { topic: string }) => s.topic)).toEqual(['反诈']);

    const held = await step(body.id, 5, 'held', { heldOn: '2021-06-12' }).expect(200);
    const late = await t.http.post(guests()).set('Cookie', legal).send({ version: held.body.version, name: '王五', topic: '禁毒' });
    expect([late.status, late.body.code]).toEqual([409, 'CONFLICT']);
    const lateRemoval = await t.http.delete(guests(`/${second.body.guests[1].id}?version=${held.body.version}`)).set('Cookie', legal);
    expect([lateRemoval.status, lateRemoval.body.code]).toEqual([409, 'CONFLICT']);

    const rows = await t.ds.query(`SELECT action, before, after FROM audit_log WHERE entity = 'publicity-event' AND entity_id = $1 AND action LIKE '%.guest.%' ORDER BY id`, [body.id]);
    expect(rows.map((r: { action: string }) => r.action)).toEqual(['publicity-event.guest.create', 'publicity-event.guest.create', 'publicity-event.guest.update', 'publicity-event.guest.remove']);
    expect(rows[0].after).toEqual({ id, name: maskName('张三'), phone: maskPhone('13800138000'), topic: '民法典' });
    expect(rows[2].before).toMatchObject({ phone: maskPhone('13800138000'), topic: '民法典' });
    expect(rows[2].after).toMatchObject({ phone: null, topic: '宪法' });
    expect(rows[3].before).toEqual({ id, topic: '宪法' });
    expect(JSON.stringify(rows)).not.toContain('13800138000');
  });

  it('serves its Word template from the kit: the built-in one, an upload checked for its placeholders, and back', async () => {
    const template = '/api/fixture-events/notice-template';
    const info = await t.http.get(template).set('Cookie', legal).expect(200);
    expect(info.body).toMatchObject({ source: 'builtin', version: 0, placeholders: ['活动名称'] });
    const builtin = await t.http.get(`${template}.docx`).set('Cookie', legal).buffer(true).parse(binary).expect(200);
    expect(await docxBodyText(builtin.body)).toContain('{{活动名称}}');
    const other = await t.http.get('/api/disputes/agreement-template.docx').set('Cookie', legal).buffer(true).parse(binary).expect(200);
    const lacking = await t.http.post(template).set('Cookie', legal).field('version', '0').attach('file', other.body, 'x.docx').expect(400);
    expect(lacking.body).toMatchObject({ code: 'TEMPLATE_PLACEHOLDERS_MISSING', missing: ['活动名称'] });
    await t.http.post(template).set('Cookie', leader).field('version', '0').attach('file', builtin.body, 'x.docx').expect(403);
    const uploaded = await t.http.post(template).set('Cookie', legal).field('version', '0').attach('file', builtin.body, '镇通知.docx').expect(200);
    expect(uploaded.body).toMatchObject({ source: 'uploaded', fileName: '镇通知.docx', version: 1 });
    expect((await t.http.get(template).set('Cookie', legal).expect(200)).body.source).toBe('uploaded');
    const reset = await t.http.delete(`${template}?version=1`).set('Cookie', legal).expect(200);
    expect(reset.body).toMatchObject({ source: 'builtin', version: 0 });
  });

  /** The register kit, seen from the fixture's speaker register (test/fixture-ledger/fixture-speaker.register.ts). */
  describe('a register on the register kit', () => {
    const PHONE = '13912345678';
    let advisor: string;
    let villages: string[];
    const speakers = () => t.http.get('/api/fixture-speakers').set('Cookie', legal);
    const add = (body: Record<string, unknown>) => t.http.post('/api/fixture-speakers').set('Cookie', legal).send(body);
    const audits = async (id: string) =>
      t.ds.query<{ action: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null; detail: Record<string, unknown> | null }[]>(
        `SELECT action, before, after, detail FROM audit_log WHERE entity = 'fixture-speaker' AND entity_id = $1 ORDER BY id`,
        [id],
      );

    beforeAll(async () => {
      advisor = await t.login('advisor');
      villages = await Promise.all(['GH01', 'GH02', 'GH04'].map((code) => idOf(t.ds, 'org_unit', code)));
    });

    it('serves the routes its options ask for, with the permissions it declares', () => {
      const mine = routeTable(t.app)
        .filter((r) => r.path.includes('fixture-speakers'))
        .map((r) => `${r.method} ${r.path} ${r.access}`);
      expect(mine).toEqual([
        'GET /api/fixture-speakers legal.read | advisor.read',
        'POST /api/fixture-speakers legal.write',
        'DELETE /api/fixture-speakers/:id legal.write',
        'GET /api/fixture-speakers/:id legal.read | advisor.read',
        'PATCH /api/fixture-speakers/:id legal.write',
        'POST /api/fixture-speakers/:id/unmask (legal.read | advisor.read) & personal.unmask',
        'GET /api/fixture-speakers/accounts legal.write',
        'POST /api/fixture-speakers/search legal.read | advisor.read',
      ]);
    });

    it('adds a row with its child rows, the phone encrypted at rest and masked in the answer and the audit row', async () => {
      const bad = await add({ name: '', phone: '12', villages: [{ villageId: 'x', from: '2021-02-30' }], colour: 'red' });
      expect([bad.status, bad.body.errors.map((e: { path: string }) => e.path).sort()]).toEqual([400, ['colour', 'name', 'villages[0].from', 'villages[0].villageId']]);
      const badPhone = await add({ name: '陈律师', phone: '12' });
      expect([badPhone.status, badPhone.body.errors.map((e: { path: string; message: { zh: string; en: string } }) => e.path)]).toEqual([400, ['phone']]);
      expect((await speakers().expect(200)).body.total).toBe(0);

      const created = await add({
        name: '陈律师',
        firm: '广海律师事务所',
        phone: PHONE,
        villageId: villages[0],
        villages: [
          { villageId: villages[1], from: '2021-03-01' },
          { villageId: villages[0], from: '2021-01-01', to: '2021-12-31' },
        ],
      }).expect(201);
      expect(created.body).toMatchObject({ name: '陈律师', firm: '广海律师事务所', villageId: villages[0], version: 1 });
      expect(created.body.phone).not.toBe(PHONE);
      expect(created.body.phone).toMatch(/\*/);
      expect(created.body.villages).toEqual([
        { villageId: villages[0], from: '2021-01-01', to: '2021-12-31' },
        { villageId: villages[1], from: '2021-03-01', to: null },
      ]);
      const [stored] = await t.ds.query(`SELECT phone_enc, phone_idx FROM fixture_speaker WHERE id = $1`, [created.body.id]);
      expect(stored.phone_enc).not.toContain(PHONE);
      expect(stored.phone_idx).toMatch(/^[0-9a-f]{64}$/);
      const [audit] = await audits(created.body.id);
      expect(audit).toMatchObject({ action: 'fixture-speaker.create', after: { name: '陈律师', phone: created.body.phone } });
      expect(JSON.stringify(audit)).not.toContain(PHONE);
    });

    it('finds rows by phone only through the blind index, in a body, and by a child row', async () => {
      const [row] = (await speakers().expect(200)).body.items;
      expect((await t.http.get(`/api/fixture-speakers?phone=${PHONE}`).set('Cookie', legal)).status).toBe(400);
      const found = await t.http.post('/api/fixture-speakers/search').set('Cookie', legal).send({ phone: '139 1234 5678' }).expect(200);
      expect(found.body.items.map((s: { id: string }) => s.id)).toEqual([row.id]);
      expect((await t.http.post('/api/fixture-speakers/search').set('Cookie', legal).send({ phone: '13900000000' }).expect(200)).body.total).toBe(0);
      expect((await t.http.get(`/api/fixture-speakers?servesVillage=${villages[1]}`).set('Cookie', legal).expect(200)).body.total).toBe(1);
      expect((await t.http.get(`/api/fixture-speakers?servesVillage=${villages[2]}`).set('Cookie', legal).expect(200)).body.total).toBe(0);
    });

    it('keeps rows in the scope of their town and village: 404 outside it', async () => {
      const [row] = (await speakers().expect(200)).body.items;
      const elsewhere = await add({ name: '黄律师', villageId: villages[2] }).expect(201);
      // The advisor serves gh-shequ (GH01), gh-nanwan and gh-denghu: the row of GH04 is outside.
      expect((await t.http.get('/api/fixture-speakers').set('Cookie', advisor).expect(200)).body.items.map((s: { id: string }) => s.id)).toEqual([row.id]);
      await t.http.get(`/api/fixture-speakers/${row.id}`).set('Cookie', advisor).expect(200);
      await t.http.get(`/api/fixture-speakers/${elsewhere.body.id}`).set('Cookie', advisor).expect(404);
      await t.http.get(`/api/fixture-speakers/${row.id}`).set('Cookie', otherTown).expect(404);
      expect((await t.http.get('/api/fixture-speakers').set('Cookie', otherTown).expect(200)).body.total).toBe(0);
    });

    it('edits a row against its version (409 when stale, nothing changed), replacing its child rows, audited before and after', async () => {
      const [row] = (
        await t.http
          .get(`/api/fixture-speakers?q=${encodeURIComponent('陈')}`)
          .set('Cookie', legal)
          .expect(200)
      ).body.items;
      const edited = await t.http
        .patch(`/api/fixture-speakers/${row.id}`)
        .set('Cookie', legal)
        .send({ version: 1, firm: '台山律师事务所', villages: [{ villageId: villages[2], from: '2021-05-01' }] })
        .expect(200);
      expect(edited.body).toMatchObject({ firm: '台山律师事务所', name: '陈律师', phone: row.phone, version: 2, villages: [{ villageId: villages[2], from: '2021-05-01', to: null }] });
      const stale = await t.http.patch(`/api/fixture-speakers/${row.id}`).set('Cookie', legal).send({ version: 1, firm: '旧所', villages: [] });
      expect([stale.status, stale.body.code]).toEqual([409, 'STALE_VERSION']);
      expect((await t.http.get(`/api/fixture-speakers/${row.id}`).set('Cookie', legal).expect(200)).body).toEqual(edited.body);
      const update = (await audits(row.id)).find((a) => a.action === 'fixture-speaker.update')!;
      expect([update.before!.firm, update.after!.firm, (update.after!.villages as unknown[]).length]).toEqual(['广海律师事务所', '台山律师事务所', 1]);
    });

    it('links an active account of the town only', async () => {
      const [row] = (
        await t.http
          .get(`/api/fixture-speakers?q=${encodeURIComponent('陈')}`)
          .set('Cookie', legal)
          .expect(200)
      ).body.items;
      const accounts = await t.http.get('/api/fixture-speakers/accounts').set('Cookie', legal).expect(200);
      const [mediator] = accounts.body as { id: string; name: string }[];
      expect(mediator).toBeDefined();
      const foreign = await idOf(t.ds, 'app_user', 'officer2');
      const refused = await t.http.patch(`/api/fixture-speakers/${row.id}`).set('Cookie', legal).send({ version: 2, userId: foreign });
      expect([refused.status, refused.body.errors[0].path]).toEqual([400, 'userId']);
      const linked = await t.http.patch(`/api/fixture-speakers/${row.id}`).set('Cookie', legal).send({ version: 2, userId: mediator.id }).expect(200);
      expect(linked.body).toMatchObject({ userId: mediator.id, version: 3 });
    });

    it('shows the personal fields in full only with personal.unmask, audited with the reason', async () => {
      const [row] = (
        await t.http
          .get(`/api/fixture-speakers?q=${encodeURIComponent('陈')}`)
          .set('Cookie', legal)
          .expect(200)
      ).body.items;
      await t.http
        .post(`/api/fixture-speakers/${row.id}/unmask`)
        .set('Cookie', legal)
        .send({ fields: ['phone'], reason: '联系讲师' })
        .expect(403);
      const shown = await t.http
        .post(`/api/fixture-speakers/${row.id}/unmask`)
        .set('Cookie', leader)
        .send({ fields: ['phone'], reason: '联系讲师' })
        .expect(200);
      expect(shown.body).toEqual({ phone: PHONE });
      const unmask = (await audits(row.id)).find((a) => a.action === 'fixture-speaker.unmask')!;
      expect(unmask.detail).toEqual({ fields: ['phone'], reason: '联系讲师' });
    });

    it('removes a row against its version, with its child rows, audited', async () => {
      const [row] = (
        await t.http
          .get(`/api/fixture-speakers?q=${encodeURIComponent('陈')}`)
          .set('Cookie', legal)
          .expect(200)
      ).body.items;
      expect((await t.http.delete(`/api/fixture-speakers/${row.id}?version=1`).set('Cookie', legal)).status).toBe(409);
      await t.http.delete(`/api/fixture-speakers/${row.id}?version=${row.version}`).set('Cookie', otherTown).expect(403);
      await t.http.delete(`/api/fixture-speakers/${row.id}?version=${row.version}`).set('Cookie', legal).expect(204);
      await t.http.get(`/api/fixture-speakers/${row.id}`).set('Cookie', legal).expect(404);
      expect(await t.ds.query(`SELECT id FROM fixture_speaker_village WHERE speaker_id = $1`, [row.id])).toEqual([]);
      expect((await audits(row.id)).map((a) => a.action)).toEqual(['fixture-speaker.create', 'fixture-speaker.update', 'fixture-speaker.update', 'fixture-speaker.unmask', 'fixture-speaker.delete']);
    });
  });
});
