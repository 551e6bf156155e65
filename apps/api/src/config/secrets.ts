import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AppConfig } from './config';

/** What DATA_DIR/secrets.json holds: the generated development keys and the embedded database's role passwords. */
export interface StoredSecrets {
  sessionSecret: string;
  personalDataKey: string;
  blindIndexKey: string;
  auditHmacKey: string;
  /** Passwords of the embedded PostgreSQL's superuser, schema owner and application role. */
  pgSuperuserPassword: string;
  pgOwnerPassword: string;
  pgAppPassword: string;
}

const gen = () => randomBytes(48).toString('base64url');

/**
 * The data folder's secrets.json (mode 600), completed with a generated value for every entry it
 * lacks. Entries are generated once and kept, so sessions, encrypted personal data, the audit
 * chain and the embedded database's passwords survive restarts.
 */
export function storedSecrets(dataDir: string): StoredSecrets {
  const file = path.join(dataDir, 'secrets.json');
  const stored: Partial<StoredSecrets> = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<StoredSecrets>) : {};
  const next: StoredSecrets = {
    sessionSecret: stored.sessionSecret ?? gen(),
    personalDataKey: stored.personalDataKey ?? gen(),
    blindIndexKey: stored.blindIndexKey ?? gen(),
    auditHmacKey: stored.auditHmacKey ?? gen(),
    pgSuperuserPassword: stored.pgSuperuserPassword ?? gen(),
    pgOwnerPassword: stored.pgOwnerPassword ?? gen(),
    pgAppPassword: stored.pgAppPassword ?? gen(),
  };
  if (Object.keys(next).some((k) => stored[k as keyof StoredSecrets] === undefined)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ ...stored, ...next }, null, 2), { mode: 0o600 });
  }
  return next;
}

/**
 * Outside production, keys that are not set come from the data folder (see storedSecrets).
 * Production requires them all (loadConfig refuses to start without them).
 */
export function resolveSecrets(config: AppConfig): AppConfig {
  if (config.sessionSecret && config.personalDataKey && config.blindIndexKey && config.auditHmacKey) return config;
  if (config.env === 'production') throw new Error('secrets are required in production');
  const stored = storedSecrets(config.dataDir);
  return {
    ...config,
    sessionSecret: config.sessionSecret ?? stored.sessionSecret,
    personalDataKey: config.personalDataKey ?? stored.personalDataKey,
    blindIndexKey: config.blindIndexKey ?? stored.blindIndexKey,
    auditHmacKey: config.auditHmacKey ?? stored.auditHmacKey,
  };
}
