import type { AdvisorDto, AdvisorServiceListDto, AdvisorVillageDto } from '@fazhi/contracts';
import { binary } from './disputes-fixtures';
import * as files from './fixtures/attachments/fixtures';
import { createTestApp, idOf, TestApp } from './test-app';

describe('advisor registers', () => {
  let t: TestApp;
  let advisor: string;
  let legal: string;
  let leader: string;
  let leader2: string;
  let officer2: string;
  let gh: string;
  let nanwan: string;
  let haiyong: string;

  beforeAll(async () => {
    t = await createTestApp();
    [advisor, legal, leader, leader2, officer2] = await Promise.all([t.login('advisor'), t.login('legal'), t.login('leader'), t.login('leader2'), t.login('officer2')]);
    [gh, nanwan, haiyong] = await Promise.all([idOf(t.ds, 'org_unit', 'GH'), idOf(t.ds, 'org_unit', 'GH02'), idOf(t.ds, 'org_unit', 'GH04')]);
  });
  afterAll(() => t.close());

  const audits = (action: string, entityId: string) =>
    t.ds.query<{ detail: { reason?: string } | null }[]>(`SELECT detail FROM audit_log WHERE action = $1 AND entity_id = $2 AND outcome = 'success'`, [action, entityId]);

  describe('the advisor register', () => {
    it('answers the whole list with the business phone masked, keeps it encrypted, and shows it in full only by an audited unmask', async () => {
      const list = (await t.http.get(`/api/advisors?townId=${gh}`).set('Cookie', legal).expect(200)).body as AdvisorDto[];
      expect(Array.isArray(list)).toBe(true);
      const zhu = list.find((a) => a.name === '朱立法')!;
      expect(zhu.phone).toBe('075****3456');
      expect(Object.keys(zhu)).toEqual([
        'id',
        'townId',
        'townName',
        'name',
        'lawFirm',
        'licenceNo',
        'phone',
        'villages',
        'activeNow',
        'userId',
        'userName',
        'remark',
        'version',
        'createdAt',
        'updatedAt',
      ]);
      const [stored] = await t.ds.query<Record<string, unknown>[]>(`SELECT * FROM advisor WHERE id = $1`, [zhu.id]);
      expect(stored).not.toHaveProperty('phone');
      expect(JSON.stringify(stored)).not.toContain('5123456');

      await t.http
        .post(`/api/advisors/${zhu.id}/unmask`)
        .set('Cookie', legal)
        .send({ fields: ['phone'], reason: '核对' })
        .expect(403);
      const full = await t.http
        .post(`/api/advisors/${zhu.id}/unmask`)
        .set('Cookie', leader)
        .send({ fields: ['phone'], reason: '联系顾问' })
        .expect(200);
      expect(full.body).toEqual({ phone: '0750-5123456' });
      expect((await audits('advisor.unmask', zhu.id)).map((a) => a.detail?.reason)).toEqual(['联系顾问']);
    });

    it('adds and edits an advisor with the villages served; a stale edit answers 409 and the advisor sees only advisors of its villages', async () => {
      const created = await t.http
        .post('/api/advisors')
        .set('Cookie', legal)
        .send({ townId: gh, name: '周律', lawFirm: '广东海晏律师事务所', licenceNo: '14407202010000001', phone: '13812345678', villages: [{ villageId: haiyong, from: '2022-01-01', to: null }] })
        .expect(201);
      const dto = created.body as AdvisorDto;
      expect(dto).toMatchObject({ phone: '138****5678', villages: [{ villageId: haiyong, from: '2022-01-01', to: null }], version: 1 });
      const [row] = await t.ds.query<{ phone_idx: string | null }[]>(`SELECT phone_idx FROM advisor WHERE id = $1`, [dto.id]);
      expect(row.phone_idx).toMatch(/^[0-9a-f]{64}$/);
      const [audit] = await t.ds.query<{ after: unknown }[]>(`SELECT after FROM audit_log WHERE action = 'advisor.create' AND entity_id = $1`, [dto.id]);
      expect(JSON.stringify(audit.after)).not.toContain('13812345678');

      const edited = await t.http
        .patch(`/api/advisors/${dto.id}`)
        .set('Cookie', legal)
        .send({ version: 1, villages: [{ villageId: nanwan, from: '2022-02-01', to: '2022-12-31' }] })
        .expect(200);
      expect(edited.body).toMatchObject({ version: 2, villages: [{ villageId: nanwan, from: '2022-02-01', to: '2022-12-31' }] });
      await t.http.patch(`/api/advisors/${dto.id}`).set('Cookie', legal).send({ version: 1, remark: '旧版本' }).expect(409);
      const echoed = await t.http.patch(`/api/advisors/${dto.id}`).set('Cookie', legal).send({ version: 2, phone: dto.phone }).expect(400);
      expect(echoed.body.errors).toEqual([expect.objectContaining({ path: 'phone' })]);
      const bad = await t.http
        .post('/api/advisors')
        .set('Cookie', legal)
        .send({ townId: gh, name: '错', lawFirm: 'x', licenceNo: '1', phone: '1', villages: [{ villageId: nanwan, from: '2022-03-01', to: '2022-01-01' }] })
        .expect(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'villages[0].to' })]);

      const seen = (await t.http.get('/api/advisors').set('Cookie', advisor).expect(200)).body as AdvisorDto[];
      expect(seen.length).toBeGreaterThan(0);
      const own = new Set((await t.http.get('/api/advisor-villages').set('Cookie', advisor).expect(200)).body.map((v: AdvisorVillageDto) => v.villageId));
      for (const a of seen) expect(a.villages.some((v) => own.has(v.villageId))).toBe(true);
      await t.http.post('/api/advisors').set('Cookie', advisor).send({}).expect(403);
    });
  });

  describe('the published service list', () => {
    const docx = files.docx();
    const village = async (id: string, who = legal) =>
      ((await t.http.get(`/api/advisor-villages?townId=${gh}`).set('Cookie', who).expect(200)).body as AdvisorVillageDto[]).find((v) => v.villageId === id)!;
    const publish = (id: string, o: { version: number; listVersion?: string; publishedOn?: string; file: Buffer; name: string }, who = legal) =>
      t.http
        .post(`/api/advisor-villages/${id}/service-lists`)
        .set('Cookie', who)
        .field('version', String(o.version))
        .field('listVersion', o.listVersion ?? '2022版')
        .field('publishedOn', o.publishedOn ?? '2022-01-10')
        .field('stage', 'document')
        .attach('file', o.file, o.name);
    const lists = async (id: string, who = legal) => (await t.http.get(`/api/advisor-villages/${id}/service-lists`).set('Cookie', who).expect(200)).body as AdvisorServiceListDto[];
    const download = (id: string, listId: string, who = legal) => t.http.get(`/api/advisor-villages/${id}/service-lists/${listId}`).set('Cookie', who).buffer(true).parse(binary);

    it('holds the seeded 2021 list of every Guanghai village, its document downloadable', async () => {
      const villages = ((await t.http.get(`/api/advisor-villages?townId=${gh}`).set('Cookie', legal).expect(200)).body as AdvisorVillageDto[]).filter((v) => v.serviceListDocument);
      expect(villages).toHaveLength(9);
      for (const v of villages) expect(v).toMatchObject({ serviceListVersion: '2021版', serviceListDocument: { stage: 'document', mime: 'image/png' } });
      const [seeded] = await lists(haiyong);
      expect(seeded).toMatchObject({ listVersion: '2021版', document: { id: villages.find((v) => v.villageId === haiyong)!.serviceListDocument!.id } });
      const file = await download(haiyong, seeded.id).expect(200);
      expect((file.body as Buffer).subarray(1, 4).toString()).toBe('PNG');
    });

    it('uploads a version, downloads it byte-identical, and replaces it with a new version keeping the old one', async () => {
      const before = await village(nanwan);
      const pdf = files.pdf();
      const first = (await publish(nanwan, { version: before.version, file: pdf, name: '南湾村服务清单.pdf' }).expect(201)).body as AdvisorVillageDto;
      expect(first).toMatchObject({ serviceListVersion: '2022版', serviceListPublishedOn: '2022-01-10', version: before.version + 1 });
      expect(first.serviceListDocument).toMatchObject({ fileName: '南湾村服务清单.pdf', mime: 'application/pdf', size: pdf.length, stage: 'document' });
      const [v1] = await lists(nanwan);
      expect(v1).toMatchObject({ listVersion: '2022版', publishedOn: '2022-01-10', document: { id: first.serviceListDocument!.id } });
      expect(Buffer.compare((await download(nanwan, v1.id).expect(200)).body as Buffer, pdf)).toBe(0);

      const second = (await publish(nanwan, { version: first.version, listVersion: '2023版', publishedOn: '2023-01-05', file: docx, name: '服务清单2023.docx' }).expect(201)).body as AdvisorVillageDto;
      expect(second).toMatchObject({ serviceListVersion: '2023版', serviceListPublishedOn: '2023-01-05' });
      expect(second.serviceListDocument!.fileName).toBe('服务清单2023.docx');
      expect((await lists(nanwan)).map((l) => l.listVersion)).toEqual(['2023版', '2022版', '2021版']);
      expect(Buffer.compare((await download(nanwan, v1.id).expect(200)).body as Buffer, pdf)).toBe(0);
      await publish(nanwan, { version: first.version, file: pdf, name: 'stale.pdf' }).expect(409);

      expect(await audits('advisor-village.service-list.publish', nanwan)).toHaveLength(2);
      expect(await audits('advisor-village.attachment.download', nanwan)).toHaveLength(2);
    });

    it('refuses a wrong type or missing fields with a field-level 4xx and changes nothing', async () => {
      const before = await village(haiyong);
      const versions = await lists(haiyong);
      const wrong = await publish(haiyong, { version: before.version, file: await files.xlsx(), name: '清单.xlsx' }).expect(400);
      expect(wrong.body.errors).toEqual([expect.objectContaining({ path: 'file', code: 'type' })]);
      const missing = await publish(haiyong, { version: before.version, listVersion: ' ', publishedOn: '2022-02-30', file: files.pdf(), name: 'a.pdf' }).expect(400);
      expect(missing.body.errors.map((e: { path: string }) => e.path)).toEqual(['listVersion', 'publishedOn']);
      await publish(haiyong, { version: before.version, file: files.elf(), name: 'list.pdf' }).expect(415);
      expect(await lists(haiyong)).toEqual(versions);
      expect(await village(haiyong)).toEqual(before);
    });

    it('lets an advisor read its villages’ lists only; another town and officer2 see nothing', async () => {
      const [latest] = await lists(nanwan);
      expect((await lists(nanwan, advisor)).map((l) => l.id)).toContain(latest.id);
      expect(Buffer.compare((await download(nanwan, latest.id, advisor).expect(200)).body as Buffer, docx)).toBe(0);
      await t.http.get(`/api/advisor-villages/${haiyong}/service-lists`).set('Cookie', advisor).expect(404);
      await download(haiyong, latest.id, advisor).expect(404);
      await download(nanwan, latest.id, leader2).expect(404);
      await t.http.get(`/api/advisor-villages/${nanwan}/service-lists`).set('Cookie', leader2).expect(404);
      await t.http.get(`/api/advisor-villages/${nanwan}/service-lists`).set('Cookie', officer2).expect(403);
      await publish(nanwan, { version: 1, file: files.pdf(), name: 'a.pdf' }, advisor).expect(403);
    });
  });
});
