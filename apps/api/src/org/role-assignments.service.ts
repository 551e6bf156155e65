import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { resolveScope, ResolvedScope, ScopeAssignment } from '../access/data-scope';
import { PrincipalAssignment } from '../access/principal';
import { OrgTreeService } from './org-tree.service';

/**
 * A user's role assignments (`PrincipalAssignment`s, in the order they were made) as one JSON value,
 * for the user whose id `userId` (an SQL expression) names: a sub-select, so the session check reads
 * them in its own statement.
 */
export function assignmentsOfUser(userId: string): string {
  return `(SELECT coalesce(json_agg(json_build_object('id', ur.id, 'roleId', ur.role_id, 'roleCode', r.code, 'roleName', r.name, 'roleNameEn', r.name_en,
                 'orgUnitId', ur.org_unit_id, 'scope', ur.scope, 'villageIds', ur.village_ids, 'permissions', r.permissions) ORDER BY ur.created_at, ur.id), '[]'::json)
            FROM user_role ur JOIN role r ON r.id = ur.role_id WHERE ur.user_id = ${userId})`;
}

/** Loads who a user is for access decisions: role assignments, permissions and data scope. */
@Injectable()
export class RoleAssignmentsService {
  constructor(
    private readonly ds: DataSource,
    private readonly tree: OrgTreeService,
  ) {}

  async assignmentsOf(userId: string): Promise<PrincipalAssignment[]> {
    const [row]: { assignments: PrincipalAssignment[] }[] = await this.ds.query(`SELECT ${assignmentsOfUser('$1')} AS assignments`, [userId]);
    return row.assignments;
  }

  async resolve(userId: string, assignments: PrincipalAssignment[]): Promise<{ permissions: Set<string>; scope: ResolvedScope }> {
    const byId = await this.tree.byId();
    const units = await this.tree.units();
    const scoped: ScopeAssignment[] = [];
    for (const a of assignments) {
      const unit = byId.get(a.orgUnitId);
      if (unit) scoped.push({ scope: a.scope, unit, villageIds: a.villageIds });
    }
    const permissions = new Set<string>(assignments.flatMap((a) => a.permissions));
    return { permissions, scope: resolveScope(userId, scoped, units, byId) };
  }
}
