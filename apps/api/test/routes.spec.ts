import { routeTable } from '../src/access/route-table';
import { createTestApp, TestApp } from './test-app';

describe('route permission table', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('declares a permission or public access on every route', () => {
    const table = routeTable(t.app);
    expect(table.length).toBeGreaterThan(20);
    expect(table.filter((r) => r.access === 'UNDECLARED')).toEqual([]);
  });

  it('matches the reviewed snapshot (changes only on purpose)', () => {
    const lines = routeTable(t.app).map((r) => `${r.method.padEnd(6)} ${r.path.padEnd(40)} ${r.access}`);
    expect(lines.join('\n')).toMatchSnapshot();
  });

  it('refuses a route that declares nothing', async () => {
    const { AuthGuard } = await import('../src/auth/auth.guard');
    const reflector = { getAllAndOverride: () => undefined };
    const undeclared = new AuthGuard(reflector as never, {} as never);
    await expect(undeclared.canActivate({ getHandler: () => () => undefined, getClass: () => Object, switchToHttp: () => ({ getRequest: () => ({ headers: {} }) }) } as never)).rejects.toMatchObject({
      status: 403,
    });
  });
});
