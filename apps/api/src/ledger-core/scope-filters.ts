import { ResolvedScope, ScopeUnit } from '../access/data-scope';
import { notFound } from '../common/app-exception';

/** Whether the scope reaches anything in the town: the whole town, one of its villages, or one's own records there. */
function reachesTown(scope: ResolvedScope, units: ReadonlyMap<string, ScopeUnit>, townId: string): boolean {
  if (scope.townIds.includes(townId) || scope.ownTownIds.includes(townId)) return true;
  return scope.villageIds.some((v) => units.get(v)?.townId === townId);
}

/**
 * A filter naming a town or village outside the caller's scope answers 404, as one that does not
 * exist: figures and exports of another town are refused rather than answered empty.
 */
export function assertFilterInScope(scope: ResolvedScope, units: ReadonlyMap<string, ScopeUnit>, filter: { townId?: string; villageId?: string }): void {
  const town = filter.townId ? units.get(filter.townId) : undefined;
  if (filter.townId && (town?.level !== 'town' || !reachesTown(scope, units, filter.townId))) {
    throw notFound({ zh: '镇(街道)不存在或不在您的范围内', en: 'Town not found or outside your scope' });
  }
  const village = filter.villageId ? units.get(filter.villageId) : undefined;
  if (
    filter.villageId &&
    (village?.level !== 'village' ||
      !village.townId ||
      (filter.townId && village.townId !== filter.townId) ||
      !(scope.townIds.includes(village.townId) || scope.villageIds.includes(village.id) || scope.ownTownIds.includes(village.townId)))
  ) {
    throw notFound({ zh: '村(社区)不存在或不在您的范围内', en: 'Village not found or outside your scope' });
  }
}
