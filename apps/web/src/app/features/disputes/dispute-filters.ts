import {
  DISPUTE_CATEGORIES,
  DISPUTE_RISK_LABELS,
  DISPUTE_SOURCE_LABELS,
  DISPUTE_STATUSES,
  DisputeCategory,
  DisputeRiskLevel,
  DisputeSource,
  DisputeStatus,
} from '@fazhi/contracts';
import { TKey } from '../../core/i18n/dictionary';
import { isPlainDate } from '../../shared/plain-date';
import { MONTH, Source, YesNo, oneOf, reader, text, uuid, year } from '../../shared/query-params';


export type DisputeSort = 'number' | 'registeredAt' | 'occurredOn' | 'agreedOn' | 'status';
export const DISPUTE_SORTS: readonly DisputeSort[] = ['number', 'registeredAt', 'occurredOn', 'agreedOn', 'status'];
export type PartySearchField = 'partyName' | 'partyIdNumber' | 'partyPhone';
/** The person search: sent in a POST body, never read from or written to a URL. */
export const PARTY_SEARCH_FIELDS: readonly PartySearchField[] = ['partyName', 'partyIdNumber', 'partyPhone'];
export type DeadlineFilter = 'due' | 'overdue';

/**
 * Every filter of GET /api/disputes (docs/api.md), as the list page holds it. The same names are
 * the page's query parameters, so a statistic's `filters[figure]` opens the list as is.
 */
export interface DisputeQuery {
  status: DisputeStatus[];
  reached: DisputeStatus[];
  townId: string | null;
  villageId: string | null;
  noVillage: 'true' | null;
  category: DisputeCategory | null;
  source: DisputeSource | null;
  riskLevel: DisputeRiskLevel | null;
  mediatorId: string | null;
  from: string | null;
  to: string | null;
  q: string | null;
  partyName: string | null;
  partyIdNumber: string | null;
  partyPhone: string | null;
  registeredYear: number | null;
  registeredMonth: string | null;
  acceptedYear: number | null;
  agreedYear: number | null;
  agreedMonth: string | null;
  terminatedYear: number | null;
  concludedYear: number | null;
  warningYear: number | null;
  escalatedYear: number | null;
  escalated: YesNo | null;
  deadline: DeadlineFilter | null;
  voided: YesNo | null;
  sort: DisputeSort | null;
  order: 'asc' | 'desc' | null;
}

export type DisputeFilterKey = Exclude<keyof DisputeQuery, 'sort' | 'order'>;

export const EMPTY_DISPUTE_QUERY: DisputeQuery = {
  status: [],
  reached: [],
  townId: null,
  villageId: null,
  noVillage: null,
  category: null,
  source: null,
  riskLevel: null,
  mediatorId: null,
  from: null,
  to: null,
  q: null,
  partyName: null,
  partyIdNumber: null,
  partyPhone: null,
  registeredYear: null,
  registeredMonth: null,
  acceptedYear: null,
  agreedYear: null,
  agreedMonth: null,
  terminatedYear: null,
  concludedYear: null,
  warningYear: null,
  escalatedYear: null,
  escalated: null,
  deadline: null,
  voided: null,
  sort: null,
  order: null,
};

/** The filters in the order their tags show, each with its label. */
export const DISPUTE_FILTER_LABELS: Record<DisputeFilterKey, TKey> = {
  status: 'disputes.status',
  reached: 'disputes.filterReached',
  townId: 'record.town',
  villageId: 'record.village',
  noVillage: 'disputes.filterNoVillage',
  category: 'disputes.category',
  source: 'disputes.source',
  riskLevel: 'disputes.riskLevel',
  mediatorId: 'disputes.mediator',
  from: 'disputes.occurredFrom',
  to: 'disputes.occurredTo',
  q: 'common.keyword',
  partyName: 'disputes.partyName',
  partyIdNumber: 'disputes.partyIdNumber',
  partyPhone: 'disputes.partyPhone',
  registeredYear: 'disputes.filterRegisteredYear',
  registeredMonth: 'disputes.filterRegisteredMonth',
  acceptedYear: 'disputes.filterAcceptedYear',
  agreedYear: 'disputes.filterAgreedYear',
  agreedMonth: 'disputes.filterAgreedMonth',
  terminatedYear: 'disputes.filterTerminatedYear',
  concludedYear: 'disputes.filterConcludedYear',
  warningYear: 'disputes.filterWarningYear',
  escalatedYear: 'disputes.filterEscalatedYear',
  escalated: 'disputes.filterEscalated',
  deadline: 'disputes.filterDeadline',
  voided: 'record.filterVoided',
};

function statuses(value: string | null): DisputeStatus[] {
  const list = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s): s is DisputeStatus => (DISPUTE_STATUSES as readonly string[]).includes(s));
  return [...new Set(list)];
}

function month(value: string | null): string | null {
  return value && MONTH.test(value) ? value : null;
}

/** Reads the list filters from query parameters; unknown or malformed values are left out, and so is a party search. */
export function disputeQueryFromParams(source: Source): DisputeQuery {
  const get = reader(source);
  return {
    status: statuses(get('status')),
    reached: statuses(get('reached')),
    townId: uuid(get('townId')),
    villageId: uuid(get('villageId')),
    noVillage: oneOf(get('noVillage'), ['true'] as const),
    category: oneOf(get('category'), DISPUTE_CATEGORIES),
    source: oneOf(get('source'), Object.keys(DISPUTE_SOURCE_LABELS) as DisputeSource[]),
    riskLevel: oneOf(get('riskLevel'), Object.keys(DISPUTE_RISK_LABELS) as DisputeRiskLevel[]),
    mediatorId: uuid(get('mediatorId')),
    from: isPlainDate(get('from')) ? get('from') : null,
    to: isPlainDate(get('to')) ? get('to') : null,
    q: text(get('q'), 100),
    partyName: null,
    partyIdNumber: null,
    partyPhone: null,
    registeredYear: year(get('registeredYear')),
    registeredMonth: month(get('registeredMonth')),
    acceptedYear: year(get('acceptedYear')),
    agreedYear: year(get('agreedYear')),
    agreedMonth: month(get('agreedMonth')),
    terminatedYear: year(get('terminatedYear')),
    concludedYear: year(get('concludedYear')),
    warningYear: year(get('warningYear')),
    escalatedYear: year(get('escalatedYear')),
    escalated: oneOf<YesNo>(get('escalated'), ['true', 'false']),
    deadline: oneOf<DeadlineFilter>(get('deadline'), ['due', 'overdue']),
    voided: oneOf<YesNo>(get('voided'), ['true', 'false']),
    sort: oneOf(get('sort'), DISPUTE_SORTS),
    order: oneOf(get('order'), ['asc', 'desc'] as const),
  };
}

/** The filters that are set, in tag order. */
export function activeDisputeFilters(query: DisputeQuery): DisputeFilterKey[] {
  return (Object.keys(DISPUTE_FILTER_LABELS) as DisputeFilterKey[]).filter((key) => {
    const value = query[key];
    return Array.isArray(value) ? value.length > 0 : value !== null && value !== '';
  });
}

/** The query without one filter (a closed tag). */
export function withoutDisputeFilter(query: DisputeQuery, key: DisputeFilterKey): DisputeQuery {
  return { ...query, [key]: EMPTY_DISPUTE_QUERY[key] };
}
