import { OrgUnitEntity } from '../org/org-unit.entity';

/** A list filter as the query string of the ledger's list endpoint (arrays comma-joined). */
export function toQueryString(filter: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) {
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a list filter's values are strings, numbers, booleans or arrays of them
    if (v !== undefined && v !== null) params.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  return params.toString();
}

/** `YYYY-01` … `YYYY-12`. */
export function monthsOf(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

export const NO_VILLAGE_NAME = '未指定村(社区)';

/**
 * The `byVillage` breakdown: one bucket per village met in any of the counts (null bucket
 * included), in the org tree's order, the null bucket last.
 */
export function villageBreakdown<K extends string>(
  units: Map<string, OrgUnitEntity>,
  counts: Record<K, Map<string | null, number>>,
): ({ villageId: string | null; name: string } & Record<K, number>)[] {
  const keys = Object.keys(counts) as K[];
  const ids = new Set<string | null>(keys.flatMap((k) => [...counts[k].keys()]));
  const order = (id: string | null) => (id === null ? Number.MAX_SAFE_INTEGER : (units.get(id)?.sortOrder ?? 0));
  return [...ids]
    .sort((a, b) => order(a) - order(b))
    .map((id) => ({ villageId: id, name: id ? (units.get(id)?.name ?? id) : NO_VILLAGE_NAME, ...(Object.fromEntries(keys.map((k) => [k, counts[k].get(id) ?? 0])) as Record<K, number>) }));
}

/** Counts each figure with its own list filter (the very filter the figure answers in `filters`). */
export async function countFigures<K extends string, F>(figures: Record<K, F>, count: (filter: F) => Promise<number>): Promise<Record<K, number>> {
  const entries = await Promise.all((Object.entries(figures) as [K, F][]).map(async ([k, f]) => [k, await count(f)] as const));
  return Object.fromEntries(entries) as Record<K, number>;
}

/** Each figure's filter as the query string of the ledger's list endpoint. */
export function figureQueries<K extends string>(figures: Record<K, object>): Record<K, string> {
  return Object.fromEntries((Object.entries(figures) as [K, object][]).map(([k, f]) => [k, toQueryString(f as Record<string, unknown>)])) as Record<K, string>;
}
