import { ADVISOR_CLIENT_SEARCH_FIELDS, ADVISOR_SERVICE_SORTS, ADVISOR_SERVICE_TYPES, AdvisorServiceListQuery, AdvisorServiceSort, ListSort } from '@fazhi/contracts';
import { LedgerFilters, ListFilters, read } from '../../shared/ledger/ledger-filters';

export type ClientSearchField = (typeof ADVISOR_CLIENT_SEARCH_FIELDS)[number];
/** The client search: sent in a POST body, never read from or written to a URL. */
export const CLIENT_SEARCH_FIELDS: readonly ClientSearchField[] = ADVISOR_CLIENT_SEARCH_FIELDS;

/** Every filter of the service log (the contracts' `AdvisorServiceListQuery`) and its sort. */
export type AdvisorServiceQuery = ListFilters<AdvisorServiceListQuery & ListSort<AdvisorServiceSort>>;

/** The service log's filters: read from the page's query parameters (a month cell and a figure open it so), tags in this order. */
export const ADVISOR_SERVICE_FILTERS = new LedgerFilters<AdvisorServiceQuery>(
  {
    townId: read.uuid,
    villageId: read.uuid,
    advisorId: read.uuid,
    type: read.list(ADVISOR_SERVICE_TYPES),
    from: read.date,
    to: read.date,
    year: read.year,
    month: read.month,
    handedOver: read.yesNo,
    legalAidReferral: read.oneOf(['true'] as const),
    q: read.text(100),
    clientName: read.never,
    clientPhone: read.never,
    voided: read.yesNo,
    sort: read.oneOf(ADVISOR_SERVICE_SORTS),
    order: read.order,
  },
  {
    townId: 'record.town',
    villageId: 'record.village',
    advisorId: 'advisors.advisor',
    type: 'advisors.type',
    from: 'advisors.filterFrom',
    to: 'advisors.filterTo',
    year: 'advisors.filterYear',
    month: 'advisors.filterMonth',
    handedOver: 'advisors.filterHandedOver',
    legalAidReferral: 'advisors.filterLegalAidReferral',
    q: 'common.keyword',
    clientName: 'advisors.clientName',
    clientPhone: 'advisors.clientPhone',
    voided: 'record.filterVoided',
  },
  CLIENT_SEARCH_FIELDS,
);
