'use strict';

const JSZip = require('jszip');
const { BASE_URL, launch, openPage, signIn, fitsWidth, expectText } = require('./browser');

const TEMPLATE_API = /\/api\/disputes\/agreement-template$/;

/** The template with `{{当事人}}` taken out of its body: one the API must refuse. */
async function withoutParties(docx) {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml').async('string');
  if (!xml.includes('{{当事人}}')) throw new Error('the built-in template has no {{当事人}} in one run');
  zip.file('word/document.xml', xml.replaceAll('{{当事人}}', '当事人'));
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** Chooses a file in the template card and waits for the API's answer. */
async function upload(page, name, buffer) {
  const [res] = await Promise.all([
    page.waitForResponse((r) => TEMPLATE_API.test(new URL(r.url()).pathname) && r.request().method() === 'POST'),
    page.setInputFiles('[data-test="template-file"]', { name, mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer }),
  ]);
  return res;
}

describe('dispute settings page', () => {
  let browser;

  beforeAll(async () => {
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('the legal affairs office replaces the agreement template and restores the built-in one', async () => {
    const { page, problems, expectFailure, close } = await openPage(browser, { width: 375, height: 812 });
    expectFailure(/\/api\/disputes\/agreement-template(\?|$)/);
    try {
      await signIn(page, 'legal');
      await page.waitForURL(`${BASE_URL}/`);
      await page.goto(`${BASE_URL}/disputes/settings`);
      await page.waitForSelector('[data-test="template-source"][data-source="builtin"]');
      await expectText(page.locator('[data-test="period-current"]'), '受理之日起 1 个月');
      expect(await page.locator('[data-test="period-form"]').count()).toBe(0);
      expect(await fitsWidth(page)).toBeLessThanOrEqual(375);

      const builtin = await page.request.get(`${BASE_URL}/api/disputes/agreement-template.docx`);
      expect(builtin.ok()).toBe(true);
      const docx = await builtin.body();

      const refused = await upload(page, '缺少当事人.docx', await withoutParties(docx));
      expect(refused.status()).toBe(400);
      await page.waitForSelector('[data-test="template-missing"] [data-missing="当事人"]');
      await page.waitForSelector('[data-test="template-source"][data-source="builtin"]');

      const accepted = await upload(page, '广海镇人民调解协议书.docx', docx);
      expect(accepted.status()).toBe(200);
      await page.waitForSelector('[data-test="template-source"][data-source="uploaded"]');
      await expectText(page.locator('[data-test="template-file-name"]'), '广海镇人民调解协议书.docx');
      expect(await page.locator('[data-test="template-error"]').count()).toBe(0);
      await page.screenshot({ path: '/tmp/shot-dispute-settings.png', fullPage: true });

      await page.click('[data-test="template-reset"]');
      await Promise.all([page.waitForResponse((r) => TEMPLATE_API.test(new URL(r.url()).pathname) && r.request().method() === 'DELETE' && r.ok()), page.click('.ant-popover .ant-btn-primary')]);
      await page.waitForSelector('[data-test="template-source"][data-source="builtin"]');
      await page.waitForLoadState('networkidle');
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
