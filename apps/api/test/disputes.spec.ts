import { createTestApp, idOf, TestApp } from './test-app';
import { activeOfficer, disputeSteps, makeOfficer2Mediator, officerId, PARTIES } from './disputes-fixtures';

describe('dispute mediation ledger', () => {
  let t: TestApp;
  let mediator: string;
  let leader: string;
  let leader2: string;
  let officer2: string;
  let zhen: string;
  let haiyanOfficer: string;
  let s: ReturnType<typeof disputeSteps>;

  beforeAll(async () => {
    t = await createTestApp();
    await makeOfficer2Mediator(t);
    [mediator, leader, leader2, officer2] = await Promise.all([t.login('mediator'), t.login('leader'), t.login('leader2'), t.login('officer2')]);
    zhen = await officerId(t, '甄秀英');
    haiyanOfficer = await activeOfficer(t, 'HY');
    s = disputeSteps(t);
  });
  afterAll(() => t.close());

  it('registers a dispute with a town number, masks the parties and finds them by exact name, ID or phone', async () => {
    const d = await s.register(mediator, { villageId: await idOf(t.ds, 'org_unit', 'GH02') });
    expect(d.number).toMatch(/^广海调〔2021〕第\d{4,}号$/);
    expect(d).toMatchObject({ status: 'registered', villageName: '南湾村', riskLevel: 'normal', deadline: null });
    expect(d.parties).toEqual([
      expect.objectContaining({ role: 'applicant', name: '黄**', idNumber: '110105********002X', phone: '138****5678', address: '台山市广海镇****' }),
      expect.objectContaining({ role: 'respondent', name: '陈**', idNumber: null, phone: '139****1111' }),
    ]);
    const [row] = await t.ds.query(`SELECT name_enc, id_number_enc FROM dispute_party WHERE dispute_id = $1 ORDER BY sort_order LIMIT 1`, [d.id]);
    expect(row.name_enc).toMatch(/^v1:/);
    expect(row.id_number_enc).not.toContain('11010519491231002X');
    for (const q of [{ partyName: '黄大海' }, { partyIdNumber: '11010519491231002x' }, { partyPhone: '13812345678' }]) {
      const res = await t.http
        .post('/api/disputes/search')
        .set('Cookie', mediator)
        .send({ ...q, registeredYear: 2021 })
        .expect(200);
      expect(res.body.items.map((i: { id: string }) => i.id)).toContain(d.id);
      expect(res.body.items.every((i: { parties: { name: string }[] }) => i.parties.some((p) => p.name === '黄**'))).toBe(true);
    }
    expect((await t.http.post('/api/disputes/search').set('Cookie', mediator).send({ partyName: '黄' }).expect(200)).body.total).toBe(0);
    const unmasked = await t.http
      .post(`/api/disputes/${d.id}/unmask`)
      .set('Cookie', mediator)
      .send({ partyId: d.parties[0].id, fields: ['idNumber', 'address'], reason: '制作调解协议书' })
      .expect(200);
    expect(unmasked.body).toEqual({ parties: [{ id: d.parties[0].id, idNumber: '11010519491231002X', address: '台山市广海镇南湾村12号' }] });
    const [audit] = await t.ds.query(`SELECT detail FROM audit_log WHERE action = 'dispute.unmask' ORDER BY id DESC LIMIT 1`);
    expect(audit.detail).toMatchObject({ fields: ['idNumber', 'address'], reason: '制作调解协议书' });
  });

  it('validates the parties’ ID numbers and phones field by field', async () => {
    const res = await t.http
      .post('/api/disputes')
      .set('Cookie', mediator)
      .send({ occurredOn: '2021-06-10', source: 'screening', category: 'other', summary: 'x', parties: [{ role: 'applicant', name: '甲', idNumber: '110105194912310021', phone: '12345' }] })
      .expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['parties[0].idNumber', 'parties[0].phone']);
  });

  it('answers 404 to the second town (leader2, officer2 as its mediator), like a missing dispute', async () => {
    const d = await s.register(mediator);
    await t.http.get(`/api/disputes/${d.id}`).set('Cookie', leader2).expect(404);
    await t.http.get(`/api/disputes/${d.id}`).set('Cookie', officer2).expect(404);
    await s.step(officer2, d.id, d.version, 'accepted', { acceptedOn: '2021-06-01', mediatorIds: [haiyanOfficer] }).expect(404);
    await t.http.post(`/api/disputes/${d.id}/parties`).set('Cookie', officer2).send({ version: d.version, role: 'party', name: '某' }).expect(404);
    await t.http.get(`/api/disputes/${d.id}`).set('Cookie', leader).expect(200);
    const own = await s.register(officer2);
    expect(own.number).toMatch(/^海宴调〔2021〕/);
    const list = await t.http.get('/api/disputes?pageSize=100').set('Cookie', officer2).expect(200);
    expect(list.body.items.every((i: { townName: string }) => i.townName === '海宴镇')).toBe(true);
    const foreign = await s.step(officer2, own.id, own.version, 'accepted', { acceptedOn: '2021-06-01', mediatorIds: [zhen] }).expect(400);
    expect(foreign.body.errors).toEqual([expect.objectContaining({ path: 'mediatorIds[0]', code: 'not_found' })]);
    await s.ok(officer2, own.id, own.version, 'accepted', { acceptedOn: '2021-06-01', mediatorIds: [haiyanOfficer] });
  });

  it('answers a stale update with 409, and child writes carry and bump the version', async () => {
    const d = await s.register(mediator);
    await t.http.patch(`/api/disputes/${d.id}`).set('Cookie', mediator).send({ version: d.version, place: '南湾村委会' }).expect(200);
    const stale = await t.http.patch(`/api/disputes/${d.id}`).set('Cookie', mediator).send({ version: d.version, place: '覆盖' }).expect(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    const added = await t.http
      .post(`/api/disputes/${d.id}/parties`)
      .set('Cookie', mediator)
      .send({ version: d.version + 1, role: 'third_party', name: '李月娥' })
      .expect(201);
    expect(added.body).toMatchObject({ version: d.version + 2, place: '南湾村委会' });
    expect(added.body.parties).toHaveLength(3);
    await t.http
      .post(`/api/disputes/${d.id}/parties`)
      .set('Cookie', mediator)
      .send({ version: d.version + 1, role: 'third_party', name: '重复' })
      .expect(409);
    const removed = await t.http.delete(`/api/disputes/${d.id}/parties/${added.body.parties[2].id}?version=${added.body.version}`).set('Cookie', mediator).expect(200);
    expect(removed.body).toMatchObject({ version: d.version + 3 });
    expect(removed.body.parties).toHaveLength(2);
  });

  it('runs the whole workflow with guards, the status history and the mediation period', async () => {
    const d = await s.register(mediator);
    const alone = await s.register(mediator, { parties: [PARTIES[0]] });
    expect((await s.step(mediator, alone.id, alone.version, 'accepted', { acceptedOn: '2021-06-01', mediatorIds: [zhen] }).expect(409)).body.code).toBe('PARTIES_REQUIRED');
    expect((await s.step(mediator, d.id, d.version, 'agreed', {}).expect(409)).body).toMatchObject({ code: 'ILLEGAL_TRANSITION', rule: 'registered->agreed' });
    expect((await s.step(mediator, d.id, d.version, 'accepted', { acceptedOn: '2021-06-01' }).expect(400)).body.errors).toEqual([expect.objectContaining({ path: 'data.mediatorIds' })]);
    await s.step(leader, d.id, d.version, 'accepted', { acceptedOn: '2021-06-01', mediatorIds: [zhen] }).expect(403);

    let v = await s.ok(mediator, d.id, d.version, 'accepted', { acceptedOn: '2021-06-01', mediatorIds: [zhen] });
    expect(v).toMatchObject({ status: 'accepted', acceptedOn: '2021-06-01', mediatorNames: ['甄秀英'], deadline: { kind: 'mediation-period', dueDate: '2021-07-01', daysLeft: 16, state: 'ok' } });
    expect(v.deadlineDetail).toMatchObject({ unit: 'calendar', ruleDays: 30, startDate: '2021-06-01' });
    v = await s.ok(mediator, d.id, v.version, 'mediating');
    const early = await s
      .step(mediator, d.id, v.version, 'agreed', { agreementForm: 'written', agreedOn: '2021-06-15', terms: 'x', performanceManner: 'y', performanceDeadline: '2021-07-15' })
      .expect(409);
    expect(early.body.code).toBe('SESSION_REQUIRED');
    v = await s.session(mediator, d.id, v.version);
    expect(v.sessions).toEqual([expect.objectContaining({ date: '2021-06-15', place: '村委会调解室' })]);
    const backwards = await s
      .step(mediator, d.id, v.version, 'agreed', { agreementForm: 'written', agreedOn: '2021-06-15', terms: 'x', performanceManner: 'y', performanceDeadline: '2021-06-01' })
      .expect(409);
    expect(backwards.body.code).toBe('DATE_ORDER');
    v = await s.agree(mediator, d.id, v.version);
    expect(v).toMatchObject({ status: 'agreed', agreementForm: 'written', performanceStatus: 'pending', deadline: { state: 'done' } });
    await t.http.post(`/api/disputes/${d.id}/sessions`).set('Cookie', mediator).send({ version: v.version, date: '2021-06-15', place: 'x', attendees: 'x', record: 'x' }).expect(409);

    const late = await t.http.post(`/api/disputes/${d.id}/judicial-confirmation`).set('Cookie', mediator).send({ version: v.version, appliedOn: '2021-07-20', court: '台山市人民法院' }).expect(400);
    expect(late.body.errors.map((e: { code: string }) => e.code).sort()).toEqual(['future', 'period']);
    v = (await t.http.post(`/api/disputes/${d.id}/judicial-confirmation`).set('Cookie', mediator).send({ version: v.version, appliedOn: '2021-06-15', court: '台山市人民法院' }).expect(200)).body;
    expect(v.judicialConfirmation).toEqual({ appliedOn: '2021-06-15', court: '台山市人民法院', result: 'pending', decidedOn: null, caseNo: null });

    v = await s.ok(mediator, d.id, v.version, 'performing');
    expect((await s.step(mediator, d.id, v.version, 'followed_up', { performanceStatus: 'fulfilled' }).expect(409)).body.code).toBe('FOLLOW_UP_REQUIRED');
    v = (
      await t.http
        .post(`/api/disputes/${d.id}/follow-ups`)
        .set('Cookie', mediator)
        .send({ version: v.version, date: '2021-06-15', visitor: '甄秀英', performance: 'fulfilled', satisfaction: 'satisfied' })
        .expect(201)
    ).body;
    expect(v).toMatchObject({ followUpCount: 1, performanceStatus: 'fulfilled' });
    v = await s.ok(mediator, d.id, v.version, 'followed_up', { performanceStatus: 'fulfilled' });
    v = await s.ok(mediator, d.id, v.version, 'archived', { archivedOn: '2021-06-15' });
    expect(v).toMatchObject({ status: 'archived', archiveNo: d.number, transitions: [] });
    expect(v.history.map((h: { to: string }) => h.to)).toEqual(['registered', 'accepted', 'mediating', 'agreed', 'performing', 'followed_up', 'archived']);

    await t.http.patch(`/api/disputes/${d.id}`).set('Cookie', mediator).send({ version: v.version, place: 'x' }).expect(409);
    expect((await t.http.post(`/api/disputes/${d.id}/void`).set('Cookie', mediator).send({ version: v.version, reason: 'x' }).expect(409)).body.code).toBe('RECORD_CLOSED');
    await t.http.post(`/api/disputes/${d.id}/reopen`).set('Cookie', mediator).send({ version: v.version, reason: '补充回访记录' }).expect(403);
    const reopened = await t.http.post(`/api/disputes/${d.id}/reopen`).set('Cookie', leader).send({ version: v.version, reason: '补充回访记录' }).expect(200);
    expect(reopened.body).toMatchObject({ status: 'followed_up', archivedOn: null });
    const [audit] = await t.ds.query(`SELECT after FROM audit_log WHERE action = 'dispute.transition' AND entity_id = $1 ORDER BY id DESC LIMIT 1`, [d.id]);
    expect(audit.after).toMatchObject({ status: 'archived' });
  });

  it('puts a due mediation period in the mediator’s due list and on the dispute (working-day calendar)', async () => {
    const d = await s.register(mediator);
    // One month from 14 May 2021 ends on 14 June, the Dragon Boat holiday: due the next working day.
    const v = await s.ok(mediator, d.id, d.version, 'accepted', { acceptedOn: '2021-05-14', mediatorIds: [zhen] });
    expect(v.deadline).toEqual({ kind: 'mediation-period', dueDate: '2021-06-15', daysLeft: 0, state: 'warning', provisional: false });
    const mine = await t.http.get('/api/my/deadlines?pageSize=100').set('Cookie', mediator).expect(200);
    expect(mine.body.items).toContainEqual(expect.objectContaining({ ledger: 'dispute', recordId: d.id, dueDate: '2021-06-15', state: 'warning' }));
    let cookie = mediator;
    const ids = async (q: string) => (await t.http.get(`/api/disputes?${q}&pageSize=100`).set('Cookie', cookie).expect(200)).body.items.map((i: { id: string }) => i.id);
    expect(await ids('deadline=due')).toContain(d.id);
    expect(await ids('deadline=overdue')).not.toContain(d.id);
    t.clock.set('2021-06-16T02:00:00Z');
    try {
      cookie = await t.login('mediator');
      expect(await ids('deadline=overdue')).toContain(d.id);
      const got = await t.http.get(`/api/disputes/${d.id}`).set('Cookie', cookie).expect(200);
      expect(got.body.deadline).toMatchObject({ daysLeft: -1, state: 'overdue' });
      const approvers = await t.http.get(`/api/disputes/${d.id}/deadline/approvers`).set('Cookie', cookie).expect(200);
      const leaderId = await idOf(t.ds, 'app_user', 'leader');
      expect(approvers.body).toContainEqual({ id: leaderId, name: expect.any(String) });
      expect(approvers.body.map((a: { id: string }) => a.id)).not.toContain(await idOf(t.ds, 'app_user', 'leader2'));
      const notApprover = await t.http
        .post(`/api/disputes/${d.id}/deadline/extend`)
        .set('Cookie', cookie)
        .send({ version: got.body.version, days: 15, reason: '需等待当事人外出返乡', approvedBy: await idOf(t.ds, 'app_user', 'mediator') })
        .expect(400);
      expect(notApprover.body.errors).toEqual([expect.objectContaining({ path: 'approvedBy', code: 'approver' })]);
      const extended = await t.http
        .post(`/api/disputes/${d.id}/deadline/extend`)
        .set('Cookie', cookie)
        .send({ version: got.body.version, days: 15, reason: '需等待当事人外出返乡', approvedBy: leaderId })
        .expect(200);
      expect(extended.body.deadline).toMatchObject({ dueDate: '2021-06-29', state: 'ok' });
      expect(extended.body.deadlineDetail).toMatchObject({ extensionDays: 15, extensionReason: '需等待当事人外出返乡' });
    } finally {
      t.clock.set('2021-06-15T02:00:00Z');
    }
  });

  it('ends the mediation when a party refuses it (Art 17)', async () => {
    const other = await s.register(mediator);
    const d = await s.register(mediator);
    const v = await s.ok(mediator, d.id, d.version, 'accepted', { acceptedOn: '2021-06-01', mediatorIds: [zhen] });
    const wrong = await s.step(mediator, d.id, v.version, 'refused', { refusedOn: '2021-06-15', refusingPartyId: other.parties[1].id, refusalReason: '不同意调解' }).expect(409);
    expect(wrong.body.code).toBe('PARTY_NOT_FOUND');
    const refused = await s.ok(mediator, d.id, v.version, 'refused', { refusedOn: '2021-06-15', refusingPartyId: d.parties[1].id, refusalReason: '被申请人明确拒绝调解' });
    expect(refused).toMatchObject({ status: 'refused', refusingPartyId: d.parties[1].id, deadline: { state: 'done' } });
    expect(refused.transitions.map((x: { to: string }) => x.to)).toEqual(['archived']);
    expect((await s.step(mediator, d.id, refused.version, 'mediating').expect(409)).body.code).toBe('ILLEGAL_TRANSITION');
    const session = await t.http
      .post(`/api/disputes/${d.id}/sessions`)
      .set('Cookie', mediator)
      .send({ version: refused.version, date: '2021-06-15', place: 'x', attendees: 'x', record: 'x' })
      .expect(409);
    expect(session.body.code).toBe('DISPUTE_WRONG_STATE');
    await s.ok(mediator, d.id, refused.version, 'archived', { archivedOn: '2021-06-15' });
  });

  it('terminates a failed mediation with the route told to the parties, and never performs it', async () => {
    const v = await s.toMediating(mediator, [zhen]);
    const missing = await s.step(mediator, v.id, v.version, 'terminated', { terminatedOn: '2021-06-15', terminationReason: '分歧过大' }).expect(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ path: 'data.referralRoute', code: 'required' })]);
    const ended = await s.ok(mediator, v.id, v.version, 'terminated', {
      terminatedOn: '2021-06-15',
      terminationReason: '双方对赔偿金额分歧过大',
      referralRoute: 'litigation',
      referralNote: '已告知可向台山市人民法院起诉',
    });
    expect(ended).toMatchObject({ status: 'terminated', referralRoute: 'litigation', deadline: { state: 'done' } });
    const perform = await s.step(mediator, v.id, ended.version, 'performing').expect(409);
    expect(perform.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', rule: 'terminated->performing' });
    await s.step(mediator, v.id, ended.version, 'followed_up', { performanceStatus: 'fulfilled' }).expect(409);
    const visit = await t.http
      .post(`/api/disputes/${v.id}/follow-ups`)
      .set('Cookie', mediator)
      .send({ version: ended.version, date: '2021-06-15', visitor: '甄秀英', performance: 'fulfilled', satisfaction: 'satisfied' })
      .expect(409);
    expect(visit.body.code).toBe('DISPUTE_WRONG_STATE');
    expect((await t.http.get(`/api/disputes/${v.id}/agreement.docx`).set('Cookie', mediator).expect(409)).body.code).toBe('NO_WRITTEN_AGREEMENT');
  });

  it('voids before closure: the dispute keeps its number, shows void and leaves the due list', async () => {
    const d = await s.register(mediator);
    const v = await s.ok(mediator, d.id, d.version, 'accepted', { acceptedOn: '2021-05-14', mediatorIds: [zhen] });
    const voided = await t.http.post(`/api/disputes/${d.id}/void`).set('Cookie', mediator).send({ version: v.version, reason: '重复登记' }).expect(200);
    expect(voided.body).toMatchObject({ voided: true, voidReason: '重复登记', number: d.number, deadline: { state: 'done' } });
    await s.step(mediator, d.id, voided.body.version, 'mediating').expect(409);
    const mine = await t.http.get('/api/my/deadlines?pageSize=100').set('Cookie', mediator).expect(200);
    expect(mine.body.items.map((i: { recordId: string }) => i.recordId)).not.toContain(d.id);
    expect((await t.http.get(`/api/disputes?voided=true&q=${encodeURIComponent(d.number)}`).set('Cookie', mediator)).body.total).toBe(1);
  });

  it('records escalation beyond the town as a flag with date and level', async () => {
    const d = await s.register(mediator);
    const res = await t.http
      .post(`/api/disputes/${d.id}/escalation`)
      .set('Cookie', mediator)
      .send({ version: d.version, escalatedOn: '2021-06-14', level: 'county', kind: 'petition', note: '当事人到台山市信访局上访' })
      .expect(200);
    expect(res.body.escalation).toEqual({ escalatedOn: '2021-06-14', level: 'county', kind: 'petition', note: '当事人到台山市信访局上访' });
    const list = await t.http.get('/api/disputes?escalated=true&pageSize=100').set('Cookie', leader).expect(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(d.id);
  });

  it('keeps the mediation period as a town setting', async () => {
    const admin = await t.login('admin');
    const before = await t.http.get('/api/disputes/settings/mediation-period').set('Cookie', mediator).expect(200);
    expect(before.body).toMatchObject({ value: { amount: 1, unit: 'month' }, isDefault: true, version: 0 });
    await t.http.put('/api/disputes/settings/mediation-period').set('Cookie', mediator).send({ version: 0, amount: 15, unit: 'working' }).expect(403);
    const set = await t.http.put('/api/disputes/settings/mediation-period').set('Cookie', admin).send({ version: 0, amount: 15, unit: 'working' }).expect(200);
    expect(set.body).toMatchObject({ value: { amount: 15, unit: 'working' }, isDefault: false, version: 1 });
    try {
      const d = await s.register(mediator);
      const v = await s.ok(mediator, d.id, d.version, 'accepted', { acceptedOn: '2021-06-01', mediatorIds: [zhen] });
      expect(v.deadlineDetail).toMatchObject({ unit: 'working', ruleDays: 15, dueDate: '2021-06-23' });
    } finally {
      await t.ds.query(`DELETE FROM town_setting`);
    }
  });
});
