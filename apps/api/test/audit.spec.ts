import { createTestApp, TestApp } from './test-app';

describe('audit log', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    for (const u of ['leader', 'officer', 'mediator', 'admin']) await t.login(u);
  });
  afterAll(() => t.close());

  it('rejects UPDATE, DELETE and TRUNCATE at the database', async () => {
    await expect(t.ds.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.ds.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(t.ds.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    await t.audit.seal();
    await expect(t.ds.query(`DELETE FROM audit_seal`)).rejects.toThrow(/append-only/);
  });

  it('seals committed rows into a hash chain and verifies it', async () => {
    await t.audit.seal();
    const report = await t.audit.verify();
    expect(report.ok).toBe(true);
    expect(report.rows).toBeGreaterThanOrEqual(4);
    expect(report.sealed).toBe(report.rows);
    expect(report.checked).toBe(report.rows);
    expect(report.oldestUnsealed).toBeNull();
    await t.login('petition');
    t.clock.advance(90_000);
    const after = await t.audit.verify();
    t.clock.advance(-90_000);
    expect(after.oldestUnsealed?.ageSeconds).toBe(90);
  });

  it('does not make writers wait on the chain: concurrent sign-ins all land, then seal in order', async () => {
    await Promise.all(['leader', 'officer', 'mediator', 'advisor', 'legal', 'petition'].map((u) => t.login(u)));
    const sealed = await t.audit.seal();
    expect(sealed).toBeGreaterThanOrEqual(6);
    const seqs: { seq: string }[] = await t.ds.query(`SELECT seq::int AS seq FROM audit_seal ORDER BY seq`);
    expect(seqs.map((s) => Number(s.seq))).toEqual(seqs.map((_, i) => i + 1));
    expect((await t.audit.verify()).ok).toBe(true);
  });

  it('detects an altered row and names the first broken link', async () => {
    const [victim] = await t.ds.query(`SELECT s.seq::text AS seq, a.id::text AS id FROM audit_seal s JOIN audit_log a ON a.id = s.audit_id ORDER BY s.seq OFFSET 2 LIMIT 1`);
    // Only a superuser bypassing the trigger can do this; the chain still notices.
    await t.ds.transaction(async (em) => {
      await em.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete`);
      await em.query(`UPDATE audit_log SET username = 'mallory' WHERE id = $1`, [victim.id]);
      await em.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete`);
    });
    const report = await t.audit.verify();
    expect(report.ok).toBe(false);
    expect(report.firstBroken).toEqual({ seq: victim.seq, auditId: victim.id, reason: 'row content does not match its hash' });
  });

  it('lists entries with filters for the auditor', async () => {
    const auditor = await t.login('auditor');
    const res = await t.http.get('/api/audit-log?action=auth.login&username=officer&outcome=success').set('Cookie', auditor).expect(200);
    expect(res.body.total).toBeGreaterThanOrEqual(2);
    for (const item of res.body.items) expect(item).toMatchObject({ action: 'auth.login', username: 'officer', outcome: 'success' });
    expect(res.body.items[0]).toEqual(expect.objectContaining({ id: expect.any(String), at: expect.any(String), sealed: expect.any(Boolean), address: expect.any(String) }));
    const range = await t.http.get('/api/audit-log?from=2030-01-01T00:00:00Z').set('Cookie', auditor).expect(200);
    expect(range.body.total).toBe(0);
  });
});
