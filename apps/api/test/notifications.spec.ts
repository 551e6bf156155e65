import { createTestApp, TestApp } from './test-app';
import { disputeSteps, officerId } from './disputes-fixtures';

describe('dispute warnings and notifications', () => {
  let t: TestApp;
  let mediator: string;
  let leader: string;
  let leader2: string;
  let county: string;
  let s: ReturnType<typeof disputeSteps>;

  beforeAll(async () => {
    t = await createTestApp();
    [mediator, leader, leader2, county] = await Promise.all([t.login('mediator'), t.login('leader'), t.login('leader2'), t.login('county')]);
    s = disputeSteps(t);
  });
  afterAll(() => t.close());

  const inbox = async (cookie: string, q = '') => (await t.http.get(`/api/notifications${q}`).set('Cookie', cookie).expect(200)).body;

  it('raises a group-incident warning only with the reason and the police report (Art 25), and tells the town’s leaders at once', async () => {
    const v = await s.toMediating(mediator, [await officerId(t, '甄秀英')]);
    const bare = await t.http.post(`/api/disputes/${v.id}/risk`).set('Cookie', mediator).send({ version: v.version, level: 'group_incident', reason: '双方家族聚集' }).expect(400);
    expect(bare.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['policeInformedOn', 'policeUnit']);
    expect((await inbox(leader)).unread).toBe(0);

    const raised = await t.http
      .post(`/api/disputes/${v.id}/risk`)
      .set('Cookie', mediator)
      .send({ version: v.version, level: 'group_incident', reason: '双方家族二十余人聚集对峙', policeInformedOn: '2021-06-15', policeUnit: '广海派出所', measures: '民警到场稳控' })
      .expect(200);
    expect(raised.body).toMatchObject({
      riskLevel: 'group_incident',
      version: v.version + 1,
      warning: { reason: '双方家族二十余人聚集对峙', policeInformedOn: '2021-06-15', policeUnit: '广海派出所', resolvedAt: null },
    });

    const mine = await inbox(leader);
    expect(mine).toMatchObject({ unread: 1, total: 1 });
    expect(mine.items[0]).toMatchObject({ kind: 'dispute-warning', link: `/disputes/${v.id}`, readAt: null, townId: raised.body.townId });
    expect(mine.items[0].title).toContain(v.number);
    expect((await t.http.get('/api/notifications/unread-count').set('Cookie', leader).expect(200)).body).toEqual({ unread: 1 });
    expect((await inbox(county)).unread).toBe(1);
    expect(await inbox(leader2)).toMatchObject({ unread: 0, total: 0, items: [] });
    expect((await inbox(mediator)).total).toBe(0);

    const warnings = await t.http.get('/api/disputes/warnings').set('Cookie', leader).expect(200);
    expect(warnings.body.items.map((w: { id: string }) => w.id)).toEqual([v.id]);
    expect(warnings.body.items[0]).toMatchObject({ number: v.number, warning: { policeUnit: '广海派出所' } });
    expect((await t.http.get('/api/disputes/warnings').set('Cookie', leader2).expect(200)).body.total).toBe(0);

    await t.http.post(`/api/notifications/${mine.items[0].id}/read`).set('Cookie', leader2).expect(404);
    const read = await t.http.post(`/api/notifications/${mine.items[0].id}/read`).set('Cookie', leader).expect(200);
    expect(read.body.readAt).not.toBeNull();
    expect(await inbox(leader, '?unread=true')).toMatchObject({ unread: 0, total: 0 });
    expect((await inbox(county)).unread).toBe(1);
    expect((await t.http.post('/api/notifications/read-all').set('Cookie', county).expect(200)).body).toEqual({ updated: 1 });

    const lowered = await t.http.post(`/api/disputes/${v.id}/risk`).set('Cookie', mediator).send({ version: raised.body.version, level: 'elevated', reason: '经调解聚集人员已散去' }).expect(200);
    expect(lowered.body.warning).toMatchObject({ resolution: '经调解聚集人员已散去', resolvedAt: expect.any(String) });
    expect((await t.http.get('/api/disputes/warnings').set('Cookie', leader).expect(200)).body.total).toBe(0);
    const all = await t.http.get('/api/disputes/warnings?active=false&pageSize=100').set('Cookie', leader).expect(200);
    expect(all.body.items.map((w: { id: string }) => w.id)).toContain(v.id);
    const [audit] = await t.ds.query(`SELECT before, after FROM audit_log WHERE action = 'dispute.risk' AND entity_id = $1 ORDER BY id LIMIT 1`, [v.id]);
    expect(audit).toMatchObject({ before: { riskLevel: 'normal' }, after: { riskLevel: 'group_incident', policeUnit: '广海派出所' } });
  });
});

describe('notifications of someone scoped to villages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('reach the advisor, whose scope is three villages of the town, and can be marked read', async () => {
    const [{ id: advisorId, town_id: townId }] = await t.ds.query(`SELECT id, town_id FROM app_user WHERE username = 'advisor'`);
    const [{ id }] = await t.ds.query(
      `INSERT INTO notification (id, town_id, recipient_id, kind, title, created_at) VALUES (gen_random_uuid(), $1, $2, 'dispute-warning', '村内纠纷预警', now()) RETURNING id`,
      [townId, advisorId],
    );
    const advisor = await t.login('advisor');
    const inbox = (await t.http.get('/api/notifications').set('Cookie', advisor).expect(200)).body;
    expect(inbox).toMatchObject({ total: 1, unread: 1 });
    expect(inbox.items[0]).toMatchObject({ id, title: '村内纠纷预警', readAt: null });
    await t.http.post(`/api/notifications/${id}/read`).set('Cookie', advisor).expect(200);
    expect((await t.http.get('/api/notifications/unread-count').set('Cookie', advisor).expect(200)).body).toEqual({ unread: 0 });
    // Another town's notice addressed to the advisor stays out of reach.
    const [{ id: haiyan }] = await t.ds.query(`SELECT id FROM org_unit WHERE name = '海宴镇'`);
    await t.ds.query(`INSERT INTO notification (id, town_id, recipient_id, kind, title, created_at) VALUES (gen_random_uuid(), $1, $2, 'dispute-warning', '外镇通知', now())`, [haiyan, advisorId]);
    expect((await t.http.get('/api/notifications').set('Cookie', advisor).expect(200)).body.total).toBe(1);
  });
});
