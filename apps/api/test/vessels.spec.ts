import { parseRecordNumber } from '@fazhi/contracts';
import { demoEvidencePng } from '../src/database/seeds/demo-images';
import { createTestApp, idOf, TestApp } from './test-app';

const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(120, 0)]);

describe('three-no vessel ledger', () => {
  let t: TestApp;
  let officer: string;
  let officer2: string;
  let leader: string;
  let gh: string;
  let village: string;
  const photo = (seed: number) => demoEvidencePng(seed, 'after');

  beforeAll(async () => {
    t = await createTestApp();
    [officer, officer2, leader] = await Promise.all([t.login('officer'), t.login('officer2'), t.login('leader')]);
    gh = await idOf(t.ds, 'org_unit', 'GH');
    village = await idOf(t.ds, 'org_unit', 'GH02');
  });
  afterAll(() => t.close());

  const register = async (cookie = officer, extra: Record<string, unknown> = {}) => {
    const res = await t.http
      .post('/api/vessel-cases')
      .set('Cookie', cookie)
      .send({ villageId: cookie === officer ? village : undefined, discoveredAt: '2021-06-14T09:30:00+08:00', place: '南湾码头', source: 'patrol', hullMaterial: 'wood', lengthM: 7.5, ...extra });
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; number: string; version: number; status: string };
  };
  const step = (id: string, version: number, to: string, data?: Record<string, unknown>, cookie = officer) =>
    t.http.post(`/api/vessel-cases/${id}/transitions`).set('Cookie', cookie).send({ to, version, data });
  const upload = (path: string, version: number, file: Buffer, name: string, stage = 'after', cookie = officer) =>
    t.http.post(path).set('Cookie', cookie).field('version', String(version)).field('stage', stage).attach('file', file, name);

  it('registers a case with a town number, masks the owner and finds them by exact name, ID or phone', async () => {
    const v = await register(officer, { ownerName: '黄大海', ownerIdNumber: '11010519491231002X', ownerPhone: '13812345678' });
    expect(v.number).toMatch(/^广海三无〔2021〕第\d{4,}号$/);
    expect(v).toMatchObject({ status: 'registered', ownerName: '黄**', ownerIdNumber: '110105********002X', ownerPhone: '138****5678', villageName: '南湾村' });
    const [row] = await t.ds.query(`SELECT owner_name_enc, owner_id_enc FROM vessel_case WHERE id = $1`, [v.id]);
    expect(row.owner_name_enc).toMatch(/^v1:/);
    expect(row.owner_id_enc).not.toContain('11010519491231002X');
    for (const q of [{ ownerName: '黄大海' }, { ownerIdNumber: '11010519491231002x' }, { ownerPhone: '13812345678' }]) {
      const res = await t.http.post('/api/vessel-cases/search').set('Cookie', officer).send(q).expect(200);
      expect(res.body.items.map((i: { id: string }) => i.id)).toEqual([v.id]);
    }
    const partial = await t.http.post('/api/vessel-cases/search').set('Cookie', officer).send({ ownerName: '黄' }).expect(200);
    expect(partial.body.total).toBe(0);
    const unmasked = await t.http
      .post(`/api/vessel-cases/${v.id}/unmask`)
      .set('Cookie', officer)
      .send({ fields: ['ownerIdNumber'], reason: '电话联系船主' })
      .expect(200);
    expect(unmasked.body).toEqual({ ownerIdNumber: '11010519491231002X' });
    const [audit] = await t.ds.query(`SELECT action, detail FROM audit_log WHERE action = 'vessel-case.unmask' ORDER BY id DESC LIMIT 1`);
    expect(audit.detail).toEqual({ fields: ['ownerIdNumber'], reason: '电话联系船主' });
  });

  it('validates the ID number and phone field by field', async () => {
    const res = await t.http
      .post('/api/vessel-cases')
      .set('Cookie', officer)
      .send({ villageId: village, discoveredAt: '2021-06-14T09:30:00+08:00', place: '南湾码头', source: 'patrol', hullMaterial: 'wood', ownerIdNumber: '110105194912310021', ownerPhone: '12345' })
      .expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['ownerIdNumber', 'ownerPhone']);
  });

  it('gives 50 concurrent creates 50 distinct consecutive numbers', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () => register(officer2)));
    const seqs = results.map((r) => parseRecordNumber(r.number)!.seq).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(50);
    expect(seqs[49] - seqs[0]).toBe(49);
    expect(results[0].number).toMatch(/^海宴三无〔2021〕/);
  });

  it('answers a stale update with 409 and changes nothing', async () => {
    const v = await register();
    await t.http.patch(`/api/vessel-cases/${v.id}`).set('Cookie', officer).send({ version: v.version, place: '南湾码头东侧' }).expect(200);
    const stale = await t.http.patch(`/api/vessel-cases/${v.id}`).set('Cookie', officer).send({ version: v.version, place: '覆盖' }).expect(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    const now = await t.http.get(`/api/vessel-cases/${v.id}`).set('Cookie', officer).expect(200);
    expect(now.body).toMatchObject({ place: '南湾码头东侧', version: v.version + 1 });
  });

  it('gives officer2 a 404 on a Guanghai case, like a missing one', async () => {
    const v = await register();
    await t.http.get(`/api/vessel-cases/${v.id}`).set('Cookie', officer2).expect(404);
    await step(v.id, v.version, 'persuading', undefined, officer2).expect(404);
    await t.http.get(`/api/vessel-cases/${v.id}`).set('Cookie', leader).expect(200);
    const list = await t.http.get('/api/vessel-cases?pageSize=100').set('Cookie', officer2).expect(200);
    expect(list.body.items.every((i: { townName: string }) => i.townName === '海宴镇')).toBe(true);
  });

  it('refuses an illegal step naming the rule, and a dismantling without evidence', async () => {
    let v = await register();
    const illegal = await step(v.id, v.version, 'dismantled').expect(409);
    expect(illegal.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', rule: 'registered->dismantled' });
    v = (await step(v.id, v.version, 'persuading').expect(200)).body;
    const missing = await step(v.id, v.version, 'self_dismantled', { dismantledOn: '2021-06-15' }).expect(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ path: 'data.dismantlePlace', code: 'required' })]);
    const noEvidence = await step(v.id, v.version, 'self_dismantled', { dismantledOn: '2021-06-15', dismantlePlace: '南湾码头' }).expect(409);
    expect(noEvidence.body.code).toBe('EVIDENCE_REQUIRED');
    const again = await t.http.get(`/api/vessel-cases/${v.id}`).set('Cookie', officer).expect(200);
    expect(again.body).toMatchObject({ status: 'persuading', version: v.version, dismantledOn: null });

    const withPhoto = (await upload(`/api/vessel-cases/${v.id}/attachments`, v.version, photo(1), '拆解后.png').expect(201)).body;
    expect(withPhoto.attachments).toEqual([expect.objectContaining({ fileName: '拆解后.png', mime: 'image/png', stage: 'after', hasThumbnail: true })]);
    expect(withPhoto.version).toBe(v.version + 1);
    const done = await step(v.id, withPhoto.version, 'self_dismantled', { dismantledOn: '2021-06-15', dismantlePlace: '南湾码头', witnesses: '村干部' }).expect(200);
    expect(done.body).toMatchObject({ status: 'self_dismantled', disposal: 'self', dismantledOn: '2021-06-15' });
    expect(done.body.history.map((h: { to: string }) => h.to)).toEqual(['registered', 'persuading', 'self_dismantled']);
    const file = await t.http.get(`/api/vessel-cases/${v.id}/attachments/${withPhoto.attachments[0].id}`).set('Cookie', leader).expect(200);
    expect(file.headers['content-disposition']).toMatch(/^attachment;/);
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    await t.http.get(`/api/vessel-cases/${v.id}/attachments/${withPhoto.attachments[0].id}`).set('Cookie', officer2).expect(404);
  });

  it('refuses an executable renamed .jpg and keeps nothing', async () => {
    const v = await register();
    const before = await t.ds.query(`SELECT count(*)::int AS n FROM attachment`);
    const res = await upload(`/api/vessel-cases/${v.id}/attachments`, v.version, ELF, 'photo.jpg').expect(415);
    expect(res.body.code).toBe('UNSUPPORTED_FILE_TYPE');
    const after = await t.ds.query(`SELECT count(*)::int AS n FROM attachment`);
    expect(after[0].n).toBe(before[0].n);
    const again = await t.http.get(`/api/vessel-cases/${v.id}`).set('Cookie', officer).expect(200);
    expect(again.body.version).toBe(v.version);
  });

  it('requires the handler certificate to be valid on the dismantling date', async () => {
    let v = await register();
    v = (await step(v.id, v.version, 'persuading').expect(200)).body;
    v = (await upload(`/api/vessel-cases/${v.id}/attachments`, v.version, photo(2), 'a.png').expect(201)).body;
    const res = await step(v.id, v.version, 'self_dismantled', { dismantledOn: '2019-05-01', dismantlePlace: '南湾码头' }).expect(409);
    expect(res.body.code).toBe('CERTIFICATE_INVALID');
    expect(res.body.message).toContain('伍国华');
  });

  it('closes a campaign for all its vessels or for none, naming each blocker', async () => {
    const campaign = (
      await t.http
        .post('/api/campaigns')
        .set('Cookie', officer)
        .send({ date: '2021-06-15', place: '广海渔港避风塘', agencies: ['台山市农业农村局'] })
        .expect(201)
    ).body;
    expect(campaign.number).toMatch(/^广海销毁〔2021〕第\d{4}号$/);
    const a = (await step((await register()).id, 1, 'persuading').expect(200)).body;
    const b0 = await register(officer, { handlerIds: [] });
    const b = (await step(b0.id, b0.version, 'persuading').expect(200)).body;
    let c = (
      await t.http
        .post(`/api/campaigns/${campaign.id}/vessels`)
        .set('Cookie', officer)
        .send({ version: campaign.version, caseIds: [a.id, b.id] })
        .expect(200)
    ).body;
    expect(c.vesselCount).toBe(2);
    c = (await upload(`/api/campaigns/${campaign.id}/attachments`, c.version, demoEvidencePng(9, 'during'), '现场.png', 'during').expect(201)).body;
    const blocked = await t.http.post(`/api/campaigns/${campaign.id}/close`).set('Cookie', officer).send({ version: c.version }).expect(409);
    expect(blocked.body.code).toBe('CAMPAIGN_BLOCKED');
    expect(blocked.body.errors).toEqual([expect.objectContaining({ path: b.number, code: 'HANDLER_REQUIRED' })]);
    const states = await t.ds.query(`SELECT status, dismantled_on FROM vessel_case WHERE id = ANY($1::uuid[])`, [[a.id, b.id]]);
    expect(states).toEqual([
      { status: 'in_campaign', dismantled_on: null },
      { status: 'in_campaign', dismantled_on: null },
    ]);
    const still = (await t.http.get(`/api/campaigns/${campaign.id}`).set('Cookie', officer).expect(200)).body;
    expect(still).toMatchObject({ status: 'planned', version: c.version });

    const officerId = await idOf(t.ds, 'app_user', 'officer');
    const bNow = (await t.http.get(`/api/vessel-cases/${b.id}`).set('Cookie', officer).expect(200)).body;
    await t.http
      .patch(`/api/vessel-cases/${b.id}`)
      .set('Cookie', officer)
      .send({ version: bNow.version, handlerIds: [officerId] })
      .expect(200);
    const direct = await step(a.id, (await t.http.get(`/api/vessel-cases/${a.id}`).set('Cookie', officer)).body.version, 'dismantled').expect(409);
    expect(direct.body.code).toBe('USE_CAMPAIGN_CLOSE');
    const closed = await t.http.post(`/api/campaigns/${campaign.id}/close`).set('Cookie', officer).send({ version: c.version }).expect(200);
    expect(closed.body.status).toBe('closed');
    const done = await t.ds.query(`SELECT status, disposal, dismantled_on FROM vessel_case WHERE id = ANY($1::uuid[])`, [[a.id, b.id]]);
    expect(done).toEqual([
      { status: 'dismantled', disposal: 'campaign', dismantled_on: '2021-06-15' },
      { status: 'dismantled', disposal: 'campaign', dismantled_on: '2021-06-15' },
    ]);
  });

  it('voids before closure, and reopens a closed record with permission', async () => {
    const v = await register();
    const voided = await t.http.post(`/api/vessel-cases/${v.id}/void`).set('Cookie', officer).send({ version: v.version, reason: '重复登记' }).expect(200);
    expect(voided.body).toMatchObject({ voided: true, voidReason: '重复登记', number: v.number });
    await t.http.patch(`/api/vessel-cases/${v.id}`).set('Cookie', officer).send({ version: voided.body.version, place: 'x' }).expect(409);
    const [verified] = await t.ds.query(`SELECT id, version FROM vessel_case WHERE status = 'verified' AND town_id = $1 LIMIT 1`, [gh]);
    await t.http.post(`/api/vessel-cases/${verified.id}/void`).set('Cookie', officer).send({ version: verified.version, reason: 'x' }).expect(409);
    await t.http.post(`/api/vessel-cases/${verified.id}/reopen`).set('Cookie', officer).send({ version: verified.version, reason: '核验信息有误' }).expect(403);
    const reopened = await t.http.post(`/api/vessel-cases/${verified.id}/reopen`).set('Cookie', leader).send({ version: verified.version, reason: '核验信息有误' }).expect(200);
    expect(['dismantled', 'self_dismantled']).toContain(reopened.body.status);
  });

  it('records persuasion entries, each bumping the case version', async () => {
    const v = await register();
    const res = await t.http
      .post(`/api/vessel-cases/${v.id}/persuasions`)
      .set('Cookie', officer)
      .send({ version: v.version, date: '2021-06-15', staff: '伍国华', measure: 'education', result: '船主同意考虑' })
      .expect(201);
    expect(res.body.persuasions).toEqual([expect.objectContaining({ measure: 'education', staff: '伍国华' })]);
    expect(res.body.version).toBe(v.version + 1);
    await t.http
      .post(`/api/vessel-cases/${v.id}/persuasions`)
      .set('Cookie', officer)
      .send({ version: v.version, date: '2021-06-15', staff: '伍国华', measure: 'education', result: '重复' })
      .expect(409);
  });
});

describe('unclaimed-vessel notice on the deadline engine', () => {
  let t: TestApp;
  let officer: string;
  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.login('officer');
  });
  afterAll(() => t.close());

  it('runs 30 days from the notice, shows in my due list, and allows declaring unclaimed only after it', async () => {
    const village = await idOf(t.ds, 'org_unit', 'GH03');
    const created = await t.http
      .post('/api/vessel-cases')
      .set('Cookie', officer)
      .send({ villageId: village, discoveredAt: '2021-06-10T09:00:00+08:00', place: '灯湖河口', source: 'patrol', hullMaterial: 'fibreglass', unclaimed: true, noticeStart: '2021-06-12' })
      .expect(201);
    expect(created.body.noticeEnd).toBe('2021-07-12');
    let detail = (await t.http.get(`/api/vessel-cases/${created.body.id}`).set('Cookie', officer).expect(200)).body;
    expect(detail.deadline).toMatchObject({ kind: 'unclaimed-notice', dueDate: '2021-07-12', state: 'ok' });
    const early = await t.http.post(`/api/vessel-cases/${created.body.id}/transitions`).set('Cookie', officer).send({ to: 'unclaimed', version: detail.version }).expect(409);
    expect(early.body.code).toBe('NOTICE_PERIOD_RUNNING');
    t.clock.set('2021-07-11T02:00:00Z');
    const mine = (
      await t.http
        .get('/api/my/deadlines')
        .set('Cookie', await t.login('officer'))
        .expect(200)
    ).body;
    expect(mine.items).toEqual(expect.arrayContaining([expect.objectContaining({ recordId: created.body.id, state: 'warning' })]));
    t.clock.set('2021-07-13T02:00:00Z');
    const cookie = await t.login('officer');
    detail = (await t.http.post(`/api/vessel-cases/${created.body.id}/transitions`).set('Cookie', cookie).send({ to: 'unclaimed', version: detail.version }).expect(200)).body;
    expect(detail.status).toBe('unclaimed');
    expect(detail.deadline.state).toBe('done');
  });
});

describe('voiding ends the record deadlines', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('takes a voided unclaimed vessel off the my-deadlines list', async () => {
    const officer = await t.login('officer');
    const village = await idOf(t.ds, 'org_unit', 'GH04');
    const v = (
      await t.http
        .post('/api/vessel-cases')
        .set('Cookie', officer)
        .send({ villageId: village, discoveredAt: '2021-06-10T09:00:00+08:00', place: '海永围堤', source: 'report', hullMaterial: 'wood', unclaimed: true, noticeStart: '2021-06-01' })
        .expect(201)
    ).body;
    const listed = (await t.http.get('/api/my/deadlines?all=true').set('Cookie', officer).expect(200)).body.items.map((i: { recordId: string }) => i.recordId);
    expect(listed).toContain(v.id);
    await t.http.post(`/api/vessel-cases/${v.id}/void`).set('Cookie', officer).send({ version: v.version, reason: '误登记' }).expect(200);
    const after = (await t.http.get('/api/my/deadlines?all=true').set('Cookie', officer).expect(200)).body.items.map((i: { recordId: string }) => i.recordId);
    expect(after).not.toContain(v.id);
  });
});

describe('certificates', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lists the officers a certificate manager may issue to, and tracks validity and events', async () => {
    const legal = await t.login('legal');
    const officers = (await t.http.get('/api/certificates/officers').set('Cookie', legal).expect(200)).body;
    expect(officers).toEqual([expect.objectContaining({ displayName: '伍国华', orgUnitName: '广海镇' })]);
    await t.http
      .get('/api/certificates/officers')
      .set('Cookie', await t.login('officer'))
      .expect(403);
    const created = (
      await t.http.post('/api/certificates').set('Cookie', legal).send({ officerId: officers[0].id, number: '44078121999', issuedOn: '2021-01-01', expiresOn: '2021-07-01' }).expect(201)
    ).body;
    expect(created).toMatchObject({ status: 'valid', validity: 'due', events: [expect.objectContaining({ kind: 'apply' })] });
    const dup = await t.http.post('/api/certificates').set('Cookie', legal).send({ officerId: officers[0].id, number: '44078121999', issuedOn: '2021-01-01', expiresOn: '2022-01-01' }).expect(409);
    expect(dup.body.errors).toEqual([expect.objectContaining({ path: 'number', code: 'duplicate' })]);
    const renewed = (
      await t.http.post(`/api/certificates/${created.id}/events`).set('Cookie', legal).send({ version: created.version, kind: 'renew', date: '2021-06-20', expiresOn: '2027-06-30' }).expect(201)
    ).body;
    expect(renewed).toMatchObject({ expiresOn: '2027-06-30', validity: 'ok' });
    const cancelled = (await t.http.post(`/api/certificates/${created.id}/events`).set('Cookie', legal).send({ version: renewed.version, kind: 'cancel', date: '2021-06-21' }).expect(201)).body;
    expect(cancelled).toMatchObject({ status: 'cancelled', validity: 'inactive' });
    expect(cancelled.events.map((e: { kind: string }) => e.kind)).toEqual(['apply', 'renew', 'cancel']);
  });
});
