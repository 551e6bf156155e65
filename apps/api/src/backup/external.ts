import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AppConfig } from '../config/config';
import { ArchiveWriter, BackupError } from './archive';
import { DatabaseFacts, databaseFacts, openClient, userObjects } from './database-facts';

export const DUMP_NAME = 'database.dump';

/** The connection that owns the schema: dumps and restores run through it. */
export function ownerDatabaseUrl(config: AppConfig): string {
  return config.databaseOwnerUrl ?? config.databaseUrl!;
}

type Tool = 'pg_dump' | 'pg_restore';

function run(tool: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

/** The client tool must be installed and of the server's major version or newer. */
async function checkTool(tool: Tool, server: DatabaseFacts['postgres']): Promise<void> {
  const serverMajor = Math.floor(server.versionNum / 10000);
  const install = `install the PostgreSQL ${serverMajor} client tools (e.g. \`apt-get install postgresql-client-${serverMajor}\` from apt.postgresql.org) and try again.`;
  let version: string;
  try {
    version = (await run(tool, ['--version'])).out.trim();
  } catch {
    throw new BackupError(`${tool} is not installed, and the database at DATABASE_URL (PostgreSQL ${server.version}) is dumped and restored with it: ${install}`);
  }
  const major = Number(/(\d+)(?:\.\d+)?/.exec(version)?.[1] ?? 0);
  if (major < serverMajor) {
    throw new BackupError(`${tool} is version ${major} ("${version}"), older than the database server (PostgreSQL ${server.version}), which it cannot handle: ${install}`);
  }
}

/** libpq's connection string without the password, which travels in PGPASSWORD, not on the command line. */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { dbname: parsed.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

async function runTool(tool: Tool, args: string[], url: string): Promise<void> {
  const { dbname, env } = connection(url);
  const result = await run(tool, ['--no-password', `--dbname=${dbname}`, ...args], env);
  if (result.code !== 0) throw new BackupError(`${tool} failed (exit ${result.code}):\n${result.out.trim()}`);
}

/** A custom-format pg_dump of the database at DATABASE_URL, stored as one member. */
export async function backupExternal(config: AppConfig, writer: ArchiveWriter, log: (m: string) => void): Promise<DatabaseFacts> {
  const url = ownerDatabaseUrl(config);
  const client = await openClient(url);
  let facts: DatabaseFacts;
  try {
    facts = await databaseFacts(client);
  } finally {
    await client.end();
  }
  await checkTool('pg_dump', facts.postgres);
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'fazhi-dump-'));
  try {
    const dump = path.join(dir, DUMP_NAME);
    await runTool('pg_dump', ['--format=custom', `--file=${dump}`], url);
    await writer.addFile(DUMP_NAME, dump);
    log(`Database: pg_dump of PostgreSQL ${facts.postgres.version} (${(await fs.promises.stat(dump)).size} bytes).`);
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
  return facts;
}

/** The restore target, checked before anything is written: an empty database that pg_restore can handle. */
export async function checkRestoreTarget(config: AppConfig): Promise<DatabaseFacts> {
  const client = await openClient(ownerDatabaseUrl(config));
  let facts: DatabaseFacts;
  try {
    facts = await databaseFacts(client);
    const found = await userObjects(client);
    if (found.length > 0) {
      const name = new URL(ownerDatabaseUrl(config)).pathname.slice(1);
      throw new BackupError(
        `The database "${name}" at DATABASE_URL is not empty (${found.length} object(s): ${found.slice(0, 5).join(', ')}${found.length > 5 ? ', …' : ''}). Restore only into a new, empty database; nothing was changed.`,
      );
    }
  } finally {
    await client.end();
  }
  await checkTool('pg_restore', facts.postgres);
  return facts;
}

/** Restores a dump in one transaction; objects are owned by the connecting (owner) role. */
export async function restoreExternal(config: AppConfig, dump: string): Promise<DatabaseFacts> {
  const url = ownerDatabaseUrl(config);
  await runTool('pg_restore', ['--no-owner', '--exit-on-error', '--single-transaction', dump], url);
  const client = await openClient(url);
  try {
    return await databaseFacts(client);
  } finally {
    await client.end();
  }
}
