import { ParamMap, Params } from '@angular/router';
import { toParams } from '../core/http/params';

/** Reading list filters from a page's query parameters, and writing them back for the API. */

export type YesNo = 'true' | 'false';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export type Source = ParamMap | Params | URLSearchParams;

export function reader(source: Source): (key: string) => string | null {
  if (source instanceof URLSearchParams) return (key) => source.get(key);
  if (typeof (source as ParamMap).get === 'function' && typeof (source as ParamMap).has === 'function') {
    return (key) => (source as ParamMap).get(key);
  }
  return (key) => {
    const value: unknown = (source as Params)[key];
    return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
  };
}

export function text(value: string | null, max: number): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed.slice(0, max);
}

export function uuid(value: string | null): string | null {
  return value && UUID.test(value) ? value : null;
}

export function year(value: string | null): number | null {
  if (!value || !/^\d{4}$/.test(value)) return null;
  const n = Number(value);
  return n >= 2000 && n <= 2100 ? n : null;
}

export function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/** A list query as the API (and the page's URL) takes it: only the filters that are set, lists comma-joined. */
export function toApiQuery(query: object): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(query) as [string, unknown][]) {
    if (value === null || value === undefined || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) out[key] = value.join(',');
    } else if (typeof value === 'string' || typeof value === 'number') {
      out[key] = value;
    }
  }
  return out;
}

/** Whether a list query holds a person search (sent in a POST body, never in a URL). */
export function hasPersonalSearch<Q extends object>(query: Q, fields: readonly (keyof Q)[]): boolean {
  return fields.some((f) => query[f] !== null && query[f] !== undefined && query[f] !== '');
}

/** The Excel export of a ledger (`base/export.xlsx`) with a list's filters (none of them a person search). */
export function exportHref(base: string, query: object): string {
  const params = toParams(toApiQuery(query)).toString();
  return `${base}/export.xlsx${params ? `?${params}` : ''}`;
}
