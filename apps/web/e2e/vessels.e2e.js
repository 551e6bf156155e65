'use strict';

const { BASE_URL, launch, openPage, signIn, choose, fitsWidth, expectText, answer, townToday } = require('./browser');
// The demo data's evidence pictures (a real PNG drawn with zlib), from the server build the
// browser tests run against.
const { demoEvidencePng } = require('../../api/dist/database/seeds/demo-images');

const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1366, height: 860 };

describe('three-no vessel ledger', () => {
  let browser;

  beforeAll(async () => {
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('an officer registers a vessel on a phone, persuades, and destroys it in a campaign', async () => {
    const { page, problems, close } = await openPage(browser, PHONE);
    try {
      await signIn(page, 'officer');
      await page.waitForURL(`${BASE_URL}/`);
      await page.waitForSelector('[data-test="my-deadlines"]');

      // Register a vessel with a village.
      await page.goto(`${BASE_URL}/vessels/new`);
      await page.waitForSelector('[data-test="vessel-form"]');
      await choose(page, '[data-test="v-village"]', '南湾村');
      await page.fill('#v-place', '南湾码头东侧 e2e');
      await page.fill('#v-marks', '船身蓝白色，无船名');
      await page.fill('#v-ownerName', '黄海生');
      await page.fill('#v-ownerPhone', '13800138000');
      expect(await fitsWidth(page)).toBeLessThanOrEqual(PHONE.width);
      await page.screenshot({ path: '/tmp/shot-vessel-form-phone.png', fullPage: true });
      const created = await answer(page, 'POST', /^\/api\/vessel-cases$/, () => page.click('[data-test="vessel-save"]'));
      expect(created.status).toBe(201);
      const vessel = created.body;
      await page.waitForURL(`${BASE_URL}/vessels/${vessel.id}`);
      await expectText(page.locator('[data-test="vessel-number"]'), vessel.number, { exact: true });
      await expectText(page.locator('[data-test="vessel-status"]'), '已登记');
      await expectText(page.locator('[data-test="vessel-owner"]'), '黄*');

      // Upload a photo (the phone's camera picker is the same input).
      const uploaded = await answer(page, 'POST', /\/attachments$/, () =>
        page.setInputFiles('[data-test="vessel-evidence"] input[type="file"]', { name: '发现时.png', mimeType: 'image/png', buffer: demoEvidencePng(7, 'before') }),
      );
      expect(uploaded.status).toBe(201);
      await page.waitForSelector('[data-test="vessel-evidence"] [data-test="evidence-thumb"] img');

      // Start persuasion: the step asks no data.
      await page.click('[data-transition="persuading"]');
      await page.waitForSelector('.ant-modal [data-test="transition-form"]');
      const started = await answer(page, 'POST', /\/transitions$/, () => page.click('.ant-modal-footer .ant-btn-primary'));
      expect(started.status).toBe(200);
      await page.waitForFunction(() => document.querySelector('[data-test="vessel-status"]')?.textContent?.includes('劝导中'));

      // A campaign dated today: the form's default, on the browser's injected clock, is the server's today.
      await page.goto(`${BASE_URL}/vessels/campaigns/new`);
      await page.waitForSelector('[data-test="campaign-form"]');
      await page.fill('#c-place', '广海渔港拆解场 e2e');
      const campaignRes = await answer(page, 'POST', /^\/api\/campaigns$/, () => page.click('[data-test="campaign-save"]'));
      expect(campaignRes.status).toBe(201);
      const campaign = campaignRes.body;
      expect(campaign.date).toBe(townToday());
      await page.waitForURL(`${BASE_URL}/vessels/campaigns/${campaign.id}`);

      // Add the vessel to it from the case's own step.
      await page.goto(`${BASE_URL}/vessels/${vessel.id}`);
      await page.click('[data-transition="in_campaign"]');
      await page.waitForSelector('.ant-modal [data-field="campaignId"]');
      await choose(page, '.ant-modal [data-field="campaignId"] nz-select', campaign.number);
      const added = await answer(page, 'POST', /\/transitions$/, () => page.click('.ant-modal-footer .ant-btn-primary'));
      expect(added.status).toBe(200);
      await page.waitForFunction(() => document.querySelector('[data-test="vessel-status"]')?.textContent?.includes('纳入集中销毁'));

      // Campaign evidence, then close the campaign.
      await page.click('[data-test="vessel-campaign"]');
      await page.waitForURL(`${BASE_URL}/vessels/campaigns/${campaign.id}`);
      await page.waitForSelector(`[data-test="campaign-vessels"] tr[data-vessel="${vessel.number}"]`);
      await choose(page, '[data-test="campaign-evidence"] [data-test="evidence-stage"]', '处置中');
      const evidence = await answer(page, 'POST', /\/attachments$/, () =>
        page.setInputFiles('[data-test="campaign-evidence"] input[type="file"]', { name: '拆解现场.png', mimeType: 'image/png', buffer: demoEvidencePng(8, 'during') }),
      );
      expect(evidence.status).toBe(201);
      await page.waitForSelector('[data-test="campaign-evidence"] [data-evidence-section="during"] img');
      await page.click('[data-test="campaign-close"]');
      const closed = await answer(page, 'POST', /\/close$/, () => page.click('.ant-popover .ant-btn-primary'));
      expect(closed.status).toBe(200);
      await page.waitForFunction(() => document.querySelector('[data-test="campaign-status"]')?.textContent?.includes('已结束'));
      expect(await fitsWidth(page)).toBeLessThanOrEqual(PHONE.width);
      await page.screenshot({ path: '/tmp/shot-vessel-campaign-phone.png', fullPage: true });

      // The case is dismantled, with its timeline and the campaign's evidence.
      await page.click(`[data-test="campaign-vessels"] tr[data-vessel="${vessel.number}"] a`);
      await page.waitForURL(`${BASE_URL}/vessels/${vessel.id}`);
      await page.waitForFunction(() => document.querySelector('[data-test="vessel-status"]')?.textContent?.includes('已集中销毁'));
      const timeline = await page.locator('[data-test="vessel-timeline"]').textContent();
      for (const step of ['已登记', '劝导中', '纳入集中销毁', '已集中销毁']) expect(timeline).toContain(step);
      await page.waitForSelector('[data-evidence-section="related"] img');
      await expectText(page.locator('[data-evidence-section="related"]'), '集中销毁行动证据');
      expect(await fitsWidth(page)).toBeLessThanOrEqual(PHONE.width);
      await page.screenshot({ path: '/tmp/shot-vessel-detail-phone.png', fullPage: true });

      await page.goto(`${BASE_URL}/vessels?q=${encodeURIComponent('e2e')}`);
      await page.waitForSelector(`[data-test="vessel-table"] tr[data-vessel="${vessel.number}"]`);
      expect(await fitsWidth(page)).toBeLessThanOrEqual(PHONE.width);
      // The phone folds the less used filters away until asked.
      const village = page.locator('[data-test="filter-village"]');
      await village.waitFor({ state: 'hidden' });
      await page.click('[data-test="filter-more"]');
      await village.waitFor({ state: 'visible' });
      await expectText(page.locator('[data-test="filter-more"]'), '收起');
      await page.screenshot({ path: '/tmp/shot-vessel-list-phone.png', fullPage: true });
      await page.waitForLoadState('networkidle');
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  }, 90_000);

  it('a leader opens the rows behind the campaign figure of 2021', async () => {
    const { page, problems, close } = await openPage(browser, DESKTOP);
    try {
      await signIn(page, 'leader');
      await page.waitForURL(`${BASE_URL}/`);
      await page.click('[data-menu="vessel-stats"] a');
      await page.waitForURL(`${BASE_URL}/vessels/statistics`);
      await page.waitForSelector('[data-test="stats-cards"]');
      const year = await answer(page, 'GET', /^\/api\/statistics\/vessels$/, () => choose(page, '[data-test="stats-year"]', '2021'));
      const stats = year.body;
      expect(stats.year).toBe(2021);
      expect(stats.campaignDismantled).toBe(102);
      expect(stats.campaigns).toBe(3);
      const card = page.locator('[data-figure="campaignDismantled"] [data-test="stat-value"]');
      await page.waitForFunction(() => document.querySelector('[data-figure="campaignDismantled"] [data-test="stat-value"]')?.textContent?.trim() === '102');
      const figure = Number(await card.textContent());
      await page.waitForSelector('[data-test="stats-chart"] svg');
      await page.screenshot({ path: '/tmp/shot-vessel-stats-desktop.png', fullPage: true });

      const list = await answer(page, 'GET', /^\/api\/vessel-cases$/, () => page.click('[data-figure="campaignDismantled"]'));
      const query = new URL(list.url).searchParams;
      expect(query.get('dismantledYear')).toBe('2021');
      expect(query.get('disposal')).toBe('campaign');
      expect(query.get('voided')).toBe('false');
      expect(list.body.total).toBe(figure);
      await page.waitForSelector('[data-test="vessel-total"]');
      await expectText(page.locator('[data-test="vessel-total"]'), String(figure));
      const tags = await page.$$eval('[data-filter]', (nodes) => nodes.map((n) => n.getAttribute('data-filter')));
      expect(tags).toEqual(expect.arrayContaining(['dismantledYear', 'disposal', 'voided']));
      await page.screenshot({ path: '/tmp/shot-vessel-list-desktop.png', fullPage: true });

      await page.goto(`${BASE_URL}/vessels/statistics`);
      await page.waitForSelector('[data-figure="campaigns"]');
      await answer(page, 'GET', /^\/api\/statistics\/vessels$/, () => choose(page, '[data-test="stats-year"]', '2021'));
      await page.waitForFunction(() => document.querySelector('[data-figure="campaigns"] [data-test="stat-value"]')?.textContent?.trim() === '3');
      const campaigns = await answer(page, 'GET', /^\/api\/campaigns$/, () => page.click('[data-figure="campaigns"]'));
      expect(campaigns.body.total).toBe(3);
      await page.waitForSelector('[data-test="campaign-table"] tr[data-campaign]');
      await page.locator('[data-test="campaign-table"] tr[data-campaign] a').first().click();
      await page.waitForSelector('[data-test="campaign-vessels"] tr[data-vessel]');
      await page.waitForSelector('[data-test="campaign-evidence"] img');
      await page.screenshot({ path: '/tmp/shot-vessel-campaign-desktop.png', fullPage: true });
      await page.locator('[data-test="campaign-vessels"] tr[data-vessel] a').first().click();
      await page.waitForSelector('[data-test="vessel-timeline"]');
      await page.waitForSelector('[data-test="vessel-facts"]');
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: '/tmp/shot-vessel-detail-desktop.png', fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  }, 90_000);
});
