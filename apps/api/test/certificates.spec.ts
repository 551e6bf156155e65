import { TestClock } from '../src/common/clock';
import { createTestApp, TestApp } from './test-app';

/**
 * The certificate register's validity filter: each certificate is ok, due (30 days or fewer to its
 * expiry), expired or inactive (cancelled or not yet issued) on today in its town's zone, and the
 * list filtered by validity answers exactly the certificates whose answer says so, paged with the
 * filtered total.
 */
describe('certificate validity', () => {
  let t: TestApp;
  let legal: string;

  beforeAll(async () => {
    // 01:00 on 15 June in Guanghai (UTC+8) is still 14 June in UTC.
    t = await createTestApp({ clock: new TestClock('2021-06-14T17:00:00Z') });
    legal = await t.login('legal');
  });
  afterAll(() => t.close());

  const list = async (query: string) => (await t.http.get(`/api/certificates?${query}`).set('Cookie', legal).expect(200)).body;

  it('filters by validity on today in the certificate’s town, as each certificate answers it', async () => {
    const [officer] = (await t.http.get('/api/certificates/officers').set('Cookie', legal).expect(200)).body;
    const issue = (number: string, issuedOn: string, expiresOn: string) =>
      t.http.post('/api/certificates').set('Cookie', legal).send({ officerId: officer.id, number, issuedOn, expiresOn }).expect(201);
    const expected: Record<string, string> = {
      'T-EXPIRED-YESTERDAY': 'expired',
      'T-DUE-TODAY': 'due',
      'T-DUE-LAST-DAY': 'due',
      'T-OK-FIRST-DAY': 'ok',
      'T-NOT-YET': 'inactive',
      'T-CANCELLED': 'inactive',
    };
    await issue('T-EXPIRED-YESTERDAY', '2020-01-01', '2021-06-14');
    await issue('T-DUE-TODAY', '2020-01-01', '2021-06-15');
    await issue('T-DUE-LAST-DAY', '2020-01-01', '2021-07-15');
    await issue('T-OK-FIRST-DAY', '2020-01-01', '2021-07-16');
    await issue('T-NOT-YET', '2021-06-16', '2025-06-16');
    const cancelled = (await issue('T-CANCELLED', '2020-01-01', '2025-01-01')).body;
    await t.http.post(`/api/certificates/${cancelled.id}/events`).set('Cookie', legal).send({ version: cancelled.version, kind: 'cancel', date: '2021-06-14' }).expect(201);

    const all = await list('pageSize=100');
    expect(all.total).toBe(all.items.length);
    const mine = all.items.filter((c: { number: string }) => c.number in expected);
    expect(Object.fromEntries(mine.map((c: { number: string; validity: string }) => [c.number, c.validity]))).toEqual(expected);
    for (const validity of ['ok', 'due', 'expired', 'inactive']) {
      const answer = all.items.filter((c: { validity: string }) => c.validity === validity);
      expect(answer.length).toBeGreaterThan(0);
      expect(await list(`validity=${validity}&pageSize=100`)).toEqual({ ...all, items: answer, total: answer.length });
      const second = await list(`validity=${validity}&pageSize=1&page=2`);
      expect([second.total, second.items]).toEqual([answer.length, answer.slice(1, 2)]);
    }
  });
});
