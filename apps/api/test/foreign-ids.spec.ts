import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { demoEvidencePng } from '../src/database/seeds/demo-images';
import { binary } from './disputes-fixtures';
import { Kind, MatrixWorld, Place, Rec } from './matrix-fixtures';
import { createTestApp, TestApp } from './test-app';

/**
 * Another town's ids answer exactly as ids that do not exist: 404, the same body, nothing
 * changed. Haiyan records are tried by Guanghai accounts and Guanghai records by Haiyan ones,
 * each account holding the permission the route asks for, so that only the data scope refuses.
 */
type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
interface Probe {
  method: Method;
  /** The path with `{id}` where the foreign id goes. */
  path: string;
  body?: object;
  query?: Record<string, string | number>;
  upload?: boolean;
}

const PNG = demoEvidencePng(5, 'before');

describe('foreign ids: another town’s records answer 404 as missing ones', () => {
  let t: TestApp;
  let w: MatrixWorld;
  let gh: Place;
  let hy: Place;
  const cookie = (u: string) => w.cookies[u];

  beforeAll(async () => {
    t = await createTestApp();
    w = new MatrixWorld(t);
    await w.setUp(['leader', 'legal', 'officer', 'mediator', 'admin', 'leader2', 'officer2', 'county']);
    gh = w.places['GH-A'];
    hy = w.places['HY-A'];
  }, 60_000);
  afterAll(async () => {
    w.close();
    await t.close();
  });

  const send = (user: string, probe: Probe, id: string): request.Test => {
    const path = probe.path.replaceAll('{id}', id);
    let req = t.http[probe.method](path).set('Cookie', cookie(user)).buffer(true).parse(binary);
    if (probe.query) req = req.query(probe.query);
    if (probe.upload)
      return req
        .field('version', String(probe.body && 'version' in probe.body ? probe.body.version : 0))
        .field('stage', 'before')
        .attach('file', PNG, 'a.png');
    return probe.body ? req.send(probe.body) : req;
  };
  const json = (res: request.Response) => {
    const body = JSON.parse((res.body as Buffer).toString() || '{}');
    return { ...body, requestId: '' };
  };
  /** The probe on the foreign record answers 404 with the body a missing id gets. */
  const refused = async (user: string, rec: Rec, probe: Probe) => {
    const foreign = await send(user, probe, rec.id);
    const missing = await send(user, probe, randomUUID());
    expect({ probe: `${probe.method} ${probe.path} as ${user}`, status: foreign.status }).toEqual({ probe: `${probe.method} ${probe.path} as ${user}`, status: 404 });
    expect(missing.status).toBe(404);
    expect(json(foreign)).toEqual(json(missing));
  };
  /** The version of a record, read back as the record maker. */
  const versionOf = async (path: string) => (await w.make<{ version: number }>('get', path)).version;

  const pairs: [string, () => Place, string][] = [
    ['海宴镇 records seen from 广海镇', () => hy, 'GH'],
    ['广海镇 records seen from 海宴镇', () => gh, 'HY'],
  ];

  describe.each(pairs)('%s', (_name, placeOf, from) => {
    const reader = from === 'GH' ? 'leader' : 'leader2';
    const vesselWriter = from === 'GH' ? 'officer' : 'officer2';
    const record = (kind: Kind) => w.create(kind, placeOf());

    it('vessel cases: get, update, steps, unmask, reopen and attachments', async () => {
      const v = await record('vessel');
      const att = `/api/vessel-cases/{id}/attachments/${v.attachmentId}`;
      for (const [user, probe] of [
        [reader, { method: 'get', path: '/api/vessel-cases/{id}' }],
        [vesselWriter, { method: 'patch', path: '/api/vessel-cases/{id}', body: { version: v.version, place: '改' } }],
        [vesselWriter, { method: 'post', path: '/api/vessel-cases/{id}/transitions', body: { version: v.version, to: 'persuading' } }],
        [vesselWriter, { method: 'post', path: '/api/vessel-cases/{id}/persuasions', body: { version: v.version, date: '2021-06-15', staff: '甲', measure: 'education', result: '同意' } }],
        [vesselWriter, { method: 'post', path: '/api/vessel-cases/{id}/void', body: { version: v.version, reason: '重复' } }],
        [reader, { method: 'post', path: '/api/vessel-cases/{id}/reopen', body: { version: v.version, reason: '退回' } }],
        [vesselWriter, { method: 'post', path: '/api/vessel-cases/{id}/unmask', body: { fields: ['ownerIdNumber'], reason: '核实' } }],
        [reader, { method: 'post', path: '/api/vessel-cases/{id}/unmask', body: { fields: ['ownerIdNumber'], reason: '核实' } }],
        [reader, { method: 'get', path: att }],
        [vesselWriter, { method: 'delete', path: att, query: { version: v.version } }],
        [vesselWriter, { method: 'post', path: '/api/vessel-cases/{id}/attachments', body: { version: v.version }, upload: true }],
      ] as [string, Probe][])
        await refused(user, v, probe);
      expect(await versionOf(`/api/vessel-cases/${v.id}`)).toBe(v.version);
      const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM attachment WHERE record_id = $1`, [v.id]);
      expect(n).toBe(1);
    });

    it('campaigns: get, update, vessels, close, void and attachments', async () => {
      const c = await record('campaign');
      const att = `/api/campaigns/{id}/attachments/${c.attachmentId}`;
      const own = await w.take('vesselPersuading', from === 'GH' ? gh : hy);
      for (const probe of [
        { method: 'get', path: '/api/campaigns/{id}' },
        { method: 'patch', path: '/api/campaigns/{id}', body: { version: c.version, place: '改' } },
        { method: 'post', path: '/api/campaigns/{id}/vessels', body: { version: c.version, caseIds: [own.id] } },
        { method: 'delete', path: `/api/campaigns/{id}/vessels/${c.caseId}`, query: { version: c.version } },
        { method: 'post', path: '/api/campaigns/{id}/close', body: { version: c.version } },
        { method: 'post', path: '/api/campaigns/{id}/void', body: { version: c.version, reason: '重复' } },
        { method: 'get', path: att },
        { method: 'delete', path: att, query: { version: c.version } },
        { method: 'post', path: '/api/campaigns/{id}/attachments', body: { version: c.version }, upload: true },
      ] as Probe[])
        await refused(vesselWriter, c, probe);
      expect(await versionOf(`/api/campaigns/${c.id}`)).toBe(c.version);
    });

    it('a vessel case of the other town cannot be put into one’s own campaign, as a missing one', async () => {
      const foreign = await w.take('vesselPersuading', placeOf());
      const mine = await w.create('campaign', from === 'GH' ? gh : hy);
      const add = (caseId: string) =>
        t.http
          .post(`/api/campaigns/${mine.id}/vessels`)
          .set('Cookie', cookie(vesselWriter))
          .send({ version: mine.version, caseIds: [caseId] });
      const [refusedCase, missingCase] = [await add(foreign.id), await add(randomUUID())];
      expect(refusedCase.status).toBe(409);
      expect({ ...refusedCase.body, requestId: '' }).toEqual({ ...missingCase.body, requestId: '' });
      expect(refusedCase.body.errors).toEqual([expect.objectContaining({ path: 'caseIds[0]', code: 'not_found' })]);
      expect(await versionOf(`/api/vessel-cases/${foreign.id}`)).toBe(foreign.version);
      expect(await versionOf(`/api/campaigns/${mine.id}`)).toBe(mine.version);
    });

    it('certificates: get and events', async () => {
      const c = await record('certificate');
      await refused(reader, c, { method: 'get', path: '/api/certificates/{id}' });
      if (from === 'GH') await refused('legal', c, { method: 'post', path: '/api/certificates/{id}/events', body: { version: c.version, kind: 'annual_review', date: '2021-06-15' } });
    });

    it('disputes: get, document, update, steps, parties, unmask and attachments', async () => {
      const d = await record('dispute');
      const att = `/api/disputes/{id}/attachments/${d.attachmentId}`;
      const reads: Probe[] = [
        { method: 'get', path: '/api/disputes/{id}' },
        { method: 'get', path: '/api/disputes/{id}/agreement.docx' },
        { method: 'get', path: att },
        { method: 'post', path: '/api/disputes/{id}/unmask', body: { fields: ['idNumber'], reason: '核实' } },
      ];
      for (const probe of reads) await refused(reader, d, probe);
      if (from === 'GH') {
        const writes: Probe[] = [
          { method: 'patch', path: '/api/disputes/{id}', body: { version: d.version, place: '改' } },
          { method: 'post', path: '/api/disputes/{id}/transitions', body: { version: d.version, to: 'accepted', data: { acceptedOn: '2021-06-11', mediatorIds: [gh.peaceOfficer] } } },
          { method: 'post', path: '/api/disputes/{id}/parties', body: { version: d.version, role: 'third_party', name: '李四' } },
          { method: 'patch', path: `/api/disputes/{id}/parties/${d.partyId}`, body: { version: d.version, address: '改' } },
          { method: 'delete', path: `/api/disputes/{id}/parties/${d.partyId}`, query: { version: d.version } },
          { method: 'post', path: '/api/disputes/{id}/risk', body: { version: d.version, level: 'elevated', reason: '冲突' } },
          { method: 'post', path: '/api/disputes/{id}/void', body: { version: d.version, reason: '重复' } },
          { method: 'post', path: '/api/disputes/{id}/unmask', body: { fields: ['idNumber'], reason: '核实' } },
          { method: 'get', path: '/api/disputes/{id}/deadline/approvers' },
          { method: 'delete', path: att, query: { version: d.version } },
          { method: 'post', path: '/api/disputes/{id}/attachments', body: { version: d.version }, upload: true },
        ];
        for (const probe of writes) await refused('mediator', d, probe);
      }
      expect(await versionOf(`/api/disputes/${d.id}`)).toBe(d.version);
    });

    it('peace officers: get, update and unmask', async () => {
      const o = await record('peaceOfficer');
      await refused(reader, o, { method: 'get', path: '/api/peace-officers/{id}' });
      await refused(reader, o, { method: 'post', path: '/api/peace-officers/{id}/unmask', body: { fields: ['phone'], reason: '联系' } });
      if (from === 'GH') await refused('legal', o, { method: 'patch', path: '/api/peace-officers/{id}', body: { version: o.version, remark: '改' } });
    });

    it('org units and notifications', async () => {
      const village = { id: placeOf().village, version: 1, townId: placeOf().town };
      await refused(reader, village, { method: 'get', path: '/api/org-units/{id}' });
      const notice = await w.notification(placeOf(), from === 'GH' ? 'leader2' : 'leader');
      await refused(reader, notice, { method: 'post', path: '/api/notifications/{id}/read' });
      const [row] = await t.ds.query(`SELECT read_at FROM notification WHERE id = $1`, [notice.id]);
      expect(row.read_at).toBeNull();
    });
  });

  it('users and org units of the other town are missing to the Guanghai admin', async () => {
    const u = await w.sqlUser(hy);
    for (const probe of [
      { method: 'get', path: '/api/users/{id}' },
      { method: 'patch', path: '/api/users/{id}', body: { version: u.version, displayName: '改' } },
      { method: 'post', path: '/api/users/{id}/disable', body: { version: u.version } },
      { method: 'post', path: '/api/users/{id}/reset-password', body: { version: u.version, newPassword: 'Reset#2021pw' } },
      { method: 'put', path: '/api/users/{id}/roles', body: { version: u.version, roles: w.roleAssignment(gh) } },
    ] as Probe[])
      await refused('admin', u, probe);
    const unit = await w.create('orgUnit', hy);
    await refused('admin', unit, { method: 'patch', path: '/api/org-units/{id}', body: { version: unit.version, name: '改' } });
    await refused('admin', unit, { method: 'delete', path: '/api/org-units/{id}', query: { version: unit.version } });
  });

  it('the county leader reaches the records of both towns', async () => {
    for (const p of [gh, hy]) {
      const v = await w.create('vessel', p);
      await t.http.get(`/api/vessel-cases/${v.id}`).set('Cookie', cookie('county')).expect(200);
      const d = await w.create('dispute', p);
      await t.http.get(`/api/disputes/${d.id}`).set('Cookie', cookie('county')).expect(200);
      await t.http.get(`/api/disputes/${d.id}/attachments/${d.attachmentId}`).set('Cookie', cookie('county')).expect(200);
      await t.http.get('/api/statistics/vessels').query({ year: 2021, townId: p.town }).set('Cookie', cookie('county')).expect(200);
      await t.http.get('/api/statistics/disputes').query({ year: 2021, townId: p.town }).set('Cookie', cookie('county')).expect(200);
      await t.http.get('/api/vessel-cases/export.xlsx').query({ townId: p.town }).set('Cookie', cookie('county')).buffer(true).parse(binary).expect(200);
    }
  });

  describe('filters naming another town’s ids', () => {
    const filtered = (user: string, path: string, query: Record<string, string | number>) => t.http.get(path).query(query).set('Cookie', cookie(user)).buffer(true).parse(binary);
    const otherOf = (user: string) => (['officer2', 'leader2'].includes(user) ? gh : hy);

    it.each([
      ['leader', '/api/statistics/vessels'],
      ['leader', '/api/statistics/disputes'],
      ['officer', '/api/statistics/vessels'],
      ['leader2', '/api/statistics/vessels'],
      ['leader2', '/api/statistics/disputes'],
      ['officer2', '/api/statistics/vessels'],
    ])('%s: %s?townId=<other town> answers 404 as a missing town', async (user, path) => {
      const own = await filtered(user, path, { year: 2021, townId: otherOf(user) === gh ? hy.town : gh.town });
      expect(own.status).toBe(200);
      const foreign = await filtered(user, path, { year: 2021, townId: otherOf(user).town });
      const missing = await filtered(user, path, { year: 2021, townId: randomUUID() });
      expect([foreign.status, missing.status]).toEqual([404, 404]);
      expect(json(foreign)).toEqual(json(missing));
    });

    it.each([
      ['officer', '/api/vessel-cases/export.xlsx', 'townId'],
      ['officer', '/api/vessel-cases/export.xlsx', 'villageId'],
      ['officer2', '/api/vessel-cases/export.xlsx', 'townId'],
      ['officer2', '/api/vessel-cases/export.xlsx', 'villageId'],
      ['leader', '/api/disputes/export.xlsx', 'townId'],
      ['leader', '/api/disputes/export.xlsx', 'villageId'],
      ['leader2', '/api/disputes/export.xlsx', 'townId'],
      ['leader2', '/api/disputes/export.xlsx', 'villageId'],
    ])('%s: %s?%s=<other town> answers 404 as a missing one, and audits no export', async (user, path, filter) => {
      const other = otherOf(user);
      const before = await t.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE action LIKE '%.export'`);
      const foreign = await filtered(user, path, { [filter]: filter === 'townId' ? other.town : other.village });
      const missing = await filtered(user, path, { [filter]: randomUUID() });
      expect([foreign.status, missing.status]).toEqual([404, 404]);
      expect(json(foreign)).toEqual(json(missing));
      expect(await t.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE action LIKE '%.export'`)).toEqual(before);
    });

    it.each([
      ['officer', '/api/vessel-cases/export.xlsx', 'campaignId'],
      ['leader', '/api/disputes/export.xlsx', 'mediatorId'],
      ['leader2', '/api/disputes/export.xlsx', 'mediatorId'],
    ])('%s: %s?%s=<other town> gives nothing of the other town', async (user, path, filter) => {
      const other = otherOf(user);
      const id = filter === 'mediatorId' ? other.peaceOfficer : (await w.readOnly('campaign', other)).id;
      const res = await filtered(user, path, { [filter]: id });
      if (res.status === 404) return;
      expect(res.status).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.body);
      // The title and the header row, no record.
      expect(book.worksheets[0].rowCount).toBe(2);
    });
  });
});
