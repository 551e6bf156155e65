'use strict';

const { SEED_ROLES } = require('@fazhi/contracts');
const { BASE_URL, launch, openPage, signIn, expectMenu, expectText } = require('./browser');

/** Each demo account, who they are and which menu entries they must see (groups included). */
const EVERYONE = ['home', 'account', 'password'];
const VESSEL_MENU = ['vessel-ledger', 'vessels', 'campaigns', 'certificates', 'vessel-stats'];
const DISPUTE_MENU = ['disputes', 'dispute-list', 'dispute-stats', 'peace-officers'];
const ADVISORS = ['advisors', 'advisor-log', 'advisor-months', 'advisor-stats'];
const VESSELS = ['home', ...VESSEL_MENU, 'account', 'password'];
const VESSELS_DISPUTES = ['home', ...VESSEL_MENU, ...DISPUTE_MENU, ...ADVISORS, 'account', 'password'];
const ACCOUNTS = [
  { username: 'admin', name: '陈建国', role: 'admin', menu: ['home', 'disputes', 'dispute-settings', 'system', 'users', 'org', 'roles', 'calendar', 'account', 'password'] },
  {
    username: 'security',
    name: '黄志强',
    role: 'security',
    menu: ['home', 'security', 'security-settings', 'locks', 'admin-accounts', 'login-history', 'account', 'password'],
  },
  { username: 'auditor', name: '林晓梅', role: 'auditor', menu: ['home', 'security', 'login-history', 'audit', 'account', 'password'] },
  { username: 'leader', name: '李海生', role: 'leader', menu: VESSELS_DISPUTES },
  {
    username: 'legal',
    name: '梁文静',
    role: 'legal_affairs',
    menu: ['home', ...VESSEL_MENU, ...DISPUTE_MENU, 'dispute-settings', ...ADVISORS, 'advisor-register', 'advisor-villages', 'account', 'password'],
  },
  { username: 'officer', name: '伍国华', role: 'enforcement_officer', menu: VESSELS },
  { username: 'mediator', name: '甄秀英', role: 'mediator', menu: ['home', ...DISPUTE_MENU, 'account', 'password'] },
  { username: 'advisor', name: '朱立法', role: 'legal_advisor', menu: ['home', ...ADVISORS, 'account', 'password'] },
  { username: 'petition', name: '余美玲', role: 'petition_officer', menu: EVERYONE },
  { username: 'leader2', name: '邝伟明', role: 'leader', menu: VESSELS_DISPUTES },
  { username: 'officer2', name: '雷振东', role: 'enforcement_officer', menu: VESSELS },
  { username: 'county', name: '谭永康', role: 'leader', menu: VESSELS_DISPUTES },
];

/** Where each menu entry leads, the title it shows, and what proves its data arrived. */
const PAGES = {
  users: { path: '/admin/users', title: '用户管理', ready: '[data-test="user-table"] tbody tr[data-user]' },
  'admin-accounts': { path: '/admin/users', title: '管理员账户', ready: '[data-test="user-table"] tbody tr[data-user]' },
  org: { path: '/admin/org', title: '组织机构', ready: '[data-org]' },
  roles: { path: '/admin/roles', title: '角色权限', ready: '[data-role="admin"]' },
  'security-settings': { path: '/security/settings', title: '安全策略', ready: '[data-test="policy-form"] input[id^="policy-"]' },
  locks: { path: '/security/locks', title: '账户锁定', ready: '[data-test="lock-table"]' },
  'login-history': { path: '/security/login-history', title: '登录日志', ready: '[data-test="login-history-table"] tbody tr[data-login]' },
  audit: { path: '/audit', title: '审计日志', ready: '[data-test="audit-table"] tbody tr[data-audit]' },
  password: { path: '/account/password', title: '修改密码', ready: '[data-test="password-form"]' },
  calendar: { path: '/admin/calendar', title: '节假日日历', ready: '[data-test="calendar-table"] tbody tr[data-day]' },
  vessels: { path: '/vessels', title: '三无船舶台账', ready: '[data-test="vessel-table"] tr.ant-table-row, [data-test="vessel-table"] .ant-table-placeholder' },
  campaigns: { path: '/vessels/campaigns', title: '集中销毁行动', ready: '[data-test="campaign-table"] tr.ant-table-row, [data-test="campaign-table"] .ant-table-placeholder' },
  certificates: { path: '/vessels/certificates', title: '执法证管理', ready: '[data-test="certificate-table"] tr.ant-table-row, [data-test="certificate-table"] .ant-table-placeholder' },
  'dispute-list': { path: '/disputes', title: '矛盾纠纷台账', ready: '[data-test="dispute-table"] tr.ant-table-row, [data-test="dispute-table"] .ant-table-placeholder' },
  'dispute-stats': { path: '/disputes/statistics', title: '矛盾纠纷统计分析', ready: '[data-test="stats-cards"]' },
  'peace-officers': { path: '/disputes/peace-officers', title: '平安员名册', ready: '[data-test="peace-officer-table"] tr[data-officer], [data-test="peace-officer-table"] .ant-table-placeholder' },
  'dispute-settings': { path: '/disputes/settings', title: '调解设置', ready: '[data-test="period-current"]' },
  'vessel-stats': { path: '/vessels/statistics', title: '三无船舶统计分析', ready: '[data-test="stats-cards"]' },
  'advisor-log': {
    path: '/advisors',
    title: '法律顾问服务台账',
    ready: '[data-test="advisor-service-table"] tr.ant-table-row, [data-test="advisor-service-table"] .ant-table-placeholder',
  },
  'advisor-months': { path: '/advisors/months', title: '法律顾问服务月度检查', ready: '[data-test="advisor-months"]' },
  'advisor-stats': { path: '/advisors/statistics', title: '法律顾问统计分析', ready: '[data-test="stats-cards"]' },
  'advisor-register': { path: '/advisors/register', title: '法律顾问名册', ready: '[data-test="advisor-table"] tr[data-advisor], [data-test="advisor-table"] .ant-table-placeholder' },
  'advisor-villages': {
    path: '/advisors/villages',
    title: '村居法律服务室',
    ready: '[data-test="advisor-village-table"] tr[data-village], [data-test="advisor-village-table"] .ant-table-placeholder',
  },
};

describe('menus and pages per role', () => {
  let browser;

  beforeAll(async () => {
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it.each(ACCOUNTS)('$username sees exactly its menu and every page in it opens', async (account) => {
    const { page, problems, close } = await openPage(browser);
    try {
      await signIn(page, account.username);
      await page.waitForURL(`${BASE_URL}/`);
      const welcome = page.locator('[data-test="home-welcome"]');
      await expectText(welcome, account.name);
      const roleName = SEED_ROLES.find((role) => role.code === account.role).name;
      await expectText(page.locator('[data-test="home-roles"]'), roleName);
      await expectText(page.locator('[data-test="user-name"]'), account.name);
      await expectMenu(page, account.menu);
      if (account.username === 'admin') await page.screenshot({ path: '/tmp/shot-home.png', fullPage: true });

      for (const key of account.menu) {
        const target = PAGES[key];
        if (!target) continue;
        await page.click(`[data-menu="${key}"] a`);
        await page.waitForURL(`${BASE_URL}${target.path}`);
        await expectText(page.locator('.fz-page-title'), target.title, { exact: true });
        await page.waitForSelector(target.ready);
        await page.waitForLoadState('networkidle');
        await page.waitForSelector(`[data-menu="${key}"].ant-menu-item-selected`);
      }
      await page.waitForLoadState('networkidle');
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('shows a 403 page for a page outside the role, without asking the API', async () => {
    const { page, problems, close } = await openPage(browser);
    try {
      await signIn(page, 'leader');
      await page.waitForURL(`${BASE_URL}/`);
      const requests = [];
      page.on('request', (req) => requests.push(new URL(req.url()).pathname));
      await page.goto(`${BASE_URL}/admin/users`);
      await page.waitForURL(`${BASE_URL}/forbidden`);
      await expectText(page.locator('nz-result'), '无权访问');
      expect(requests.filter((path) => path.startsWith('/api/users'))).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('shows the audit entry details with before/after values', async () => {
    const { page, problems, close } = await openPage(browser);
    try {
      await signIn(page, 'auditor');
      await page.waitForURL(`${BASE_URL}/`);
      await page.click('[data-menu="audit"] a');
      await page.waitForSelector('[data-test="audit-table"] tbody tr[data-audit]');
      await page.locator('[data-test="audit-open"]').first().click();
      const detail = page.locator('[data-test="audit-detail"]');
      await detail.waitFor();
      await expectText(detail, '修改前');
      await expectText(detail, 'auth.login');
      await page.screenshot({ path: '/tmp/shot-audit.png', fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
