import ExcelJS from 'exceljs';
import { maskForAudit, personalKindOf } from '../src/audit/audit-mask';
import { demoEvidencePng } from '../src/database/seeds/demo-images';
import { binary, disputeSteps, officerId } from './disputes-fixtures';
import { createTestApp, idOf, TestApp } from './test-app';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A valid citizen ID number (GB 11643) born on 1975-03-<day>, distinct per `n`. */
function idNumber(n: number): string {
  const body = `440781197503${String(10 + (n % 18)).padStart(2, '0')}${String(100 + n).padStart(3, '0')}`;
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * ID_WEIGHTS[i], 0);
  return body + '10X98765432'[sum % 11];
}
const phone = (n: number) => `1392468${String(1000 + n).slice(-4)}`;

/** An ID number or a mobile number standing alone (not inside a longer run of digits or a hash). */
const ID_PATTERN = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/;
const PHONE_PATTERN = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/;

describe('personal data in the audit log', () => {
  describe('masking by field name', () => {
    it('masks citizens’ names, ID numbers, phones and addresses by the ledgers’ field list and the suffix rules', () => {
      const masked = maskForAudit({
        ownerName: '黄大海',
        ownerIdNumber: '11010519491231002X',
        ownerPhone: '13812345678',
        partyName: '陈水明',
        partyIdNumber: '11010519491231002X',
        contactPhone: '0750-5551234',
        parties: [{ name: '黄大海', idNumber: '11010519491231002X', phone: '13812345678', address: '台山市广海镇南湾村12号', role: 'applicant' }],
        filters: { ownerIdNumber: '11010519491231002X', status: ['registered'] },
        reason: '船主电话 13812345678，身份证 11010519491231002X',
      });
      expect(masked).toEqual({
        ownerName: '黄**',
        ownerIdNumber: '110105********002X',
        ownerPhone: '138****5678',
        partyName: '陈**',
        partyIdNumber: '110105********002X',
        contactPhone: '075****1234',
        parties: [{ name: '黄**', idNumber: '110105********002X', phone: '138****5678', address: '台山市广海镇****', role: 'applicant' }],
        filters: { ownerIdNumber: '110105********002X', status: ['registered'] },
        reason: '船主电话 138****5678，身份证 110105********002X',
      });
    });

    it('leaves the names of officials, org units and campaigns, and hashes and ids, as they are', () => {
      const plain = {
        displayName: '甄秀英',
        username: 'mediator',
        name: '广海镇',
        villageName: '南湾村',
        townName: '广海镇',
        campaignName: '2021年清理整治行动',
        mediatorNames: ['甄秀英'],
        fileName: '广海调〔2022〕第0006号人民调解协议书.docx',
        sha256: '13812345678abcdef13812345678abcdef13812345678abcdef1381234567890',
        number: '广海三无〔2021〕第0001号',
        size: 13812345678,
      };
      expect(maskForAudit(plain)).toEqual(plain);
      for (const key of ['displayName', 'villageName', 'campaignName', 'townName', 'name', 'address', 'fileName']) expect(personalKindOf(key)).toBeNull();
      expect(personalKindOf('name', true)).toBe('name');
      expect(personalKindOf('ownerName')).toBe('name');
    });
  });

  describe('after every ledger operation', () => {
    let t: TestApp;
    let officer: string;
    let mediator: string;
    let legal: string;
    const used: string[] = [];
    const id = (n: number) => {
      const v = idNumber(n);
      used.push(v);
      return v;
    };
    const tel = (n: number) => {
      const v = phone(n);
      used.push(v);
      return v;
    };

    beforeAll(async () => {
      t = await createTestApp();
      [officer, mediator, legal] = await Promise.all([t.login('officer'), t.login('mediator'), t.login('legal')]);
    });
    afterAll(() => t.close());

    const ok = async (req: import('supertest').Test, status = 200) => {
      const res = await req;
      if (res.status !== status) throw new Error(`${req.url}: ${res.status} ${JSON.stringify(res.body)}`);
      return res;
    };
    const sheet = async (headers: string[], rows: unknown[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('台账');
      ws.addRow(headers);
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };

    it('holds no ID number or phone in clear in any row', async () => {
      const village = await idOf(t.ds, 'org_unit', 'GH02');
      // Vessels: create, update, persuasion, evidence, transition, unmask, search, export, import, void.
      let v = (
        await ok(
          t.http
            .post('/api/vessel-cases')
            .set('Cookie', officer)
            .send({
              villageId: village,
              discoveredAt: '2021-06-14T09:30:00+08:00',
              place: '南湾码头',
              source: 'patrol',
              hullMaterial: 'wood',
              ownerName: '黄海生',
              ownerIdNumber: id(1),
              ownerPhone: tel(1),
            }),
          201,
        )
      ).body;
      v = (
        await ok(
          t.http
            .patch(`/api/vessel-cases/${v.id}`)
            .set('Cookie', officer)
            .send({ version: v.version, ownerIdNumber: id(2), ownerPhone: tel(2), remark: `船主另一电话 ${tel(3)}` }),
        )
      ).body;
      v = (
        await ok(
          t.http
            .post(`/api/vessel-cases/${v.id}/persuasions`)
            .set('Cookie', officer)
            .send({ version: v.version, date: '2021-06-15', staff: '伍国华', measure: 'education', result: `船主 ${tel(4)} 同意自行拆解` }),
          201,
        )
      ).body;
      v = (
        await ok(
          t.http
            .post(`/api/vessel-cases/${v.id}/attachments`)
            .set('Cookie', officer)
            .field('version', String(v.version))
            .field('stage', 'before')
            .attach('file', demoEvidencePng(11, 'before'), `${tel(5)}.png`),
          201,
        )
      ).body;
      await ok(t.http.get(`/api/vessel-cases/${v.id}/attachments/${v.attachments[0].id}`).set('Cookie', officer).buffer(true).parse(binary));
      v = (await ok(t.http.post(`/api/vessel-cases/${v.id}/transitions`).set('Cookie', officer).send({ to: 'persuading', version: v.version }))).body;
      await ok(
        t.http
          .post(`/api/vessel-cases/${v.id}/unmask`)
          .set('Cookie', officer)
          .send({ fields: ['ownerIdNumber', 'ownerPhone'], reason: '核对船主' }),
      );
      await ok(
        t.http
          .post('/api/vessel-cases/search')
          .set('Cookie', officer)
          .send({ ownerIdNumber: id(2), ownerPhone: tel(2) }),
      );
      await ok(
        t.http
          .post('/api/vessel-cases/export.xlsx')
          .set('Cookie', officer)
          .send({ ownerIdNumber: id(2), ownerPhone: tel(2), unmask: 'true' })
          .buffer(true)
          .parse(binary),
      );
      const vesselSheet = await sheet(
        ['编号', '发现时间', '发现地点', '线索来源', '船体材质', '船主姓名', '船主身份证号', '船主电话'],
        [
          [null, '2021-07-01 08:00', '大湾码头', '巡查发现', '木质', '陈大文', id(6), tel(6)],
          [v.number, '2021-06-14 09:30', '南湾码头', '巡查发现', '木质', '黄海生', id(7), tel(7)],
        ],
      );
      const imported = await ok(t.http.post('/api/vessel-cases/import?mode=commit').set('Cookie', officer).attach('file', vesselSheet, 'ledger.xlsx'));
      expect(imported.body).toMatchObject({ creates: 1, updates: 1, errors: [] });
      const now = (await ok(t.http.get(`/api/vessel-cases/${v.id}`).set('Cookie', officer))).body;
      await ok(
        t.http
          .post(`/api/vessel-cases/${v.id}/void`)
          .set('Cookie', officer)
          .send({ version: now.version, reason: `登记错误，船主 ${id(8)}` }),
      );

      // Disputes: create, update, parties, transition, unmask, search, export, import, agreement.
      const s = disputeSteps(t);
      const parties = [
        { role: 'applicant', name: '梁秀梅', idNumber: id(9), phone: tel(9), address: '台山市广海镇南湾村3号' },
        { role: 'respondent', name: '陈志明', idNumber: id(10), phone: tel(10), address: '台山市广海镇南湾村5号' },
      ];
      let d = await s.register(mediator, { parties, summary: `申请人电话 ${tel(11)}` });
      d = (
        await ok(
          t.http
            .patch(`/api/disputes/${d.id}`)
            .set('Cookie', mediator)
            .send({ version: d.version, summary: `两户因排水沟走向发生争执，联系 ${tel(12)}` }),
        )
      ).body;
      let detail = (
        await ok(
          t.http
            .post(`/api/disputes/${d.id}/parties`)
            .set('Cookie', mediator)
            .send({ version: d.version, role: 'third_party', name: '李月娥', idNumber: id(13), phone: tel(13), address: '台山市广海镇大湾村1号' }),
          201,
        )
      ).body;
      const third = detail.parties[2];
      detail = (
        await ok(
          t.http
            .patch(`/api/disputes/${d.id}/parties/${third.id}`)
            .set('Cookie', mediator)
            .send({ version: detail.version, idNumber: id(14), phone: tel(14) }),
        )
      ).body;
      detail = await s.ok(mediator, d.id, detail.version, 'accepted', { acceptedOn: '2021-06-01', mediatorIds: [await officerId(t, '甄秀英')] });
      detail = await s.ok(mediator, d.id, detail.version, 'mediating');
      detail = await s.session(mediator, d.id, detail.version);
      detail = await s.agree(mediator, d.id, detail.version);
      await ok(t.http.get(`/api/disputes/${d.id}/agreement.docx`).set('Cookie', mediator).buffer(true).parse(binary));
      await ok(
        t.http
          .post(`/api/disputes/${d.id}/unmask`)
          .set('Cookie', mediator)
          .send({ fields: ['idNumber', 'phone', 'address'], reason: '制作调解协议书' }),
      );
      await ok(
        t.http
          .post('/api/disputes/search')
          .set('Cookie', mediator)
          .send({ partyIdNumber: id(9), partyPhone: tel(9), partyName: '梁秀梅' }),
      );
      await ok(
        t.http
          .post('/api/disputes/export.xlsx')
          .set('Cookie', mediator)
          .send({ partyIdNumber: id(9), unmask: 'true' })
          .buffer(true)
          .parse(binary),
      );
      const disputeSheet = await sheet(['编号', '发生日期', '纠纷来源', '纠纷类别', '纠纷简要情况'], [[null, '2021-07-02', '排查发现', '邻里纠纷', `当事人身份证 ${id(15)}，电话 ${tel(15)}`]]);
      await ok(t.http.post('/api/disputes/import?mode=commit').set('Cookie', mediator).attach('file', disputeSheet, 'ledger.xlsx'));

      // Peace officers: create, update, unmask, search.
      const po = (
        await ok(
          t.http
            .post('/api/peace-officers')
            .set('Cookie', legal)
            .send({ villageId: village, name: '伍月华', phone: tel(16), activeFrom: '2021-03-01' }),
          201,
        )
      ).body;
      await ok(
        t.http
          .patch(`/api/peace-officers/${po.id}`)
          .set('Cookie', legal)
          .send({ version: po.version, phone: tel(17) }),
      );
      await ok(
        t.http
          .post(`/api/peace-officers/${po.id}/unmask`)
          .set('Cookie', mediator)
          .send({ fields: ['phone'], reason: '联系平安员' }),
      );
      await ok(
        t.http
          .post('/api/peace-officers/search')
          .set('Cookie', legal)
          .send({ phone: tel(17) }),
      );

      const rows: { id: string; action: string; text: string }[] = await t.ds.query(`SELECT id, action, concat_ws(' ', before::text, after::text, detail::text) AS text FROM audit_log`);
      const actions = new Set(rows.map((r) => r.action));
      for (const a of [
        'vessel-case.create',
        'vessel-case.update',
        'vessel-case.import.create',
        'vessel-case.import.update',
        'vessel-case.export',
        'vessel-case.unmask',
        'vessel-case.attachment.download',
        'dispute.create',
        'dispute.party.create',
        'dispute.party.update',
        'dispute.export',
        'dispute.import.create',
        'peace-officer.update',
      ]) {
        expect(actions).toContain(a);
      }
      const leaks = rows.filter((r) => ID_PATTERN.test(r.text) || PHONE_PATTERN.test(r.text) || used.some((u) => r.text.includes(u)));
      expect(leaks.map((r) => `${r.action}: ${r.text}`)).toEqual([]);
    });
  });
});
