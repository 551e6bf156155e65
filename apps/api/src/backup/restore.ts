import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AppConfig } from '../config/config';
import { ArchiveMember, BackupError, hashMember, MANIFEST_NAME, readArchive, safeMemberName } from './archive';
import { FILES_ROOT } from './backup';
import { DatabaseFacts } from './database-facts';
import { recoverEmbedded } from './embedded';
import { checkRestoreTarget, DUMP_NAME, restoreExternal } from './external';
import { BackupManifest, differingDataKeys, keyFingerprints, parseManifest } from './manifest';

const ROOTS = ['pg', FILES_ROOT, DUMP_NAME, MANIFEST_NAME] as const;
const MANIFEST_MAX_BYTES = 256 * 1024 * 1024;

/** Reads the whole archive and checks every member against the manifest; writes nothing. */
export async function verifyArchive(file: string): Promise<BackupManifest> {
  const seen = new Map<string, ArchiveMember>();
  let manifestData: Buffer | null = null;
  await readArchive(file, async (member) => {
    const name = safeMemberName(member.name, ROOTS);
    if (seen.has(name) || (name === MANIFEST_NAME && manifestData)) throw new BackupError(`The archive holds "${name}" twice: it was altered.`);
    if (name === MANIFEST_NAME) {
      const parts: Buffer[] = [];
      let size = 0;
      for await (const chunk of member.body) {
        size += (chunk as Buffer).length;
        if (size > MANIFEST_MAX_BYTES) throw new BackupError("The archive's manifest is too large: it is not a Fazhi Ledger backup.");
        parts.push(chunk as Buffer);
      }
      manifestData = Buffer.concat(parts);
      return;
    }
    const hashed = await hashMember(member.body);
    seen.set(name, member.type === 'directory' ? { path: name, type: 'directory' } : { path: name, type: 'file', ...hashed });
  });
  if (!manifestData) throw new BackupError(`The archive ${file} has no manifest: it is not a Fazhi Ledger backup, or it is incomplete.`);
  const manifest = parseManifest(manifestData);
  const problems: string[] = [];
  for (const expected of manifest.members) {
    const found = seen.get(expected.path);
    if (!found) problems.push(`${expected.path} is missing`);
    else if (found.type !== expected.type || found.sha256 !== expected.sha256 || found.size !== expected.size) problems.push(`${expected.path} does not match its sha256 in the manifest`);
    seen.delete(expected.path);
  }
  for (const extra of seen.keys()) problems.push(`${extra} is not listed in the manifest`);
  if (problems.length > 0) {
    const shown = problems
      .slice(0, 10)
      .map((p) => `\n  - ${p}`)
      .join('');
    throw new BackupError(`The archive ${file} fails its checksums, so nothing was restored:${shown}${problems.length > 10 ? `\n  … and ${problems.length - 10} more` : ''}`);
  }
  return manifest;
}

/** Writes the checked members, each where `place` puts it (null: not written), checking their hashes again. */
async function extract(file: string, manifest: BackupManifest, place: (name: string) => string | null): Promise<void> {
  const expected = new Map(manifest.members.map((m) => [m.path, m]));
  await readArchive(file, async (member) => {
    const name = safeMemberName(member.name, ROOTS);
    const target = name === MANIFEST_NAME ? null : place(name);
    if (!target) {
      await hashMember(member.body);
      return;
    }
    if (member.type === 'directory') {
      await hashMember(member.body);
      await fs.promises.mkdir(target, { recursive: true, mode: member.mode });
      return;
    }
    await fs.promises.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    const written = await hashMember(member.body, fs.createWriteStream(target, { flags: 'wx', mode: member.mode }));
    if (written.sha256 !== expected.get(name)?.sha256) throw new BackupError(`${name} changed while it was being restored: the archive file was modified during the restore.`);
  });
}

function entriesOf(folder: string): string[] {
  return fs.existsSync(folder) ? fs.readdirSync(folder) : [];
}

/** The data folder holds nothing yet, apart from the keys file put there for the restore. */
function assertEmptyDataFolder(dataDir: string): void {
  const found = entriesOf(dataDir).filter((n) => n !== 'secrets.json');
  if (found.length > 0) {
    throw new BackupError(
      `The data folder ${dataDir} is not empty (it holds ${found.slice(0, 5).join(', ')}${found.length > 5 ? ', …' : ''}). ` +
        'Restore only into a new, empty data folder (set DATA_DIR to one); nothing was changed.',
    );
  }
}

function assertEmptyFilesFolder(dataDir: string): void {
  const filesDir = path.join(dataDir, FILES_ROOT);
  if (entriesOf(filesDir).length > 0) throw new BackupError(`The attachments folder ${filesDir} is not empty. Restore only into a new, empty data folder (set DATA_DIR to one); nothing was changed.`);
}

function describeKeys(names: readonly string[]): string {
  const env: Record<string, string> = { personalDataKey: 'PERSONAL_DATA_KEY', blindIndexKey: 'BLIND_INDEX_KEY', sessionSecret: 'SESSION_SECRET' };
  return names.map((n) => env[n] ?? n).join(' and ');
}

/**
 * Restores an archive into an empty data folder (embedded) or an empty database (DATABASE_URL).
 * Refuses, before writing anything, a target that is not empty, an archive that fails a checksum,
 * keys that differ from the archive's, and an archive whose migration is not among `options.migrations`
 * (the app's own; each unless forced).
 */
export async function restore(
  config: AppConfig,
  file: string,
  options: { force: boolean; migrations: readonly string[] },
  log: (m: string) => void,
): Promise<{ manifest: BackupManifest; facts: DatabaseFacts }> {
  if (!fs.existsSync(file)) throw new BackupError(`${file} does not exist.`);
  if (config.databaseUrl) {
    await checkRestoreTarget(config);
    assertEmptyFilesFolder(config.dataDir);
  } else {
    assertEmptyDataFolder(config.dataDir);
  }

  const manifest = await verifyArchive(file);
  log(`Checked ${manifest.members.length} members of the backup made ${manifest.createdAt} (app ${manifest.appVersion}, PostgreSQL ${manifest.postgres.version}): every checksum matches.`);
  if (manifest.database === 'embedded-base-backup' && config.databaseUrl) {
    throw new BackupError('This backup holds the embedded database: restore it with DATABASE_URL unset, into an empty DATA_DIR.');
  }
  if (manifest.database === 'pg_dump' && !config.databaseUrl) {
    throw new BackupError('This backup holds a pg_dump of an external database: set DATABASE_URL to a new, empty database to restore it.');
  }
  const differing = differingDataKeys(manifest, keyFingerprints(config));
  if (differing.length > 0) {
    const message =
      `The keys in use (${describeKeys(differing)}) differ from those of the backup: personal data in it would be unreadable. ` +
      `Put the secrets.json kept with the backup into ${config.dataDir}, or set the environment variables to the backup's keys.`;
    if (!options.force) throw new BackupError(`${message} Add --force to restore anyway. Nothing was changed.`);
    log(`WARNING: ${message} Restoring anyway (--force).`);
  }
  if (manifest.migrationHead && !options.migrations.includes(manifest.migrationHead)) {
    const message = `The backup's database has migration ${manifest.migrationHead}, which this version of the app does not know: it was made by a newer version.`;
    if (!options.force) throw new BackupError(`${message} Restore it with that version, or add --force. Nothing was changed.`);
    log(`WARNING: ${message} Restoring anyway (--force).`);
  }

  // Made like the app makes it (not private), so that the postgres system user can reach pg/.
  await fs.promises.mkdir(config.dataDir, { recursive: true });
  const intoDataDir = (name: string) => path.join(config.dataDir, ...name.split('/'));
  if (manifest.database === 'embedded-base-backup') {
    try {
      await extract(file, manifest, (name) => (name === DUMP_NAME ? null : intoDataDir(name)));
      log('Files written; PostgreSQL now replays the WAL to a consistent state …');
      return { manifest, facts: await recoverEmbedded(config, log) };
    } catch (e) {
      throw new BackupError(`The restore stopped part way, so ${config.dataDir} holds an unfinished copy: empty it before trying again.\n${(e as Error).message}`);
    }
  }
  const work = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'fazhi-restore-'));
  try {
    const dump = path.join(work, DUMP_NAME);
    await extract(file, manifest, (name) => (name === DUMP_NAME ? dump : name.startsWith('pg/') || name === 'pg' ? null : intoDataDir(name)));
    return { manifest, facts: await restoreExternal(config, dump) };
  } finally {
    await fs.promises.rm(work, { recursive: true, force: true });
  }
}
