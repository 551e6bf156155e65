import { OrgLevel, OrgTreeNode } from '@fazhi/contracts';
import { NzTreeNodeOptions } from 'ng-zorro-antd/core/tree';

/** Org tree nodes as ng-zorro tree options (key = id), expanded. */
export function toTreeOptions(nodes: readonly OrgTreeNode[], selectable: (node: OrgTreeNode) => boolean = () => true): NzTreeNodeOptions[] {
  return nodes.map((node) => ({
    key: node.id,
    title: node.name,
    expanded: true,
    isLeaf: node.children.length === 0,
    selectable: selectable(node),
    disabled: !selectable(node),
    children: toTreeOptions(node.children, selectable),
  }));
}

export function flattenOrg(nodes: readonly OrgTreeNode[]): OrgTreeNode[] {
  return nodes.flatMap((node) => [node, ...flattenOrg(node.children)]);
}

export function findOrg(nodes: readonly OrgTreeNode[], id: string | null | undefined): OrgTreeNode | null {
  if (!id) return null;
  return flattenOrg(nodes).find((node) => node.id === id) ?? null;
}

export function ofLevel(nodes: readonly OrgTreeNode[], level: OrgLevel): OrgTreeNode[] {
  return flattenOrg(nodes).filter((node) => node.level === level);
}

/** Villages under a unit (all villages in the tree when the unit is unknown). */
export function villagesUnder(nodes: readonly OrgTreeNode[], unitId: string | null | undefined): OrgTreeNode[] {
  const unit = findOrg(nodes, unitId);
  return ofLevel(unit ? [unit] : nodes, 'village');
}

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
