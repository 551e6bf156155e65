import * as fs from 'node:fs';
import * as path from 'node:path';
import { AppConfig } from '../config/config';
import { ArchiveWriter, BackupError } from './archive';
import { backupEmbedded } from './embedded';
import { backupExternal } from './external';
import { appVersion, BackupManifest, keyFingerprints } from './manifest';

/** Attachments: DATA_DIR/files without its folder of unfinished uploads. */
export const FILES_ROOT = 'files';
const UNFINISHED_UPLOADS = `${FILES_ROOT}/tmp`;

/**
 * Writes one archive: the database (a base backup of the embedded cluster, or a pg_dump of
 * DATABASE_URL), then the attachments, then the manifest with every member's sha256.
 */
export async function backup(config: AppConfig, file: string, log: (m: string) => void): Promise<BackupManifest> {
  if (fs.existsSync(file)) throw new BackupError(`${file} already exists: give the backup a new file name.`);
  if (!fs.existsSync(path.dirname(file))) throw new BackupError(`The folder ${path.dirname(file)} does not exist.`);
  if (file.startsWith(`${config.dataDir}${path.sep}`)) throw new BackupError(`Write the backup outside the data folder ${config.dataDir}.`);
  const createdAt = new Date().toISOString();
  const writer = new ArchiveWriter(file);
  try {
    const facts = config.databaseUrl ? await backupExternal(config, writer, log) : await backupEmbedded(config, writer, log);
    const filesDir = path.join(config.dataDir, FILES_ROOT);
    const before = writer.members.length;
    if (fs.existsSync(filesDir)) {
      await writer.addDirectory(FILES_ROOT);
      await writer.addTree(filesDir, FILES_ROOT, (member) => (member === UNFINISHED_UPLOADS ? 'skip' : 'copy'));
    }
    const attachments = writer.members.slice(before).filter((m) => m.type === 'file');
    log(`Attachments: ${attachments.length} file(s), ${attachments.reduce((sum, m) => sum + (m.size ?? 0), 0)} bytes.`);
    const manifest: BackupManifest = {
      format: 'fazhi-ledger-backup',
      formatVersion: 1,
      createdAt,
      appVersion: appVersion(),
      migrationHead: facts.migrationHead,
      postgres: facts.postgres,
      database: config.databaseUrl ? 'pg_dump' : 'embedded-base-backup',
      keyFingerprints: keyFingerprints(config),
      members: writer.members,
    };
    await writer.finish(manifest);
    return manifest;
  } catch (e) {
    await writer.abandon();
    throw e;
  }
}
