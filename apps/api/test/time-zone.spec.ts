import { monthInZone, yearInZone } from '@fazhi/contracts';
import { createTestApp, TestApp } from './test-app';

describe('a record year is the town year, whatever the server zone', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('runs with the process in UTC', () => {
    expect(process.env.TZ).toBe('UTC');
    expect(new Date('2021-12-31T16:30:00Z').getHours()).toBe(16);
  });

  it('puts 2021-12-31T16:30Z into Guanghai 2022 in code', () => {
    expect(yearInZone(new Date('2021-12-31T16:30:00Z'), 'Asia/Shanghai')).toBe(2022);
    expect(monthInZone(new Date('2021-12-31T16:30:00Z'), 'Asia/Shanghai')).toBe('2022-01');
    expect(yearInZone(new Date('2021-12-31T15:59:59Z'), 'Asia/Shanghai')).toBe(2021);
  });

  it('puts it into 2022 in SQL too, with the session in UTC, using the town zone column', async () => {
    const [row] = await t.ds.query(`SET LOCAL TIME ZONE 'UTC'; SELECT 1`).then(() =>
      t.ds.query(
        `SELECT extract(year FROM ($1::timestamptz AT TIME ZONE o.time_zone))::int AS year,
                to_char($1::timestamptz AT TIME ZONE o.time_zone, 'YYYY-MM') AS month
           FROM org_unit o WHERE o.code = 'GH'`,
        ['2021-12-31T16:30:00Z'],
      ),
    );
    expect(row).toEqual({ year: 2022, month: '2022-01' });
  });
});
