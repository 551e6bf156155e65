import { Client } from 'pg';

export interface DatabaseFacts {
  postgres: { version: string; versionNum: number };
  /** The last migration applied, null when the schema has none. */
  migrationHead: string | null;
}

export async function openClient(url: string): Promise<Client> {
  const client = new Client({ connectionString: url, application_name: 'fazhi-ledger-backup' });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

export async function databaseFacts(client: Client): Promise<DatabaseFacts> {
  const [server] = (
    await client.query<{ version: string; num: number; migrated: boolean }>(
      `SELECT current_setting('server_version') AS version, current_setting('server_version_num')::int AS num, to_regclass('schema_migration') IS NOT NULL AS migrated`,
    )
  ).rows;
  const head = server.migrated ? (await client.query<{ name: string }>('SELECT name FROM schema_migration ORDER BY timestamp DESC, id DESC LIMIT 1')).rows[0] : undefined;
  return { postgres: { version: String(server.version).split(' ')[0], versionNum: server.num }, migrationHead: head?.name ?? null };
}

/** What a database holds outside the system schemas: a restore goes only into an empty one. */
export async function userObjects(client: Client): Promise<string[]> {
  const rows = (
    await client.query<{ name: string }>(`
      SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
      UNION ALL
      SELECT n.nspname || '.' || p.proname || '()' FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
      UNION ALL
      SELECT 'schema ' || nspname FROM pg_namespace
       WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'public') AND nspname NOT LIKE 'pg\\_toast%' AND nspname NOT LIKE 'pg\\_temp%'
      ORDER BY 1`)
  ).rows;
  return rows.map((r) => r.name);
}
