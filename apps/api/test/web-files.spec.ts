import fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createTestApp, TestApp } from './test-app';

/** The built web app served beside the API on one port. */
describe('the web app beside the API', () => {
  let t: TestApp;
  let webDist: string;

  beforeAll(async () => {
    webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-web-'));
    fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>法治台账</title>');
    fs.writeFileSync(path.join(webDist, 'main-ABC123.js'), 'console.log(1);');
    fs.mkdirSync(path.join(webDist, 'api'));
    fs.writeFileSync(path.join(webDist, 'api', 'health'), 'a file that must never answer for the API');
    t = await createTestApp({ config: { webDist } });
  });

  afterAll(async () => {
    await t.close();
    fs.rmSync(webDist, { recursive: true, force: true });
  });

  it('serves its files, and index.html for its routes', async () => {
    const file = await t.http.get('/main-ABC123.js');
    expect(file.status).toBe(200);
    expect(file.text).toBe('console.log(1);');
    const route = await t.http.get('/vessels/list');
    expect(route.status).toBe(200);
    expect(route.text).toContain('法治台账');
    expect(route.headers['cache-control']).toBe('no-cache');
  });

  it('leaves every /api path to the API without looking at the disk', async () => {
    const stat = jest.spyOn(fs, 'stat');
    try {
      const health = await t.http.get('/api/health');
      expect(health.status).toBe(200);
      expect(health.headers['content-type']).toMatch(/json/);
      for (let i = 0; i < 5; i++) expect((await t.http.get('/api/vessel-cases')).status).toBe(401);
      expect((await t.http.get('/api/no-such-route')).status).toBe(404);
      expect(stat).not.toHaveBeenCalled();
    } finally {
      stat.mockRestore();
    }
  });
});
