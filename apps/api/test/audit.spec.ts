import * as fs from 'node:fs';
import * as os from 'node:os';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { linkHash } from '../src/audit/audit-chain';
import { AuditRepository } from '../src/audit/audit.repository';
import { AuditService } from '../src/audit/audit.service';
import { TestClock } from '../src/common/clock';
import { dataSourceOptions } from '../src/database/data-source';
import { migrate } from '../src/database/database';
import { MIGRATIONS } from '../src/database/migrations';
import { AuditCheckpoint1764510000000 } from '../src/database/migrations/1764510000000-AuditCheckpoint';
import { CLI_JS, launch } from './process-helpers';
import { createTestApp, TestApp } from './test-app';
import { createTestDatabase, openTestDataSource, SCHEMA, TEST_APP, testConfig, TestDatabase } from './test-db';
import { TEST_SECRETS } from '../src/config/config';

describe('audit log', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    for (const u of ['leader', 'officer', 'mediator', 'admin']) await t.login(u);
  });
  afterAll(() => t.close());

  it('runs the API as a role that can only add to the audit tables', async () => {
    const [{ role }] = await t.ds.query(`SELECT current_user AS role`);
    expect(role).toBe(TEST_APP);
    await t.audit.seal();
    for (const sql of [
      `UPDATE audit_log SET action = 'x'`,
      `DELETE FROM audit_log`,
      `TRUNCATE audit_log`,
      `DELETE FROM audit_seal`,
      `UPDATE audit_checkpoint SET mac = NULL`,
      `ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete`,
      `ALTER TABLE audit_seal DISABLE TRIGGER ALL`,
      `DROP TABLE audit_log`,
      `DROP TRIGGER audit_log_no_update_delete ON audit_log`,
      `CREATE TABLE audit_shadow (id int)`,
      `SELECT setval(pg_get_serial_sequence('audit_checkpoint', 'id'), 1)`,
      `SET session_replication_role = replica`,
    ]) {
      await expect(t.ds.query(sql)).rejects.toThrow(/permission denied|must be (the )?owner/);
    }
  });

  it('still refuses UPDATE, DELETE and TRUNCATE for the owner (triggers)', async () => {
    const owner = new Client({ connectionString: t.db.ownerUrl });
    await owner.connect();
    try {
      await expect(owner.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
      await expect(owner.query(`DELETE FROM audit_seal`)).rejects.toThrow(/append-only/);
      await expect(owner.query(`TRUNCATE audit_checkpoint`)).rejects.toThrow(/append-only/);
    } finally {
      await owner.end();
    }
  });

  it('seals committed rows into a keyed hash chain, signs its head and verifies it', async () => {
    await t.audit.seal();
    const report = await t.audit.verify();
    expect(report).toMatchObject({ ok: true, problems: [], firstBroken: null, oldestUnsealed: null });
    expect(report.rows).toBeGreaterThanOrEqual(4);
    expect(report.sealed).toBe(report.rows);
    expect(report.checked).toBe(report.rows);
    const [head] = await t.ds.query(`SELECT seal_seq::int AS seq, mac FROM audit_checkpoint WHERE kind = 'head' ORDER BY id DESC LIMIT 1`);
    expect(head).toEqual({ seq: report.sealed, mac: expect.stringMatching(/^[0-9a-f]{64}$/) });
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

/** A database with a sealed chain of `n` rows, written and sealed by the application role. */
async function chainOf(n: number): Promise<{ db: TestDatabase; ds: DataSource; audit: AuditService }> {
  const db = await createTestDatabase();
  const ds = await openTestDataSource(db.appUrl);
  const audit = new AuditService(ds, new AuditRepository(ds), new TestClock('2021-06-15T02:00:00Z'), testConfig());
  for (let i = 1; i <= n; i += 1) {
    await ds.transaction((em) => audit.record(em, { action: 'test.tamper', entity: 'case', entityId: String(i), after: { step: i } }));
    if (i % 4 === 0) await audit.seal();
  }
  await audit.seal();
  return { db, ds, audit };
}

/** Tampering as a superuser with the triggers off, as only someone holding the server could. */
const tamper = (db: TestDatabase, sql: string, params: unknown[] = []) =>
  db.asSuperuser(async (c) => {
    await c.query('SET session_replication_role = replica');
    await c.query(sql, params);
  });

/** The real `audit:verify` from apps/api/dist: exit code and output. */
async function verifyCli(db: TestDatabase, env: Record<string, string> = {}): Promise<{ code: number | null; out: string }> {
  if (!fs.existsSync(CLI_JS)) throw new Error(`${CLI_JS} is missing: build the API first (npm test does)`);
  const run = launch(process.execPath, [CLI_JS, 'audit:verify'], {
    NODE_ENV: 'test',
    ...TEST_SECRETS,
    DATABASE_URL: db.appUrl,
    DATABASE_OWNER_URL: db.ownerUrl,
    DATA_DIR: os.tmpdir(),
    ...env,
  });
  // 'close' comes after the last output, 'exit' may come before it.
  const code = await new Promise<number | null>((resolve) => run.child.on('close', resolve));
  return { code, out: run.output() };
}

describe('audit tampering: audit:verify exits non-zero for every way of breaking the chain', () => {
  const N = 12;
  let current: { db: TestDatabase; ds: DataSource; audit: AuditService } | null = null;
  const fresh = async () => {
    current = await chainOf(N);
    return current;
  };
  afterEach(async () => {
    await current?.ds.destroy();
    await current?.db.drop();
    current = null;
  });
  const rowAt = async (db: TestDatabase, seq: number) => db.asSuperuser(async (c) => (await c.query(`SELECT audit_id::text AS id FROM audit_seal WHERE seq = $1`, [seq])).rows[0].id as string);

  it('passes an untouched chain and a sound role setup (exit 0)', async () => {
    const { db } = await fresh();
    const { code, out } = await verifyCli(db);
    expect(out).toMatch(/Chain intact/);
    expect(out).toMatch(/can only add to and read the audit tables/);
    expect(code).toBe(0);
  });

  it('a changed row', async () => {
    const { db } = await fresh();
    await tamper(db, `UPDATE audit_log SET username = 'mallory' WHERE id = $1`, [await rowAt(db, 5)]);
    const { code, out } = await verifyCli(db);
    expect(out).toMatch(/BROKEN at seq 5 .*row content does not match its hash/);
    expect(code).toBe(2);
  });

  it('a deleted row', async () => {
    const { db } = await fresh();
    await tamper(db, `DELETE FROM audit_log WHERE id = $1`, [await rowAt(db, 7)]);
    const { code, out } = await verifyCli(db);
    expect(out).toMatch(/BROKEN at seq 7 .*audit row is missing/);
    expect(code).toBe(2);
  });

  it('a sequence gap (a row and its seal removed from the middle)', async () => {
    const { db } = await fresh();
    const id = await rowAt(db, 4);
    await tamper(db, `DELETE FROM audit_seal WHERE seq = 4`);
    await tamper(db, `DELETE FROM audit_log WHERE id = $1`, [id]);
    const { code, out } = await verifyCli(db);
    expect(out).toMatch(/BROKEN at seq 5 .*sequence gap: expected 4, found 5/);
    expect(code).toBe(2);
  });

  it('a changed previous hash', async () => {
    const { db } = await fresh();
    await tamper(db, `UPDATE audit_seal SET prev_hash = repeat('a', 64) WHERE seq = 6`);
    const { code, out } = await verifyCli(db);
    expect(out).toMatch(/BROKEN at seq 6 .*previous-hash mismatch/);
    expect(code).toBe(2);
  });

  it('an edited seal', async () => {
    const { db } = await fresh();
    await tamper(db, `UPDATE audit_seal SET hash = repeat('b', 64) WHERE seq = 3`);
    const { code, out } = await verifyCli(db);
    expect(out).toMatch(/BROKEN at seq 3 .*row content does not match its hash/);
    expect(code).toBe(2);
  });

  it('a cut-off tail: the last rows and seals removed (the signed head is past the end)', async () => {
    const { db, audit } = await fresh();
    await tamper(db, `DELETE FROM audit_log WHERE id IN (SELECT audit_id FROM audit_seal WHERE seq > $1)`, [N - 3]);
    await tamper(db, `DELETE FROM audit_seal WHERE seq > $1`, [N - 3]);
    const { code, out } = await verifyCli(db);
    expect(out).toMatch(/Chain intact/);
    expect(out).toMatch(new RegExp(`BROKEN: cut-off tail: checkpoint \\d+ signed the chain up to seq ${N}, but it ends at seq ${N - 3}`));
    expect(code).toBe(2);
    // The sealer refuses to sign a new head over the cut.
    await current!.ds.transaction((em) => audit.record(em, { action: 'test.after-cut' }));
    await expect(audit.seal()).rejects.toThrow(/no longer holds its signed head/);
  });

  it('a cut-off tail with its newest checkpoints removed too (the checkpoint sequence is past the highest id)', async () => {
    const { db, audit } = await fresh();
    await tamper(db, `DELETE FROM audit_log WHERE id IN (SELECT audit_id FROM audit_seal WHERE seq > 4)`);
    await tamper(db, `DELETE FROM audit_seal WHERE seq > 4`);
    await tamper(db, `DELETE FROM audit_checkpoint WHERE kind = 'head' AND seal_seq > 4`);
    const { code, out } = await verifyCli(db);
    expect(out).toMatch(/BROKEN: cut-off tail: checkpoints up to id \d+ were written, the highest left is \d+/);
    expect(code).toBe(2);
    await current!.ds.transaction((em) => audit.record(em, { action: 'test.after-cut' }));
    await expect(audit.seal()).rejects.toThrow(/checkpoints were removed/);
  });

  it('a rewrite with recomputed plain hashes (without the key), also when it moves the legacy marker', async () => {
    const { db } = await fresh();
    await tamper(db, `UPDATE audit_log SET username = 'mallory' WHERE id = $1`, [await rowAt(db, 5)]);
    // Recompute every link from the start as plain SHA-256, the way the chain was before the key.
    const owner = await openTestDataSource(db.ownerUrl);
    const repo = new AuditRepository(owner);
    const links = await repo.sealedBatch('0', 1_000);
    await owner.destroy();
    let prev = '0'.repeat(64);
    for (const link of links) {
      const hash = linkHash(prev, link.row!, null);
      await tamper(db, `UPDATE audit_seal SET prev_hash = $1, hash = $2 WHERE seq = $3`, [prev, hash, link.seq]);
      prev = hash;
    }
    let { code, out } = await verifyCli(db);
    expect(out).toMatch(/BROKEN at seq 1 .*row content does not match its hash/);
    expect(code).toBe(2);
    // Declaring the whole chain "sealed before the key" breaks the signed head instead.
    await tamper(db, `UPDATE audit_checkpoint SET seal_seq = $1, head_hash = $2 WHERE kind = 'legacy'`, [links.length, prev]);
    ({ code, out } = await verifyCli(db));
    expect(out).toMatch(/Chain intact/);
    expect(out).toMatch(/BROKEN: checkpoint \d+: the signature does not match/);
    expect(code).toBe(2);
  });

  it('an application role that could change the audit tables, and a disabled trigger', async () => {
    const { db } = await fresh();
    await db.asSuperuser((c) => c.query(`GRANT UPDATE, DELETE ON audit_log TO ${TEST_APP}`));
    await db.asSuperuser((c) => c.query(`ALTER TABLE audit_seal DISABLE TRIGGER audit_seal_no_update_delete`));
    const { code, out } = await verifyCli(db);
    expect(out).toMatch(/Chain intact/);
    expect(out).toMatch(new RegExp(`ROLE: the application role "${TEST_APP}" has UPDATE, DELETE on audit_log`));
    expect(out).toMatch(/ROLE: trigger audit_seal_no_update_delete is disabled/);
    expect(code).toBe(2);
  });

  it('another key: every keyed link fails', async () => {
    const { db } = await fresh();
    const { code, out } = await verifyCli(db, { AUDIT_HMAC_KEY: 'another-audit-hmac-key-0123456789abcdef0123' });
    expect(out).toMatch(/BROKEN at seq 1 .*row content does not match its hash/);
    expect(code).toBe(2);
  });
});

describe('audit chain sealed before the key', () => {
  it('keeps verifying the plain SHA-256 links up to the legacy marker and keys every later link', async () => {
    const db = await createTestDatabase({ empty: true });
    const before = MIGRATIONS.slice(0, MIGRATIONS.indexOf(AuditCheckpoint1764510000000));
    const old = new DataSource({ ...dataSourceOptions(db.ownerUrl, SCHEMA), migrations: before });
    await old.initialize();
    try {
      await old.runMigrations({ transaction: 'each' });
      const repo = new AuditRepository(old);
      for (let i = 1; i <= 5; i += 1) {
        await repo.insert(old.manager, {
          at: new Date(),
          townId: null,
          userId: null,
          username: 'old',
          address: null,
          requestId: null,
          action: 'old.row',
          entity: null,
          entityId: String(i),
          outcome: 'success',
          before: null,
          after: { i },
          detail: null,
        });
      }
      // The sealer as it was: plain SHA-256.
      let prev = '0'.repeat(64);
      const rows = await repo.unsealed(old.manager, '0', 100);
      const seals = rows.map((row, i) => {
        const hash = linkHash(prev, row, null);
        const seal = { seq: String(i + 1), auditId: row.id, prevHash: prev, hash, sealedAt: new Date() };
        prev = hash;
        return seal;
      });
      await repo.insertSeals(old.manager, seals);
    } finally {
      await old.destroy();
    }
    const ds = await migrate(db.ownerUrl, SCHEMA, () => undefined);
    try {
      const [marker] = await ds.query(`SELECT seal_seq::int AS seq, mac FROM audit_checkpoint WHERE kind = 'legacy'`);
      expect(marker).toEqual({ seq: 5, mac: null });
      const audit = new AuditService(ds, new AuditRepository(ds), new TestClock('2021-06-15T02:00:00Z'), testConfig());
      await ds.transaction((em) => audit.record(em, { action: 'new.row' }));
      expect(await audit.seal()).toBe(1);
      expect(await audit.verify()).toMatchObject({ ok: true, checked: 6, problems: [] });
      // Link 6 is keyed: its plain SHA-256 would not verify.
      const [six] = await new AuditRepository(ds).sealedBatch('5', 1);
      expect(six.hash).not.toBe(linkHash(six.prevHash, six.row!, null));
      expect(six.hash).toBe(linkHash(six.prevHash, six.row!, testConfig().auditHmacKey));
      // A legacy link changed is still found (plain hashes recomputed from there on would need the key for link 6).
      await db.asSuperuser(async (c) => {
        await c.query('SET session_replication_role = replica');
        await c.query(`UPDATE audit_log SET username = 'mallory' WHERE entity_id = '3'`);
      });
      expect((await audit.verify()).firstBroken).toMatchObject({ seq: '3', reason: 'row content does not match its hash' });
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });
});
