import type { DataScope, OrgLevel } from '@fazhi/contracts';

export interface ScopeUnit {
  id: string;
  parentId: string | null;
  level: OrgLevel;
  townId: string | null;
  path: string;
  name: string;
}

export interface ScopeAssignment {
  scope: DataScope;
  unit: ScopeUnit;
  villageIds: string[];
}

/**
 * What a user may see, as sets of ids. A record with (townId, villageId, owner) is visible when
 * its town is a whole town of the scope, its village is one of the scope's villages, or its
 * town is an own-records town and the user owns it. County-level records (no town) are visible
 * to scopes anchored at or above a county.
 */
export interface ResolvedScope {
  userId: string;
  townIds: string[];
  villageIds: string[];
  ownTownIds: string[];
  /** County (and higher) unit ids the scope covers entirely. */
  upperUnitIds: string[];
}

/**
 * Resolves assignments against the org tree (pure, so it is unit-tested). `unitsById` is the same
 * tree by id; the server passes the one its org-tree cache keeps.
 */
export function resolveScope(
  userId: string,
  assignments: ScopeAssignment[],
  units: readonly ScopeUnit[],
  unitsById: ReadonlyMap<string, ScopeUnit> = new Map(units.map((u) => [u.id, u])),
): ResolvedScope {
  const towns = new Set<string>();
  const villages = new Set<string>();
  const ownTowns = new Set<string>();
  const upper = new Set<string>();
  for (const a of assignments) {
    const unit = a.unit;
    switch (a.scope) {
      case 'all':
        for (const u of units) {
          if (!u.path.startsWith(unit.path)) continue;
          if (u.level === 'town') towns.add(u.id);
          else if (u.level === 'county') upper.add(u.id);
        }
        if (unit.level === 'village') villages.add(unit.id);
        break;
      case 'town':
        if (unit.townId) towns.add(unit.townId);
        else for (const u of units) if (u.path.startsWith(unit.path) && u.level === 'town') towns.add(u.id);
        break;
      case 'villages':
        for (const id of a.villageIds) {
          const v = unitsById.get(id);
          if (v && v.level === 'village' && v.path.startsWith(unit.townId ? (unitsById.get(unit.townId)?.path ?? unit.path) : unit.path)) villages.add(id);
        }
        break;
      case 'own':
        if (unit.townId) ownTowns.add(unit.townId);
        break;
    }
  }
  for (const v of [...villages]) {
    const town = unitsById.get(v)?.townId;
    if (town && towns.has(town)) villages.delete(v);
  }
  return { userId, townIds: [...towns].sort(), villageIds: [...villages].sort(), ownTownIds: [...ownTowns].filter((t) => !towns.has(t)).sort(), upperUnitIds: [...upper].sort() };
}

/** Whether a record at (townId, villageId) owned by `ownerIds` is in scope. */
export function inScope(scope: ResolvedScope, rec: { townId: string | null; villageId?: string | null; ownerIds?: (string | null)[] }): boolean {
  if (rec.townId === null) return scope.upperUnitIds.length > 0;
  if (scope.townIds.includes(rec.townId)) return true;
  if (rec.villageId && scope.villageIds.includes(rec.villageId)) return true;
  if (scope.ownTownIds.includes(rec.townId) && rec.ownerIds?.includes(scope.userId)) return true;
  return false;
}

/** Whether the scope covers a unit entirely (everything below it included). */
export function coversUnit(scope: ResolvedScope, unit: ScopeUnit): boolean {
  if (unit.level === 'county') return scope.upperUnitIds.includes(unit.id);
  return unit.townId !== null && scope.townIds.includes(unit.townId);
}

/**
 * A SQL condition restricting rows to the scope. `cols` name the row's town, village and owner
 * columns; parameters are appended to `params`.
 */
export function scopeSql(scope: ResolvedScope, cols: { town: string; village?: string; owners?: string[]; ownerArrays?: string[] }, params: unknown[]): string {
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const parts: string[] = [];
  if (scope.upperUnitIds.length > 0) parts.push(`${cols.town} IS NULL`);
  if (scope.townIds.length > 0) parts.push(`${cols.town} = ANY(${p(scope.townIds)}::uuid[])`);
  if (cols.village && scope.villageIds.length > 0) parts.push(`${cols.village} = ANY(${p(scope.villageIds)}::uuid[])`);
  const ownerTests = [...(cols.owners?.length ? [(u: string) => `${u}::uuid IN (${cols.owners!.join(', ')})`] : []), ...(cols.ownerArrays ?? []).map((a) => (u: string) => `${u}::uuid = ANY(${a})`)];
  if (ownerTests.length && scope.ownTownIds.length > 0) {
    const user = p(scope.userId);
    parts.push(`(${cols.town} = ANY(${p(scope.ownTownIds)}::uuid[]) AND (${ownerTests.map((t) => t(user)).join(' OR ')}))`);
  }
  return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
}
