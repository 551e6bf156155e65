import { isIP } from 'node:net';
import * as path from 'node:path';

/** Typed configuration, validated from the environment at boot (see README, "Configuration"). */
export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string | null;
  /** The role that owns the schema, migrates and grants (DATABASE_OWNER_URL); null: DATABASE_URL's role does both. */
  databaseOwnerUrl: string | null;
  dataDir: string;
  /** Largest accepted upload, per file, in bytes (UPLOAD_MAX_BYTES). */
  uploadMaxBytes: number;
  embeddedPgPort: number;
  sessionSecret: string | null;
  personalDataKey: string | null;
  blindIndexKey: string | null;
  /** Key of the audit hash chain (HMAC-SHA256). */
  auditHmacKey: string | null;
  cookieSecure: boolean;
  /**
   * Which X-Forwarded-For entries to believe (TRUST_PROXY): `false`, a hop count (the proxies in
   * front), or the proxies' addresses/CIDRs; never every client.
   */
  trustProxy: TrustProxy;
  /** Serve the OpenAPI UI and document at /api/docs and /api/docs-json (API_DOCS). */
  apiDocs: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  passwordHashCost: 'standard' | 'test';
  seedDemo: boolean;
  webDist: string;
  initialAccounts: { role: 'admin' | 'security' | 'auditor'; username: string; password: string }[];
}

export type TrustProxy = false | number | string[];

export class ConfigError extends Error {
  constructor(
    readonly problems: string[],
    title = 'Invalid configuration',
  ) {
    super(`${title}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** The keys the test suite runs with: published in this repository, so never accepted in production. */
export const TEST_SECRETS = {
  SESSION_SECRET: 'test-session-secret-0123456789abcdef0123456789',
  PERSONAL_DATA_KEY: 'test-personal-data-key-0123456789abcdef01234567',
  BLIND_INDEX_KEY: 'test-blind-index-key-0123456789abcdef0123456789',
  AUDIT_HMAC_KEY: 'test-audit-hmac-key-0123456789abcdef0123456789ab',
} as const;

/**
 * Every secret written down in this repository (test keys, the embedded and test database
 * passwords, the demo password, the placeholders of .env.example and the README): production
 * refuses a key or database password equal to one of them.
 */
export const PUBLISHED_SECRETS: ReadonlySet<string> = new Set([
  ...Object.values(TEST_SECRETS),
  'fazhi-local',
  'fazhi-test',
  'Fazhi@2021',
  'password',
  '<password>',
  'postgres',
  'secret',
  'changeme',
  'change-me',
]);

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');

function bool(name: string, raw: string | undefined, fallback: boolean, problems: string[]): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  problems.push(`${name} must be true or false (got "${raw}")`);
  return fallback;
}

function int(name: string, raw: string | undefined, fallback: number, min: number, max: number, problems: string[]): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
    return fallback;
  }
  return n;
}

function key(name: string, raw: string | undefined, problems: string[]): string | null {
  if (raw === undefined || raw === '') return null;
  if (raw.length < 32) problems.push(`${name} must be at least 32 characters (a random secret, e.g. \`openssl rand -base64 48\`)`);
  return raw;
}

function databaseUrlSetting(name: string, raw: string | undefined, production: boolean, problems: string[]): string | null {
  const url = raw?.trim() || null;
  if (!url) return null;
  let parsed: URL | null = null;
  try {
    parsed = /^postgres(ql)?:\/\//.test(url) ? new URL(url) : null;
  } catch {
    parsed = null;
  }
  if (!parsed) problems.push(`${name} must be a postgres:// or postgresql:// URL`);
  else if (production && PUBLISHED_SECRETS.has(decodeURIComponent(parsed.password))) {
    problems.push(`${name} uses a password published in this repository: choose a secret one`);
  }
  return url;
}

function roleOf(url: string | null): string | null {
  try {
    return url ? decodeURIComponent(new URL(url).username) : null;
  } catch {
    return null;
  }
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];
const MAX_PROXY_HOPS = 10;

/** An IP address, or a CIDR range of one (`10.0.0.0/8`, `fd00::/8`). */
function isAddressOrRange(text: string): boolean {
  const [address, prefix, extra] = text.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** TRUST_PROXY: `false` (default), the number of proxies in front, or the proxies' addresses; `true` is refused. */
function trustProxyOf(raw: string | undefined, problems: string[]): TrustProxy {
  const text = raw?.trim() ?? '';
  if (text === '' || /^(false|no|off|0)$/i.test(text)) return false;
  if (/^(true|yes|on)$/i.test(text)) {
    problems.push(
      "TRUST_PROXY=true would believe any client's X-Forwarded-For: set the number of reverse proxies in front of the server (e.g. TRUST_PROXY=1) or their addresses (e.g. TRUST_PROXY=10.0.0.1,10.0.0.0/8 or loopback)",
    );
    return false;
  }
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops <= MAX_PROXY_HOPS) return hops;
    problems.push(`TRUST_PROXY as a number of proxies must be from 1 to ${MAX_PROXY_HOPS} (got "${text}")`);
    return false;
  }
  const entries = text.split(',').map((e) => e.trim());
  const bad = entries.filter((e) => !PROXY_NAMES.includes(e) && !isAddressOrRange(e));
  if (bad.length > 0) {
    problems.push(`TRUST_PROXY must be false, a number of proxies, or proxy addresses/CIDRs and ${PROXY_NAMES.join('/')} separated by commas (not ${bad.map((b) => `"${b}"`).join(', ')})`);
    return false;
  }
  return entries;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const nodeEnv = env.NODE_ENV ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    problems.push(`NODE_ENV must be development, production or test (got "${nodeEnv}")`);
  }
  const production = nodeEnv === 'production';
  const port = int('PORT', env.PORT, 3000, 1, 65535, problems);
  const embeddedPgPort = int('EMBEDDED_PG_PORT', env.EMBEDDED_PG_PORT, 54329, 1024, 65535, problems);
  const uploadMaxBytes = int('UPLOAD_MAX_BYTES', env.UPLOAD_MAX_BYTES, 52_428_800, 1024, 1_073_741_824, problems);
  const databaseUrl = databaseUrlSetting('DATABASE_URL', env.DATABASE_URL, production, problems);
  const databaseOwnerUrl = databaseUrlSetting('DATABASE_OWNER_URL', env.DATABASE_OWNER_URL, production, problems);
  if (databaseOwnerUrl && !databaseUrl) problems.push('DATABASE_OWNER_URL goes with DATABASE_URL (the embedded database makes its own roles)');
  const logLevel = (env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info')) as AppConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const cost = env.PASSWORD_HASH_COST ?? (nodeEnv === 'test' ? 'test' : 'standard');
  if (cost !== 'standard' && cost !== 'test') problems.push('PASSWORD_HASH_COST must be standard or test');
  if (cost === 'test' && nodeEnv !== 'test') problems.push('PASSWORD_HASH_COST=test is only allowed with NODE_ENV=test');

  const sessionSecret = key('SESSION_SECRET', env.SESSION_SECRET, problems);
  const personalDataKey = key('PERSONAL_DATA_KEY', env.PERSONAL_DATA_KEY, problems);
  const blindIndexKey = key('BLIND_INDEX_KEY', env.BLIND_INDEX_KEY, problems);
  const auditHmacKey = key('AUDIT_HMAC_KEY', env.AUDIT_HMAC_KEY, problems);
  const seedDemo = bool('SEED_DEMO', env.SEED_DEMO, !production, problems);

  const initialAccounts: AppConfig['initialAccounts'] = [];
  for (const role of ['admin', 'security', 'auditor'] as const) {
    const upper = role.toUpperCase();
    const username = env[`INITIAL_${upper}_USERNAME`]?.trim();
    const password = env[`INITIAL_${upper}_PASSWORD`];
    if (username && password) initialAccounts.push({ role, username, password });
    else if (username || password) problems.push(`INITIAL_${upper}_USERNAME and INITIAL_${upper}_PASSWORD go together`);
    else if (production) problems.push(`INITIAL_${upper}_USERNAME and INITIAL_${upper}_PASSWORD are required in production`);
  }
  if (new Set(initialAccounts.map((a) => a.username.toLowerCase())).size !== initialAccounts.length) {
    problems.push('the initial admin, security and auditor accounts must be three different usernames');
  }

  if (production) {
    if (!databaseUrl) problems.push('DATABASE_URL is required in production');
    if (!sessionSecret) problems.push('SESSION_SECRET is required in production');
    if (!personalDataKey) problems.push('PERSONAL_DATA_KEY is required in production');
    if (!blindIndexKey) problems.push('BLIND_INDEX_KEY is required in production');
    if (!auditHmacKey) problems.push('AUDIT_HMAC_KEY is required in production');
    const keys = { SESSION_SECRET: sessionSecret, PERSONAL_DATA_KEY: personalDataKey, BLIND_INDEX_KEY: blindIndexKey, AUDIT_HMAC_KEY: auditHmacKey };
    for (const [name, value] of Object.entries(keys)) {
      if (value && PUBLISHED_SECRETS.has(value)) problems.push(`${name} is a value published in this repository: generate a secret one (\`openssl rand -base64 48\`)`);
    }
    if (new Set(Object.values(keys).filter(Boolean)).size < Object.values(keys).filter(Boolean).length) {
      problems.push('SESSION_SECRET, PERSONAL_DATA_KEY, BLIND_INDEX_KEY and AUDIT_HMAC_KEY must be four different secrets');
    }
    if (databaseUrl && !databaseOwnerUrl) {
      problems.push('DATABASE_OWNER_URL is required in production: the schema owner migrates, DATABASE_URL is the application role that may only add to the audit trail');
    } else if (databaseOwnerUrl && roleOf(databaseOwnerUrl) === roleOf(databaseUrl)) {
      problems.push('DATABASE_URL and DATABASE_OWNER_URL must name two different roles');
    }
    for (const a of initialAccounts) {
      if (PUBLISHED_SECRETS.has(a.password)) problems.push(`INITIAL_${a.role.toUpperCase()}_PASSWORD is a password published in this repository`);
    }
    if (seedDemo) problems.push('SEED_DEMO cannot be true in production: demo data is never loaded there');
  }

  const cookieSecure = bool('COOKIE_SECURE', env.COOKIE_SECURE, production, problems);
  const trustProxy = trustProxyOf(env.TRUST_PROXY, problems);
  const apiDocs = bool('API_DOCS', env.API_DOCS, !production, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    env: nodeEnv as AppConfig['env'],
    port,
    host: env.HOST?.trim() || '0.0.0.0',
    databaseUrl,
    databaseOwnerUrl,
    dataDir: path.resolve(env.DATA_DIR?.trim() || path.join(repoRoot, 'data')),
    uploadMaxBytes,
    embeddedPgPort,
    sessionSecret,
    personalDataKey,
    blindIndexKey,
    auditHmacKey,
    cookieSecure,
    trustProxy,
    apiDocs,
    logLevel,
    passwordHashCost: cost as AppConfig['passwordHashCost'],
    seedDemo,
    webDist: path.resolve(env.WEB_DIST?.trim() || path.join(repoRoot, 'apps', 'web', 'dist', 'browser')),
    initialAccounts,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
