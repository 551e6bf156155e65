import { CampaignStatus, DISPOSAL_LABELS, Disposal, ListSort, VESSEL_CASE_SORTS, VESSEL_OWNER_SEARCH_FIELDS, VESSEL_STATUSES, VesselCaseListQuery, VesselCaseSort } from '@fazhi/contracts';
import { LedgerFilters, ListFilters, read } from '../../shared/ledger/ledger-filters';
import { SortedQuery } from '../../shared/paged-list';

export type OwnerSearchField = (typeof VESSEL_OWNER_SEARCH_FIELDS)[number];
/** The person search: sent in a POST body, never read from or written to a URL. */
export const OWNER_SEARCH_FIELDS: readonly OwnerSearchField[] = VESSEL_OWNER_SEARCH_FIELDS;

/** Every filter of the vessel list (the contracts' `VesselCaseListQuery`) and its sort, as the list page holds them. */
export type VesselQuery = ListFilters<VesselCaseListQuery & ListSort<VesselCaseSort>>;

/** The vessel list's filters: read from the page's query parameters, and their tags in this order. */
export const VESSEL_FILTERS = new LedgerFilters<VesselQuery>(
  {
    status: read.list(VESSEL_STATUSES),
    townId: read.uuid,
    villageId: read.uuid,
    from: read.date,
    to: read.date,
    campaignId: read.uuid,
    q: read.text(100),
    ownerName: read.never,
    ownerIdNumber: read.never,
    ownerPhone: read.never,
    registeredYear: read.year,
    registeredMonth: read.month,
    dismantledYear: read.year,
    dismantledMonth: read.month,
    disposal: read.oneOf(Object.keys(DISPOSAL_LABELS) as Disposal[]),
    handedOverYear: read.year,
    openAt: read.date,
    voided: read.yesNo,
    sort: read.oneOf(VESSEL_CASE_SORTS),
    order: read.order,
  },
  {
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
  },
  OWNER_SEARCH_FIELDS,
);

/** The campaign list's filters (the campaigns figure opens it with them); it has no sort. */
export type CampaignQuery = ListFilters<{ year?: number; status?: CampaignStatus; voided?: 'true' | 'false'; townId?: string }> & SortedQuery<never>;

export const CAMPAIGN_FILTERS = new LedgerFilters<CampaignQuery>(
  { year: read.year, status: read.oneOf<CampaignStatus>(['planned', 'closed']), voided: read.yesNo, townId: read.uuid, sort: read.never, order: read.never },
  { year: 'campaigns.year', status: 'campaigns.status', voided: 'record.filterVoided', townId: 'record.town' },
);
