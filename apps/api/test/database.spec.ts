import { DataSource } from 'typeorm';
import { createTestDatabase, openTestDataSource, SCHEMA, TestDatabase } from './test-db';
import { migrate } from '../src/database/database';

describe('database schema', () => {
  let db: TestDatabase;
  let ds: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase({ empty: true });
    await (await migrate(db.url, SCHEMA, () => undefined)).destroy();
    ds = await openTestDataSource(db.url);
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('has no drift between the entities and the migrations', async () => {
    const pending = await ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('has no migration left to run', async () => {
    expect(await ds.showMigrations()).toBe(false);
  });

  it('keys ledger-like tables by town first', async () => {
    const rows: { indexdef: string }[] = await ds.query(`SELECT indexdef FROM pg_indexes WHERE indexname IN ('ix_audit_log_town_at', 'ix_login_attempt_town', 'ix_org_unit_town')`);
    expect(rows).toHaveLength(3);
    for (const r of rows) expect(r.indexdef).toMatch(/\(town_id/);
  });
});
