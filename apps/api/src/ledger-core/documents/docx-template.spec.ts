import { buildDocx } from './docx-builder';
import { docxPlaceholders, docxText, fillDocxTemplate, fillXml, placeholdersOfXml } from './docx-template';

const run = (text: string, props = '') => `<w:r>${props}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const para = (...runs: string[]) => `<w:p><w:pPr/>${runs.join('')}</w:p>`;

describe('Word templates', () => {
  it('finds and fills placeholders that Word split across runs, keeping the runs around them', () => {
    const xml = `<w:body>${para(run('甲方:{{当'), '<w:proofErr w:type="spellStart"/>', run('事人}}', '<w:rPr><w:b/></w:rPr>'), run('。'))}${para(run('{'), run('{履行期限}}前'))}</w:body>`;
    expect(placeholdersOfXml(xml)).toEqual(['当事人', '履行期限']);
    const filled = fillXml(xml, (name) => ({ 当事人: '黄大海 & 陈水明', 履行期限: '2021年7月15日' })[name]);
    expect(filled).toContain('<w:proofErr w:type="spellStart"/>');
    expect(filled).toContain('<w:rPr><w:b/></w:rPr>');
    expect(filled.replace(/<[^>]+>/g, '')).toBe('甲方:黄大海 &amp; 陈水明。2021年7月15日前');
  });

  it('leaves unknown placeholders and does not join paragraphs', () => {
    const xml = `${para(run('{{未知}}'))}${para(run('{{'))}${para(run('当事人}}'))}`;
    expect(fillXml(xml, () => undefined)).toBe(xml);
    expect(fillXml(xml, (n) => (n === '当事人' ? 'y' : undefined))).toBe(xml);
  });

  it('turns line breaks of a value into <w:br/>', () => {
    const filled = fillXml(para(run('{{当事人}}')), () => '申请人:甲\n被申请人:乙');
    expect(filled).toContain('申请人:甲</w:t><w:br/><w:t xml:space="preserve">被申请人:乙');
  });

  it('builds a .docx with the docx package and fills it', async () => {
    const template = await buildDocx({ title: '人民调解协议书', blocks: [{ text: '当事人:{{当事人}}' }, { text: '协议:{{协议内容}}', indent: true }] });
    expect(await docxPlaceholders(template)).toEqual(['当事人', '协议内容']);
    const text = await docxText(await fillDocxTemplate(template, { 当事人: '黄大海', 协议内容: '赔偿八千元' }));
    expect(text).toContain('人民调解协议书');
    expect(text).toContain('当事人:黄大海');
    expect(text).toContain('协议:赔偿八千元');
  });

  it('gives the same bytes for the same outline and values at any time, so a regenerated document is stored once', async () => {
    const outline = { title: '人民调解协议书', blocks: [{ text: '甲方：{{甲方}}' }] };
    // Only the date moves: the zip library's own timers keep running.
    jest.useFakeTimers({
      now: new Date('2022-03-01T08:00:00Z'),
      doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'],
    });
    try {
      const first = await fillDocxTemplate(await buildDocx(outline), { 甲方: '张三' });
      jest.setSystemTime(new Date('2022-03-01T09:30:07Z'));
      const second = await fillDocxTemplate(await buildDocx(outline), { 甲方: '张三' });
      expect(second.equals(first)).toBe(true);
      expect(await docxText(second)).toContain('甲方：张三');
    } finally {
      jest.useRealTimers();
    }
  });
});
