import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { routeTable } from '../src/access/route-table';
import { demoEvidencePng } from '../src/database/seeds/demo-images';
import { binary, disputeSteps, officerId } from './disputes-fixtures';
import { createTestApp, idOf, TestApp } from './test-app';

/** Data outside one's duty: unmasking, personal documents, imports, person searches and uploads stay within the caller's permission and scope. */
describe('data outside one’s duty', () => {
  let t: TestApp;
  let officer: string;
  let mediator: string;
  let legal: string;
  let s: ReturnType<typeof disputeSteps>;
  const dataDir = `/tmp/fazhi-duty-${randomUUID()}`;

  beforeAll(async () => {
    t = await createTestApp({ config: { dataDir } });
    [officer, mediator, legal] = await Promise.all([t.login('officer'), t.login('mediator'), t.login('legal')]);
    s = disputeSteps(t);
  });
  afterAll(() => t.close());

  const vessel = async (cookie = officer, extra: Record<string, unknown> = {}) => {
    const res = await t.http
      .post('/api/vessel-cases')
      .set('Cookie', cookie)
      .send({
        discoveredAt: '2021-06-14T09:30:00+08:00',
        place: '南湾码头',
        source: 'patrol',
        hullMaterial: 'wood',
        ownerName: '黄大海',
        ownerIdNumber: '11010519491231002X',
        ownerPhone: '13812345678',
        ...extra,
      });
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; number: string; version: number };
  };

  /** A new account of the demo password with one role assignment in 广海镇. */
  const account = async (username: string, role: string, scope: 'own' | 'villages' | 'town', villageCodes: string[] = []): Promise<string> => {
    const columns: string[] = (await t.ds.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'app_user'`)).map(
      (r: { column_name: string }) => r.column_name,
    );
    const id = randomUUID();
    const select = columns.map((c) => (c === 'id' ? '$2::uuid' : c === 'username' ? '$3::varchar' : `"${c}"`));
    await t.ds.query(`INSERT INTO app_user (${columns.map((c) => `"${c}"`).join(', ')}) SELECT ${select.join(', ')} FROM app_user WHERE username = $1`, ['mediator', id, username]);
    const [gh, roleId, ...villages] = await Promise.all([idOf(t.ds, 'org_unit', 'GH'), idOf(t.ds, 'role', role), ...villageCodes.map((c) => idOf(t.ds, 'org_unit', c))]);
    await t.ds.query(`INSERT INTO user_role (id, user_id, role_id, org_unit_id, town_id, scope, village_ids, created_at) VALUES ($1, $2, $3, $4, $4, $5, $6, now())`, [
      randomUUID(),
      id,
      roleId,
      gh,
      scope,
      villages,
    ]);
    return t.login(username);
  };

  describe('unmasking needs the ledger’s read permission and personal.unmask', () => {
    it('refuses a mediator the owner of a vessel and lets the officer see it', async () => {
      const v = await vessel();
      const body = { fields: ['ownerIdNumber'], reason: '核对船主' };
      await t.http.post(`/api/vessel-cases/${v.id}/unmask`).set('Cookie', mediator).send(body).expect(403);
      const ok = await t.http.post(`/api/vessel-cases/${v.id}/unmask`).set('Cookie', officer).send(body).expect(200);
      expect(ok.body).toEqual({ ownerIdNumber: '11010519491231002X' });
    });

    it('refuses an enforcement officer the parties of a dispute and the phone of a peace officer', async () => {
      const d = await s.register(mediator);
      await t.http
        .post(`/api/disputes/${d.id}/unmask`)
        .set('Cookie', officer)
        .send({ fields: ['idNumber'], reason: '核对' })
        .expect(403);
      await t.http
        .post(`/api/disputes/${d.id}/unmask`)
        .set('Cookie', mediator)
        .send({ fields: ['idNumber'], reason: '核对' })
        .expect(200);
      const po = await officerId(t, '甄秀英');
      await t.http
        .post(`/api/peace-officers/${po}/unmask`)
        .set('Cookie', officer)
        .send({ fields: ['phone'], reason: '联系' })
        .expect(403);
      await t.http
        .post(`/api/peace-officers/${po}/unmask`)
        .set('Cookie', mediator)
        .send({ fields: ['phone'], reason: '联系' })
        .expect(200);
    });

    it('shows both permissions in the route table', () => {
      const access = (p: string) => routeTable(t.app).find((r) => r.method === 'POST' && r.path === p)?.access;
      expect(access('/api/vessel-cases/:id/unmask')).toBe('vessel.read & personal.unmask');
      expect(access('/api/disputes/:id/unmask')).toBe('dispute.read & personal.unmask');
      expect(access('/api/peace-officers/:id/unmask')).toBe('(dispute.read | peace_officer.manage) & personal.unmask');
    });
  });

  describe('attachments holding personal data', () => {
    const download = (p: string, cookie: string) => t.http.get(p).set('Cookie', cookie).buffer(true).parse(binary);

    it('lists the generated agreement to every reader but lets only unmask holders download it, audited', async () => {
      const v = await s.toMediating(mediator, [await officerId(t, '甄秀英')]);
      const agreed = await s.agree(mediator, v.id, v.version);
      const generated = await download(`/api/disputes/${agreed.id}/agreement.docx`, mediator).expect(200);
      const detail = await t.http.get(`/api/disputes/${agreed.id}`).set('Cookie', legal).expect(200);
      const doc = detail.body.attachments.find((a: { fileName: string }) => a.fileName.endsWith('人民调解协议书.docx'));
      expect(doc).toMatchObject({ personal: true, stage: 'document' });
      const url = `/api/disputes/${agreed.id}/attachments/${doc.id}`;

      const refused = await download(url, legal).expect(403);
      expect(refused.headers['content-disposition']).toBeUndefined();
      await download(`/api/disputes/${agreed.id}/agreement.docx`, legal).expect(403);

      const before: { id: string }[] = await t.ds.query(`SELECT id FROM audit_log WHERE action = 'dispute.attachment.download'`);
      const got = await download(url, mediator).expect(200);
      expect(Buffer.compare(got.body, generated.body)).toBe(0);
      const rows = await t.ds.query(`SELECT entity_id, username, detail FROM audit_log WHERE action = 'dispute.attachment.download' ORDER BY id`);
      expect(rows.length).toBe(before.length + 1);
      expect(rows.at(-1)).toEqual({ entity_id: agreed.id, username: 'mediator', detail: { attachmentId: doc.id, fileName: doc.fileName, sha256: doc.sha256, personal: true } });
    });

    it('audits the download of an ordinary attachment by a reader without unmask', async () => {
      const v = await vessel();
      const up = await t.http
        .post(`/api/vessel-cases/${v.id}/attachments`)
        .set('Cookie', officer)
        .field('version', String(v.version))
        .field('stage', 'before')
        .attach('file', demoEvidencePng(7, 'before'), 'photo.png')
        .expect(201);
      const photo = up.body.attachments[0];
      expect(photo.personal).toBe(false);
      const leader = await t.login('leader');
      await download(`/api/vessel-cases/${v.id}/attachments/${photo.id}`, leader).expect(200);
      const [row] = await t.ds.query(`SELECT username, detail FROM audit_log WHERE action = 'vessel-case.attachment.download' ORDER BY id DESC LIMIT 1`);
      expect(row).toEqual({ username: 'leader', detail: { attachmentId: photo.id, fileName: 'photo.png', sha256: photo.sha256, personal: false } });
    });
  });

  describe('imports match only records the caller may write', () => {
    const sheetOf = async (headers: string[], rows: unknown[][]): Promise<Buffer> => {
      const wb = new ExcelJS.Workbook();
      const sheet = wb.addWorksheet('台账');
      sheet.addRow(headers);
      for (const r of rows) sheet.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const disputeSheet = (number: string, summary: string) => sheetOf(['编号', '发生日期', '纠纷来源', '纠纷类别', '纠纷简要情况'], [[number, '2021-07-02', '排查发现', '邻里纠纷', summary]]);
    const importAs = (ledger: 'disputes' | 'vessel-cases', cookie: string, file: Buffer, mode: 'preview' | 'commit', townId?: string) =>
      t.http
        .post(`/api/${ledger}/import?mode=${mode}${townId ? `&townId=${townId}` : ''}`)
        .set('Cookie', cookie)
        .attach('file', file, 'ledger.xlsx');
    const summaryOf = async (id: string) => (await t.ds.query(`SELECT summary, version FROM dispute WHERE id = $1`, [id]))[0];

    it('does not tell an own-scoped mediator that another mediator’s dispute exists, nor change it', async () => {
      const own = await account('own_mediator', 'mediator', 'own');
      const theirs = await s.register(mediator);
      const before = await summaryOf(theirs.id);
      const file = await disputeSheet(theirs.number, '改写他人的纠纷');
      const preview = await importAs('disputes', own, file, 'preview').expect(200);
      expect(preview.body.updates).toBe(0);
      const unknown = await importAs('disputes', own, await disputeSheet('广海调〔2021〕第0999号', '未用的编号'), 'preview').expect(200);
      expect(unknown.body).toMatchObject({ creates: 1, updates: 0, errors: [] });
      expect(preview.body.errors).toEqual([expect.objectContaining({ field: 'number', message: expect.stringContaining('编号已被使用或不在您的数据范围内，新增记录请留空编号') })]);
      await importAs('disputes', own, file, 'commit').expect(400);
      expect(await summaryOf(theirs.id)).toEqual(before);
      const mine = await s.register(own);
      const updated = await importAs('disputes', own, await disputeSheet(mine.number, '本人经办的纠纷'), 'commit').expect(200);
      expect(updated.body).toMatchObject({ updates: 1, creates: 0 });
      expect((await summaryOf(mine.id)).summary).toBe('本人经办的纠纷');
    });

    it('keeps a village-scoped mediator away from a dispute of another village', async () => {
      const villager = await account('village_mediator', 'mediator', 'villages', ['GH02']);
      const elsewhere = await s.register(mediator, { villageId: await idOf(t.ds, 'org_unit', 'GH05') });
      const before = await summaryOf(elsewhere.id);
      const file = await disputeSheet(elsewhere.number, '改写其他村的纠纷');
      for (const mode of ['preview', 'commit'] as const) {
        const res = await importAs('disputes', villager, file, mode, await idOf(t.ds, 'org_unit', 'GH'));
        expect(res.body.updates ?? 0).toBe(0);
      }
      expect(await summaryOf(elsewhere.id)).toEqual(before);
    });

    it('changes nothing of another town when a sheet names its dispute or vessel', async () => {
      const officer2 = await t.login('officer2');
      const hyVessel = await vessel(officer2);
      const [hyDispute] = await t.ds.query(`SELECT d.id, d.number FROM dispute d JOIN org_unit u ON u.id = d.town_id WHERE u.code = 'HY' ORDER BY d.number LIMIT 1`);
      const disputeBefore = await summaryOf(hyDispute.id);
      const disputeFile = await disputeSheet(hyDispute.number, '改写外镇的纠纷');
      expect((await importAs('disputes', mediator, disputeFile, 'preview').expect(200)).body.updates).toBe(0);
      await importAs('disputes', mediator, disputeFile, 'commit');
      expect(await summaryOf(hyDispute.id)).toEqual(disputeBefore);

      const vesselOf = async (id: string) => (await t.ds.query(`SELECT place, version, owner_name_idx FROM vessel_case WHERE id = $1`, [id]))[0];
      const vesselBefore = await vesselOf(hyVessel.id);
      const vesselFile = await sheetOf(['编号', '发现时间', '发现地点', '线索来源', '船体材质', '船主姓名'], [[hyVessel.number, '2021-07-01 08:00', '改写外镇的船', '巡查发现', '木质', '陈大文']]);
      expect((await importAs('vessel-cases', officer, vesselFile, 'preview').expect(200)).body.updates).toBe(0);
      await importAs('vessel-cases', officer, vesselFile, 'commit');
      expect(await vesselOf(hyVessel.id)).toEqual(vesselBefore);
    });

    it('does not let an own-scoped officer reach another officer’s vessel', async () => {
      const own = await account('own_officer', 'enforcement_officer', 'own');
      const theirs = await vessel(officer);
      const file = await sheetOf(['编号', '发现地点'], [[theirs.number, '改写他人的船']]);
      const preview = await importAs('vessel-cases', own, file, 'preview').expect(200);
      expect(preview.body.updates).toBe(0);
      await importAs('vessel-cases', own, file, 'commit').expect(400);
      expect((await t.ds.query(`SELECT place FROM vessel_case WHERE id = $1`, [theirs.id]))[0].place).toBe('南湾码头');
    });
  });

  describe('person searches travel in a POST body, never a URL', () => {
    it('refuses names, ID numbers and phones in list and export query strings, naming the field', async () => {
      for (const [url, field, cookie] of [
        ['/api/vessel-cases?ownerIdNumber=11010519491231002X', 'ownerIdNumber', officer],
        ['/api/vessel-cases/export.xlsx?ownerPhone=13812345678', 'ownerPhone', officer],
        [`/api/disputes?partyName=${encodeURIComponent('黄大海')}`, 'partyName', mediator],
        ['/api/disputes/export.xlsx?partyIdNumber=11010519491231002X', 'partyIdNumber', mediator],
        ['/api/peace-officers?phone=13812345678', 'phone', mediator],
      ]) {
        const res = await t.http.get(url).set('Cookie', cookie).expect(400);
        expect(res.body.errors).toEqual([expect.objectContaining({ path: field, code: 'personal_in_url' })]);
      }
    });

    it('searches and exports by an owner’s ID number sent in the body', async () => {
      const v = await vessel(officer, { ownerIdNumber: '440781198001011233', ownerPhone: '13922223333' });
      const found = await t.http.post('/api/vessel-cases/search').set('Cookie', officer).send({ ownerIdNumber: '440781198001011233', pageSize: 5 }).expect(200);
      expect(found.body.items.map((i: { id: string }) => i.id)).toEqual([v.id]);
      const file = await t.http.post('/api/vessel-cases/export.xlsx').set('Cookie', officer).send({ ownerIdNumber: '440781198001011233' }).buffer(true).parse(binary).expect(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file.body);
      const sheet = wb.worksheets[0];
      expect(sheet.rowCount - 2).toBe(1);
      expect((sheet.getRow(3).values as unknown[]).includes(v.number)).toBe(true);
      const disputes = await t.http
        .post('/api/disputes/search')
        .set('Cookie', mediator)
        .send({ partyIdNumber: '11010519491231002X', status: ['registered'] })
        .expect(200);
      expect(disputes.body.total).toBeGreaterThan(0);
    });
  });

  describe('uploads are checked before the body is received', () => {
    const tmpFiles = async () => readdir(path.join(dataDir, 'files', 'tmp')).catch(() => [] as string[]);

    /** Sends the form's fields and the start of a 50 MB file, and answers the status the server gives before the body is complete. */
    const partialUpload = async (url: string, cookie: string, version: number): Promise<number> => {
      const server = t.app.getHttpServer();
      if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      const boundary = 'duty-boundary';
      const head = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="version"\r\n\r\n${version}\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="stage"\r\n\r\nbefore\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.png"\r\nContent-Type: image/png\r\n\r\n`,
      );
      const req = http.request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: url,
        headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(head.length + 50 * 1024 * 1024) },
      });
      req.on('error', () => undefined);
      const answered = new Promise<http.IncomingMessage>((resolve) => req.once('response', resolve));
      req.write(head);
      req.write(demoEvidencePng(3, 'before'));
      req.write(Buffer.alloc(256 * 1024, 7));
      const res = await answered;
      res.resume();
      req.destroy();
      return res.statusCode!;
    };

    it('answers 404 for another town’s record and a missing one, and 409 for a stale version, before the file arrives, storing nothing', async () => {
      const before = await tmpFiles();
      const foreign = await vessel(await t.login('officer2'));
      expect(await partialUpload(`/api/vessel-cases/${foreign.id}/attachments`, officer, foreign.version)).toBe(404);
      expect(await partialUpload(`/api/vessel-cases/${randomUUID()}/attachments`, officer, 1)).toBe(404);
      const own = await vessel();
      expect(await partialUpload(`/api/vessel-cases/${own.id}/attachments`, officer, own.version + 5)).toBe(409);
      expect(await tmpFiles()).toEqual(before);
      expect((await t.ds.query(`SELECT count(*)::int AS n FROM attachment WHERE record_id = ANY($1::uuid[])`, [[foreign.id, own.id]]))[0].n).toBe(0);
    });
  });
});
