'use strict';

const { BASE_URL, launch, openPage, signIn, fitsWidth, expectMenu } = require('./browser');

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
});
