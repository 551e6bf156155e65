import { OrgTreeNode } from '@fazhi/contracts';
import { flattenOrg, ofLevel } from '../../shared/org-tree';

/** Names of the org units in the caller's tree, and its towns and villages for pickers. */
export class OrgNames {
  private readonly byId: Map<string, OrgTreeNode>;
  readonly towns: OrgTreeNode[];
  readonly villages: OrgTreeNode[];

  constructor(tree: readonly OrgTreeNode[]) {
    this.byId = new Map(flattenOrg(tree).map((node) => [node.id, node]));
    this.towns = ofLevel(tree, 'town');
    this.villages = ofLevel(tree, 'village');
  }

  /** A unit's name, or the id itself when the unit is not in the tree (yet). */
  name(id: string | null | undefined): string {
    if (!id) return '';
    return this.byId.get(id)?.name ?? id;
  }

  /** "town · village" when the tree holds several towns, else the village name. */
  villageLabel(village: OrgTreeNode): string {
    return this.towns.length > 1 && village.townId ? `${this.name(village.townId)} · ${village.name}` : village.name;
  }
}
