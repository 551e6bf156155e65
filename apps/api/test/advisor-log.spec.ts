import type { AdvisorMonthlyGrid, AdvisorServiceDetailDto, AdvisorServiceDto, RecordLinkDto } from '@fazhi/contracts';
import ExcelJS from 'exceljs';
import { serviceSpan } from '../src/advisors/advisor-hours';
import { TestClock } from '../src/common/clock';
import { binary } from './disputes-fixtures';
import { createTestApp, idOf, TestApp } from './test-app';

describe('advisor service log', () => {
  let t: TestApp;
  let advisor: string;
  let legal: string;
  let leader: string;
  let gh: string;
  let nanwan: string;
  let shequ: string;
  let haiyong: string;

  beforeAll(async () => {
    t = await createTestApp({ clock: new TestClock('2022-03-15T02:00:00Z') });
    [advisor, legal, leader] = await Promise.all([t.login('advisor'), t.login('legal'), t.login('leader')]);
    [gh, nanwan, shequ, haiyong] = await Promise.all([idOf(t.ds, 'org_unit', 'GH'), idOf(t.ds, 'org_unit', 'GH02'), idOf(t.ds, 'org_unit', 'GH01'), idOf(t.ds, 'org_unit', 'GH04')]);
  });
  afterAll(() => t.close());

  const entry = (o: Record<string, unknown> = {}) => ({
    villageId: nanwan,
    type: 'review',
    serviceDate: '2022-03-01',
    startTime: '09:00',
    endTime: '11:30',
    content: '审查村集体鱼塘发包合同',
    ...o,
  });
  const log = (o: Record<string, unknown> = {}, who = advisor) => t.http.post('/api/advisor-services').set('Cookie', who).send(entry(o));
  const grid = async (who = advisor) => (await t.http.get(`/api/advisor-checks?year=2022&townId=${gh}`).set('Cookie', who).expect(200)).body as AdvisorMonthlyGrid;
  const cell = (g: AdvisorMonthlyGrid, villageId: string, month: string) => g.villages.find((v) => v.villageId === villageId)!.months.find((m) => m.month === month)!;

  describe('the 8-hour maths', () => {
    it('takes start and end in the town’s zone, and an entry across midnight belongs to the day and month it started', async () => {
      const res = await log({ serviceDate: '2022-02-28', startTime: '22:30', endTime: '01:00', type: 'mediation', content: '参与调解夜间渔船纠纷' }).expect(201);
      const dto = res.body as AdvisorServiceDto;
      expect(dto).toMatchObject({ serviceDate: '2022-02-28', crossesMidnight: true, hours: 2.5, startedAt: '2022-02-28T14:30:00.000Z', endedAt: '2022-02-28T17:00:00.000Z' });
      const g = await grid();
      expect(cell(g, nanwan, '2022-02')).toMatchObject({ hours: 2.5, entries: 1, state: 'short' });
      expect(cell(g, nanwan, '2022-03')).toMatchObject({ hours: 0, entries: 0, state: 'none' });
      // The cell opens exactly its entries.
      const rows = (
        await t.http
          .get(`/api/advisor-services?${cell(g, nanwan, '2022-02').filter}`)
          .set('Cookie', advisor)
          .expect(200)
      ).body;
      expect(rows.items.map((r: AdvisorServiceDto) => r.id)).toEqual([dto.id]);
    });

    it('counts real elapsed time where the zone changes its offset', () => {
      // New York moved its clocks forward at 02:00 on 13 March 2022: 01:00–03:30 is 1.5 hours.
      expect(serviceSpan('2022-03-13', '01:00', '03:30', 'America/New_York')).toMatchObject({ minutes: 90, startedAt: new Date('2022-03-13T06:00:00Z') });
      expect(serviceSpan('2022-03-31', '23:00', '00:30', 'Asia/Shanghai')).toMatchObject({ minutes: 90, crossesMidnight: true, startedAt: new Date('2022-03-31T15:00:00Z') });
    });

    it('turns the month’s cell from short to met at 8 hours', async () => {
      await log({ serviceDate: '2022-03-01', startTime: '09:00', endTime: '12:00' }).expect(201);
      await log({ serviceDate: '2022-03-02', startTime: '14:00', endTime: '17:30', type: 'health_check', content: '为村委会开展法治体检' }).expect(201);
      expect(cell(await grid(), nanwan, '2022-03')).toMatchObject({ hours: 6.5, state: 'short', open: true });
      await log({ serviceDate: '2022-03-03', startTime: '09:00', endTime: '10:30', type: 'consultation', clientName: '黄水生', clientPhone: '13812345678', content: '咨询宅基地确权' }).expect(201);
      expect(cell(await grid(), nanwan, '2022-03')).toMatchObject({ hours: 8, entries: 3, state: 'met' });
    });

    it('refuses an overlap with the advisor’s own entries, in any of the advisor’s villages, and takes back-to-back entries', async () => {
      const clash = await log({ villageId: shequ, serviceDate: '2022-03-01', startTime: '11:00', endTime: '11:30' }).expect(409);
      expect(clash.body.code).toBe('ADVISOR_SERVICE_OVERLAP');
      expect(clash.body.errors[0].path).toBe('startTime');
      const count = async () => (await t.ds.query(`SELECT count(*)::int AS n FROM advisor_service WHERE service_date = '2022-03-01'`))[0].n;
      expect(await count()).toBe(1);
      await log({ villageId: shequ, serviceDate: '2022-03-01', startTime: '12:00', endTime: '12:30' }).expect(201);
      // Across midnight too: 2022-02-28 22:30–01:00 holds 00:30 on 1 March.
      expect((await log({ serviceDate: '2022-03-01', startTime: '00:30', endTime: '00:45' }).expect(409)).body.code).toBe('ADVISOR_SERVICE_OVERLAP');
    });

    it('frees the time of a void entry, and refuses to move an entry onto another', async () => {
      const a = (await log({ serviceDate: '2022-03-04', startTime: '09:00', endTime: '10:00' }).expect(201)).body as AdvisorServiceDto;
      const b = (await log({ serviceDate: '2022-03-04', startTime: '10:00', endTime: '11:00' }).expect(201)).body as AdvisorServiceDto;
      const moved = await t.http.patch(`/api/advisor-services/${b.id}`).set('Cookie', advisor).send({ version: b.version, startTime: '09:30' }).expect(409);
      expect(moved.body.code).toBe('ADVISOR_SERVICE_OVERLAP');
      await t.http.post(`/api/advisor-services/${a.id}/void`).set('Cookie', advisor).send({ version: a.version, reason: '重复登记' }).expect(200);
      const ok = await t.http.patch(`/api/advisor-services/${b.id}`).set('Cookie', advisor).send({ version: b.version, startTime: '09:00' }).expect(200);
      expect(ok.body.hours).toBe(2);
    });
  });

  describe('bad input', () => {
    it('answers 400 with a message per field and writes nothing', async () => {
      const before = (await t.ds.query(`SELECT count(*)::int AS n FROM advisor_service`))[0].n;
      const bad = await log({ startTime: '25:00', serviceDate: '2022-02-30', type: 'nap' }).expect(400);
      expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['serviceDate', 'startTime', 'type']);
      const noClient = await log({ type: 'consultation', serviceDate: '2022-03-07' }).expect(400);
      expect(noClient.body.errors).toEqual([expect.objectContaining({ path: 'clientName' })]);
      const phone = await log({ type: 'consultation', clientName: '李四', clientPhone: '12345', serviceDate: '2022-03-07' }).expect(400);
      expect(phone.body.errors).toEqual([expect.objectContaining({ path: 'clientPhone' })]);
      const future = await log({ serviceDate: '2022-03-16' }).expect(400);
      expect(future.body.errors).toEqual([expect.objectContaining({ path: 'serviceDate' })]);
      const long = await log({ startTime: '08:00', endTime: '07:59', serviceDate: '2022-03-07' }).expect(400);
      expect(long.body.errors).toEqual([expect.objectContaining({ path: 'endTime' })]);
      const publicity = await log({ type: 'publicity', serviceDate: '2022-03-07' }).expect(400);
      expect(publicity.body.errors).toEqual([expect.objectContaining({ path: 'attendees' })]);
      expect(publicity.body.message).toBeTruthy();
      expect((await t.ds.query(`SELECT count(*)::int AS n FROM advisor_service`))[0].n).toBe(before);
    });
  });

  describe('scope', () => {
    it('shows the advisor only their three villages, 404 on a fourth', async () => {
      const list = (await t.http.get('/api/advisor-services?year=2021&pageSize=100').set('Cookie', advisor).expect(200)).body;
      const villages = new Set(list.items.map((i: AdvisorServiceDto) => i.villageName));
      expect([...villages].sort()).toEqual(['南湾村', '广海社区', '灯湖村'].sort());
      const [other] = await t.ds.query(`SELECT id FROM advisor_service WHERE village_id = $1 LIMIT 1`, [haiyong]);
      await t.http.get(`/api/advisor-services/${other.id}`).set('Cookie', advisor).expect(404);
      await t.http.patch(`/api/advisor-services/${other.id}`).set('Cookie', advisor).send({ version: 1, content: 'x' }).expect(404);
      expect((await log({ villageId: haiyong, serviceDate: '2022-03-08' }).expect(400)).body.errors[0].path).toBe('villageId');
      expect((await grid()).villages.map((v) => v.villageName)).toEqual(['广海社区', '南湾村', '灯湖村']);
      expect((await t.http.get('/api/advisor-villages').set('Cookie', advisor).expect(200)).body).toHaveLength(3);
      await t.http.put(`/api/advisor-villages/${haiyong}`).set('Cookie', legal).send({ hasRoom: true, ruleOfLawLevel: 'province', version: 1 }).expect(200);
      await t.http.put(`/api/advisor-villages/${haiyong}`).set('Cookie', advisor).send({ hasRoom: true, ruleOfLawLevel: 'province', version: 2 }).expect(403);
    });

    it('shows the other town nothing of Guanghai', async () => {
      const officer2 = await t.login('officer2');
      await t.http.get('/api/advisor-services').set('Cookie', officer2).expect(403);
      const leader2 = await t.login('leader2');
      expect((await t.http.get('/api/advisor-services?year=2021').set('Cookie', leader2).expect(200)).body.total).toBe(0);
      await t.http.get(`/api/statistics/advisors?year=2021&townId=${gh}`).set('Cookie', leader2).expect(404);
      const advisors = (await t.http.get('/api/advisors').set('Cookie', leader2).expect(200)).body as { name: string; townId: string }[];
      expect(advisors.map((a) => a.name)).toEqual(['邝志诚']);
      expect(advisors.every((a) => a.townId !== gh)).toBe(true);
      const [entry2021] = await t.ds.query(`SELECT id FROM advisor_service LIMIT 1`);
      await t.http.get(`/api/advisor-services/${entry2021.id}`).set('Cookie', leader2).expect(404);
      await t.http.get(`/api/records/advisor-service/${entry2021.id}/links`).set('Cookie', leader2).expect(404);
    });

    it('masks the client for everyone and unmasks, audited, for a holder of personal.unmask', async () => {
      const [row] = await t.ds.query(`SELECT id FROM advisor_service WHERE client_name_enc IS NOT NULL AND village_id = $1 LIMIT 1`, [nanwan]);
      const seen = (await t.http.get(`/api/advisor-services/${row.id}`).set('Cookie', advisor).expect(200)).body as AdvisorServiceDetailDto;
      expect(seen.clientName).toMatch(/^.\*+$/);
      expect(seen.clientPhone).toMatch(/^\d{3}\*{4}\d{4}$/);
      await t.http
        .post(`/api/advisor-services/${row.id}/unmask`)
        .set('Cookie', advisor)
        .send({ fields: ['clientName'], reason: '核对' })
        .expect(403);
      const plain = (
        await t.http
          .post(`/api/advisor-services/${row.id}/unmask`)
          .set('Cookie', leader)
          .send({ fields: ['clientName', 'clientPhone'], reason: '核对服务记录' })
          .expect(200)
      ).body;
      expect(plain.clientName).not.toContain('*');
      expect(plain.clientPhone).toMatch(/^1\d{10}$/);
      const [audit] = await t.ds.query(`SELECT detail FROM audit_log WHERE action = 'advisor-service.unmask' AND entity_id = $1`, [row.id]);
      expect(audit.detail).toMatchObject({ fields: ['clientName', 'clientPhone'], reason: '核对服务记录' });
      // The search by a client's name is an exact match on the blind index, in a POST body only.
      await t.http
        .get(`/api/advisor-services?clientName=${encodeURIComponent(plain.clientName)}`)
        .set('Cookie', leader)
        .expect(400);
      const found = (await t.http.post('/api/advisor-services/search').set('Cookie', leader).send({ clientName: plain.clientName, clientPhone: plain.clientPhone }).expect(200)).body;
      expect(found.items.map((i: AdvisorServiceDto) => i.id)).toContain(row.id);
    });
  });

  describe('the monthly check', () => {
    it('signs off an ended month, which locks its entries until a logged reopen', async () => {
      const [feb] = (await t.http.get(`/api/advisor-services?villageId=${nanwan}&month=2022-02`).set('Cookie', advisor).expect(200)).body.items as AdvisorServiceDto[];
      await t.http.post('/api/advisor-checks/sign-off').set('Cookie', advisor).send({ villageId: nanwan, month: '2022-02', version: 0 }).expect(403);
      const early = await t.http.post('/api/advisor-checks/sign-off').set('Cookie', legal).send({ villageId: nanwan, month: '2022-03', version: 0 }).expect(409);
      expect(early.body.code).toBe('ADVISOR_MONTH_NOT_OVER');
      const check = (await t.http.post('/api/advisor-checks/sign-off').set('Cookie', legal).send({ villageId: nanwan, month: '2022-02', remark: '时长不足,已提醒', version: 0 }).expect(200)).body;
      expect(check).toMatchObject({ status: 'checked', remark: '时长不足,已提醒', checkedByName: '梁文静', version: 1 });
      await t.http.post('/api/advisor-checks/sign-off').set('Cookie', legal).send({ villageId: nanwan, month: '2022-02', version: 0 }).expect(409);
      expect(cell(await grid(), nanwan, '2022-02').check).toMatchObject({ status: 'checked' });

      const patched = await t.http.patch(`/api/advisor-services/${feb.id}`).set('Cookie', advisor).send({ version: feb.version, content: '改' }).expect(409);
      expect(patched.body.code).toBe('ADVISOR_MONTH_CHECKED');
      expect((await t.http.post(`/api/advisor-services/${feb.id}/void`).set('Cookie', advisor).send({ version: feb.version, reason: 'x' }).expect(409)).body.code).toBe('ADVISOR_MONTH_CHECKED');
      expect((await log({ serviceDate: '2022-02-25', startTime: '09:00', endTime: '10:00' }).expect(409)).body.code).toBe('ADVISOR_MONTH_CHECKED');
      const moveIn = (await log({ serviceDate: '2022-03-09', startTime: '09:00', endTime: '10:00' }).expect(201)).body as AdvisorServiceDto;
      expect((await t.http.patch(`/api/advisor-services/${moveIn.id}`).set('Cookie', advisor).send({ version: moveIn.version, serviceDate: '2022-02-24' }).expect(409)).body.code).toBe(
        'ADVISOR_MONTH_CHECKED',
      );
      expect((await t.http.get(`/api/advisor-services/${feb.id}`).set('Cookie', advisor).expect(200)).body.locked).toBe(true);

      await t.http.post('/api/advisor-checks/reopen').set('Cookie', legal).send({ villageId: nanwan, month: '2022-02', version: 1 }).expect(400);
      const reopened = (await t.http.post('/api/advisor-checks/reopen').set('Cookie', legal).send({ villageId: nanwan, month: '2022-02', reason: '补录漏登服务', version: 1 }).expect(200)).body;
      expect(reopened).toMatchObject({ status: 'reopened', reopenReason: '补录漏登服务', version: 2 });
      await t.http.patch(`/api/advisor-services/${feb.id}`).set('Cookie', advisor).send({ version: feb.version, content: '参与调解夜间渔船雇工纠纷' }).expect(200);
      const audits = await t.ds.query(`SELECT action, detail FROM audit_log WHERE action LIKE 'advisor-service.month.%' ORDER BY id`);
      expect(audits.map((a: { action: string }) => a.action)).toEqual(['advisor-service.month.sign-off', 'advisor-service.month.reopen']);
      expect(audits[1].detail).toMatchObject({ month: '2022-02', reason: '补录漏登服务' });
    });

    it('shows the seed’s 2021 months all met, none signed off before the first start’s month', async () => {
      const g = (await t.http.get(`/api/advisor-checks?year=2021&townId=${gh}`).set('Cookie', legal).expect(200)).body as AdvisorMonthlyGrid;
      expect(g.villages).toHaveLength(9);
      for (const v of g.villages) for (const m of v.months) expect([m.state, m.check]).toEqual(['met', null]);
    });
  });

  describe('the hand-over', () => {
    it('hands a consultation to mediation: a dispute created and linked both ways through the core', async () => {
      const c = (await log({ type: 'consultation', clientName: '陈金水', clientPhone: '13900001111', serviceDate: '2022-03-10', content: '咨询邻居建房遮挡采光' }).expect(201))
        .body as AdvisorServiceDto;
      const r = await t.http.post(`/api/advisor-services/${c.id}/handover`).set('Cookie', advisor).send({ kind: 'mediation', version: c.version, category: 'neighbour' }).expect(200);
      const detail = r.body as AdvisorServiceDetailDto;
      expect(detail.handover).toMatchObject({ kind: 'mediation', disputeNumber: expect.stringMatching(/^广海调〔2022〕第\d{4}号$/) });
      const disputeId = detail.handover!.disputeId!;
      const dispute = (await t.http.get(`/api/disputes/${disputeId}`).set('Cookie', leader).expect(200)).body;
      expect(dispute).toMatchObject({ status: 'registered', category: 'neighbour', summary: '咨询邻居建房遮挡采光', villageId: nanwan, occurredOn: '2022-03-10' });
      expect(dispute.parties).toEqual([expect.objectContaining({ role: 'applicant', name: '陈**' })]);
      const fromDispute = (await t.http.get(`/api/records/dispute/${disputeId}/links`).set('Cookie', leader).expect(200)).body as RecordLinkDto[];
      expect(fromDispute).toEqual([expect.objectContaining({ ledger: 'advisor-service', id: c.id, number: c.number, outgoing: false, relation: 'handover' })]);
      const fromEntry = (await t.http.get(`/api/records/advisor-service/${c.id}/links`).set('Cookie', leader).expect(200)).body as RecordLinkDto[];
      expect(fromEntry).toEqual([expect.objectContaining({ ledger: 'dispute', id: disputeId, outgoing: true })]);
      // The advisor reads no disputes: the link shows on the entry, the dispute's side stays closed.
      expect((await t.http.get(`/api/records/advisor-service/${c.id}/links`).set('Cookie', advisor).expect(200)).body).toEqual([]);
      await t.http.get(`/api/records/dispute/${disputeId}/links`).set('Cookie', advisor).expect(404);
      expect((await t.http.post(`/api/advisor-services/${c.id}/handover`).set('Cookie', advisor).send({ kind: 'legal_aid', version: detail.version, receivingBody: 'x' }).expect(409)).body.code).toBe(
        'ADVISOR_HANDOVER_DONE',
      );
    });

    it('refers a consultation to legal aid with its receiving body, and counts it', async () => {
      const c = (await log({ type: 'consultation', clientName: '伍桂芳', serviceDate: '2022-03-11', content: '咨询工伤赔偿,经济困难' }).expect(201)).body as AdvisorServiceDto;
      const missing = await t.http.post(`/api/advisor-services/${c.id}/handover`).set('Cookie', advisor).send({ kind: 'legal_aid', version: c.version }).expect(400);
      expect(missing.body.errors).toEqual([expect.objectContaining({ path: 'receivingBody' })]);
      const done = (await t.http.post(`/api/advisor-services/${c.id}/handover`).set('Cookie', advisor).send({ kind: 'legal_aid', version: c.version, receivingBody: '台山市法律援助处' }).expect(200))
        .body;
      expect(done.handover).toMatchObject({ kind: 'legal_aid', receivingBody: '台山市法律援助处', disputeId: null });
      const stats = (await t.http.get(`/api/statistics/advisors?year=2022&townId=${gh}`).set('Cookie', leader).expect(200)).body;
      const referred = (await t.http.get(`/api/advisor-services?${stats.filters.legalAidReferrals}`).set('Cookie', leader).expect(200)).body;
      expect(referred.items.map((i: AdvisorServiceDto) => i.id)).toContain(c.id);
      expect(stats.legalAidReferrals).toBe(referred.total);
      const review = (await log({ serviceDate: '2022-03-12', startTime: '08:00', endTime: '08:30' }).expect(201)).body;
      expect((await t.http.post(`/api/advisor-services/${review.id}/handover`).set('Cookie', advisor).send({ kind: 'mediation', version: 1 }).expect(409)).body.code).toBe(
        'ADVISOR_HANDOVER_NOT_ALLOWED',
      );
    });
  });

  describe('the 台账 in Excel', () => {
    it('exports the log with clients masked, and a round trip changes nothing', async () => {
      const denghu = await idOf(t.ds, 'org_unit', 'GH03');
      await log({
        villageId: denghu,
        type: 'consultation',
        clientName: '谭德明',
        clientPhone: '13711112222',
        serviceDate: '2022-03-14',
        startTime: '15:00',
        endTime: '16:00',
        content: '咨询借条效力',
      }).expect(201);
      await log({ villageId: denghu, type: 'publicity', attendees: 25, serviceDate: '2022-03-14', startTime: '09:00', endTime: '11:00', content: '民法典进农村专题讲座' }).expect(201);
      const nanwan = denghu;
      const exported = await t.http.get(`/api/advisor-services/export.xlsx?year=2022&villageId=${nanwan}&voided=false`).set('Cookie', advisor).buffer(true).parse(binary).expect(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(exported.body as ArrayBuffer);
      const sheet = wb.worksheets[0];
      const headers = sheet.getRow(2).values as string[];
      expect(headers).toEqual(expect.arrayContaining(['编号', '村(社区)', '法律顾问', '服务日期', '开始时间', '结束时间', '时长(小时)', '服务类型', '服务对象', '联系电话', '服务内容']));
      const total = (await t.http.get(`/api/advisor-services?year=2022&villageId=${nanwan}&voided=false`).set('Cookie', advisor).expect(200)).body.total;
      expect(sheet.rowCount - 2).toBe(total);
      const clients = (sheet.getColumn(headers.indexOf('服务对象')).values as unknown[]).slice(3).filter(Boolean) as string[];
      expect(clients.length).toBeGreaterThan(0);
      for (const name of clients) expect(name).toMatch(/^.\*+$/);
      const snapshot = () =>
        t.ds.query(`SELECT id, type, service_date, start_time, end_time, minutes, client_name_enc, content, result, version FROM advisor_service WHERE village_id = $1 ORDER BY id`, [nanwan]);
      const before = await snapshot();
      const preview = await t.http.post('/api/advisor-services/import?mode=preview').set('Cookie', advisor).attach('file', exported.body, 'ledger.xlsx');
      expect(preview.body.errors ?? preview.body).toEqual([]);
      expect(preview.body).toEqual({ rows: total, creates: 0, updates: total, errors: [] });
      await t.http.post('/api/advisor-services/import?mode=commit').set('Cookie', advisor).attach('file', exported.body, 'ledger.xlsx').expect(200);
      const after = await snapshot();
      expect(after.map((r: { version: number }) => ({ ...r, version: 0 }))).toEqual(before.map((r: { version: number }) => ({ ...r, version: 0 })));
    });

    it('exports the monthly grid', async () => {
      const res = await t.http.get(`/api/advisor-checks/export.xlsx?year=2021&townId=${gh}`).set('Cookie', legal).buffer(true).parse(binary).expect(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.body as ArrayBuffer);
      const sheet = wb.worksheets[0];
      expect(sheet.getCell('A1').value).toBe('广海镇2021年村(社区)法律顾问服务时长月度检查表');
      expect((sheet.getRow(2).values as string[]).slice(1)).toEqual(['村(社区)', '法律顾问', ...Array.from({ length: 12 }, (_, i) => `${i + 1}月`), '达标月数']);
      expect(sheet.rowCount).toBe(11);
      const g = (await t.http.get(`/api/advisor-checks?year=2021&townId=${gh}`).set('Cookie', legal).expect(200)).body as AdvisorMonthlyGrid;
      expect(sheet.getRow(3).getCell(3).value).toBe(g.villages[0].months[0].hours);
      expect(sheet.getRow(3).getCell(15).value).toBe(12);
    });
  });
});
