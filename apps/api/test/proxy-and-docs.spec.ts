import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppConfig, ConfigError, loadConfig } from '../src/config/config';
import { createTestApp, TestApp } from './test-app';

const PRODUCTION = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://app@x/y',
  DATABASE_OWNER_URL: 'postgres://owner@x/y',
  SESSION_SECRET: 's'.repeat(40),
  PERSONAL_DATA_KEY: 'p'.repeat(40),
  BLIND_INDEX_KEY: 'b'.repeat(40),
  AUDIT_HMAC_KEY: 'a'.repeat(40),
  INITIAL_ADMIN_USERNAME: 'root-admin',
  INITIAL_ADMIN_PASSWORD: 'Admin#Strong2026',
  INITIAL_SECURITY_USERNAME: 'root-security',
  INITIAL_SECURITY_PASSWORD: 'Security#Strong2026',
  INITIAL_AUDITOR_USERNAME: 'root-auditor',
  INITIAL_AUDITOR_PASSWORD: 'Auditor#Strong2026',
};

function problems(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
    return '';
  } catch (e) {
    if (e instanceof ConfigError) return e.problems.join('\n');
    throw e;
  }
}

/** The address a client really has: a second loopback address, so it differs from the proxy's 127.0.0.1. */
const CLIENT_ADDRESS = '127.0.0.2';
const SPOOFED = '203.0.113.9';

/** POSTs a JSON body from CLIENT_ADDRESS, with the client's own (spoofed) X-Forwarded-For. */
function postFromClient(port: number, path: string, body: unknown, forwardedFor = SPOOFED): Promise<number> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        localAddress: CLIENT_ADDRESS,
        agent: false,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload), 'X-Forwarded-For': forwardedFor },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** A reverse proxy as nginx's `proxy_add_x_forwarded_for` does it: appends the address it saw to whatever the client sent. */
function startProxy(upstreamPort: number): Promise<{ port: number; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const forwarded = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
    const upstream = http.request({ host: '127.0.0.1', port: upstreamPort, path: req.url, method: req.method, headers: { ...req.headers, 'x-forwarded-for': forwarded }, agent: false }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ port: (server.address() as AddressInfo).port, close: () => new Promise((done) => server.close(() => done())) }));
  });
}

describe('TRUST_PROXY and API_DOCS configuration', () => {
  it('takes false, a hop count or proxy addresses, and refuses true naming the variable', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 10.0.0.0/8,loopback,fd00::/8' }).trustProxy).toEqual(['10.0.0.1', '10.0.0.0/8', 'loopback', 'fd00::/8']);
    expect(problems({ TRUST_PROXY: 'true' })).toMatch(/^TRUST_PROXY=true would believe any client's X-Forwarded-For: set the number of reverse proxies .* \(e\.g\. TRUST_PROXY=1\)/);
    expect(problems({ TRUST_PROXY: 'yes' })).toMatch(/TRUST_PROXY=true/);
    expect(problems({ TRUST_PROXY: '11' })).toMatch(/TRUST_PROXY as a number of proxies must be from 1 to 10/);
    expect(problems({ TRUST_PROXY: '10.0.0.0/33,proxy.local' })).toMatch(/TRUST_PROXY must be .*"10\.0\.0\.0\/33", "proxy\.local"/);
  });

  it('serves the API docs outside production, and in production only with API_DOCS=true', () => {
    expect(loadConfig({}).apiDocs).toBe(true);
    expect(loadConfig({ API_DOCS: 'false' }).apiDocs).toBe(false);
    expect(loadConfig(PRODUCTION).apiDocs).toBe(false);
    expect(loadConfig({ ...PRODUCTION, API_DOCS: 'true' }).apiDocs).toBe(true);
    expect(problems({ API_DOCS: 'sometimes' })).toMatch(/API_DOCS must be true or false/);
  });
});

describe('over HTTP', () => {
  /** Three servers: the defaults (docs on, no HSTS, no proxy believed); one proxy hop, secure cookies, docs off; a proxy named by address. */
  let direct: { t: TestApp; port: number };
  let oneHop: { t: TestApp; port: number };
  let named: { t: TestApp; port: number };
  const start = async (config: Partial<AppConfig>) => {
    const t = await createTestApp({ config });
    await t.app.listen(0, '127.0.0.1');
    return { t, port: (t.app.getHttpServer().address() as AddressInfo).port };
  };
  beforeAll(async () => {
    [direct, oneHop, named] = await Promise.all([start({}), start({ trustProxy: 1, apiDocs: false, cookieSecure: true }), start({ trustProxy: ['127.0.0.1'] })]);
  });
  afterAll(() => Promise.all([direct, oneHop, named].filter(Boolean).map((s) => s.t.close())));

  /** Signs in with a wrong password as `username` and answers the address its login_attempt row recorded. */
  async function recorded({ t }: { t: TestApp }, port: number, username: string, forwardedFor?: string): Promise<string> {
    expect(await postFromClient(port, '/api/auth/login', { username, password: 'wrong-password-1' }, forwardedFor)).toBe(401);
    const rows = await t.ds.query(`SELECT address FROM login_attempt WHERE username = $1`, [username]);
    expect(rows).toHaveLength(1);
    return rows[0].address;
  }

  it('records by default the connecting address, whatever X-Forwarded-For says', async () => {
    expect(await recorded(direct, direct.port, 'nobody-direct')).toBe(CLIENT_ADDRESS);
  });

  it('records behind one proxy with TRUST_PROXY=1 the client the proxy saw, not the address the client claimed', async () => {
    const proxy = await startProxy(oneHop.port);
    try {
      expect(await recorded(oneHop, proxy.port, 'nobody-proxied')).toBe(CLIENT_ADDRESS);
      // Directly, the one hop believed is the client's own claim: only an IP address is taken from it.
      expect(await recorded(oneHop, oneHop.port, 'nobody-garbage', 'x'.repeat(100))).toBe(CLIENT_ADDRESS);
    } finally {
      await proxy.close();
    }
  });

  it('believes, with the proxy named by address, only that proxy', async () => {
    expect(await recorded(named, named.port, 'nobody-not-proxy')).toBe(CLIENT_ADDRESS);
    const proxy = await startProxy(named.port);
    try {
      expect(await recorded(named, proxy.port, 'nobody-via-named')).toBe(CLIENT_ADDRESS);
    } finally {
      await proxy.close();
    }
  });

  it('answers 404 for /api/docs and /api/docs-json when the docs are off', async () => {
    await oneHop.t.http.get('/api/docs-json').expect(404);
    await oneHop.t.http.get('/api/docs/').expect(404);
    await direct.t.http.get('/api/docs-json').expect(200);
  });

  it('sends HSTS with includeSubDomains when cookies are secure, and none otherwise', async () => {
    const secure = await oneHop.t.http.get('/api/health').expect(200);
    expect(secure.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    const plain = await direct.t.http.get('/api/health').expect(200);
    expect(plain.headers['strict-transport-security']).toBeUndefined();
  });
});
