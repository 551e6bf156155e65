import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AppConfig } from './config';

/**
 * Outside production, secrets that are not set are generated once and kept in the data folder
 * (mode 600), so sessions and encrypted personal data survive restarts. Production requires them.
 */
export function resolveSecrets(config: AppConfig): AppConfig {
  if (config.sessionSecret && config.personalDataKey && config.blindIndexKey) return config;
  if (config.env === 'production') throw new Error('secrets are required in production');
  const file = path.join(config.dataDir, 'secrets.json');
  let stored: Record<string, string> = {};
  if (fs.existsSync(file)) stored = JSON.parse(fs.readFileSync(file, 'utf8'));
  const gen = () => randomBytes(48).toString('base64url');
  const next = {
    sessionSecret: stored.sessionSecret ?? gen(),
    personalDataKey: stored.personalDataKey ?? gen(),
    blindIndexKey: stored.blindIndexKey ?? gen(),
  };
  if (JSON.stringify(next) !== JSON.stringify(stored)) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(next, null, 2), { mode: 0o600 });
  }
  return {
    ...config,
    sessionSecret: config.sessionSecret ?? next.sessionSecret,
    personalDataKey: config.personalDataKey ?? next.personalDataKey,
    blindIndexKey: config.blindIndexKey ?? next.blindIndexKey,
  };
}
