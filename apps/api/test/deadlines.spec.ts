import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AppException } from '../src/common/app-exception';
import { TestClock } from '../src/common/clock';
import { Deadline, DeadlinesRepository } from '../src/ledger-core/deadlines/deadlines.repository';
import { DeadlinesService, OpenDeadlineInput } from '../src/ledger-core/deadlines/deadlines.service';
import { createTestApp, idOf, TestApp } from './test-app';

describe('deadlines', () => {
  let t: TestApp;
  let svc: DeadlinesService;
  const id: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp({ clock: new TestClock('2021-09-27T02:00:00Z') });
    svc = t.app.get(DeadlinesService);
    for (const code of ['GH', 'HY', 'GH01', 'GH05']) id[code] = await idOf(t.ds, 'org_unit', code);
    for (const user of ['officer', 'officer2', 'leader', 'advisor', 'admin']) id[user] = await idOf(t.ds, 'app_user', user);
  });
  afterAll(() => t.close());

  const open = (o: Partial<OpenDeadlineInput> = {}) =>
    t.ds.transaction((em) =>
      svc.open(em, {
        townId: id.GH,
        ledger: 'vessel-case',
        recordId: randomUUID(),
        kind: 'unclaimed-notice',
        title: '广海三无〔2021〕第0001号',
        days: 5,
        unit: 'working',
        startDate: '2021-09-27',
        assigneeIds: [id.officer],
        ...o,
      }),
    );
  const inTx = <T>(fn: (em: EntityManager) => Promise<T>) => t.ds.transaction(fn);
  const failure = async (p: Promise<unknown>) => {
    const e = await p.then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(AppException);
    const ex = e as AppException;
    return { status: ex.getStatus(), code: ex.code, paths: (ex.fieldErrors ?? []).map((f) => f.path) };
  };

  describe('lifecycle', () => {
    let w: Deadline;

    it('opens a working-day deadline over National Day and a 调休 Saturday', async () => {
      w = await open();
      expect(w).toMatchObject({ startDate: '2021-09-27', baseDueDate: '2021-10-09', dueDate: '2021-10-09', unit: 'working', ruleDays: 5, version: 1 });
      const today = await svc.today(id.GH);
      expect(today).toBe('2021-09-27');
      expect(svc.status(w, today)).toEqual({ kind: 'unclaimed-notice', dueDate: '2021-10-09', daysLeft: 12, state: 'ok', provisional: false });
      const [audit] = await t.ds.query(`SELECT town_id, after FROM audit_log WHERE action = 'deadline.open' AND entity_id = $1`, [w.id]);
      expect(audit).toMatchObject({ town_id: id.GH, after: { dueDate: '2021-10-09', unit: 'working' } });
    });

    it('pauses, and on resuming moves the due date by the paused working days', async () => {
      const paused = await inTx((em) => svc.pause(em, w.id, '2021-09-28'));
      expect(paused).toMatchObject({ pausedFrom: '2021-09-28', dueDate: '2021-10-09', version: 2 });
      expect(svc.status(paused, '2021-10-20').state).toBe('paused');
      expect(await failure(inTx((em) => svc.pause(em, w.id, '2021-09-29')))).toMatchObject({ status: 409, code: 'DEADLINE_PAUSED' });
      expect(await failure(inTx((em) => svc.resume(em, w.id, '2021-09-27')))).toMatchObject({ status: 400, paths: ['date'] });

      const resumed = await inTx((em) => svc.resume(em, w.id, '2021-10-11'));
      expect(resumed).toMatchObject({ pausedFrom: null, pausedDays: 5, baseDueDate: '2021-10-09', dueDate: '2021-10-15', version: 3 });
      expect(await failure(inTx((em) => svc.resume(em, w.id, '2021-10-12')))).toMatchObject({ status: 409, code: 'DEADLINE_NOT_PAUSED' });
      const [audit] = await t.ds.query(`SELECT before, after FROM audit_log WHERE action = 'deadline.resume' AND entity_id = $1`, [w.id]);
      expect(audit).toMatchObject({ before: { pausedFrom: '2021-09-28', dueDate: '2021-10-09' }, after: { pausedFrom: null, pausedDays: 5, dueDate: '2021-10-15' } });
    });

    it('extends with approval and reason', async () => {
      expect(await failure(inTx((em) => svc.extend(em, w.id, { days: 3, reason: ' ', approvedBy: id.leader })))).toMatchObject({ status: 400, paths: ['reason'] });
      const extended = await inTx((em) => svc.extend(em, w.id, { days: 3, reason: '需补充调查', approvedBy: id.leader }));
      expect(extended).toMatchObject({ extensionDays: 3, extensionReason: '需补充调查', extendedBy: id.leader, dueDate: '2021-10-20' });
      const [audit] = await t.ds.query(`SELECT username, before, after FROM audit_log WHERE action = 'deadline.extend' AND entity_id = $1`, [w.id]);
      expect(audit.after).toMatchObject({ extensionDays: 3, extendedBy: id.leader, dueDate: '2021-10-20' });
    });

    it('follows the clock: warning within three days, overdue after the due date', async () => {
      const [row] = await svc.forRecord('vessel-case', w.recordId, id.GH);
      expect(svc.status(row, '2021-10-16')).toMatchObject({ daysLeft: 4, state: 'ok' });
      t.clock.set('2021-10-17T02:00:00Z');
      expect(svc.status(row, await svc.today(id.GH))).toMatchObject({ daysLeft: 3, state: 'warning' });
      t.clock.set('2021-10-21T02:00:00Z');
      expect(svc.status(row, await svc.today(id.GH))).toMatchObject({ daysLeft: -1, state: 'overdue' });
      t.clock.set('2021-09-27T02:00:00Z');
    });

    it('completes, after which nothing changes it', async () => {
      const done = await inTx((em) => svc.complete(em, w.id, t.clock.now()));
      expect(done.doneAt).toEqual(t.clock.now());
      expect(svc.detail(done, '2021-10-30')).toMatchObject({ state: 'done', daysLeft: -10, extensionDays: 3, pausedDays: 5, unit: 'working', doneAt: '2021-09-27T02:00:00.000Z' });
      const attempts = [
        (em: EntityManager) => svc.pause(em, w.id, '2021-10-12'),
        (em: EntityManager) => svc.extend(em, w.id, { days: 1, reason: 'x', approvedBy: id.leader }),
        (em: EntityManager) => svc.complete(em, w.id, t.clock.now()),
      ];
      for (const attempt of attempts) {
        expect(await failure(inTx(attempt))).toMatchObject({ status: 409, code: 'DEADLINE_DONE' });
      }
      expect(await failure(inTx((em) => svc.pause(em, randomUUID(), '2021-10-12')))).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    });
  });

  it('ends a calendar-day period that falls on a holiday on the next working day, pauses and extensions included', async () => {
    const c = await open({ days: 15, unit: 'calendar', startDate: '2021-09-16' });
    expect(c).toMatchObject({ baseDueDate: '2021-10-08', dueDate: '2021-10-08' });
    await inTx((em) => svc.pause(em, c.id, '2021-09-20'));
    expect(await inTx((em) => svc.resume(em, c.id, '2021-09-25'))).toMatchObject({ pausedDays: 5, dueDate: '2021-10-08' });
    expect(await inTx((em) => svc.extend(em, c.id, { days: 3, reason: '延期', approvedBy: id.leader }))).toMatchObject({ dueDate: '2021-10-09' });
  });

  it('resumes a paused deadline on its completion day', async () => {
    const d = await open();
    await inTx((em) => svc.pause(em, d.id, '2021-09-28'));
    const done = await inTx((em) => svc.complete(em, d.id, new Date('2021-09-29T17:00:00Z')));
    expect(done).toMatchObject({ pausedFrom: null, pausedDays: 2, dueDate: '2021-10-12' });
  });

  it('joins the caller transaction: a rolled-back record leaves no deadline and no audit row', async () => {
    const recordId = randomUUID();
    await expect(
      t.ds.transaction(async (em) => {
        await svc.open(em, { townId: id.GH, ledger: 'vessel-case', recordId, kind: 'k', title: 't', days: 1, unit: 'working', startDate: '2021-09-27', assigneeIds: [] });
        throw new Error('the record failed');
      }),
    ).rejects.toThrow('the record failed');
    expect(await svc.forRecord('vessel-case', recordId, id.GH)).toEqual([]);
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'deadline.open' AND after->>'recordId' = $1`, [recordId]);
    expect(n).toBe(0);
  });

  it('validates what a ledger passes in, field by field', async () => {
    expect(await failure(open({ days: 0 }))).toMatchObject({ status: 400, paths: ['days'] });
    expect(await failure(open({ startDate: '2021-09-31' }))).toMatchObject({ status: 400, paths: ['startDate'] });
    expect(await failure(open({ title: '' }))).toMatchObject({ status: 400, paths: ['title'] });
    expect(await failure(open({ assigneeIds: ['nobody'] }))).toMatchObject({ status: 400, paths: ['assigneeIds'] });
  });

  it('lists the deadlines of a record in the order they were opened', async () => {
    const recordId = randomUUID();
    const first = await open({ recordId, kind: 'first' });
    t.clock.advanceMinutes(5);
    const second = await open({ recordId, kind: 'second', unit: 'calendar', days: 30 });
    t.clock.set('2021-09-27T02:00:00Z');
    expect((await svc.forRecord('vessel-case', recordId, id.GH)).map((d) => d.id)).toEqual([first.id, second.id]);
  });

  it('recomputes open deadlines when an admin edits a calendar day inside their span', async () => {
    const admin = await t.login('admin');
    const r = await open({ startDate: '2030-12-27', days: 10 });
    const done = await open({ startDate: '2030-12-27', days: 10 });
    await inTx((em) => svc.complete(em, done.id, t.clock.now()));
    expect(r.dueDate).toBe('2031-01-10');

    await t.http.put('/api/calendar/2031-01-01').set('Cookie', admin).send({ kind: 'holiday', name: '元旦', version: 0 }).expect(200);
    const [moved] = await svc.forRecord('vessel-case', r.recordId, id.GH);
    expect(moved).toMatchObject({ baseDueDate: '2031-01-13', dueDate: '2031-01-13', version: 2 });
    expect((await svc.forRecord('vessel-case', done.recordId, id.GH))[0].dueDate).toBe('2031-01-10');
    const [audit] = await t.ds.query(`SELECT username, before, after, detail FROM audit_log WHERE action = 'deadline.recalculate' AND entity_id = $1`, [r.id]);
    expect(audit).toMatchObject({ username: 'admin', before: { dueDate: '2031-01-10' }, after: { dueDate: '2031-01-13' }, detail: { calendarDates: ['2031-01-01'] } });

    await t.http.delete('/api/calendar/2031-01-01?version=1').set('Cookie', admin).expect(204);
    expect((await svc.forRecord('vessel-case', r.recordId, id.GH))[0].dueDate).toBe('2031-01-10');
  });

  describe('a year without a holiday arrangement (the kept one ends with 2026)', () => {
    const START = '2026-12-21T02:00:00Z';
    let admin: string;
    let entry: { version: number } | null = null;
    beforeAll(async () => {
      t.clock.set(START);
      admin = await t.login('admin');
    });
    afterAll(async () => {
      if (entry) await t.http.delete(`/api/calendar/years/2027?version=${entry.version}`).set('Cookie', admin).expect(204);
      for (const date of ['2027-01-01', '2027-02-16']) {
        const day = (await t.http.get('/api/calendar?year=2027').set('Cookie', admin)).body.days.find((d: { date: string }) => d.date === date);
        if (day) await t.http.delete(`/api/calendar/${date}?version=${day.version}`).set('Cookie', admin).expect(204);
      }
      t.clock.set('2021-09-27T02:00:00Z');
    });
    const reread = async (d: Deadline) => (await svc.forRecord('vessel-case', d.recordId, id.GH)).find((x) => x.id === d.id)!;

    it('counts 1 January 2027 as a working day and marks a deadline across the year end provisional', async () => {
      const across = await open({ startDate: '2026-12-21', days: 10, title: '跨年工作日期限' });
      expect(across).toMatchObject({ dueDate: '2027-01-04', provisional: true });
      expect(svc.status(across, '2026-12-21')).toEqual({ kind: 'unclaimed-notice', dueDate: '2027-01-04', daysLeft: 14, state: 'ok', provisional: true });
      expect(svc.detail(await reread(across), '2026-12-21')).toMatchObject({ dueDate: '2027-01-04', provisional: true });

      const within = await open({ startDate: '2026-11-20', days: 30, unit: 'calendar', title: '年内期限' });
      expect(within).toMatchObject({ dueDate: '2026-12-21', provisional: false });
      expect((await reread(within)).provisional).toBe(false);
    });

    it('keeps the flag on paused, extended and overdue deadlines, and drops it once met', async () => {
      const d = await open({ startDate: '2026-12-21', days: 3, title: '跨年暂停' });
      expect(d).toMatchObject({ dueDate: '2026-12-24', provisional: false });
      await inTx((em) => svc.pause(em, d.id, '2026-12-22'));
      const resumed = await inTx((em) => svc.resume(em, d.id, '2026-12-31'));
      expect(resumed).toMatchObject({ dueDate: '2027-01-04', provisional: true });
      expect(svc.status(resumed, '2027-01-05')).toMatchObject({ state: 'overdue', provisional: true });
      const done = await inTx((em) => svc.complete(em, d.id, t.clock.now()));
      expect(svc.status(done, '2027-01-05')).toMatchObject({ state: 'done', provisional: false });
    });

    it('recomputes on each day entered and drops the flag once the year is declared entered', async () => {
      const d = await open({ startDate: '2026-12-21', days: 10, title: '待重算' });
      await t.http.put('/api/calendar/2027-01-01').set('Cookie', admin).send({ kind: 'holiday', name: '元旦', version: 0 }).expect(200);
      expect(await reread(d)).toMatchObject({ dueDate: '2027-01-05', provisional: true });

      const early = await t.http.put('/api/calendar/years/2028').set('Cookie', admin).send({ version: 0 }).expect(400);
      expect(early.body.errors).toEqual([expect.objectContaining({ path: 'year', code: 'calendarYearEmpty' })]);

      const entered = await t.http.put('/api/calendar/years/2027').set('Cookie', admin).send({ version: 0 }).expect(200);
      entry = entered.body;
      expect(entered.body).toMatchObject({ year: 2027, source: 'admin', version: 1, enteredAt: t.clock.now().toISOString() });
      expect(await reread(d)).toMatchObject({ dueDate: '2027-01-05', provisional: false });
      const [audit] = await t.ds.query(`SELECT username, entity_id, after FROM audit_log WHERE action = 'calendar_year.enter' ORDER BY id DESC LIMIT 1`);
      expect(audit).toMatchObject({ username: 'admin', entity_id: '2027', after: { year: 2027, source: 'admin' } });

      await t.http.put('/api/calendar/years/2027').set('Cookie', admin).send({ version: 0 }).expect(409);
      const year = await t.http.get('/api/calendar?year=2027').set('Cookie', admin).expect(200);
      expect(year.body).toMatchObject({ year: 2027, sourceCovered: false, entered: { year: 2027, source: 'admin', version: 1 } });

      // A day entered after the declaration still moves the open deadlines it falls in.
      await t.http.put('/api/calendar/2027-01-04').set('Cookie', admin).send({ kind: 'holiday', name: '元旦(补)', version: 0 }).expect(200);
      expect(await reread(d)).toMatchObject({ dueDate: '2027-01-06', provisional: false });
      const fix = (await t.http.get('/api/calendar?year=2027').set('Cookie', admin)).body.days.find((x: { date: string }) => x.date === '2027-01-04');
      await t.http.delete(`/api/calendar/2027-01-04?version=${fix.version}`).set('Cookie', admin).expect(204);

      // Withdrawn, the deadlines it holds are provisional again; a kept year cannot be withdrawn.
      await t.http.delete('/api/calendar/years/2027?version=1').set('Cookie', admin).expect(204);
      entry = null;
      expect(await reread(d)).toMatchObject({ dueDate: '2027-01-05', provisional: true });
      const kept = await t.http.get('/api/calendar?year=2026').set('Cookie', admin).expect(200);
      expect(kept.body.entered).toMatchObject({ year: 2026, source: 'chinese-days' });
      const refused = await t.http.delete(`/api/calendar/years/2026?version=${kept.body.entered.version}`).set('Cookie', admin).expect(409);
      expect(refused.body.code).toBe('CALENDAR_SOURCE_YEAR');
      await t.http.delete('/api/calendar/years/2029?version=1').set('Cookie', admin).expect(404);
      const badYear = await t.http.put('/api/calendar/years/27').set('Cookie', admin).send({ version: 0 }).expect(400);
      expect(badYear.body.errors).toEqual([expect.objectContaining({ path: 'year', code: 'calendarRange' })]);
      const officer = await t.login('officer');
      await t.http.put('/api/calendar/years/2027').set('Cookie', officer).send({ version: 0 }).expect(403);
    });

    it('carries the flag in a record list: the mediation period of a dispute', async () => {
      const leader = await t.login('leader');
      const [dispute] = await t.ds.query(`SELECT d.id, d.town_id, d.year, d.seq FROM dispute d WHERE d.town_id = $1 ORDER BY d.year, d.seq LIMIT 1`, [id.GH]);
      t.clock.advanceMinutes(1);
      await open({ ledger: 'dispute', recordId: dispute.id, kind: 'mediation-period', days: 30, unit: 'calendar', startDate: '2026-12-21', title: '跨年调解期限' });
      const detail = await t.http.get(`/api/disputes/${dispute.id}`).set('Cookie', leader).expect(200);
      expect(detail.body.deadline).toMatchObject({ dueDate: '2027-01-20', state: 'ok', provisional: true });
      const list = await t.http
        .get(`/api/disputes?q=${encodeURIComponent(detail.body.number)}`)
        .set('Cookie', leader)
        .expect(200);
      expect(list.body.items.find((i: { id: string }) => i.id === dispute.id).deadline).toEqual({ kind: 'mediation-period', dueDate: '2027-01-20', daysLeft: 30, state: 'ok', provisional: true });
    });
  });

  describe('the calendar administrator’s reminder to enter next year', () => {
    const items = async (cookie: string, query = '') => (await t.http.get(`/api/my/deadlines${query}`).set('Cookie', cookie).expect(200)).body;
    afterAll(() => t.clock.set('2021-09-27T02:00:00Z'));

    it('appears on 1 November in the town, not on 31 October, and goes once the year is entered', async () => {
      t.clock.set('2026-10-31T15:59:59Z');
      let admin = await t.login('admin');
      expect(await items(admin)).toMatchObject({ total: 0, items: [] });

      t.clock.set('2026-10-31T16:00:00Z');
      const due = await items(admin);
      expect(due).toMatchObject({ total: 1, page: 1 });
      expect(due.items).toEqual([
        {
          id: 'calendar-year:2027',
          townId: null,
          ledger: 'calendar',
          recordId: '2027',
          kind: 'calendar-year',
          title: '2027 年节假日安排',
          dueDate: '2026-12-31',
          daysLeft: 60,
          state: 'ok',
          provisional: false,
        },
      ]);
      expect((await items(admin, '?all=true')).items.map((i: { id: string }) => i.id)).toEqual(['calendar-year:2027']);
      expect(await items(await t.login('officer'), '?all=true')).not.toMatchObject({ items: [expect.objectContaining({ ledger: 'calendar' })] });

      t.clock.set('2027-01-04T02:00:00Z');
      admin = await t.login('admin');
      expect((await items(admin)).items[0]).toMatchObject({ recordId: '2027', daysLeft: -4, state: 'overdue' });

      const holiday = await t.http.put('/api/calendar/2027-02-16').set('Cookie', admin).send({ kind: 'holiday', name: '春节', version: 0 }).expect(200);
      expect((await items(admin)).total).toBe(1);
      const entered = await t.http.put('/api/calendar/years/2027').set('Cookie', admin).send({ version: 0 }).expect(200);
      expect(await items(admin)).toMatchObject({ total: 0, items: [] });

      await t.http.delete(`/api/calendar/years/2027?version=${entered.body.version}`).set('Cookie', admin).expect(204);
      await t.http.delete(`/api/calendar/2027-02-16?version=${holiday.body.version}`).set('Cookie', admin).expect(204);
    });

    it('comes first and pages together with the record deadlines', async () => {
      await t.ds.query(`UPDATE deadline SET done_at = now() WHERE done_at IS NULL`);
      t.clock.set('2026-11-02T02:00:00Z');
      await open({ title: 'A 一日', days: 1, startDate: '2026-11-02', assigneeIds: [id.admin] });
      await open({ title: 'B 两日', days: 2, startDate: '2026-11-02', assigneeIds: [id.admin] });
      const admin = await t.login('admin');
      const first = await items(admin, '?pageSize=2');
      expect(first).toMatchObject({ total: 3 });
      expect(first.items.map((i: { title: string }) => i.title)).toEqual(['2027 年节假日安排', 'A 一日']);
      expect((await items(admin, '?pageSize=2&page=2')).items.map((i: { title: string }) => i.title)).toEqual(['B 两日']);
    });
  });

  describe('GET /api/my/deadlines', () => {
    const made: Record<string, Deadline> = {};
    beforeAll(async () => {
      await t.ds.query(`UPDATE deadline SET done_at = now()`);
      made.overdue = await open({ title: 'C 超期', unit: 'calendar', days: 10, startDate: '2021-09-01' });
      made.warning = await open({ title: 'A 两日', days: 2 });
      made.edge = await open({ title: 'T 三日', days: 3 });
      made.ok = await open({ title: 'B 三十日', unit: 'calendar', days: 30 });
      made.paused = await open({ title: 'D 暂停', days: 1 });
      await inTx((em) => svc.pause(em, made.paused.id, '2021-09-27'));
      made.done = await open({ title: 'H 完成', days: 1 });
      await inTx((em) => svc.complete(em, made.done.id, t.clock.now()));
      made.leaders = await open({ title: 'G 领导', days: 1, assigneeIds: [id.leader] });
      made.haiyan = await open({ townId: id.HY, title: 'E 海宴', days: 3, assigneeIds: [id.officer2] });
      made.outOfScope = await open({ townId: id.HY, title: 'F 海宴', days: 3, assigneeIds: [id.officer, id.officer2] });
      made.village = await open({ villageId: id.GH01, title: 'V1 社区', days: 1, assigneeIds: [id.advisor] });
      made.otherVillage = await open({ villageId: id.GH05, title: 'V2 大湾', days: 1, assigneeIds: [id.advisor] });
      made.town = await open({ title: 'V3 镇级', days: 1, assigneeIds: [id.advisor] });
    });

    const list = async (user: string, query = '') => {
      const res = await t.http
        .get(`/api/my/deadlines${query}`)
        .set('Cookie', await t.login(user))
        .expect(200);
      return res.body;
    };
    const titles = (body: { items: { title: string }[] }) => body.items.map((i) => i.title);

    it('lists the caller’s overdue and due-soon deadlines, most urgent first', async () => {
      const body = await list('officer');
      expect(titles(body)).toEqual(['C 超期', 'A 两日', 'T 三日']);
      expect(body).toMatchObject({ total: 3, page: 1 });
      expect(body.items[0]).toEqual({
        id: made.overdue.id,
        townId: id.GH,
        ledger: 'vessel-case',
        recordId: made.overdue.recordId,
        kind: 'unclaimed-notice',
        title: 'C 超期',
        dueDate: '2021-09-13',
        daysLeft: -14,
        state: 'overdue',
        provisional: false,
      });
      expect(body.items.slice(1).map((i: { daysLeft: number; state: string }) => [i.daysLeft, i.state])).toEqual([
        [2, 'warning'],
        [3, 'warning'],
      ]);
    });

    it('includes the ones on track and paused ones with ?all=true, and pages', async () => {
      expect(titles(await list('officer', '?all=true'))).toEqual(['C 超期', 'A 两日', 'T 三日', 'B 三十日', 'D 暂停']);
      const page = await list('officer', '?all=true&page=2&pageSize=2');
      expect(page).toMatchObject({ total: 5, page: 2, pageSize: 2 });
      expect(titles(page)).toEqual(['T 三日', 'B 三十日']);
      const bad = await t.http
        .get('/api/my/deadlines?all=yes')
        .set('Cookie', await t.login('officer'))
        .expect(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'all' })]);
    });

    it('never lists deadlines outside the caller’s data scope', async () => {
      expect(titles(await list('officer2'))).toEqual(['E 海宴', 'F 海宴']);
      expect(titles(await list('officer', '?all=true'))).not.toContain('F 海宴');
      expect(titles(await list('advisor'))).toEqual(['V1 社区']);
      expect(titles(await list('leader'))).toEqual(['G 领导']);
      expect(titles(await list('admin', '?all=true'))).toEqual([]);
      await t.http.get('/api/my/deadlines').expect(401);
    });

    it('keeps an own-records scope to the towns it names', async () => {
      const repo = t.app.get(DeadlinesRepository);
      const own = (townIds: string[]) => ({ userId: id.officer, townIds: [], villageIds: [], ownTownIds: townIds, upperUnitIds: [] });
      const f = { all: false, warningDays: 3, offset: 0, limit: 20 };
      expect((await repo.mine(own([id.GH]), t.clock.now(), f)).rows.map((r) => r.title)).toEqual(['C 超期', 'A 两日', 'T 三日']);
      expect((await repo.mine(own([id.HY]), t.clock.now(), f)).rows.map((r) => r.title)).toEqual(['F 海宴']);
      expect((await repo.mine(own([]), t.clock.now(), f)).total).toBe(0);
    });

    it('counts days left from the town’s date, not the server’s', async () => {
      t.clock.set('2021-09-26T16:30:00Z');
      const justAfterMidnight = await list('officer');
      expect(justAfterMidnight.items.find((i: { title: string }) => i.title === 'T 三日')).toMatchObject({ daysLeft: 3, state: 'warning' });
      t.clock.set('2021-09-26T15:30:00Z');
      expect(titles(await list('officer'))).not.toContain('T 三日');
      t.clock.set('2021-09-27T02:00:00Z');
    });
  });
});
