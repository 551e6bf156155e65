import { createHmac } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AppConfig } from '../config/config';
import { ArchiveMember, BackupError } from './archive';

export type DatabaseKind = 'embedded-base-backup' | 'pg_dump';

/** What `manifest.json`, the last member of every backup archive, says. */
export interface BackupManifest {
  format: 'fazhi-ledger-backup';
  formatVersion: 1;
  createdAt: string;
  appVersion: string;
  migrationHead: string | null;
  postgres: { version: string; versionNum: number };
  database: DatabaseKind;
  /** Short fingerprints of the keys in use (never the keys): null for a key that was not set. */
  keyFingerprints: Record<KeyName, string | null>;
  members: ArchiveMember[];
}

/** Keys without which the restored data cannot be read: a restore refuses others unless forced. */
export const DATA_KEYS = ['personalDataKey', 'blindIndexKey'] as const;
const KEYS = [...DATA_KEYS, 'sessionSecret', 'auditHmacKey'] as const;
export type KeyName = (typeof KEYS)[number];

const FINGERPRINT_LABEL = 'fazhi-ledger key fingerprint v1';

/**
 * The fingerprints of the keys the app would use with this configuration: from the environment,
 * else from the secrets file in the data folder. Read only: nothing is generated or written.
 */
export function keyFingerprints(config: AppConfig): Record<KeyName, string | null> {
  const file = path.join(config.dataDir, 'secrets.json');
  const stored: Partial<Record<KeyName, string>> = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Record<KeyName, string>>) : {};
  const result = {} as Record<KeyName, string | null>;
  for (const name of KEYS) {
    const key = config[name] ?? stored[name] ?? null;
    result[name] = key ? createHmac('sha256', key).update(FINGERPRINT_LABEL).digest('hex').slice(0, 16) : null;
  }
  return result;
}

/** The data keys whose fingerprint differs between the archive and this configuration. */
export function differingDataKeys(manifest: BackupManifest, current: Record<KeyName, string | null>): KeyName[] {
  return DATA_KEYS.filter((name) => manifest.keyFingerprints[name] !== current[name]);
}

export function appVersion(): string {
  const file = path.resolve(__dirname, '..', '..', 'package.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
}

export function parseManifest(data: Buffer): BackupManifest {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(data.toString('utf8')) as BackupManifest;
  } catch {
    manifest = {} as BackupManifest;
  }
  if (manifest.format !== 'fazhi-ledger-backup' || manifest.formatVersion !== 1 || !Array.isArray(manifest.members)) {
    throw new BackupError("The archive's manifest is not that of a Fazhi Ledger backup (format 1): nothing was restored.");
  }
  return manifest;
}
