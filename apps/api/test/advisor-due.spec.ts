import { ADVISOR_HOURS_DEADLINE_KIND } from '@fazhi/contracts';
import type { MyDeadlineDto, Page } from '@fazhi/contracts';
import { randomUUID } from 'node:crypto';
import { TestClock } from '../src/common/clock';
import { statementsDuring } from './statements';
import { createTestApp, idOf, TestApp } from './test-app';

/** 10:00 in Guanghai (UTC+8) on a day. */
const morningOf = (day: string) => `${day}T02:00:00Z`;

describe('the advisor’s due item of the 8-hour rule', () => {
  let t: TestApp;
  let advisor: string;
  let gh: string;
  let hy: string;
  const village: Record<string, { id: string; name: string }> = {};

  beforeAll(async () => {
    t = await createTestApp({ clock: new TestClock(morningOf('2025-12-24')) });
    advisor = await t.login('advisor');
    [gh, hy] = await Promise.all([idOf(t.ds, 'org_unit', 'GH'), idOf(t.ds, 'org_unit', 'HY')]);
    for (const code of ['GH01', 'GH02', 'GH03', 'GH04']) {
      const [row] = await t.ds.query(`SELECT id, name FROM org_unit WHERE code = $1`, [code]);
      village[code] = row;
    }
  });
  afterAll(() => t.close());

  /** Moves the clock to 10:00 of a day in Guanghai and signs in again (a session does not outlive a day's idleness). */
  const at = async (day: string) => {
    t.clock.set(morningOf(day));
    advisor = await t.login('advisor');
  };

  const mine = async (cookie = advisor) => ((await t.http.get('/api/my/deadlines').set('Cookie', cookie).expect(200)).body as Page<MyDeadlineDto>).items;
  const monthItems = async (cookie = advisor) => (await mine(cookie)).filter((i) => i.ledger === 'advisor-month');
  /** The village-month's hours counted straight from the log. */
  const hoursIn = async (villageId: string, month: string) =>
    Number(
      (await t.ds.query(`SELECT COALESCE(sum(minutes), 0)::int AS m FROM advisor_service WHERE village_id = $1 AND to_char(service_date, 'YYYY-MM') = $2 AND voided_at IS NULL`, [villageId, month]))[0]
        .m,
    ) / 60;

  it('appears with 5 working days left in the month, not with 6, one per short village, due on the month’s last working day', async () => {
    // December 2025: 24 Wed, 25 Thu, 26 Fri, 29 Mon, 30 Tue, 31 Wed are its last working days.
    expect(await monthItems()).toEqual([]);
    await at('2025-12-25');
    const items = await monthItems();
    expect(items.map((i) => i.recordId).sort()).toEqual(['GH01', 'GH02', 'GH03'].map((c) => `${village[c].id}:2025-12`).sort());
    const nanwan = items.find((i) => i.recordId.startsWith(village.GH02.id))!;
    expect(await hoursIn(village.GH02.id, '2025-12')).toBe(0);
    expect(nanwan).toEqual({
      id: `${ADVISOR_HOURS_DEADLINE_KIND}:${village.GH02.id}:2025-12`,
      townId: gh,
      ledger: 'advisor-month',
      recordId: `${village.GH02.id}:2025-12`,
      kind: ADVISOR_HOURS_DEADLINE_KIND,
      title: `${village.GH02.name} 2025年12月服务 0 小时，不足 8 小时`,
      dueDate: '2025-12-31',
      daysLeft: 6,
      // Due from the moment it is listed, though more than three days are left.
      state: 'warning',
      provisional: false,
    });
    // Listed on the default page, without `all`.
    expect(items.every((i) => i.state === 'warning')).toBe(true);
  });

  it('states the hours logged and goes once the village reaches 8 hours', async () => {
    const log = (startTime: string, endTime: string) =>
      t.http
        .post('/api/advisor-services')
        .set('Cookie', advisor)
        .send({ villageId: village.GH02.id, type: 'review', serviceDate: '2025-12-22', startTime, endTime, content: '审查村集体鱼塘发包合同' })
        .expect(201);
    await log('08:00', '13:00');
    expect(await hoursIn(village.GH02.id, '2025-12')).toBe(5);
    const item = (await monthItems()).find((i) => i.recordId === `${village.GH02.id}:2025-12`);
    expect(item?.title).toBe(`${village.GH02.name} 2025年12月服务 5 小时，不足 8 小时`);
    await log('14:00', '17:00');
    expect(await hoursIn(village.GH02.id, '2025-12')).toBe(8);
    expect((await monthItems()).map((i) => i.recordId).sort()).toEqual(['GH01', 'GH03'].map((c) => `${village[c].id}:2025-12`).sort());
  });

  it('goes once the village-month is signed off', async () => {
    // The API signs off only ended months; a sign-off row for the month stands for one kept from before.
    await t.ds.query(
      `INSERT INTO advisor_month_check (id, town_id, village_id, month, status, remark, checked_at, checked_by, version)
       SELECT $1, $2, $3, '2025-12', 'checked', NULL, now(), id, 1 FROM app_user WHERE username = 'legal'`,
      [randomUUID(), gh, village.GH01.id],
    );
    expect((await monthItems()).map((i) => i.recordId)).toEqual([`${village.GH03.id}:2025-12`]);
  });

  it('counts a national holiday in the month’s last week', async () => {
    // September 2023: 29 (中秋) and 30 are holidays. On Thursday 21 six working days are left
    // (21, 22, 25–28); on Friday 22 five, where a plain week would leave six.
    await at('2023-09-21');
    expect(await monthItems()).toEqual([]);
    await at('2023-09-22');
    const items = await monthItems();
    expect(items).toHaveLength(3);
    expect(items.every((i) => i.dueDate === '2023-09-28' && i.daysLeft === 6)).toBe(true);
  });

  it('reads an advisor’s due items with two statements: the advisor’s villages, then their months’ hours and sign-offs', async () => {
    await at('2025-12-26');
    expect(await monthItems()).not.toEqual([]);
    const reads = (await statementsDuring(() => monthItems())).filter((q) => /\badvisor(_assignment|_service|_month_check)?\b/.test(q));
    expect(reads).toHaveLength(2);
    expect(reads[0]).toMatch(/FROM advisor a LEFT JOIN advisor_assignment x/);
  });

  it('shows another town’s advisor only their own villages, and staff who are not advisors nothing', async () => {
    const hyAdvisor = await linkedAdvisorAccount();
    const items = await monthItems(hyAdvisor.cookie);
    expect(items.map((i) => i.recordId.split(':')[0]).sort()).toEqual([...hyAdvisor.villageIds].sort());
    expect(items.every((i) => i.townId === hy)).toBe(true);
    expect((await monthItems()).every((i) => i.townId === gh)).toBe(true);
    for (const user of ['legal', 'officer2', 'leader']) expect(await monthItems(await t.login(user))).toEqual([]);
  });

  /** An account of 海宴镇 with the advisor role for the villages of its advisor 邝志诚, linked to him. */
  async function linkedAdvisorAccount(): Promise<{ cookie: string; villageIds: string[] }> {
    const id = randomUUID();
    const villageIds = (await t.ds.query(`SELECT x.village_id AS id FROM advisor_assignment x JOIN advisor a ON a.id = x.advisor_id WHERE a.name = '邝志诚'`)).map((r: { id: string }) => r.id);
    await t.ds.query(
      `INSERT INTO app_user (id, username, display_name, phone, org_unit_id, town_id, password_hash, password_changed_at, must_change_password, demo, status, created_at, updated_at, version)
       SELECT $1, 'hyadvisor', '邝志诚', NULL, $2, $2, password_hash, now(), false, false, 'active', now(), now(), 1 FROM app_user WHERE username = 'advisor'`,
      [id, hy],
    );
    await t.ds.query(
      `INSERT INTO user_role (id, user_id, role_id, org_unit_id, town_id, scope, village_ids, created_at) SELECT $1, $2, role.id, $3, $3, 'villages', $4, now() FROM role WHERE code = 'legal_advisor'`,
      [randomUUID(), id, hy, villageIds],
    );
    await t.ds.query(`UPDATE advisor SET user_id = $1 WHERE name = '邝志诚'`, [id]);
    return { cookie: await t.login('hyadvisor'), villageIds };
  }
});
