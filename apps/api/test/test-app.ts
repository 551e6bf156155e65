import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuditService } from '../src/audit/audit.service';
import { TestClock } from '../src/common/clock';
import { createLogger } from '../src/common/logger';
import { AppConfig } from '../src/config/config';
import { DEMO_PASSWORD } from '../src/database/seeds/demo-seed';
import type { LedgerDescriptor } from '../src/ledger-core/kit/ledger';
import { createApp } from '../src/server';
import { createTestDatabase, testConfig, TestDatabase } from './test-db';

export interface TestApp {
  app: NestExpressApplication;
  http: ReturnType<typeof request>;
  ds: DataSource;
  db: TestDatabase;
  clock: TestClock;
  config: AppConfig;
  audit: AuditService;
  /** Signs in and returns the session cookie header. */
  login(username: string, password?: string): Promise<string>;
  /** A bearer token for an API client. */
  token(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export async function createTestApp(opts: { clock?: TestClock; config?: Partial<AppConfig>; ledgers?: readonly LedgerDescriptor[] } = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const clock = opts.clock ?? new TestClock('2021-06-15T02:00:00Z');
  const config = { ...testConfig(), ...opts.config };
  const app = await createApp({ config, databaseUrl: db.appUrl, logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'), clock, ledgers: opts.ledgers });
  const http = request(app.getHttpServer());
  const ds = app.get(DataSource);
  const login = async (username: string, password = DEMO_PASSWORD) => {
    const res = await request(app.getHttpServer()).post('/api/auth/login').send({ username, password });
    if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? [])[0];
    return cookie.split(';')[0];
  };
  const token = async (username: string, password = DEMO_PASSWORD) => {
    const res = await request(app.getHttpServer()).post('/api/auth/token').send({ username, password });
    if (res.status !== 200) throw new Error(`token ${username} failed: ${res.status}`);
    return res.body.token as string;
  };
  return {
    app,
    http,
    ds,
    db,
    clock,
    config,
    audit: app.get(AuditService),
    login,
    token,
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

/** Reads a seeded id by natural key. */
export async function idOf(ds: DataSource, table: 'org_unit' | 'app_user' | 'role', key: string): Promise<string> {
  const column = table === 'org_unit' ? 'code' : table === 'app_user' ? 'username' : 'code';
  const [row] = await ds.query(`SELECT id FROM ${table} WHERE ${column} = $1`, [key]);
  if (!row) throw new Error(`${table} ${key} not found`);
  return row.id;
}
