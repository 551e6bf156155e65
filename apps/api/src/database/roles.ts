/**
 * Two database roles: the owner migrates and owns every object; the application role reads and
 * writes ordinary tables but may only INSERT and SELECT the audit tables, cannot reset their id
 * sequences, run DDL or ALTER TABLE … DISABLE TRIGGER (only an owner or a superuser can).
 */

/** The append-only tables of the audit trail. */
export const AUDIT_TABLES = ['audit_log', 'audit_seal', 'audit_checkpoint'] as const;
/** The triggers that refuse UPDATE, DELETE and TRUNCATE on them. */
export const AUDIT_TRIGGERS = AUDIT_TABLES.flatMap((t) => [`${t}_no_update_delete`, `${t}_no_truncate`]);
/** Read by the application, written only by migrations. */
const READ_ONLY_TABLES = ['schema_migration'];

/** Anything that can run a query: a pg Client, a TypeORM DataSource or EntityManager. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

async function rows<T>(q: Queryable, sql: string, params?: unknown[]): Promise<T[]> {
  const r = (await q.query(sql, params)) as T[] | { rows: T[] };
  return Array.isArray(r) ? r : r.rows;
}

/** The sequences a table's columns own (bigserial ids). */
async function ownedSequences(q: Queryable, table: string): Promise<string[]> {
  const found = await rows<{ seq: string }>(
    q,
    `SELECT s.oid::regclass::text AS seq FROM pg_depend d JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
      WHERE d.classid = 'pg_class'::regclass AND d.refobjid = to_regclass($1) AND d.deptype IN ('a', 'i')`,
    [`public.${table}`],
  );
  return found.map((r) => r.seq);
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Creates the application login role when it is missing and the owner may create roles (a
 * superuser owner, as in docker/compose.yml); an existing role is left as its administrator set it.
 */
export async function ensureAppRole(q: Queryable, appRole: string, password: string): Promise<'exists' | 'created'> {
  if ((await rows(q, 'SELECT 1 FROM pg_roles WHERE rolname = $1', [appRole])).length) return 'exists';
  const [me] = await rows<{ can: boolean }>(q, 'SELECT rolsuper OR rolcreaterole AS can FROM pg_roles WHERE rolname = current_user');
  if (!me.can) throw new Error(`the database role "${appRole}" of DATABASE_URL does not exist, and the owner of DATABASE_OWNER_URL may not create it: create it (LOGIN, no other right)`);
  const [{ sql }] = await rows<{ sql: string }>(q, `SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L', $1::text, $2::text) AS sql`, [appRole, password]);
  await q.query(sql);
  return 'created';
}

/**
 * Grants of the application role, run by the owner after the migrations; idempotent. Default
 * privileges give the same to tables and sequences that later migrations create; the audit
 * tables are then narrowed here, so a new audit table must be listed in AUDIT_TABLES.
 */
export async function applyGrants(q: Queryable, appRole: string): Promise<void> {
  const app = quoteIdent(appRole);
  const [{ owner }] = await rows<{ owner: string }>(q, 'SELECT current_user AS owner');
  const [{ db }] = await rows<{ db: string }>(q, 'SELECT current_database() AS db');
  await q.query(`GRANT CONNECT ON DATABASE ${quoteIdent(db)} TO ${app}`);
  await q.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
  await q.query(`GRANT USAGE ON SCHEMA public TO ${app}`);
  await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`);
  await q.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`);
  await q.query(`ALTER DEFAULT PRIVILEGES FOR ROLE ${quoteIdent(owner)} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`);
  await q.query(`ALTER DEFAULT PRIVILEGES FOR ROLE ${quoteIdent(owner)} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app}`);
  for (const table of [...AUDIT_TABLES, ...READ_ONLY_TABLES]) {
    const present = await rows(q, `SELECT 1 FROM pg_class WHERE oid = to_regclass($1)`, [`public.${table}`]);
    if (present.length === 0) continue;
    await q.query(`REVOKE ALL ON TABLE ${quoteIdent(table)} FROM PUBLIC, ${app}`);
    await q.query(`GRANT SELECT${READ_ONLY_TABLES.includes(table) ? '' : ', INSERT'} ON TABLE ${quoteIdent(table)} TO ${app}`);
    for (const seq of await ownedSequences(q, table)) {
      // nextval for the inserts; no UPDATE, so no setval to hide removed rows.
      await q.query(`REVOKE ALL ON SEQUENCE ${seq} FROM PUBLIC, ${app}`);
      await q.query(`GRANT USAGE, SELECT ON SEQUENCE ${seq} TO ${app}`);
    }
  }
}

/**
 * What lets `appRole` change the audit trail, as seen from the catalog: superuser or owner
 * rights, membership of the owner, UPDATE/DELETE/TRUNCATE/TRIGGER on an audit table, setval on
 * its sequence, DDL in the schema, or a disabled trigger. Empty when the role can only add.
 */
export async function appRoleProblems(q: Queryable, appRole: string): Promise<string[]> {
  const problems: string[] = [];
  const [role] = await rows<{ rolsuper: boolean; rolbypassrls: boolean }>(q, `SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1`, [appRole]);
  if (!role) return [`the application role "${appRole}" does not exist`];
  if (role.rolsuper) problems.push(`the application role "${appRole}" is a superuser`);
  const [db] = await rows<{ owns: boolean; create: boolean; schemaCreate: boolean }>(
    q,
    `SELECT pg_has_role($1, d.datdba, 'USAGE') AS owns, has_database_privilege($1, d.oid, 'CREATE') AS "create",
            has_schema_privilege($1, 'public', 'CREATE') AS "schemaCreate"
       FROM pg_database d WHERE d.datname = current_database()`,
    [appRole],
  );
  if (db.owns) problems.push(`the application role "${appRole}" owns the database (or is a member of its owner)`);
  if (db.create) problems.push(`the application role "${appRole}" may create schemas in the database (DDL)`);
  if (db.schemaCreate) problems.push(`the application role "${appRole}" may create objects in schema public (DDL)`);
  for (const table of AUDIT_TABLES) {
    const [t] = await rows<{ owns: boolean; ins: boolean; sel: boolean; upd: boolean; del: boolean; trunc: boolean; trig: boolean; refs: boolean }>(
      q,
      `SELECT pg_has_role($1, c.relowner, 'USAGE') AS owns,
              has_table_privilege($1, c.oid, 'INSERT') AS ins, has_table_privilege($1, c.oid, 'SELECT') AS sel,
              has_table_privilege($1, c.oid, 'UPDATE') AS upd, has_table_privilege($1, c.oid, 'DELETE') AS del,
              has_table_privilege($1, c.oid, 'TRUNCATE') AS trunc, has_table_privilege($1, c.oid, 'TRIGGER') AS trig,
              has_table_privilege($1, c.oid, 'REFERENCES') AS refs
         FROM pg_class c WHERE c.oid = to_regclass($2)`,
      [appRole, `public.${table}`],
    );
    if (!t) {
      problems.push(`table ${table} is missing`);
      continue;
    }
    if (t.owns) problems.push(`the application role "${appRole}" owns ${table} (it could disable its triggers)`);
    const extra = (['upd', 'del', 'trunc', 'trig', 'refs'] as const).filter((p) => t[p]);
    const names = { upd: 'UPDATE', del: 'DELETE', trunc: 'TRUNCATE', trig: 'TRIGGER', refs: 'REFERENCES' };
    if (extra.length) problems.push(`the application role "${appRole}" has ${extra.map((p) => names[p]).join(', ')} on ${table}`);
    if (!t.ins || !t.sel) problems.push(`the application role "${appRole}" lacks INSERT or SELECT on ${table}`);
    for (const seq of await ownedSequences(q, table)) {
      const [s] = await rows<{ upd: boolean }>(q, `SELECT has_sequence_privilege($1, $2, 'UPDATE') AS upd`, [appRole, seq]);
      if (s.upd) problems.push(`the application role "${appRole}" may reset the sequence ${seq} (setval)`);
    }
  }
  const triggers = await rows<{ name: string; enabled: string }>(q, `SELECT tgname AS name, tgenabled AS enabled FROM pg_trigger WHERE NOT tgisinternal AND tgname = ANY($1)`, [AUDIT_TRIGGERS]);
  for (const name of AUDIT_TRIGGERS) {
    const t = triggers.find((x) => x.name === name);
    if (!t) problems.push(`trigger ${name} is missing`);
    else if (t.enabled === 'D') problems.push(`trigger ${name} is disabled`);
  }
  return problems;
}
