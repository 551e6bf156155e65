'use strict';

const { BASE_URL, launch, openPage, signIn, choose, fitsWidth, expectText, answer, apiAs, townToday } = require('./browser');
// The demo data's evidence pictures (a real PNG drawn with zlib), from the server build the
// browser tests run against.
const { demoEvidencePng } = require('../../api/dist/database/seeds/demo-images');

const PHONE = { width: 375, height: 812 };
const REQUIRED_HOURS = 8;

const pad = (n) => String(n).padStart(2, '0');
const clock = (minutes) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
const minutesOf = (time) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** The service log's entries of the advisor's village, as the grid shows them for a year. */
async function monthCells(api, year, month) {
  const grid = await api('GET', `/api/advisor-checks?year=${year}`);
  expect(grid.status).toBe(200);
  return grid.body.villages.map((row) => ({ row, cell: row.months.find((m) => m.month === month) }));
}

/**
 * The advisor's village whose month (the suite's today's) is short of the rule, with the hours it
 * lacks and a slot this morning, ending by 10:00 (the suite's clock starts then), that none of the
 * advisor's own entries of the day overlaps. When no village is short yet, the advisor first logs
 * a five-hour visit on the month's first Monday through the API.
 */
async function shortMonth(api, today) {
  const [year, month] = [today.slice(0, 4), today.slice(0, 7)];
  let short = (await monthCells(api, year, month)).find(({ cell }) => cell && cell.state === 'short' && cell.check?.status !== 'checked');
  if (!short) {
    const empty = (await monthCells(api, year, month)).find(({ cell }) => cell && cell.state === 'none' && cell.check?.status !== 'checked');
    if (!empty) throw new Error(`the advisor has no village with an unchecked ${month} short of the rule or empty`);
    const firstMonday = [...Array(7).keys()].map((d) => `${month}-${pad(d + 1)}`).find((day) => new Date(`${day}T12:00:00Z`).getUTCDay() === 1);
    const visit = await api('POST', '/api/advisor-services', {
      villageId: empty.row.villageId,
      type: 'visit',
      serviceDate: firstMonday,
      startTime: '09:00',
      endTime: '14:00',
      content: '走访村民小组，了解土地承包和邻里纠纷情况',
      attendees: 12,
    });
    expect(visit.status).toBe(201);
    short = (await monthCells(api, year, month)).find(({ row }) => row.villageId === empty.row.villageId);
    expect(short.cell.state).toBe('short');
  }
  const lacking = Math.ceil((REQUIRED_HOURS - short.cell.hours) * 2) * 30;
  const mine = await api('GET', `/api/advisor-services?from=${today}&to=${today}&voided=false&pageSize=100`);
  expect(mine.status).toBe(200);
  const end = 10 * 60;
  const start = end - lacking;
  const taken = mine.body.items.some((e) => minutesOf(e.startTime) < end && (e.crossesMidnight ? 24 * 60 : minutesOf(e.endTime)) > start);
  if (taken) throw new Error(`the advisor already has an entry on ${today} between ${clock(start)} and ${clock(end)}`);
  return { village: short.row.villageName, month, hours: short.cell.hours, start: clock(start), end: clock(end), lacking: lacking / 60 };
}

const cell = (village, month) => `[data-test="advisor-months"] tr[data-village="${village}"] [data-month="${month}"]`;

describe('village legal advisors', () => {
  let browser;

  beforeAll(async () => {
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("an advisor logs a consultation with a photo on a phone, and the village's month turns from short to met", async () => {
    const today = townToday();
    const target = await shortMonth(await apiAs('advisor'), today);
    const { page, problems, close } = await openPage(browser, PHONE);
    try {
      await signIn(page, 'advisor');
      await page.waitForURL(`${BASE_URL}/`);
      await page.waitForSelector('[data-test="my-deadlines"]');

      // The month is short: the cell says so, with its hours, and the grid scrolls in its own box.
      await page.goto(`${BASE_URL}/advisors/months`);
      await page.waitForSelector(`${cell(target.village, target.month)}[data-state="short"]`);
      await expectText(page.locator(cell(target.village, target.month)), String(Math.round(target.hours * 10) / 10));
      expect(await fitsWidth(page)).toBeLessThanOrEqual(PHONE.width);
      await page.screenshot({ path: '/tmp/shot-advisor-months-short.png', fullPage: true });

      // Log a consultation: the day is today's by default, the hours show as the times are entered.
      await page.goto(`${BASE_URL}/advisors/new`);
      await page.waitForSelector('[data-test="advisor-service-form"]');
      expect(await page.inputValue('[data-test="s-date"]')).toBe(today);
      await choose(page, '[data-test="s-village"]', target.village);
      await page.fill('[data-test="s-start"]', target.start);
      await page.fill('[data-test="s-end"]', target.end);
      await expectText(page.locator('[data-test="s-hours"]'), `共 ${target.lacking} 小时`);
      await page.fill('#s-clientName', '黄海生');
      await page.fill('#s-clientPhone', '13800138000');
      await page.fill('#s-content', '村民咨询土地承包经营权流转合同的期限和违约责任');
      await page.fill('#s-result', '已解答，建议补充书面合同并到村委会备案');
      await page.setInputFiles('[data-test="s-photos"]', { name: '咨询现场.png', mimeType: 'image/png', buffer: demoEvidencePng(3, 'during') });
      await expectText(page.locator('[data-test="s-photo-list"]'), '咨询现场.png');
      expect(await fitsWidth(page)).toBeLessThanOrEqual(PHONE.width);
      await page.screenshot({ path: '/tmp/shot-advisor-form-phone.png', fullPage: true });

      const created = await answer(page, 'POST', /^\/api\/advisor-services$/, () => page.click('[data-test="advisor-service-save"]'));
      expect(created.status).toBe(201);
      const entry = created.body;
      expect(entry.hours).toBe(target.lacking);
      await page.waitForURL(`${BASE_URL}/advisors/${entry.id}`);
      await expectText(page.locator('[data-test="advisor-service-number"]'), entry.number, { exact: true });
      // The client shows masked; the photo went up with the entry.
      await expectText(page.locator('[data-test="advisor-service-client"]'), '黄*');
      await page.waitForSelector('[data-test="advisor-service-evidence"] [data-test="evidence-thumb"] img');
      expect(await fitsWidth(page)).toBeLessThanOrEqual(PHONE.width);

      // The month now meets the rule.
      await page.goto(`${BASE_URL}/advisors/months`);
      await page.waitForSelector(`${cell(target.village, target.month)}[data-state="met"]`);
      await page.click(cell(target.village, target.month));
      await expectText(page.locator('[data-test="advisor-month-state"]'), '达标');
      // The cell's sheet comes up from the bottom: wait until it stands whole on the screen.
      await page.waitForFunction(() => {
        const box = document.querySelector('[data-test="advisor-month-detail"]')?.getBoundingClientRect();
        return box !== undefined && box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
      });
      await page.screenshot({ path: '/tmp/shot-advisor-months-met.png', fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
