import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config';
import { openDataSource } from './data-source';
import { EmbeddedDatabase, ensureDatabase, startEmbeddedPostgres } from './embedded-postgres';

export interface DatabaseHandle {
  url: string;
  embedded: EmbeddedDatabase | null;
}

/** The configured PostgreSQL, or the embedded one in the data folder when DATABASE_URL is unset. */
export async function connectDatabase(config: AppConfig, log: (m: string) => void): Promise<DatabaseHandle> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: null };
  const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort, log });
  try {
    await ensureDatabase(embedded.url);
  } catch (e) {
    await embedded.stop();
    throw e;
  }
  return { url: embedded.url, embedded };
}

export async function migrate(url: string, log: (m: string) => void): Promise<DataSource> {
  const ds = await openDataSource(url);
  const [{ version }] = await ds.query(`SELECT current_setting('server_version_num')::int AS version`);
  if (version < 140000) {
    await ds.destroy();
    throw new Error(`PostgreSQL 14 or newer is required (this server is ${Math.floor(version / 10000)}).`);
  }
  const ran = await ds.runMigrations({ transaction: 'each' });
  for (const m of ran) log(`Applied migration ${m.name}.`);
  return ds;
}
