/** Shared helpers of the browser tests: Debian's chromium, sign-in, console error watch, the injected date. */
'use strict';

const { chromium } = require('playwright-core');

const BASE_URL = process.env.E2E_BASE_URL ?? 'http://localhost:3000';
const PASSWORD = 'Fazhi@2021';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The instant the server's clock started at (tools/browser-test.js), and when, on this machine's clock. */
const NOW = process.env.E2E_NOW ?? '2026-12-21T02:00:00Z';
const CLOCK_STARTED_AT = Number(process.env.E2E_CLOCK_STARTED_AT ?? Date.now());

/** The server's time now: the injected instant plus the time run since it was injected. */
function serverNow() {
  return new Date(Date.parse(NOW) + (Date.now() - CLOCK_STARTED_AT));
}

/** The date in Guanghai (the demo towns' zone) at the server's time: the suite's "today". */
function townToday() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(serverNow());
}

function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A fresh page that records console errors and page errors. Chromium also logs every 4xx/5xx
 * answer as "Failed to load resource"; those count too, unless the test expected that answer
 * (`expectFailure(pathPattern)`).
 */
async function openPage(browser, viewport = { width: 1366, height: 860 }) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  // The page's Date and timers run from the server's time, so that "today" (date pickers'
  // defaults, this year's lists) is the server's.
  await context.clock.install({ time: serverNow() });
  const page = await context.newPage();
  const problems = [];
  const expected = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const url = message.location()?.url ?? '';
    if (message.text().startsWith('Failed to load resource') && expected.some((pattern) => pattern.test(url))) return;
    problems.push(`console error: ${message.text()} ${url}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return {
    page,
    context,
    problems,
    expectFailure: (pattern) => expected.push(pattern),
    close: () => context.close(),
  };
}

async function signIn(page, username, password = PASSWORD) {
  await page.goto(`${BASE_URL}/login`);
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', password);
  await Promise.all([page.waitForResponse((res) => res.url().endsWith('/api/auth/login')), page.click('[data-test="login-submit"]')]);
}

/** Opens the nz-select `select` and picks its first option showing `text` (any option without). */
async function choose(page, select, text) {
  await page.locator(select).click();
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option', text === undefined ? {} : { hasText: text });
  await options.first().click();
}

/**
 * Types a date (`YYYY-MM-DD`) into the nz-date-picker whose input is `input`, and waits until the
 * picker took it. The picker reads typed text through its panel, which it draws a render after it
 * opens; text typed before that is lost, and ng-zorro throws reading the missing panel. So: open
 * it, wait for its panel, type, press Enter, and wait until the panel is gone and the input shows
 * the date.
 */
async function typeDate(page, input, date) {
  await page.click(input);
  await page.waitForSelector('.ant-picker-dropdown .ant-picker-panel', { state: 'visible' });
  await page.fill(input, date);
  await page.press(input, 'Enter');
  await page.waitForSelector('.ant-picker-dropdown .ant-picker-panel', { state: 'hidden' });
  await page.waitForFunction(([selector, value]) => document.querySelector(selector)?.value === value, [input, date]);
}

/** The page's width as laid out, to compare with the viewport's (nothing may scroll sideways). */
const fitsWidth = (page) => page.evaluate(() => document.documentElement.scrollWidth);

/** The `data-menu` keys of the menu entries on the page, in order. */
function menuKeys(page) {
  return page.$$eval('[data-menu]', (nodes) => nodes.map((node) => node.getAttribute('data-menu')));
}

/** Waits until the menu shows exactly the entries `keys`, in order; fails naming what it showed. */
function expectMenu(page, keys, { timeout = 10_000 } = {}) {
  const wanted = JSON.stringify(keys);
  return waitUntil(
    async () => JSON.stringify(await menuKeys(page)),
    (shown) => shown === wanted,
    (shown) => `expected the menu ${wanted}, shown: ${shown}`,
    timeout,
  );
}

/** Call the API outside the browser as a signed-in user: `(method, path, body) => { status, body }`. */
async function apiAs(username, password = PASSWORD) {
  const login = await fetch(`${BASE_URL}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!login.ok) throw new Error(`${username} could not sign in: ${login.status}`);
  const cookie = login.headers
    .getSetCookie()
    .map((value) => value.split(';')[0])
    .join('; ');
  return async (method, path, body) => {
    const res = await fetch(`${BASE_URL}${path}`, {
      method,
      headers: { cookie, 'content-type': 'application/json', 'accept-language': 'zh-CN' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
}

/**
 * Waits until the first element of `locator` shows `text` (contains it, or equals it with
 * `exact`), since a render can trail the click that caused it; fails naming what was shown.
 */
function expectText(locator, text, { exact = false, timeout = 10_000 } = {}) {
  const target = locator.first();
  return waitUntil(
    () => target.textContent({ timeout: 1_000 }).catch(() => null),
    (shown) => shown !== null && (exact ? shown.trim() === text : shown.includes(text)),
    (shown) => `expected ${exact ? 'exactly' : 'to contain'} "${text}" in ${locator}, shown: ${JSON.stringify(shown)}`,
    timeout,
  );
}

/** Reads `read()` every 100 ms until `done(value)` holds, failing with `explain(value)` after `timeout` ms. */
async function waitUntil(read, done, explain, timeout) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (done(value)) return;
    if (Date.now() >= deadline) throw new Error(explain(value));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Answers a request made while doing `action`: `{ status, url, body }`. The request goes through a
 * route that fetches it and hands the same response to the page, so the body is read from the
 * fetched response and is never lost to the browser evicting it.
 */
async function answer(page, method, pattern, action) {
  let resolve;
  const got = new Promise((r) => (resolve = r));
  const handler = async (route) => {
    const request = route.request();
    if (request.method() !== method || !pattern.test(new URL(request.url()).pathname)) return route.fallback();
    const response = await route.fetch();
    const body = await response.body();
    await route.fulfill({ response, body });
    let json = null;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      json = null;
    }
    resolve({ status: response.status(), url: request.url(), body: json });
  };
  await page.route('**/api/**', handler);
  try {
    await action();
    return await got;
  } finally {
    await page.unroute('**/api/**', handler);
  }
}

module.exports = { BASE_URL, PASSWORD, serverNow, townToday, launch, openPage, signIn, choose, typeDate, fitsWidth, expectMenu, apiAs, expectText, answer };
