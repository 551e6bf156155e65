'use strict';

const { BASE_URL, launch, openPage, signIn, expectText, answer } = require('./browser');

describe('sign-in', () => {
  let browser;

  beforeAll(async () => {
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("shows the server's Chinese message for a wrong password", async () => {
    const { page, problems, expectFailure, close } = await openPage(browser);
    expectFailure(/\/api\/auth\/login$/);
    try {
      await page.goto(`${BASE_URL}/login`);
      await expect(page.title()).resolves.toBe('法治台账');
      await page.fill('input[name="username"]', 'petition');
      await page.fill('input[name="password"]', 'not-the-password');
      const response = await answer(page, 'POST', /^\/api\/auth\/login$/, () => page.click('[data-test="login-submit"]'));
      expect(response.status).toBe(401);
      const body = response.body;
      expect(body.code).toBe('INVALID_CREDENTIALS');
      expect(body.message).toMatch(/[\u4e00-\u9fff]/);
      const alert = page.locator('[data-test="login-error"]');
      await alert.waitFor();
      await expectText(alert, body.message);
      expect(new URL(page.url()).pathname).toBe('/login');
      await page.screenshot({ path: '/tmp/shot-login-error.png' });
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('speaks English after the switch, server messages included, and remembers it', async () => {
    const { page, problems, expectFailure, close } = await openPage(browser);
    expectFailure(/\/api\/auth\/login$/);
    try {
      await page.goto(`${BASE_URL}/login`);
      await page.click('[data-test="lang-switch"]');
      await page.click('[data-test="lang-en"]');
      await expectText(page.locator('.fz-login-heading'), 'Sign in', { exact: true });
      await expect(page.title()).resolves.toBe('Fazhi Ledger');

      await signIn(page, 'mediator', 'still-wrong');
      await expectText(page.locator('[data-test="login-error"]'), 'Wrong username or password');

      await signIn(page, 'admin');
      await page.waitForURL(`${BASE_URL}/`);
      await expectText(page.locator('[data-menu="users"]'), 'Users');
      await page.reload();
      await page.waitForSelector('[data-test="home-welcome"]');
      await expectText(page.locator('[data-menu="org"]'), 'Org units');

      await page.click('[data-test="lang-switch"]');
      await page.click('[data-test="lang-zh-CN"]');
      await expectText(page.locator('[data-menu="org"]'), '组织机构');
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('sends a visitor to the sign-in page and back to the page asked for', async () => {
    const { page, problems, expectFailure, close } = await openPage(browser);
    expectFailure(/\/api\/auth\/me$/);
    try {
      await page.goto(`${BASE_URL}/admin/roles`);
      await page.waitForURL(/\/login\?returnUrl=%2Fadmin%2Froles$/);
      await page.fill('input[name="username"]', 'admin');
      await page.fill('input[name="password"]', 'Fazhi@2021');
      await page.click('[data-test="login-submit"]');
      await page.waitForURL(`${BASE_URL}/admin/roles`);
      await page.waitForSelector('[data-role="admin"]');
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("sends a user whose session ended to sign in, with the server's word, and back after", async () => {
    const { page, context, problems, expectFailure, close } = await openPage(browser);
    expectFailure(/\/api\/disputes\?/);
    try {
      await signIn(page, 'mediator');
      await page.waitForURL(`${BASE_URL}/`);
      await page.click('[data-menu="dispute-list"] a');
      await page.waitForSelector('[data-test="dispute-table"] tr[data-dispute]');
      await context.clearCookies();
      const refused = await answer(page, 'GET', /^\/api\/disputes$/, () => page.click('[data-test="dispute-search"]'));
      expect(refused.status).toBe(401);
      await expectText(page.locator('.ant-message-notice'), refused.body.message);
      await page.waitForURL(/\/login\?returnUrl=%2Fdisputes/);
      await page.fill('input[name="username"]', 'mediator');
      await page.fill('input[name="password"]', 'Fazhi@2021');
      await page.click('[data-test="login-submit"]');
      await page.waitForURL(/\/disputes/);
      await page.waitForSelector('[data-test="dispute-table"] tr[data-dispute]');
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('signs out from the user menu', async () => {
    const { page, problems, expectFailure, close } = await openPage(browser);
    expectFailure(/\/api\/auth\/me$/);
    try {
      await signIn(page, 'officer');
      await page.waitForURL(`${BASE_URL}/`);
      await page.click('[data-test="user-menu"]');
      await page.click('[data-test="logout"]');
      await page.waitForURL(`${BASE_URL}/login`);
      const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
      expect(me).toBe(401);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
