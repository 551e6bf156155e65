import { CONTENT_SECURITY_POLICY } from '../src/common/http-setup';
import { createTestApp, TestApp } from './test-app';

describe('API conventions', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  it('checks the database in /api/health', async () => {
    const res = await t.http.get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: 'ok', demo: true });
  });

  it('sends no-store, nosniff, a request id and the Content-Security-Policy', async () => {
    const res = await t.http.get('/api/health').set('X-Request-Id', 'abc-123').expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-request-id']).toBe('abc-123');
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/);
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('publishes OpenAPI at /api/docs-json and the UI at /api/docs', async () => {
    const json = await t.http.get('/api/docs-json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(Object.keys(json.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/users', '/api/audit-log']));
    const ui = await t.http.get('/api/docs/').expect(200);
    expect(ui.text).toMatch(/swagger/i);
  });

  it('answers unknown routes with the error shape', async () => {
    const res = await t.http.get('/api/nothing-here').set('Cookie', admin).expect(404);
    expect(res.body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: '请求的资源不存在', requestId: expect.any(String) });
  });

  it('answers 413 for JSON bodies over 1 MiB, and 400 for broken JSON', async () => {
    const big = JSON.stringify({ username: 'a'.repeat(1024 * 1024 + 10), password: 'x' });
    const res = await t.http.post('/api/auth/login').set('Content-Type', 'application/json').send(big).expect(413);
    expect(res.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
    const broken = await t.http.post('/api/auth/login').set('Content-Type', 'application/json').send('{"username": ').expect(400);
    expect(broken.body).toMatchObject({ statusCode: 400, message: '请求体不是有效的 JSON', requestId: expect.any(String) });
  });

  it('rejects unknown fields in bodies and answers page envelopes', async () => {
    const res = await t.http.post('/api/auth/login').send({ username: 'admin', password: 'x', remember: true }).expect(400);
    expect(res.body.errors).toEqual([{ path: 'remember', code: 'whitelistValidation', message: '不允许的字段' }]);
    const page = await t.http.get('/api/users?page=2&pageSize=3').set('Cookie', admin).expect(200);
    expect(page.body).toMatchObject({ page: 2, pageSize: 3, total: expect.any(Number) });
    expect(page.body.items).toHaveLength(3);
  });

  it('never lets an unexpected error leak internals', async () => {
    const res = await t.http.get('/api/users?page=abc').set('Cookie', admin).expect(400);
    expect(res.body.errors.length).toBeGreaterThan(0);
    for (const e of res.body.errors) expect(e.path).toBe('page');
    expect(JSON.stringify(res.body)).not.toMatch(/stack|QueryFailed|at /);
  });
});
