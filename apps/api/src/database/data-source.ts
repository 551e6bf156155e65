import { types } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';

// Calendar dates stay 'YYYY-MM-DD' strings: never shifted by the server's time zone.
types.setTypeParser(types.builtins.DATE, (value: string) => value);

/**
 * What a connection maps and migrates: the app's entity and migration lists (database/entities.ts
 * and database/migrations/index.ts, built from the registered ledgers), handed in by the app, the
 * command-line tools and the tests.
 */
export interface DatabaseSchema {
  entities: NonNullable<DataSourceOptions['entities']>;
  migrations: NonNullable<DataSourceOptions['migrations']>;
}

/** The one data source definition, used by the app, the command-line tools and the tests. */
export function dataSourceOptions(url: string, schema: DatabaseSchema): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: schema.entities,
    migrations: schema.migrations,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: { max: 10, application_name: 'fazhi-ledger' },
  };
}

export async function openDataSource(url: string, schema: DatabaseSchema): Promise<DataSource> {
  const ds = new DataSource(dataSourceOptions(url, schema));
  await ds.initialize();
  const driver = ds.driver as unknown as { master?: { on(event: 'error', fn: (e: Error) => void): void } };
  driver.master?.on('error', () => {
    // A pooled idle connection dropped by the server (e.g. at shutdown); the pool replaces it.
  });
  return ds;
}
