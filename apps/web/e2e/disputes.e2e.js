'use strict';

const fs = require('node:fs');
const JSZip = require('jszip');
const { BASE_URL, launch, openPage, signIn, choose, expectText } = require('./browser');

/** Picks `option` (text) in the select of the open modal's field `name`. */
async function chooseInStep(page, name, option) {
  await choose(page, `.ant-modal [data-field="${name}"] nz-select`, option);
  await page.click('.ant-modal-title');
}

/** Confirms the open modal and waits for the dispute to come back. */
async function confirm(page, pathPattern) {
  await Promise.all([page.waitForResponse((res) => pathPattern.test(new URL(res.url()).pathname) && res.request().method() !== 'GET' && res.ok()), page.click('.ant-modal-footer .ant-btn-primary')]);
  await page
    .locator('.ant-modal-wrap')
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
}

describe('dispute pages', () => {
  let browser;

  beforeAll(async () => {
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('a leader opens a statistic, the rows behind it and one dispute with its timeline', async () => {
    const { page, problems, close } = await openPage(browser);
    try {
      await signIn(page, 'leader');
      await page.waitForURL(`${BASE_URL}/`);
      await page.waitForSelector('[data-test="dispute-warnings"]');
      await page.goto(`${BASE_URL}/disputes/statistics`);
      await page.waitForSelector('[data-test="stats-cards"] [data-figure="agreed"]');
      await page.click('[data-figure="agreed"]');
      await page.waitForURL(/\/disputes\?.*agreedYear=/);
      await page.waitForSelector('[data-test="filter-tags"] [data-filter="agreedYear"]');
      await page.goto(`${BASE_URL}/disputes?voided=false&registeredYear=2021`);
      await page.waitForSelector('[data-test="dispute-table"] tr[data-dispute] a').catch(async (e) => {
        await page.screenshot({ path: '/tmp/shot-disputes.png', fullPage: true });
        throw e;
      });
      await page.locator('[data-test="dispute-table"] tr[data-dispute] a').first().click();
      await page.waitForURL(/\/disputes\/[0-9a-f-]{36}$/);
      await page.waitForSelector('[data-test="dispute-facts"]');
      await page.waitForSelector('[data-test="dispute-timeline"] .ant-timeline-item');
      await page.waitForSelector('[data-test="dispute-parties"] tr[data-party]');
      await page.waitForLoadState('networkidle');
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a mediator registers a dispute with two parties, mediates it to a written agreement and downloads it', async () => {
    const { page, problems, close } = await openPage(browser);
    try {
      await signIn(page, 'mediator');
      await page.waitForURL(`${BASE_URL}/`);
      await page.goto(`${BASE_URL}/disputes/new`);
      await page.waitForSelector('[data-test="dispute-form"]');
      await page.locator('[data-test="form-category"]').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '邻里纠纷' }).first().click();
      await page.fill('#d-summary', '相邻排水沟堵塞引发争执');
      await page.fill('#p-name-0', '黄海生');
      await page.fill('#p-name-1', '李大明');
      await page.click('[data-test="dispute-submit"]');
      await page.waitForURL(/\/disputes\/[0-9a-f-]{36}$/);
      await expectText(page.locator('[data-test="dispute-status"]'), '已登记');
      await page.click('[data-test="dispute-actions"] [data-transition="accepted"]');
      await chooseInStep(page, 'mediatorIds');
      await confirm(page, /\/transitions$/);
      await expectText(page.locator('[data-test="dispute-status"]'), '已受理');
      await expectText(page.locator('[data-test="dispute-deadline"]'), '调解期限');

      await page.click('[data-test="dispute-actions"] [data-transition="mediating"]');
      await confirm(page, /\/transitions$/);
      await expectText(page.locator('[data-test="dispute-status"]'), '调解中');

      await page.click('[data-test="session-add"]');
      await page.fill('#step-place', '广海镇人民调解委员会');
      await page.fill('#step-attendees', '黄海生、李大明、调解员');
      await page.fill('#step-record', '双方同意共同出资疏通排水沟');
      await confirm(page, /\/sessions$/);
      await expectText(page.locator('[data-test="dispute-sessions"]'), '共同出资疏通排水沟');

      await page.click('[data-test="dispute-actions"] [data-transition="agreed"]');
      await chooseInStep(page, 'agreementForm', '书面协议');
      await page.fill('#step-terms', '双方各承担疏通费用的一半，于七日内完成疏通。');
      await page.fill('#step-performanceManner', '现金支付，共同施工');
      await confirm(page, /\/transitions$/);
      await expectText(page.locator('[data-test="dispute-status"]'), '达成协议');

      const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-test="agreement-download"]')]);
      expect(download.suggestedFilename()).toMatch(/\.docx$/);
      const zip = await JSZip.loadAsync(fs.readFileSync(await download.path()));
      const text = (await zip.file('word/document.xml').async('string')).replace(/<[^>]+>/g, '');
      expect(text).toContain('人民调解协议书');
      expect(text).toContain('黄海生');
      expect(text).toContain('李大明');
      expect(text).toContain('双方各承担疏通费用的一半');
      await page.waitForLoadState('networkidle');
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
