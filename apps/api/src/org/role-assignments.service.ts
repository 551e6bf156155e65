import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { resolveScope, ResolvedScope, ScopeAssignment } from '../access/data-scope';
import { PrincipalAssignment } from '../access/principal';
import { OrgTreeService } from './org-tree.service';

/** Loads who a user is for access decisions: role assignments, permissions and data scope. */
@Injectable()
export class RoleAssignmentsService {
  constructor(
    private readonly ds: DataSource,
    private readonly tree: OrgTreeService,
  ) {}

  async assignmentsOf(userId: string): Promise<PrincipalAssignment[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT ur.id, ur.role_id AS "roleId", r.code AS "roleCode", r.name AS "roleName", r.name_en AS "roleNameEn",
              ur.org_unit_id AS "orgUnitId", ur.scope, ur.village_ids AS "villageIds", r.permissions
         FROM user_role ur JOIN role r ON r.id = ur.role_id
        WHERE ur.user_id = $1 ORDER BY ur.created_at, ur.id`,
      [userId],
    );
    return rows as unknown as PrincipalAssignment[];
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
