import { Injectable } from '@angular/core';
import { DISPUTE_PARTY_SEARCH_FIELDS, DisputeDetailDto, DisputeDto, DisputeInput, DisputePartyDto, DisputeStatistics, DisputeWarningListItem, Page, UserChoiceDto } from '@fazhi/contracts';
import { Observable } from 'rxjs';
import { errorDisplay } from '../../core/http/error-display';
import { toParams } from '../../core/http/params';
import { LedgerApi, Versioned } from '../../shared/ledger/ledger-api';
import { DisputeQuery } from './dispute-filters';

export interface DisputeTypes {
  item: DisputeDto;
  detail: DisputeDetailDto;
  input: DisputeInput;
  query: DisputeQuery;
  /** The parties' full personal data (audited). */
  unmasked: { parties: (Partial<DisputePartyDto> & { id: string })[] };
}

/** The dispute mediation ledger (`/api/disputes`): the kit's verbs and the dispute's parts. */
@Injectable({ providedIn: 'root' })
export class DisputesApi extends LedgerApi<DisputeTypes> {
  constructor() {
    super('/api/disputes', { personal: DISPUTE_PARTY_SEARCH_FIELDS, exportName: 'disputes.xlsx' });
  }

  /**
   * A write to one of the dispute's parts that answers the whole dispute: `parties`, `sessions`,
   * `follow-ups`, `risk`, `escalation`, `judicial-confirmation`, `deadline/extend`.
   */
  change(id: string, part: string, body: Versioned): Observable<DisputeDetailDto> {
    return this.http.post<DisputeDetailDto>(this.at(id, ...part.split('/')), body, errorDisplay('inline'));
  }

  updateParty(id: string, partyId: string, body: Versioned): Observable<DisputeDetailDto> {
    return this.http.patch<DisputeDetailDto>(this.at(id, 'parties', partyId), body, errorDisplay('inline'));
  }

  /** Removes a party or a session (`parties/:id`, `sessions/:id`). */
  remove(id: string, part: string, version: number): Observable<DisputeDetailDto> {
    return this.http.delete<DisputeDetailDto>(this.at(id, ...part.split('/')), { params: toParams({ version }) });
  }

  approvers(id: string): Observable<UserChoiceDto[]> {
    return this.http.get<UserChoiceDto[]>(this.at(id, 'deadline', 'approvers'));
  }

  /** Disputes under an active group-incident warning, newest first. */
  warnings(query: { page?: number; pageSize?: number } = {}): Observable<Page<DisputeWarningListItem>> {
    return this.http.get<Page<DisputeWarningListItem>>(`${this.base}/warnings`, { params: toParams(query) });
  }

  statistics(year: number, townId?: string | null): Observable<DisputeStatistics> {
    return this.http.get<DisputeStatistics>('/api/statistics/disputes', { params: toParams({ year, ...(townId ? { townId } : {}) }) });
  }
}
