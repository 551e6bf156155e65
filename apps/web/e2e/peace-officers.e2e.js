'use strict';

const { BASE_URL, launch, openPage, signIn, expectText } = require('./browser');

describe('peace officer register', () => {
  let browser;

  beforeAll(async () => {
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('the legal affairs office adds an officer, edits it and sees the 56 officers of 2021', async () => {
    const { page, problems, close } = await openPage(browser);
    const name = `测试平安员${Date.now() % 100000}`;
    const row = page.locator(`[data-test="peace-officer-table"] tr[data-officer="${name}"]`);
    const save = async () => {
      await page.click('[data-test="peace-officer-save"]');
      await page.waitForSelector('[data-test="peace-officer-form"]', { state: 'detached' });
    };
    const search = async () => {
      await Promise.all([page.waitForResponse((res) => res.url().includes('/api/peace-officers?')), page.click('[data-test="peace-officer-search"]')]);
    };
    try {
      await signIn(page, 'legal');
      await page.waitForURL(`${BASE_URL}/`);
      await page.click('[data-menu="peace-officers"] a');
      await page.waitForURL(`${BASE_URL}/disputes/peace-officers`);
      await page.waitForSelector('[data-test="peace-officer-table"] tr[data-officer], [data-test="peace-officer-table"] .ant-table-placeholder');

      // Active from today (the form's default), so in this year's register.
      await page.click('[data-test="peace-officer-create"]');
      await page.fill('#po-name', name);
      await page.fill('#po-phone', '13800138000');
      await save();
      await page.fill('[data-test="filter-name"]', name);
      await search();
      await expectText(row.locator('[data-test="officer-phone"]'), '138****8000', { exact: true });
      await expectText(row.locator('[data-test="officer-status"]'), '在任', { exact: true });

      await row.locator('[data-test="officer-edit"]').click();
      await page.fill('#po-remark', '兼任网格员');
      await save();
      await expectText(row, '兼任网格员');

      await page.fill('[data-test="filter-name"]', '');
      await page.click('[data-test="filter-year"]');
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '2021 年在任' }).click();
      await search();
      await page.waitForURL(/activeInYear=2021/);
      await expectText(page.locator('[data-test="peace-officer-count"]'), '56', { exact: true });
      await page.waitForLoadState('networkidle');
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
