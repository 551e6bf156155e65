import { DataScope, SEED_ROLES } from '@fazhi/contracts';
import { EntityManager } from 'typeorm';
import { stableId } from './ids';

/** Built-in roles from the contracts table: missing roles are added, and missing codes added to them. */
export async function syncBuiltinRoles(em: EntityManager, now: Date): Promise<void> {
  for (const role of SEED_ROLES) {
    await em.query(
      `INSERT INTO role (id, code, name, name_en, default_scope, builtin, permissions, created_at, updated_at, version)
       VALUES ($1, $2, $3, $4, $5, true, $6, $7, $7, 1)
       ON CONFLICT (code) DO UPDATE SET
         permissions = ARRAY(SELECT DISTINCT unnest(role.permissions || EXCLUDED.permissions) ORDER BY 1),
         updated_at = CASE WHEN role.permissions @> EXCLUDED.permissions THEN role.updated_at ELSE EXCLUDED.updated_at END,
         version = CASE WHEN role.permissions @> EXCLUDED.permissions THEN role.version ELSE role.version + 1 END
       WHERE role.builtin`,
      [stableId(`role:${role.code}`), role.code, role.name, role.nameEn, role.defaultScope, [...role.permissions], now],
    );
  }
}

export interface UnitSeed {
  key: string;
  parentKey: string | null;
  level: 'county' | 'town' | 'village';
  code: string;
  name: string;
  numberPrefix?: string;
  sortOrder: number;
}

export async function upsertUnits(em: EntityManager, units: UnitSeed[], now: Date): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const paths = new Map<string, string>();
  for (const u of units) {
    const id = stableId(`org:${u.key}`);
    ids.set(u.key, id);
    const parentId = u.parentKey ? ids.get(u.parentKey)! : null;
    const path = `${u.parentKey ? paths.get(u.parentKey)! : '/'}${id}/`;
    paths.set(u.key, path);
    const townId = u.level === 'town' ? id : u.level === 'village' ? parentId : null;
    await em.query(
      `INSERT INTO org_unit (id, parent_id, town_id, level, code, name, time_zone, number_prefix, sort_order, path, created_at, updated_at, version)
       VALUES ($1, $2, $3, $4, $5, $6, 'Asia/Shanghai', $7, $8, $9, $10, $10, 1) ON CONFLICT (id) DO NOTHING`,
      [id, parentId, townId, u.level, u.code, u.name, u.numberPrefix ?? null, u.sortOrder, path, now],
    );
  }
  return ids;
}

export interface AccountSeed {
  username: string;
  displayName: string;
  phone?: string;
  unitId: string;
  townId: string | null;
  demo: boolean;
  mustChangePassword: boolean;
  roles: { code: string; unitId: string; townId: string | null; scope: DataScope; villageIds?: string[] }[];
}

/** Creates an account with its roles unless the username exists (never overwrites a user's changes). */
export async function insertAccount(em: EntityManager, a: AccountSeed, passwordHash: string, now: Date): Promise<boolean> {
  const id = stableId(`user:${a.username}`);
  const inserted = await em.query<{ id: string }[]>(
    `INSERT INTO app_user (id, username, display_name, phone, org_unit_id, town_id, password_hash, password_changed_at,
                           must_change_password, demo, status, created_at, updated_at, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'active', $8, $8, 1)
     ON CONFLICT (username) DO NOTHING RETURNING id`,
    [id, a.username, a.displayName, a.phone ?? null, a.unitId, a.townId, passwordHash, now, a.mustChangePassword, a.demo],
  );
  if (inserted.length === 0) return false;
  for (const r of a.roles) {
    await em.query(
      `INSERT INTO user_role (id, user_id, role_id, org_unit_id, town_id, scope, village_ids, created_at)
       SELECT $1, $2, role.id, $3, $4, $5, $6, $7 FROM role WHERE role.code = $8`,
      [stableId(`user_role:${a.username}:${r.code}:${r.unitId}`), id, r.unitId, r.townId, r.scope, r.villageIds ?? [], now, r.code],
    );
  }
  return true;
}
