import { createTestApp, idOf, TestApp } from './test-app';

describe('peace officer register (平安员)', () => {
  let t: TestApp;
  let legal: string;
  let mediator: string;
  let leader2: string;

  beforeAll(async () => {
    t = await createTestApp();
    [legal, mediator, leader2] = await Promise.all([t.login('legal'), t.login('mediator'), t.login('leader2')]);
  });
  afterAll(() => t.close());

  it('lists the 56 officers active in Guanghai in 2021, with phones masked', async () => {
    const gh = await idOf(t.ds, 'org_unit', 'GH');
    const res = await t.http.get(`/api/peace-officers?activeInYear=2021&townId=${gh}&pageSize=100`).set('Cookie', mediator).expect(200);
    // The seed's officers, and any another test of this file added (through the API, so audited) before this one ran.
    const added = async (activeIn2021: boolean): Promise<number> =>
      (
        await t.ds.query(
          `SELECT count(*)::int AS n FROM peace_officer p WHERE p.town_id = $1
            AND p.id::text IN (SELECT entity_id FROM audit_log WHERE action = 'peace-officer.create' AND outcome = 'success')
            AND (NOT $2 OR (p.active_from <= '2021-12-31' AND (p.active_to IS NULL OR p.active_to >= '2021-01-01')))`,
          [gh, activeIn2021],
        )
      )[0].n;
    expect(res.body.total).toBe(56 + (await added(true)));
    expect(new Set(res.body.items.map((o: { villageId: string | null }) => o.villageId).filter(Boolean)).size).toBe(9);
    for (const o of res.body.items) expect(o.phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect(res.body.items).toContainEqual(expect.objectContaining({ name: '甄秀英', villageName: '广海社区', userName: '甄秀英' }));
    const all = await t.http.get(`/api/peace-officers?townId=${gh}&pageSize=100`).set('Cookie', mediator).expect(200);
    expect(all.body.total).toBe(59 + (await added(false)));
  });

  it('counts an officer as active in a year when the active period overlaps it', async () => {
    const village = await idOf(t.ds, 'org_unit', 'GH05');
    const created = await t.http
      .post('/api/peace-officers')
      .set('Cookie', legal)
      .send({ villageId: village, name: '伍月华', phone: '13711112222', activeFrom: '2019-03-01', activeTo: '2021-01-01' })
      .expect(201);
    expect(created.body).toMatchObject({ name: '伍月华', phone: '137****2222', villageName: '大湾村', activeNow: false, version: 1 });
    const ids = async (q: string) => (await t.http.get(`/api/peace-officers?${q}&villageId=${village}&pageSize=100`).set('Cookie', legal).expect(200)).body.items.map((o: { id: string }) => o.id);
    expect(await ids('activeInYear=2021')).toContain(created.body.id);
    expect(await ids('activeInYear=2019')).toContain(created.body.id);
    expect(await ids('activeInYear=2022')).not.toContain(created.body.id);
    expect(await ids('activeInYear=2018')).not.toContain(created.body.id);
    const byPhone = await t.http.post('/api/peace-officers/search').set('Cookie', legal).send({ phone: '13711112222', villageId: village, pageSize: 100 }).expect(200);
    expect(byPhone.body.items.map((o: { id: string }) => o.id)).toEqual([created.body.id]);
    const bad = await t.http.post('/api/peace-officers').set('Cookie', legal).send({ name: '某', activeFrom: '2021-03-01', activeTo: '2021-01-01', phone: '123' }).expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toContain('phone');
  });

  it('is kept by legal affairs, with versions, and read by mediators; the second town sees none of it', async () => {
    const created = await t.http.post('/api/peace-officers').set('Cookie', legal).send({ name: '关丽华', activeFrom: '2021-01-01' }).expect(201);
    await t.http.post('/api/peace-officers').set('Cookie', mediator).send({ name: '某', activeFrom: '2021-01-01' }).expect(403);
    const updated = await t.http.patch(`/api/peace-officers/${created.body.id}`).set('Cookie', legal).send({ version: 1, activeTo: '2021-12-31', phone: '13622223333' }).expect(200);
    expect(updated.body).toMatchObject({ activeTo: '2021-12-31', version: 2, phone: '136****3333' });
    await t.http.patch(`/api/peace-officers/${created.body.id}`).set('Cookie', legal).send({ version: 1, name: '覆盖' }).expect(409);
    const plain = await t.http
      .post(`/api/peace-officers/${created.body.id}/unmask`)
      .set('Cookie', mediator)
      .send({ fields: ['phone'], reason: '联系平安员' })
      .expect(200);
    expect(plain.body).toEqual({ phone: '13622223333' });
    await t.http.get(`/api/peace-officers/${created.body.id}`).set('Cookie', leader2).expect(404);
    const seen = await t.http.get('/api/peace-officers?pageSize=100').set('Cookie', leader2).expect(200);
    expect(seen.body.items.every((o: { townName: string }) => o.townName === '海宴镇')).toBe(true);
    const link = await t.http
      .patch(`/api/peace-officers/${created.body.id}`)
      .set('Cookie', legal)
      .send({ version: 2, userId: await idOf(t.ds, 'app_user', 'leader2') })
      .expect(400);
    expect(link.body.errors).toEqual([expect.objectContaining({ path: 'userId' })]);
  });

  it('offers the town’s active accounts to link, and links one of them', async () => {
    const accounts = await t.http.get('/api/peace-officers/accounts').set('Cookie', legal).expect(200);
    const ids = accounts.body.map((a: { id: string }) => a.id);
    const mediatorId = await idOf(t.ds, 'app_user', 'mediator');
    expect(accounts.body).toContainEqual({ id: mediatorId, name: '甄秀英' });
    expect(ids).not.toContain(await idOf(t.ds, 'app_user', 'leader2'));
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM app_user u JOIN org_unit o ON o.id = u.town_id WHERE o.code = (SELECT o2.code FROM app_user u2 JOIN org_unit o2 ON o2.id = u2.town_id WHERE u2.username = 'legal') AND u.status = 'active'`,
    );
    expect(ids).toHaveLength(n);
    await t.http.get('/api/peace-officers/accounts').set('Cookie', mediator).expect(403);
    const created = await t.http.post('/api/peace-officers').set('Cookie', legal).send({ name: '甄秀英', activeFrom: '2022-01-01', userId: mediatorId }).expect(201);
    expect(created.body.userId).toBe(mediatorId);
  });
});
