import { Injectable } from '@nestjs/common';
import { dutyOf, PERMISSION_CODES } from '@fazhi/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { ResolvedScope, scopeSql } from '../access/data-scope';
import { UserEntity } from './user.entity';

export interface UserRow extends UserEntity {
  orgUnitName: string;
  lockedUntil: Date | null;
}

export interface AssignmentRow {
  id: string;
  userId: string;
  roleId: string;
  roleCode: string;
  roleName: string;
  roleNameEn: string;
  orgUnitId: string;
  orgUnitName: string;
  scope: string;
  villageIds: string[];
  permissions: string[];
}

/** Codes of the three administrative duties: a holder of any of them has an administrative account. */
const ADMIN_DUTY_CODES = PERMISSION_CODES.filter((c) => dutyOf(c) !== 'business');

const USER_COLUMNS = `u.id, u.username, u.display_name AS "displayName", u.phone, u.org_unit_id AS "orgUnitId",
  u.town_id AS "townId", u.status, u.must_change_password AS "mustChangePassword", u.demo,
  u.disabled_reason AS "disabledReason", u.last_login_at AS "lastLoginAt", u.created_at AS "createdAt",
  u.updated_at AS "updatedAt", u.version, o.name AS "orgUnitName",
  CASE WHEN l.locked_until > $NOW::timestamptz THEN l.locked_until END AS "lockedUntil"`;

@Injectable()
export class UsersRepository {
  constructor(private readonly ds: DataSource) {}

  async list(
    scope: ResolvedScope,
    now: Date,
    f: { q?: string; orgUnitId?: string; status?: string; roleCode?: string; adminDutyOnly?: boolean; offset: number; limit: number },
  ): Promise<{ rows: UserRow[]; total: number }> {
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const where = [scopeSql(scope, { town: 'u.town_id' }, params)];
    if (f.q) {
      const like = p(`%${f.q.replace(/[%_\\]/g, '\\$&')}%`);
      where.push(`(u.username ILIKE ${like} OR u.display_name ILIKE ${like})`);
    }
    if (f.orgUnitId) where.push(`u.org_unit_id = ${p(f.orgUnitId)}`);
    if (f.status) where.push(`u.status = ${p(f.status)}`);
    if (f.roleCode) where.push(`EXISTS (SELECT 1 FROM user_role ur JOIN role r ON r.id = ur.role_id WHERE ur.user_id = u.id AND r.code = ${p(f.roleCode)})`);
    if (f.adminDutyOnly) {
      where.push(`EXISTS (SELECT 1 FROM user_role ur JOIN role r ON r.id = ur.role_id WHERE ur.user_id = u.id AND r.permissions && ${p(ADMIN_DUTY_CODES)}::text[])`);
    }
    const from = `FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id LEFT JOIN account_lock l ON l.username = u.username WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.ds.query<{ total: number }[]>(`SELECT count(*)::int AS total ${from}`, params);
    const columns = USER_COLUMNS.replace('$NOW', p(now));
    const rows = await this.ds.query<UserRow[]>(`SELECT ${columns} ${from} ORDER BY o.path, u.username OFFSET ${p(f.offset)} LIMIT ${p(f.limit)}`, params);
    return { rows, total };
  }

  async one(id: string, now: Date): Promise<UserRow | null> {
    const rows = await this.ds.query<UserRow[]>(
      `SELECT ${USER_COLUMNS.replace('$NOW', '$1')} FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id
         LEFT JOIN account_lock l ON l.username = u.username WHERE u.id = $2`,
      [now, id],
    );
    return rows[0] ?? null;
  }

  /** The permission codes of the roles, held against changes until the transaction ends. */
  async lockRolePermissions(em: EntityManager, roleIds: string[]): Promise<string[]> {
    if (roleIds.length === 0) return [];
    const rows: { permissions: string[] }[] = await em.query(`SELECT permissions FROM role WHERE id = ANY($1::uuid[]) FOR SHARE`, [roleIds]);
    return rows.flatMap((r) => r.permissions);
  }

  async assignments(userIds: string[]): Promise<AssignmentRow[]> {
    if (userIds.length === 0) return [];
    return this.ds.query(
      `SELECT ur.id, ur.user_id AS "userId", ur.role_id AS "roleId", r.code AS "roleCode", r.name AS "roleName", r.name_en AS "roleNameEn",
              ur.org_unit_id AS "orgUnitId", o.name AS "orgUnitName", ur.scope, ur.village_ids AS "villageIds", r.permissions
         FROM user_role ur JOIN role r ON r.id = ur.role_id JOIN org_unit o ON o.id = ur.org_unit_id
        WHERE ur.user_id = ANY($1::uuid[]) ORDER BY ur.created_at, ur.id`,
      [userIds],
    );
  }
}
