import { CALENDAR_DAY_KINDS, CalendarDayKind } from '@fazhi/contracts';
import data from './cn-holidays.json';
import { isPlainDate } from './working-days';

export interface KeptDay {
  date: string;
  kind: CalendarDayKind;
  name: string;
}

export interface KeptCalendar {
  firstYear: number;
  lastYear: number;
  days: KeptDay[];
  byDate: ReadonlyMap<string, KeptDay>;
}

/**
 * China's published holiday arrangements (holidays and 调休 workdays), kept in
 * `cn-holidays.json` from the chinese-days package for 2021 onwards; a test checks it against
 * that package day by day. Years after `lastYear` are entered by an administrator.
 */
export function keptCalendar(raw: { firstYear: number; lastYear: number; days: { date: string; kind: string; name: string }[] } = data): KeptCalendar {
  const days = raw.days.map((d): KeptDay => {
    if (!isPlainDate(d.date) || !(CALENDAR_DAY_KINDS as readonly string[]).includes(d.kind) || !d.name) {
      throw new Error(`cn-holidays.json: bad entry ${JSON.stringify(d)}`);
    }
    return { date: d.date, kind: d.kind as CalendarDayKind, name: d.name };
  });
  return { firstYear: raw.firstYear, lastYear: raw.lastYear, days, byDate: new Map(days.map((d) => [d.date, d])) };
}

export const KEPT_CALENDAR_SOURCE = 'chinese-days' as const;

export const KEPT_CALENDAR: KeptCalendar = keptCalendar();

export function keptCovers(kept: KeptCalendar, year: number): boolean {
  return year >= kept.firstYear && year <= kept.lastYear;
}
