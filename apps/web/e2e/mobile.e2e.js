'use strict';

const { BASE_URL, launch, openPage, signIn, fitsWidth, expectMenu } = require('./browser');

/** The left and right edges of the first visible element matching `selector`, and how much its content overflows sideways. */
function edges(page, selector) {
  return page
    .locator(selector)
    .first()
    .evaluate((node) => {
      const box = node.getBoundingClientRect();
      return { left: Math.floor(box.left), right: Math.ceil(box.right), overflow: node.scrollWidth - node.clientWidth };
    });
}

/** Nothing in `selector` is cut at the screen's sides or scrolls sideways. */
async function expectFits(page, selector, width = 375) {
  const box = await edges(page, selector);
  expect(box.left).toBeGreaterThanOrEqual(0);
  expect(box.right).toBeLessThanOrEqual(width);
  expect(box.overflow).toBeLessThanOrEqual(0);
}

describe('phone-sized screen (375 px)', () => {
  let browser;

  beforeAll(async () => {
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('puts the menu in a drawer and fits the width', async () => {
    const { page, problems, close } = await openPage(browser, { width: 375, height: 812 });
    try {
      await signIn(page, 'admin');
      await page.waitForURL(`${BASE_URL}/`);
      await page.waitForSelector('[data-test="home-welcome"]');
      expect(await page.locator('[data-test="sider"]').count()).toBe(0);
      expect(await page.locator('.ant-drawer-open').count()).toBe(0);
      expect(await fitsWidth(page)).toBeLessThanOrEqual(375);
      await page.screenshot({ path: '/tmp/shot-mobile-home.png', fullPage: true });

      await page.click('[data-test="menu-toggle"]');
      await page.waitForSelector('.ant-drawer-open [data-test="menu-drawer"]');
      await expectMenu(page, ['home', 'disputes', 'dispute-settings', 'system', 'users', 'org', 'roles', 'calendar', 'account', 'password']);
      await page.screenshot({ path: '/tmp/shot-mobile-drawer.png' });

      await page.click('[data-menu="users"] a');
      await page.waitForURL(`${BASE_URL}/admin/users`);
      await page.waitForFunction(() => document.querySelector('.ant-drawer-open') === null);
      await page.waitForSelector('[data-test="user-table"] tbody tr[data-user]');
      expect(await fitsWidth(page)).toBeLessThanOrEqual(375);
      await page.screenshot({ path: '/tmp/shot-mobile-users.png', fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("shows a village's service lists and the advisor's linked-account picker whole on a phone", async () => {
    const { page, problems, close } = await openPage(browser, { width: 375, height: 812 });
    try {
      await signIn(page, 'legal');
      await page.waitForURL(`${BASE_URL}/`);

      await page.goto(`${BASE_URL}/advisors/villages`);
      await page.locator('[data-test="village-service-lists"]').first().click();
      await page.waitForSelector('.ant-modal [data-test="service-list-download"]');
      await page.waitForSelector('.ant-modal [data-test="service-list-form"]');
      await expectFits(page, '.ant-modal');
      await expectFits(page, '.ant-modal-body');
      await expectFits(page, '[data-test="service-lists"]');
      expect(await fitsWidth(page)).toBeLessThanOrEqual(375);
      await page.screenshot({ path: '/tmp/shot-mobile-service-lists.png' });

      await page.goto(`${BASE_URL}/advisors/register`);
      await page.locator('[data-test="advisor-edit"]').first().click();
      await page.waitForSelector('.ant-modal [data-test="advisor-form"]');
      await expectFits(page, '.ant-modal');
      await expectFits(page, '.ant-modal-body');
      await page.locator('[data-test="ad-userId"]').scrollIntoViewIfNeeded();
      await page.locator('[data-test="ad-userId"]').click();
      await page.waitForSelector('.ant-select-dropdown:visible .ant-select-item-option');
      await expectFits(page, '.ant-select-dropdown:visible');
      expect(await fitsWidth(page)).toBeLessThanOrEqual(375);
      await page.screenshot({ path: '/tmp/shot-mobile-account-picker.png' });
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
