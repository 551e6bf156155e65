'use strict';

const { BASE_URL, launch, openPage, signIn, expectText } = require('./browser');

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

  it('a mediator registers a dispute with two parties', async () => {
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
      await page.waitForSelector('[data-test="dispute-actions"] [data-transition="accepted"]');
      await page.waitForLoadState('networkidle');
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
