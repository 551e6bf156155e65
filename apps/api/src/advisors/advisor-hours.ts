import { ADVISOR_MAX_ENTRY_HOURS } from '@fazhi/contracts';
import { invalidFields } from '../common/app-exception';
import { instantToWallClock, wallClockToUtcMs } from '../ledger-core/excel/zoned-time';

/** The instant a wall-clock time shows in a time zone (`dayOffset` days after `date`). */
export function zonedInstant(date: string, time: string, timeZone: string, dayOffset = 0): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const wanted = wallClockToUtcMs({ year: y, month: m, day: d + dayOffset, hour: hh, minute: mm, second: 0 });
  let guess = wanted;
  // Two corrections settle the zone's offset (also across a change of offset).
  for (let i = 0; i < 2; i++) guess += wanted - wallClockToUtcMs(instantToWallClock(new Date(guess), timeZone));
  return new Date(guess);
}

/**
 * A service's span: from `startTime` on `serviceDate` to `endTime` the same day, or the next day
 * when the end is at or before the start (the service crossed midnight), in the town's zone. Its
 * minutes belong to the day it started.
 */
export function serviceSpan(serviceDate: string, startTime: string, endTime: string, timeZone: string): { startedAt: Date; endedAt: Date; minutes: number; crossesMidnight: boolean } {
  const crossesMidnight = endTime <= startTime;
  const startedAt = zonedInstant(serviceDate, startTime, timeZone);
  const endedAt = zonedInstant(serviceDate, endTime, timeZone, crossesMidnight ? 1 : 0);
  const minutes = Math.round((endedAt.getTime() - startedAt.getTime()) / 60_000);
  if (minutes <= 0 || minutes > ADVISOR_MAX_ENTRY_HOURS * 60) {
    throw invalidFields([
      {
        path: 'endTime',
        code: 'span',
        message: { zh: `一次服务的时长须在 0 到 ${ADVISOR_MAX_ENTRY_HOURS} 小时之间`, en: `A service lasts more than 0 and at most ${ADVISOR_MAX_ENTRY_HOURS} hours` },
      },
    ]);
  }
  return { startedAt, endedAt, minutes, crossesMidnight };
}

/** Minutes as hours with two decimals. */
export const hoursOf = (minutes: number): number => Math.round((minutes / 60) * 100) / 100;
