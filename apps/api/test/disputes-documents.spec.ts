import { Document, Packer, Paragraph, TextRun } from 'docx';
import { demoEvidencePng } from '../src/database/seeds/demo-images';
import { createTestApp, TestApp } from './test-app';
import { binary, disputeSteps, docxBodyText, officerId } from './disputes-fixtures';

/** A .docx whose paragraphs are the given runs (Word splits typed text into runs like these). */
function docxOf(paragraphs: (string | TextRun[])[]): Promise<Buffer> {
  const children = paragraphs.map((p) => new Paragraph({ children: typeof p === 'string' ? [new TextRun(p)] : p }));
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

describe('the mediation agreement (人民调解协议书) as a Word file', () => {
  let t: TestApp;
  let mediator: string;
  let legal: string;
  let leader2: string;
  let s: ReturnType<typeof disputeSteps>;
  let agreed: { id: string; number: string; version: number };

  beforeAll(async () => {
    t = await createTestApp();
    [mediator, legal, leader2] = await Promise.all([t.login('mediator'), t.login('legal'), t.login('leader2')]);
    s = disputeSteps(t);
    const v = await s.toMediating(mediator, [await officerId(t, '甄秀英')]);
    agreed = await s.agree(mediator, v.id, v.version);
  });
  afterAll(() => t.close());

  const download = (path: string, cookie = mediator) => t.http.get(path).set('Cookie', cookie).buffer(true).parse(binary);

  it('fills the built-in template with the Art 29 matters, keeps the file on the dispute and audits it', async () => {
    const v = await s.toMediating(mediator, [await officerId(t, '甄秀英')]);
    const mine = await s.agree(mediator, v.id, v.version);
    const res = await download(`/api/disputes/${mine.id}/agreement.docx`).expect(200);
    expect(res.headers['content-type']).toMatch(/wordprocessingml/);
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    const text = await docxBodyText(res.body);
    for (const expected of [
      '人民调解协议书',
      mine.number,
      '申请人:黄大海',
      '身份证号码:11010519491231002X',
      '被申请人:陈水明',
      '黄大海于2021年7月15日前将排水沟改至屋后,陈水明配合施工',
      '履行方式:当事人自行施工,村委会见证',
      '履行期限:2021年7月15日前履行完毕',
      '甄秀英',
      '广海镇人民调解委员会',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toMatch(/\{\{/);
    const detail = await t.http.get(`/api/disputes/${mine.id}`).set('Cookie', mediator).expect(200);
    expect(detail.body.attachments).toEqual([expect.objectContaining({ fileName: `${mine.number}人民调解协议书.docx`, stage: 'document', mime: expect.stringMatching(/wordprocessingml/) })]);
    expect(detail.body.version).toBe(mine.version);
    const [audit] = await t.ds.query(`SELECT after, detail FROM audit_log WHERE action = 'dispute.agreement.generate' AND entity_id = $1`, [mine.id]);
    expect(audit).toMatchObject({ after: { fileName: `${mine.number}人民调解协议书.docx`, reused: false }, detail: { template: 'builtin' } });
    await download(`/api/disputes/${mine.id}/agreement.docx`).expect(200);
    const again = await t.http.get(`/api/disputes/${mine.id}`).set('Cookie', mediator).expect(200);
    expect(again.body.attachments).toHaveLength(1);
    await download(`/api/disputes/${mine.id}/agreement.docx`, leader2).expect(404);
  });

  it('refuses an oral agreement', async () => {
    const v = await s.toMediating(mediator, [await officerId(t, '甄秀英')]);
    const oral = await s.agree(mediator, v.id, v.version, { agreementForm: 'oral' });
    expect(JSON.parse((await download(`/api/disputes/${oral.id}/agreement.docx`).expect(409)).body.toString()).code).toBe('NO_WRITTEN_AGREEMENT');
  });

  it('checks an uploaded template for a Word body and every placeholder Art 29 needs', async () => {
    const upload = (file: Buffer, name: string, cookie = legal, version = '0') =>
      t.http.post('/api/disputes/agreement-template').set('Cookie', cookie).field('version', version).attach('file', file, name);
    const lacking = await docxOf(['{{当事人}}', '{{纠纷事实}}', '{{争议事项}}', '{{履行方式}}', '{{履行期限}}']);
    await upload(lacking, 'a.docx', mediator).expect(403);
    const missing = await upload(lacking, 'a.docx').expect(400);
    expect(missing.body).toMatchObject({ code: 'TEMPLATE_PLACEHOLDERS_MISSING', missing: ['协议内容'], errors: [expect.objectContaining({ path: 'file', code: 'placeholder' })] });
    expect((await upload(demoEvidencePng(1, 'after'), 'photo.docx').expect(400)).body.code).toBe('TEMPLATE_NOT_DOCX');
    const info = await t.http.get('/api/disputes/agreement-template').set('Cookie', mediator).expect(200);
    expect(info.body).toMatchObject({ source: 'builtin', version: 0 });
    expect(info.body.placeholders).toEqual(expect.arrayContaining(['当事人', '协议内容', '履行期限']));
  });

  it('fills an uploaded template whose placeholders Word split across runs, and goes back to the built-in one', async () => {
    const custom = await docxOf([
      '广海镇人民调解协议书(镇定格式)',
      [new TextRun('当事人:{{当'), new TextRun({ text: '事人}}', bold: true })],
      ['纠纷事实:{{纠纷事实}}', '争议:{{争议事项}}'].map((x) => new TextRun(x)),
      [new TextRun('协议:{{协'), new TextRun({ text: '议内', italics: true }), new TextRun('容}}。')],
      '方式:{{履行方式}}',
      [new TextRun('期限:{'), new TextRun('{履行期限}}')],
    ]);
    const unversioned = await t.http.post('/api/disputes/agreement-template').set('Cookie', legal).attach('file', custom, '镇定格式.docx').expect(400);
    expect(unversioned.body.errors).toEqual([expect.objectContaining({ path: 'version', code: 'required' })]);
    const uploaded = await t.http.post('/api/disputes/agreement-template').set('Cookie', legal).field('version', '0').attach('file', custom, '镇定格式.docx').expect(200);
    expect(uploaded.body).toMatchObject({ source: 'uploaded', fileName: '镇定格式.docx', version: 1, uploadedByName: '梁文静' });
    await t.http.post('/api/disputes/agreement-template').set('Cookie', legal).field('version', '0').attach('file', custom, 'again.docx').expect(409);
    const file = await download('/api/disputes/agreement-template.docx').expect(200);
    expect(Buffer.compare(file.body, custom)).toBe(0);

    const text = await docxBodyText((await download(`/api/disputes/${agreed.id}/agreement.docx`).expect(200)).body);
    expect(text).toContain('广海镇人民调解协议书(镇定格式)');
    expect(text).toContain('当事人:申请人:黄大海');
    expect(text).toContain('协议:黄大海于2021年7月15日前将排水沟改至屋后,陈水明配合施工。');
    expect(text).toContain('期限:2021年7月15日');
    expect(text).not.toMatch(/\{\{|\}\}/);
    const [audit] = await t.ds.query(`SELECT detail FROM audit_log WHERE action = 'dispute.agreement.generate' AND entity_id = $1 ORDER BY id DESC LIMIT 1`, [agreed.id]);
    expect(audit.detail).toEqual({ template: 'uploaded' });

    const reset = await t.http.delete('/api/disputes/agreement-template?version=1').set('Cookie', legal).expect(200);
    expect(reset.body).toMatchObject({ source: 'builtin', version: 0 });
    const [change] = await t.ds.query(`SELECT after FROM audit_log WHERE action = 'document-template.upload' ORDER BY id DESC LIMIT 1`);
    expect(change.after).toMatchObject({ fileName: '镇定格式.docx' });
  });
});
