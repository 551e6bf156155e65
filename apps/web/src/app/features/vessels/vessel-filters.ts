import {
  DISPOSAL_LABELS,
  Disposal,
  VESSEL_CASE_SORTS,
  VESSEL_OWNER_SEARCH_FIELDS,
  VESSEL_STATUSES,
  VesselCaseListQuery,
  VesselCaseSort,
  VesselStatus,
} from '@fazhi/contracts';
import { TKey } from '../../core/i18n/dictionary';
import { isPlainDate } from '../../shared/plain-date';
import { MONTH, Source, YesNo, oneOf, reader, text, uuid, year } from '../../shared/query-params';

export type VesselSort = VesselCaseSort;
export const VESSEL_SORTS = VESSEL_CASE_SORTS;
export type OwnerSearchField = (typeof VESSEL_OWNER_SEARCH_FIELDS)[number];
/** The person search: sent in a POST body, never read from or written to a URL. */
export const OWNER_SEARCH_FIELDS: readonly OwnerSearchField[] = VESSEL_OWNER_SEARCH_FIELDS;

/** A list query as a list page holds it: every field set or null, lists empty when unset. */
type Filters<Q> = { [K in keyof Q]-?: NonNullable<Q[K]> extends readonly unknown[] ? NonNullable<Q[K]> : NonNullable<Q[K]> | null };

/**
 * Every filter the vessel list endpoint takes (the contracts' `VesselCaseListQuery`), as the list
 * page holds it. The same names are the page's query parameters, so a statistic's `filters[figure]`
 * opens the list as is; the owner search alone never goes into the URL.
 */
export type VesselQuery = Filters<VesselCaseListQuery & { sort?: VesselCaseSort; order?: 'asc' | 'desc' }>;

export type VesselFilterKey = Exclude<keyof VesselQuery, 'sort' | 'order'>;

export const EMPTY_VESSEL_QUERY: VesselQuery = {
  status: [],
  townId: null,
  villageId: null,
  from: null,
  to: null,
  campaignId: null,
  q: null,
  ownerName: null,
  ownerIdNumber: null,
  ownerPhone: null,
  registeredYear: null,
  registeredMonth: null,
  dismantledYear: null,
  dismantledMonth: null,
  disposal: null,
  handedOverYear: null,
  openAt: null,
  voided: null,
  sort: null,
  order: null,
};

/** The filters in the order their tags show, each with its label. */
export const VESSEL_FILTER_LABELS: Record<VesselFilterKey, TKey> = {
  status: 'vessels.status',
  townId: 'record.town',
  villageId: 'record.village',
  from: 'vessels.discoveredFrom',
  to: 'vessels.discoveredTo',
  campaignId: 'vessels.campaign',
  q: 'common.keyword',
  ownerName: 'vessels.ownerName',
  ownerIdNumber: 'vessels.ownerIdNumber',
  ownerPhone: 'vessels.ownerPhone',
  registeredYear: 'vessels.filterRegisteredYear',
  registeredMonth: 'vessels.filterRegisteredMonth',
  dismantledYear: 'vessels.filterDismantledYear',
  dismantledMonth: 'vessels.filterDismantledMonth',
  disposal: 'vessels.disposal',
  handedOverYear: 'vessels.filterHandedOverYear',
  openAt: 'vessels.filterOpenAt',
  voided: 'record.filterVoided',
};

/** Reads the list filters from query parameters; unknown or malformed values are left out, and so is a person search. */
export function vesselQueryFromParams(source: Source): VesselQuery {
  const get = reader(source);
  const status = (get('status') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s): s is VesselStatus => (VESSEL_STATUSES as readonly string[]).includes(s));
  return {
    status: [...new Set(status)],
    townId: uuid(get('townId')),
    villageId: uuid(get('villageId')),
    from: isPlainDate(get('from')) ? get('from') : null,
    to: isPlainDate(get('to')) ? get('to') : null,
    campaignId: uuid(get('campaignId')),
    q: text(get('q'), 100),
    ownerName: null,
    ownerIdNumber: null,
    ownerPhone: null,
    registeredYear: year(get('registeredYear')),
    registeredMonth: MONTH.test(get('registeredMonth') ?? '') ? get('registeredMonth') : null,
    dismantledYear: year(get('dismantledYear')),
    dismantledMonth: MONTH.test(get('dismantledMonth') ?? '') ? get('dismantledMonth') : null,
    disposal: oneOf(get('disposal'), Object.keys(DISPOSAL_LABELS) as Disposal[]),
    handedOverYear: year(get('handedOverYear')),
    openAt: isPlainDate(get('openAt')) ? get('openAt') : null,
    voided: oneOf<YesNo>(get('voided'), ['true', 'false']),
    sort: oneOf(get('sort'), VESSEL_SORTS),
    order: oneOf(get('order'), ['asc', 'desc'] as const),
  };
}

/** The filters that are set, in tag order. */
export function activeFilters(query: VesselQuery): VesselFilterKey[] {
  return (Object.keys(VESSEL_FILTER_LABELS) as VesselFilterKey[]).filter((key) => {
    const value = query[key];
    return Array.isArray(value) ? value.length > 0 : value !== null && value !== '';
  });
}

/** The query without one filter (a closed tag). */
export function withoutFilter(query: VesselQuery, key: VesselFilterKey): VesselQuery {
  return { ...query, [key]: EMPTY_VESSEL_QUERY[key] };
}

/* ---------- Campaign list ---------- */

export type CampaignStatusFilter = 'planned' | 'closed';

export interface CampaignQuery {
  year: number | null;
  status: CampaignStatusFilter | null;
  voided: YesNo | null;
  townId: string | null;
}

export type CampaignFilterKey = keyof CampaignQuery;

export const EMPTY_CAMPAIGN_QUERY: CampaignQuery = { year: null, status: null, voided: null, townId: null };

export const CAMPAIGN_FILTER_LABELS: Record<CampaignFilterKey, TKey> = {
  year: 'campaigns.year',
  status: 'campaigns.status',
  voided: 'record.filterVoided',
  townId: 'record.town',
};

export function campaignQueryFromParams(source: Source): CampaignQuery {
  const get = reader(source);
  return {
    year: year(get('year')),
    status: oneOf<CampaignStatusFilter>(get('status'), ['planned', 'closed']),
    voided: oneOf<YesNo>(get('voided'), ['true', 'false']),
    townId: uuid(get('townId')),
  };
}

export function activeCampaignFilters(query: CampaignQuery): CampaignFilterKey[] {
  return (Object.keys(CAMPAIGN_FILTER_LABELS) as CampaignFilterKey[]).filter((key) => query[key] !== null);
}
