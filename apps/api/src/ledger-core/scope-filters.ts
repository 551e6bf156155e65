import { inScope, ResolvedScope, ScopeUnit } from '../access/data-scope';
import { notFound } from '../common/app-exception';

/**
 * A filter naming a town or village outside the caller's scope answers 404, as one that does not
 * exist: figures and exports of another town are refused rather than answered empty. A town is in
 * reach when the scope holds one of its records' places: the town itself, one's own records there,
 * or one of its villages.
 */
export function assertFilterInScope(scope: ResolvedScope, units: ReadonlyMap<string, ScopeUnit>, filter: { townId?: string; villageId?: string }): void {
  const own = [scope.userId];
  if (filter.townId) {
    const townId = filter.townId;
    const reached = inScope(scope, { townId, ownerIds: own }) || scope.villageIds.some((v) => units.get(v)?.townId === townId);
    if (units.get(townId)?.level !== 'town' || !reached) throw notFound({ zh: '镇(街道)不存在或不在您的范围内', en: 'Town not found or outside your scope' });
  }
  if (filter.villageId) {
    const village = units.get(filter.villageId);
    const townId = village?.townId ?? null;
    if (village?.level !== 'village' || !townId || (filter.townId && townId !== filter.townId) || !inScope(scope, { townId, villageId: village.id, ownerIds: own })) {
      throw notFound({ zh: '村(社区)不存在或不在您的范围内', en: 'Village not found or outside your scope' });
    }
  }
}
