'use strict';

const { BASE_URL, apiAs, launch, openPage, signIn, choose, expectMenu, expectText } = require('./browser');

const NEW_USER = 'e2e_mediator';
const INITIAL_PASSWORD = 'Tiaojie#Start24';
const NEW_PASSWORD = 'Haian#Peace2025';

async function chooseInTree(page, select, nodeText) {
  await page.locator(select).click();
  await page.locator(`.ant-select-dropdown nz-tree-node-title[title="${nodeText}"]`).first().click();
}

describe('accounts', () => {
  let browser;

  beforeAll(async () => {
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('an admin creates a user, who must change the password at the first sign-in', async () => {
    const admin = await openPage(browser);
    try {
      const { page } = admin;
      await signIn(page, 'admin');
      await page.waitForURL(`${BASE_URL}/`);
      await page.click('[data-menu="users"] a');
      await page.waitForSelector('[data-test="user-table"] tbody tr[data-user]');

      await page.click('[data-test="user-create"]');
      const form = page.locator('[data-test="user-form"]');
      await form.waitFor();
      await page.fill('#u-username', NEW_USER);
      await page.fill('#u-displayName', '何调解');
      await page.fill('#u-phone', '13800138000');
      await chooseInTree(page, '[data-test="user-form"] nz-tree-select[formcontrolname="orgUnitId"]', '广海镇');
      await page.fill('#u-password', INITIAL_PASSWORD);
      await page.click('[data-test="add-assignment"]');
      await choose(page, '[data-test="assignment-0"] nz-select[formcontrolname="roleId"]', '平安员/人民调解员');
      await page.screenshot({ path: '/tmp/shot-user-create.png' });

      const [created] = await Promise.all([page.waitForResponse((res) => res.url().endsWith('/api/users') && res.request().method() === 'POST'), page.click('[data-test="user-save"]')]);
      expect(created.status()).toBe(201);
      const row = page.locator(`tr[data-user="${NEW_USER}"]`);
      await row.waitFor();
      await expectText(row, '平安员/人民调解员');
      await expectText(row, '待改密');
      expect(admin.problems).toEqual([]);
    } finally {
      await admin.close();
    }

    const user = await openPage(browser);
    try {
      const { page } = user;
      await signIn(page, NEW_USER, INITIAL_PASSWORD);
      await page.waitForURL(`${BASE_URL}/account/password`);
      await page.waitForSelector('[data-test="must-change"]');

      await page.goto(`${BASE_URL}/`);
      await page.waitForURL(`${BASE_URL}/account/password`);

      await page.fill('#currentPassword', INITIAL_PASSWORD);
      await page.fill('#newPassword', `${NEW_USER}X9!`);
      await expectText(page.locator('[data-test="password-hints"]'), '密码不能包含用户名');
      await page.fill('#newPassword', NEW_PASSWORD);
      await page.fill('#confirm', `${NEW_PASSWORD}x`);
      const confirmItem = page.locator('nz-form-item', { has: page.locator('#confirm') });
      await expectText(confirmItem.locator('.ant-form-item-explain-error'), '两次输入的密码不一致');
      await page.fill('#confirm', NEW_PASSWORD);
      await confirmItem.locator('.ant-form-item-explain-error').waitFor({ state: 'detached' });
      await Promise.all([page.waitForResponse((res) => res.url().endsWith('/api/auth/password')), page.click('[data-test="password-submit"]')]);
      await page.waitForURL(`${BASE_URL}/login`);

      await signIn(page, NEW_USER, NEW_PASSWORD);
      await page.waitForURL(`${BASE_URL}/`);
      await expectMenu(page, ['home', 'disputes', 'dispute-list', 'dispute-stats', 'peace-officers', 'account', 'password']);
      await expectText(page.locator('[data-test="home-welcome"]'), '何调解');
      expect(user.problems).toEqual([]);
    } finally {
      await user.close();
    }
  });

  it('shows a wrong current password beside the field', async () => {
    const session = await openPage(browser);
    session.expectFailure(/\/api\/auth\/password$/);
    try {
      const { page } = session;
      await signIn(page, 'legal');
      await page.waitForURL(`${BASE_URL}/`);
      await page.click('[data-menu="password"] a');
      await page.waitForSelector('[data-test="password-form"]');
      await page.fill('#currentPassword', 'Not-my-password-1');
      await page.fill('#newPassword', 'Another#Secret77');
      await page.fill('#confirm', 'Another#Secret77');
      const [response] = await Promise.all([page.waitForResponse((res) => res.url().endsWith('/api/auth/password')), page.click('[data-test="password-submit"]')]);
      expect(response.status()).toBe(400);
      const call = await apiAs('legal');
      const { body } = await call('POST', '/api/auth/password', {
        currentPassword: 'Not-my-password-1',
        newPassword: 'Another#Secret77',
      });
      expect(body.code).toBe('WRONG_CURRENT_PASSWORD');
      const tip = page.locator('nz-form-item', { has: page.locator('#currentPassword') }).locator('.ant-form-item-explain-error');
      await tip.waitFor();
      await expectText(tip, body.message);
      expect(new URL(page.url()).pathname).toBe('/account/password');
      expect(session.problems).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
