'use strict';

const { BASE_URL, launch, openPage, signIn, apiAs, expectText, answer, typeDate, serverNow, townToday } = require('./browser');

describe('a year without a holiday calendar', () => {
  let browser;

  beforeAll(async () => {
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('marks deadlines running into 2027 provisional until the administrator, asked from the home page, enters that year', async () => {
    // The suite runs on 21 December 2026 (tools/browser-test.js): 2026 is kept, 2027 is not.
    expect(townToday()).toBe('2026-12-21');
    const officerApi = await apiAs('officer');
    const created = await officerApi('POST', '/api/vessel-cases', {
      discoveredAt: serverNow().toISOString(),
      place: '南湾码头西侧 跨年公告 e2e',
      source: 'patrol',
      hullMaterial: 'wood',
      unclaimed: true,
      noticeStart: townToday(),
    });
    expect(created.status).toBe(201);
    const vessel = created.body;
    const detail = await officerApi('GET', `/api/vessel-cases/${vessel.id}`);
    expect(detail.body.deadline).toMatchObject({ dueDate: '2027-01-20', state: 'ok', provisional: true });

    const officer = await openPage(browser);
    const admin = await openPage(browser);
    try {
      // The officer sees the notice period's end as provisional, and why.
      await signIn(officer.page, 'officer');
      await officer.page.waitForURL(`${BASE_URL}/`);
      await officer.page.goto(`${BASE_URL}/vessels/${vessel.id}`);
      const alert = officer.page.locator('[data-test="vessel-deadline"]');
      await expectText(alert, '2027-01-20');
      const tag = alert.locator('[data-test="deadline-provisional"]');
      await expectText(tag, '暂定', { exact: true });
      await tag.hover();
      await expectText(officer.page.locator('.ant-tooltip-inner'), '节假日安排尚未录入');

      // The administrator is asked for 2027 on the home page and is taken to that year.
      await signIn(admin.page, 'admin');
      await admin.page.waitForURL(`${BASE_URL}/`);
      const ask = admin.page.locator('[data-test="calendar-year-item"]');
      await expectText(ask, '请录入 2027 年节假日安排', { exact: true });
      await expectText(admin.page.locator('[data-item="calendar-year:2027"]'), '到期日 2026-12-31');
      await ask.click();
      await admin.page.waitForURL(`${BASE_URL}/admin/calendar?year=2027`);
      await admin.page.waitForSelector('[data-test="calendar-not-covered"]');
      expect(await admin.page.inputValue('[data-test="calendar-year"] input')).toBe('2027');

      // Confirming before any day is entered is refused.
      admin.expectFailure(/\/api\/calendar\/years\/2027$/);
      await admin.page.click('[data-test="calendar-enter-year"]');
      const early = await answer(admin.page, 'PUT', /^\/api\/calendar\/years\/2027$/, () => admin.page.click('.ant-popover .ant-btn-primary'));
      expect(early.status).toBe(400);
      await expectText(admin.page.locator('.ant-notification-notice'), '还没有录入任何放假日期');

      // New Year's Day, then the year confirmed entered.
      await admin.page.click('[data-test="calendar-add"]');
      await admin.page.waitForSelector('.ant-modal [data-test="calendar-form"]');
      await typeDate(admin.page, '#cal-date', '2027-01-01');
      await admin.page.fill('#cal-name', '元旦');
      const saved = await answer(admin.page, 'PUT', /^\/api\/calendar\/2027-01-01$/, () => admin.page.click('.ant-modal-footer .ant-btn-primary'));
      expect(saved.status).toBe(200);
      await admin.page.waitForSelector('[data-test="calendar-table"] tr[data-day="2027-01-01"]');
      await admin.page.click('[data-test="calendar-enter-year"]');
      const entered = await answer(admin.page, 'PUT', /^\/api\/calendar\/years\/2027$/, () => admin.page.click('.ant-popover .ant-btn-primary'));
      expect(entered.status).toBe(200);
      await expectText(admin.page.locator('[data-test="calendar-year-entered"]'), '2027 年节假日安排已于');
      await admin.page.screenshot({ path: '/tmp/shot-calendar-2027.png', fullPage: true });

      // The reminder is gone, and the deadline is no longer provisional.
      await admin.page.click('[data-menu="home"] a');
      await admin.page.waitForURL(`${BASE_URL}/`);
      await expectText(admin.page.locator('[data-test="my-deadlines"]'), '暂无即将到期或逾期的事项');
      expect(await ask.count()).toBe(0);
      await officer.page.reload();
      await expectText(alert, '2027-01-20');
      expect(await alert.locator('[data-test="deadline-provisional"]').count()).toBe(0);
      expect(officer.problems).toEqual([]);
      expect(admin.problems).toEqual([]);
    } finally {
      await officer.close();
      await admin.close();
    }

    // Leave 2027 as the suite found it.
    const adminApi = await apiAs('admin');
    expect((await adminApi('DELETE', '/api/calendar/years/2027?version=1')).status).toBe(204);
    expect((await adminApi('DELETE', '/api/calendar/2027-01-01?version=1')).status).toBe(204);
  }, 90_000);
});
