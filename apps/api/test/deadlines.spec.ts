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
      svc.open(em, { townId: id.GH, ledger: 'vessel-case', recordId: randomUUID(), kind: 'unclaimed-notice', title: '广海三无〔2021〕第0001号', days: 5, unit: 'working', startDate: '2021-09-27', assigneeIds: [id.officer], ...o }),
    );
  const inTx = <T>(fn: (em: EntityManager) => Promise<T>) => t.ds.transaction(fn);
  const failure = async (p: Promise<unknown>) => {
    const e = await p.then(() => null, (err: unknown) => err);
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
      expect(svc.status(w, today)).toEqual({ kind: 'unclaimed-notice', dueDate: '2021-10-09', daysLeft: 12, state: 'ok' });
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
      const res = await t.http.get(`/api/my/deadlines${query}`).set('Cookie', await t.login(user)).expect(200);
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
      });
      expect(body.items.slice(1).map((i: { daysLeft: number; state: string }) => [i.daysLeft, i.state])).toEqual([[2, 'warning'], [3, 'warning']]);
    });

    it('includes the ones on track and paused ones with ?all=true, and pages', async () => {
      expect(titles(await list('officer', '?all=true'))).toEqual(['C 超期', 'A 两日', 'T 三日', 'B 三十日', 'D 暂停']);
      const page = await list('officer', '?all=true&page=2&pageSize=2');
      expect(page).toMatchObject({ total: 5, page: 2, pageSize: 2 });
      expect(titles(page)).toEqual(['T 三日', 'B 三十日']);
      const bad = await t.http.get('/api/my/deadlines?all=yes').set('Cookie', await t.login('officer')).expect(400);
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
