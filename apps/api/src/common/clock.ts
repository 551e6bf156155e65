import { ConfigError } from '../config/config';

/** The one source of "now" for rules that depend on time; tests inject a settable one. */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

export class TestClock extends Clock {
  private current: Date;

  constructor(start: Date | string = '2021-06-15T02:00:00Z') {
    super();
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current.getTime());
  }

  set(instant: Date | string): void {
    this.current = new Date(instant);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }

  advanceMinutes(minutes: number): void {
    this.advance(minutes * 60_000);
  }
}

/**
 * A clock that starts at a given instant and then runs on in real time, so that durations
 * (sessions, lockouts, timeouts) still pass: the server's clock in the browser tests.
 */
export class StartedClock extends Clock {
  private readonly offsetMs: number;

  constructor(
    start: Date,
    private readonly realNow: () => number = Date.now,
  ) {
    super();
    this.offsetMs = start.getTime() - realNow();
  }

  now(): Date {
    return new Date(this.realNow() + this.offsetMs);
  }
}

/** The variable that starts the server's clock at an instant of a test's choosing. */
export const TEST_CLOCK_START = 'TEST_CLOCK_START';

/** An ISO 8601 instant with its offset: `2026-12-21T02:00:00Z`, `2026-12-21T10:00:00+08:00`. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

function realDate(ymd: string): boolean {
  const [y, m, d] = ymd.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * The server's clock: the system's, or with `TEST_CLOCK_START` one that starts at that instant
 * and runs on (browser tests and demonstrations of a given date). Refused in production, where
 * every deadline and every audit time must be the real one.
 */
export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): Clock {
  const start = env[TEST_CLOCK_START]?.trim();
  if (!start) return new SystemClock();
  if (env.NODE_ENV === 'production') {
    throw new ConfigError([`${TEST_CLOCK_START} is for tests only and is refused with NODE_ENV=production: the server must run on the real time`]);
  }
  const instant = INSTANT.test(start) && realDate(start.slice(0, 10)) ? new Date(start) : null;
  if (!instant || Number.isNaN(instant.getTime())) {
    throw new ConfigError([`${TEST_CLOCK_START} must be an instant such as 2026-12-21T02:00:00Z (got "${start}")`]);
  }
  return new StartedClock(instant);
}
