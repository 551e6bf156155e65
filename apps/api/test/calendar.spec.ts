import { CalendarService } from '../src/ledger-core/calendar/calendar.service';
import { WorkingCalendar } from '../src/ledger-core/calendar/working-calendar';
import { createTestApp, TestApp } from './test-app';

describe('holiday calendar', () => {
  let t: TestApp;
  let admin: string;
  let calendar: WorkingCalendar;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    calendar = t.app.get(WorkingCalendar);
  });
  afterAll(() => t.close());

  const day = async (date: string) =>
    (
      await t.http
        .get(`/api/calendar?year=${date.slice(0, 4)}`)
        .set('Cookie', admin)
        .expect(200)
    ).body.days.find((d: { date: string }) => d.date === date);

  it('is loaded at start-up from the kept arrangement, 调休 included', async () => {
    const res = await t.http.get('/api/calendar?year=2021').set('Cookie', admin).expect(200);
    expect(res.body).toMatchObject({ year: 2021, sourceCovered: true, entered: { year: 2021, source: 'chinese-days', enteredBy: null } });
    const byDate = new Map(res.body.days.map((d: { date: string }) => [d.date, d]));
    expect(byDate.get('2021-10-01')).toMatchObject({ kind: 'holiday', name: '国庆节', source: 'chinese-days', version: 1 });
    expect(byDate.get('2021-09-18')).toMatchObject({ kind: 'workday', name: '中秋', source: 'chinese-days' });
    expect(byDate.get('2021-02-07')).toMatchObject({ kind: 'workday', name: '春节' });
    expect(byDate.has('2021-10-08')).toBe(false);
    expect(await calendar.addWorkingDays('2021-09-30', 1)).toBe('2021-10-08');
    expect(await calendar.addWorkingDays('2021-10-08', 1)).toBe('2021-10-09');
    expect(await calendar.isWorkday('2021-09-18')).toBe(true);
    expect(await calendar.workingDaysBetween('2021-09-30', '2021-10-09')).toBe(2);
    expect(calendar.addCalendarDays('2021-09-30', 8)).toBe('2021-10-08');
  });

  it('reports a year the kept arrangement lacks', async () => {
    const res = await t.http.get('/api/calendar?year=2031').set('Cookie', admin).expect(200);
    expect(res.body).toEqual({ year: 2031, sourceCovered: false, entered: null, days: [] });
  });

  it('lets an admin enter a year the source lacks, and the maths follows', async () => {
    expect(await calendar.addWorkingDays('2030-12-31', 1)).toBe('2031-01-01');
    const created = await t.http.put('/api/calendar/2031-01-01').set('Cookie', admin).send({ kind: 'holiday', name: ' 元旦 ', version: 0 }).expect(200);
    expect(created.body).toMatchObject({ date: '2031-01-01', kind: 'holiday', name: '元旦', source: 'admin', version: 1, updatedBy: expect.any(String) });
    await t.http.put('/api/calendar/2031-01-04').set('Cookie', admin).send({ kind: 'workday', name: '元旦', version: 0 }).expect(200);
    expect(await calendar.addWorkingDays('2030-12-31', 1)).toBe('2031-01-02');
    expect(await calendar.addWorkingDays('2031-01-03', 1)).toBe('2031-01-04');
    expect(await calendar.workingDaysBetween('2030-12-31', '2031-01-06')).toBe(4);

    const [audit] = await t.ds.query(`SELECT username, entity_id, before, after FROM audit_log WHERE action = 'calendar_day.create' ORDER BY id LIMIT 1`);
    expect(audit).toMatchObject({ username: 'admin', entity_id: '2031-01-01', before: null, after: { date: '2031-01-01', kind: 'holiday', source: 'admin' } });

    const updated = await t.http.put('/api/calendar/2031-01-01').set('Cookie', admin).send({ kind: 'holiday', name: '元旦节', version: 1 }).expect(200);
    expect(updated.body).toMatchObject({ name: '元旦节', version: 2 });
    const [change] = await t.ds.query(`SELECT before, after FROM audit_log WHERE action = 'calendar_day.update' ORDER BY id DESC LIMIT 1`);
    expect(change).toMatchObject({ before: { name: '元旦', version: 1 }, after: { name: '元旦节', version: 2 } });

    const year = await t.http.get('/api/calendar?year=2031').set('Cookie', admin).expect(200);
    expect(year.body.days.map((d: { date: string }) => d.date)).toEqual(['2031-01-01', '2031-01-04']);
  });

  it('refuses a stale write, never overwriting', async () => {
    const stale = await t.http.put('/api/calendar/2031-01-01').set('Cookie', admin).send({ kind: 'workday', name: 'x', version: 1 }).expect(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    await t.http.put('/api/calendar/2031-05-01').set('Cookie', admin).send({ kind: 'holiday', name: '劳动节', version: 0 }).expect(200);
    await t.http.put('/api/calendar/2031-05-01').set('Cookie', admin).send({ kind: 'holiday', name: '劳动节', version: 0 }).expect(409);
    await t.http.delete('/api/calendar/2031-05-01?version=7').set('Cookie', admin).expect(409);
    expect(await day('2031-01-01')).toMatchObject({ kind: 'holiday', name: '元旦节', version: 2 });
  });

  it('removes an admin day, and the maths forgets it', async () => {
    await t.http.delete('/api/calendar/2031-01-01?version=2').set('Cookie', admin).expect(204);
    expect(await day('2031-01-01')).toBeUndefined();
    expect(await calendar.addWorkingDays('2030-12-31', 1)).toBe('2031-01-01');
    const [audit] = await t.ds.query(`SELECT before, after FROM audit_log WHERE action = 'calendar_day.delete' ORDER BY id DESC LIMIT 1`);
    expect(audit).toMatchObject({ before: { date: '2031-01-01', name: '元旦节' }, after: null });
    const missing = await t.http.delete('/api/calendar/2031-01-01?version=2').set('Cookie', admin).expect(404);
    expect(missing.body.code).toBe('NOT_FOUND');
  });

  it('corrects a day of the kept arrangement, keeps the correction across start-ups, and restores the original on removal', async () => {
    const original = await day('2021-10-07');
    await t.http.put('/api/calendar/2021-10-07').set('Cookie', admin).send({ kind: 'workday', name: '国庆节(更正)', version: original.version }).expect(200);
    expect(await calendar.isWorkday('2021-10-07')).toBe(true);

    expect(await t.app.get(CalendarService).syncKept()).toEqual([]);
    expect(await day('2021-10-07')).toMatchObject({ kind: 'workday', source: 'admin' });

    const refused = await t.http
      .delete(`/api/calendar/2021-10-01?version=${(await day('2021-10-01')).version}`)
      .set('Cookie', admin)
      .expect(409);
    expect(refused.body.code).toBe('CALENDAR_SOURCE_DAY');

    await t.http
      .delete(`/api/calendar/2021-10-07?version=${(await day('2021-10-07')).version}`)
      .set('Cookie', admin)
      .expect(204);
    expect(await day('2021-10-07')).toMatchObject({ kind: 'holiday', name: '国庆节', source: 'chinese-days' });
    expect(await calendar.isWorkday('2021-10-07')).toBe(false);
    const [audit] = await t.ds.query(`SELECT before, after FROM audit_log WHERE action = 'calendar_day.restore' ORDER BY id DESC LIMIT 1`);
    expect(audit).toMatchObject({ before: { kind: 'workday', source: 'admin' }, after: { kind: 'holiday', source: 'chinese-days' } });
  });

  it('repairs drifted source days at start-up and drops ones the source no longer has', async () => {
    await t.ds.query(`UPDATE calendar_day SET name = 'x' WHERE date = '2022-10-03'`);
    await t.ds.query(`INSERT INTO calendar_day (date, kind, name, source, updated_at) VALUES ('2032-10-01', 'holiday', '国庆节', 'chinese-days', now())`);
    expect((await t.app.get(CalendarService).syncKept()).sort()).toEqual(['2022-10-03', '2032-10-01']);
    expect(await day('2022-10-03')).toMatchObject({ name: '国庆节', source: 'chinese-days' });
    expect(await day('2032-10-01')).toBeUndefined();
  });

  it('answers validation errors field by field', async () => {
    const badDate = await t.http.put('/api/calendar/2021-02-30').set('Cookie', admin).send({ kind: 'holiday', name: 'x', version: 0 }).expect(400);
    expect(badDate.body.errors).toEqual([expect.objectContaining({ path: 'date', code: 'isPlainDate' })]);
    const outOfRange = await t.http.put('/api/calendar/1999-01-01').set('Cookie', admin).send({ kind: 'holiday', name: 'x', version: 0 }).expect(400);
    expect(outOfRange.body.errors).toEqual([expect.objectContaining({ path: 'date', code: 'calendarRange' })]);
    const badBody = await t.http.put('/api/calendar/2031-02-01').set('Cookie', admin).send({ kind: 'rest', name: '  ', extra: 1 }).expect(400);
    expect([...new Set(badBody.body.errors.map((e: { path: string }) => e.path))].sort()).toEqual(['extra', 'kind', 'name', 'version']);
    const badYear = await t.http.get('/api/calendar?year=21').set('Cookie', admin).expect(400);
    expect(badYear.body.errors).toEqual([expect.objectContaining({ path: 'year', code: 'min' })]);
    await t.http.get('/api/calendar').set('Cookie', admin).expect(400);
    expect(await day('2031-02-01')).toBeUndefined();
  });

  it('is managed only with calendar.manage', async () => {
    const officer = await t.login('officer');
    await t.http.get('/api/calendar?year=2021').set('Cookie', officer).expect(403);
    await t.http.put('/api/calendar/2031-02-01').set('Cookie', officer).send({ kind: 'holiday', name: 'x', version: 0 }).expect(403);
    await t.http.delete('/api/calendar/2021-10-01?version=1').set('Cookie', officer).expect(403);
    await t.http.get('/api/calendar?year=2021').expect(401);
    expect(await day('2031-02-01')).toBeUndefined();
  });
});
