import { Injectable } from '@nestjs/common';
import { inScope } from '../access/data-scope';
import { Principal } from '../access/principal';
import { invalidFields } from '../common/app-exception';
import { OrgTreeService } from '../org/org-tree.service';

/** Where a new or moved ledger record lives: a town and optionally one of its villages, both in the caller's scope. */
@Injectable()
export class RecordPlaces {
  constructor(private readonly tree: OrgTreeService) {}

  /**
   * The town and village of a record, both within the caller's scope. With a village the town
   * follows from it; without one the caller's only town is taken when `townId` is not given.
   */
  async placeOf(principal: Principal, townId: string | undefined, villageId: string | null): Promise<{ townId: string; villageId: string | null }> {
    const units = await this.tree.byId();
    if (villageId) {
      const village = units.get(villageId);
      if (!village || village.level !== 'village' || (townId && village.townId !== townId) || !inScope(principal.scope, { townId: village.townId, villageId, ownerIds: [principal.user.id] })) {
        throw invalidFields([{ path: 'villageId', code: 'not_found', message: { zh: '村(社区)不存在或不在您的范围内', en: 'Village not found or outside your scope' } }]);
      }
      return { townId: village.townId!, villageId };
    }
    const candidates = [...principal.scope.townIds, ...principal.scope.ownTownIds];
    const chosen = townId ?? (candidates.length === 1 ? candidates[0] : undefined);
    if (!chosen) throw invalidFields([{ path: 'townId', code: 'required', message: { zh: '请选择镇(街道)', en: 'Choose the town' } }]);
    const town = units.get(chosen);
    if (!town || town.level !== 'town' || !inScope(principal.scope, { townId: chosen, ownerIds: [principal.user.id] })) {
      throw invalidFields([{ path: 'townId', code: 'not_found', message: { zh: '镇(街道)不存在或不在您的范围内', en: 'Town not found or outside your scope' } }]);
    }
    return { townId: chosen, villageId: null };
  }

  /**
   * The town of an import: one of the caller's towns, or a town where the caller holds villages
   * (each row then names one of them). Without `townId` the caller's only such town is taken.
   */
  async importTown(principal: Principal, townId: string | undefined): Promise<string> {
    const units = await this.tree.byId();
    const villageTowns = principal.scope.villageIds.map((id) => units.get(id)?.townId).filter((id): id is string => !!id);
    const candidates = [...new Set([...principal.scope.townIds, ...principal.scope.ownTownIds, ...villageTowns])];
    const chosen = townId ?? (candidates.length === 1 ? candidates[0] : undefined);
    if (!chosen) throw invalidFields([{ path: 'townId', code: 'required', message: { zh: '请选择镇(街道)', en: 'Choose the town' } }]);
    if (units.get(chosen)?.level !== 'town' || !candidates.includes(chosen)) {
      throw invalidFields([{ path: 'townId', code: 'not_found', message: { zh: '镇(街道)不存在或不在您的范围内', en: 'Town not found or outside your scope' } }]);
    }
    return chosen;
  }

  /** Village ids of a town by name (imports name villages as the 台账 does). */
  async villagesByName(townId: string): Promise<Map<string, string>> {
    return new Map([...(await this.tree.byId()).values()].filter((u) => u.level === 'village' && u.townId === townId).map((u) => [u.name, u.id]));
  }
}
