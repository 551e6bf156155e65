import { ConfigError } from '../config/config';
import { clockFromEnv, StartedClock, SystemClock, TEST_CLOCK_START } from './clock';

describe('the server clock', () => {
  it('is the system clock unless a start is given', () => {
    expect(clockFromEnv({})).toBeInstanceOf(SystemClock);
    expect(clockFromEnv({ [TEST_CLOCK_START]: '  ' })).toBeInstanceOf(SystemClock);
  });

  it('starts at the instant given and runs on in real time', () => {
    let real = Date.UTC(2030, 0, 1);
    const clock = new StartedClock(new Date('2026-12-21T02:00:00Z'), () => real);
    expect(clock.now().toISOString()).toBe('2026-12-21T02:00:00.000Z');
    real += 90_000;
    expect(clock.now().toISOString()).toBe('2026-12-21T02:01:30.000Z');
  });

  it('takes an instant with its offset from the environment, outside production', () => {
    for (const env of ['development', 'test', undefined]) {
      const clock = clockFromEnv({ NODE_ENV: env, [TEST_CLOCK_START]: '2026-12-21T10:00:00+08:00' });
      expect(clock).toBeInstanceOf(StartedClock);
      expect(Math.abs(clock.now().getTime() - Date.parse('2026-12-21T02:00:00Z'))).toBeLessThan(60_000);
    }
  });

  it('refuses to start in production with a test clock', () => {
    expect(() => clockFromEnv({ NODE_ENV: 'production', [TEST_CLOCK_START]: '2026-12-21T02:00:00Z' })).toThrow(ConfigError);
    expect(() => clockFromEnv({ NODE_ENV: 'production', [TEST_CLOCK_START]: '2026-12-21T02:00:00Z' })).toThrow(/TEST_CLOCK_START is for tests only/);
  });

  it('refuses what is not an instant with an offset, or not a real date', () => {
    for (const bad of ['2026-12-21', '2026-12-21T02:00:00', 'tomorrow', '2026-02-30T02:00:00Z', '2026-12-21T25:00:00Z']) {
      expect(() => clockFromEnv({ [TEST_CLOCK_START]: bad })).toThrow(/must be an instant/);
    }
  });
});
