import { DataSource } from 'typeorm';
import { AppConfig, ConfigError } from '../config/config';
import { storedSecrets } from '../config/secrets';
import { DatabaseSchema, openDataSource } from './data-source';
import { EMBEDDED_SUPERUSER, EmbeddedDatabase, embeddedUrl, ensureEmbeddedRoles, startEmbeddedPostgres } from './embedded-postgres';
import { applyGrants, appRoleProblems, ensureAppRole } from './roles';

export interface DatabaseHandle {
  /** The application role's connection. */
  url: string;
  /** The schema owner's connection: migrations, grants, seeds. */
  ownerUrl: string;
  /** The application role, or null when one role does both (development without DATABASE_OWNER_URL). */
  appRole: string | null;
  embedded: EmbeddedDatabase | null;
}

/** The embedded PostgreSQL's database and its two roles (passwords in DATA_DIR/secrets.json). */
export const EMBEDDED_DATABASE = 'fazhi';
export const EMBEDDED_OWNER = 'fazhi_owner';
export const EMBEDDED_APP = 'fazhi_app';

const roleOf = (url: string) => decodeURIComponent(new URL(url).username);

/** The schema owner's URL: DATABASE_OWNER_URL (or DATABASE_URL alone), or the embedded owner. */
export function ownerDatabaseUrl(config: AppConfig): string {
  if (config.databaseUrl) return config.databaseOwnerUrl ?? config.databaseUrl;
  return embeddedUrl(config.embeddedPgPort, EMBEDDED_OWNER, storedSecrets(config.dataDir).pgOwnerPassword, EMBEDDED_DATABASE);
}

/** The application role's URL: DATABASE_URL, or the embedded application role. */
export function appDatabaseUrl(config: AppConfig): string {
  return config.databaseUrl ?? embeddedUrl(config.embeddedPgPort, EMBEDDED_APP, storedSecrets(config.dataDir).pgAppPassword, EMBEDDED_DATABASE);
}

/** The embedded cluster's superuser (backups of the whole cluster); null with DATABASE_URL. */
export function superuserDatabaseUrl(config: AppConfig, database = EMBEDDED_DATABASE): string | null {
  if (config.databaseUrl) return null;
  return embeddedUrl(config.embeddedPgPort, EMBEDDED_SUPERUSER, storedSecrets(config.dataDir).pgSuperuserPassword, database);
}

/** The role that must not be able to change the audit trail (null: one role does everything). */
export function appRoleName(config: AppConfig): string | null {
  if (!config.databaseUrl) return EMBEDDED_APP;
  return config.databaseOwnerUrl ? roleOf(config.databaseUrl) : null;
}

/** The configured PostgreSQL, or the embedded one in the data folder when DATABASE_URL is unset. */
export async function connectDatabase(config: AppConfig, log: (m: string) => void): Promise<DatabaseHandle> {
  const handle = { url: appDatabaseUrl(config), appRole: appRoleName(config) };
  if (config.databaseUrl) return { ...handle, ownerUrl: ownerDatabaseUrl(config), embedded: null };
  const secrets = storedSecrets(config.dataDir);
  const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort, password: secrets.pgSuperuserPassword, log });
  try {
    await ensureEmbeddedRoles(embedded.url, {
      owner: { name: EMBEDDED_OWNER, password: secrets.pgOwnerPassword },
      app: { name: EMBEDDED_APP, password: secrets.pgAppPassword },
      database: EMBEDDED_DATABASE,
    });
  } catch (e) {
    await embedded.stop();
    throw e;
  }
  return { ...handle, ownerUrl: ownerDatabaseUrl(config), embedded };
}

export async function migrate(url: string, schema: DatabaseSchema, log: (m: string) => void): Promise<DataSource> {
  const ds = await openDataSource(url, schema);
  const [{ version }] = await ds.query<{ version: number }[]>(`SELECT current_setting('server_version_num')::int AS version`);
  if (version < 140000) {
    await ds.destroy();
    throw new Error(`PostgreSQL 14 or newer is required (this server is ${Math.floor(version / 10000)}).`);
  }
  const ran = await ds.runMigrations({ transaction: 'each' });
  for (const m of ran) log(`Applied migration ${m.name}.`);
  return ds;
}

/**
 * Migrates as the owner, grants the application role its narrow rights and checks them, and in
 * production refuses a database holding demo accounts or an application role that could change
 * the audit trail. Returns the owner's data source (for the seeds); the caller closes it.
 */
export async function prepareDatabase(config: AppConfig, db: DatabaseHandle, schema: DatabaseSchema, log: (m: string) => void): Promise<DataSource> {
  const ds = await migrate(db.ownerUrl, schema, log);
  try {
    const refusals: string[] = [];
    if (db.appRole) {
      if (!db.embedded && (await ensureAppRole(ds, db.appRole, decodeURIComponent(new URL(db.url).password))) === 'created') {
        log(`Created the application role "${db.appRole}".`);
      }
      await applyGrants(ds, db.appRole);
      refusals.push(...(await appRoleProblems(ds, db.appRole)));
    } else {
      log(
        'WARNING: DATABASE_URL is used for both migrations and the application: that role could disable the audit ' +
          'triggers and rewrite the audit trail. Set DATABASE_OWNER_URL to the schema owner and DATABASE_URL to an application role.',
      );
    }
    if (config.env === 'production') {
      const [{ demo }] = await ds.query<{ demo: number }[]>(`SELECT count(*)::int AS demo FROM app_user WHERE demo`);
      if (demo > 0) {
        refusals.push(`this database holds ${demo} demo account(s) with the published demo password: production never runs on demo data. Use a new database`);
      }
      if (refusals.length) throw new ConfigError(refusals, 'Fazhi Ledger refuses to start in production');
    } else {
      for (const r of refusals) log(`WARNING: ${r}`);
    }
    return ds;
  } catch (e) {
    await ds.destroy();
    throw e;
  }
}
