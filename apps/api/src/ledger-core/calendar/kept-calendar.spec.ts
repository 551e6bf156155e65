import chineseDays from 'chinese-days';
import { KEPT_CALENDAR, keptCalendar, keptCovers } from './kept-calendar';
import { addCalendarDays, DayKindLookup, isWorkday } from './working-days';

const FIRST = '2021-01-01';
const LAST = '2026-12-31';

describe('the kept holiday arrangement', () => {
  const kindOf: DayKindLookup = (date) => KEPT_CALENDAR.byDate.get(date)?.kind;

  it('covers 2021 to 2026 and nothing else', () => {
    expect([KEPT_CALENDAR.firstYear, KEPT_CALENDAR.lastYear]).toEqual([2021, 2026]);
    expect(KEPT_CALENDAR.days.every((d) => d.date >= FIRST && d.date <= LAST)).toBe(true);
    expect(keptCovers(KEPT_CALENDAR, 2026)).toBe(true);
    expect(keptCovers(KEPT_CALENDAR, 2031)).toBe(false);
  });

  it('equals chinese-days on every day of 2021–2026', () => {
    const mismatches: string[] = [];
    for (let date = FIRST; date <= LAST; date = addCalendarDays(date, 1)) {
      const detail = chineseDays.getDayDetail(date);
      const ours = KEPT_CALENDAR.byDate.get(date);
      if (isWorkday(date, kindOf) !== chineseDays.isWorkday(date)) mismatches.push(`${date}: working day`);
      // chinese-days names its special days "English,中文,n" and ordinary days by weekday.
      const special = detail.name.includes(',');
      if (special !== Boolean(ours)) mismatches.push(`${date}: special day`);
      if (ours && detail.name.split(',')[1] !== ours.name) mismatches.push(`${date}: name ${ours.name} vs ${detail.name}`);
      if (ours && (ours.kind === 'workday') !== detail.work) mismatches.push(`${date}: kind`);
    }
    expect(mismatches).toEqual([]);
  });

  it('refuses a malformed entry', () => {
    expect(() => keptCalendar({ firstYear: 2021, lastYear: 2021, days: [{ date: '2021-02-30', kind: 'holiday', name: '春节' }] })).toThrow(/bad entry/);
    expect(() => keptCalendar({ firstYear: 2021, lastYear: 2021, days: [{ date: '2021-02-11', kind: 'rest', name: '春节' }] })).toThrow(/bad entry/);
  });
});
