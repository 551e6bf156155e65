import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import { AppConfig } from '../config/config';
import { storedSecrets } from '../config/secrets';
import { superuserDatabaseUrl } from '../database/database';
import { EmbeddedDatabase, portInUse, startEmbeddedPostgres } from '../database/embedded-postgres';
import { ArchiveWriter, BackupError } from './archive';
import { DatabaseFacts, databaseFacts, openClient } from './database-facts';

/**
 * Left out of a base backup, as PostgreSQL's "Making a Base Backup Using the Low Level API"
 * allows: the server's own run-time files, and the contents (not the folders) of the folders
 * rebuilt at start. WAL is added after pg_backup_stop.
 */
const SKIPPED_FILES = new Set(['postmaster.pid', 'postmaster.opts', 'backup_label', 'backup_label.old', 'tablespace_map', 'tablespace_map.old', 'pg_internal.init']);
const EMPTIED_FOLDERS = new Set(['pg_wal', 'pg_replslot', 'pg_dynshmem', 'pg_notify', 'pg_serial', 'pg_snapshots', 'pg_stat_tmp', 'pg_subtrans']);
const KEPT_WAL_FOLDERS = new Set(['archive_status', 'summaries']);
const WAL_SEGMENT = /^[0-9A-F]{24}$/;

/**
 * An online base backup of the embedded cluster in DATA_DIR/pg: through the running app's server,
 * or a server started here for the purpose when the app is stopped. A temporary replication slot
 * keeps the WAL from the backup's start until it is copied.
 */
export async function backupEmbedded(config: AppConfig, writer: ArchiveWriter, log: (m: string) => void): Promise<DatabaseFacts> {
  const pgDir = path.join(config.dataDir, 'pg');
  if (!fs.existsSync(path.join(pgDir, 'PG_VERSION'))) throw new BackupError(`There is no embedded database in ${pgDir} to back up.`);
  let server: EmbeddedDatabase | null = null;
  if (await portInUse(config.embeddedPgPort)) log(`Backing up online through the running server on port ${config.embeddedPgPort}.`);
  else server = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort, password: storedSecrets(config.dataDir).pgSuperuserPassword, log });
  let client: Client | null = null;
  try {
    client = await openClient(superuserDatabaseUrl(config)!);
    const [{ data_directory: served }] = (await client.query<{ data_directory: string }>('SHOW data_directory')).rows;
    if (fs.realpathSync(served) !== fs.realpathSync(pgDir)) {
      throw new BackupError(`The PostgreSQL on port ${config.embeddedPgPort} serves ${served}, not ${pgDir}: set EMBEDDED_PG_PORT to the port of this data folder's server.`);
    }
    const facts = await databaseFacts(client);
    await client.query('SELECT pg_create_physical_replication_slot($1, true, true)', [`fazhi_backup_${process.pid}`]);
    await client.query('SELECT pg_backup_start($1, fast => true)', [`fazhi-ledger ${new Date().toISOString()}`]);
    await writer.addDirectory('pg');
    await writer.addTree(pgDir, 'pg', baseBackupChoice);
    const [stop] = (await client.query('SELECT labelfile, spcmapfile, pg_walfile_name(lsn) AS wal FROM pg_backup_stop(wait_for_archive => false)')).rows as {
      labelfile: string;
      spcmapfile: string | null;
      wal: string;
    }[];
    await writer.addBuffer('pg/backup_label', Buffer.from(stop.labelfile));
    if (stop.spcmapfile) await writer.addBuffer('pg/tablespace_map', Buffer.from(stop.spcmapfile));
    const first = /START WAL LOCATION: .* \(file ([0-9A-F]{24})\)/.exec(stop.labelfile)?.[1];
    if (!first) throw new BackupError('pg_backup_stop returned a backup label without its start WAL file.');
    const segments = await copyWal(pgDir, writer, first, stop.wal);
    log(`Database: base backup with ${segments} WAL segment(s) (${first} … ${stop.wal}).`);
    return facts;
  } finally {
    await client?.end();
    await server?.stop();
  }
}

/** What a base backup takes of the data folder, by member name. */
function baseBackupChoice(member: string, entry: fs.Dirent): 'skip' | 'empty' | 'copy' {
  if (SKIPPED_FILES.has(entry.name) || entry.name.startsWith('pgsql_tmp')) return 'skip';
  if (entry.isSymbolicLink()) throw new BackupError(`${member} is a symbolic link (a tablespace?): only a data folder without tablespaces can be backed up.`);
  const [, top, sub, ...deeper] = member.split('/');
  if (!EMPTIED_FOLDERS.has(top)) return 'copy';
  if (sub === undefined) return top === 'pg_wal' ? 'copy' : 'empty';
  return top === 'pg_wal' && KEPT_WAL_FOLDERS.has(sub) && deeper.length === 0 && entry.isDirectory() ? 'empty' : 'skip';
}

/** Copies the WAL segments from the backup's start to its end, and the timeline history files. */
async function copyWal(pgDir: string, writer: ArchiveWriter, first: string, last: string): Promise<number> {
  const walDir = path.join(pgDir, 'pg_wal');
  const names = (await fs.promises.readdir(walDir)).sort();
  const wanted = names.filter((n) => (WAL_SEGMENT.test(n) && n.slice(0, 8) === first.slice(0, 8) && n >= first && n <= last) || n.endsWith('.history'));
  for (const required of [first, last]) {
    if (!wanted.includes(required)) throw new BackupError(`The WAL segment ${required} that the backup needs is no longer in ${walDir}.`);
  }
  for (const n of wanted) await writer.addFile(`pg/pg_wal/${n}`, path.join(walDir, n));
  return wanted.filter((n) => WAL_SEGMENT.test(n)).length;
}

/**
 * After the restored folder is written: hands it to the postgres system user (when running as
 * root), then starts PostgreSQL once so that it replays the WAL to a consistent state.
 */
export async function recoverEmbedded(config: AppConfig, log: (m: string) => void): Promise<DatabaseFacts> {
  const pgDir = path.join(config.dataDir, 'pg');
  if (typeof process.getuid === 'function' && process.getuid() === 0) {
    const { uid, gid } = postgresSystemUser();
    chownTree(pgDir, uid, gid);
  }
  fs.chmodSync(pgDir, 0o700);
  const server = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort, password: storedSecrets(config.dataDir).pgSuperuserPassword, log });
  try {
    const client = await openClient(superuserDatabaseUrl(config)!);
    try {
      return await databaseFacts(client);
    } finally {
      await client.end();
    }
  } finally {
    await server.stop();
  }
}

/** The "postgres" system user that runs the embedded server as root, created as embedded-postgres does. */
function postgresSystemUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('groupadd', ['postgres']);
    execFileSync('useradd', ['-g', 'postgres', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

function chownTree(absolute: string, uid: number, gid: number): void {
  fs.chownSync(absolute, uid, gid);
  for (const entry of fs.readdirSync(absolute, { withFileTypes: true })) {
    const child = path.join(absolute, entry.name);
    if (entry.isDirectory()) chownTree(child, uid, gid);
    else fs.chownSync(child, uid, gid);
  }
}
