import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  UserChoiceDto,
  DisputeDetailDto,
  DisputeDto,
  DisputeInput,
  DisputePartyDto,
  DisputeStatistics,
  DisputeWarningListItem,
  Page,
  TransitionRequest,
} from '@fazhi/contracts';
import { Observable } from 'rxjs';
import { errorDisplay } from '../../core/http/error-display';
import { toParams } from '../../core/http/params';
import { PageQuery } from '../../shared/paged-list';
import { exportHref, hasPersonalSearch, toApiQuery } from '../../shared/query-params';
import { postDownload } from '../../shared/post-download';
import { DisputeQuery, PARTY_SEARCH_FIELDS } from './dispute-filters';

/** The dispute mediation ledger (`/api/disputes`). */
@Injectable({ providedIn: 'root' })
export class DisputesApi {
  private readonly http = inject(HttpClient);
  readonly base = '/api/disputes';

  /** A page of the list; a search by a party goes in a POST body (`/search`), never in the URL. */
  list(query: Partial<DisputeQuery> & Partial<PageQuery>): Observable<Page<DisputeDto>> {
    if (hasPersonalSearch(query, PARTY_SEARCH_FIELDS)) return this.http.post<Page<DisputeDto>>(`${this.base}/search`, toApiQuery(query));
    return this.http.get<Page<DisputeDto>>(this.base, { params: toParams(toApiQuery(query)) });
  }

  /** The ledger as Excel with the list's filters (personal data masked), or null with a party search. */
  exportUrl(query: Partial<DisputeQuery>): string | null {
    return hasPersonalSearch(query, PARTY_SEARCH_FIELDS) ? null : exportHref(this.base, query);
  }

  /** The export with a party search, posted (the search never travels in a URL). */
  exportSearch(query: Partial<DisputeQuery>): Observable<void> {
    return postDownload(this.http, `${this.base}/export.xlsx`, toApiQuery(query), 'disputes.xlsx');
  }

  get(id: string): Observable<DisputeDetailDto> {
    return this.http.get<DisputeDetailDto>(`${this.base}/${encodeURIComponent(id)}`);
  }

  create(body: DisputeInput): Observable<DisputeDto> {
    return this.http.post<DisputeDto>(this.base, body, errorDisplay('inline'));
  }

  transition(id: string, body: TransitionRequest): Observable<DisputeDetailDto> {
    return this.http.post<DisputeDetailDto>(`${this.base}/${encodeURIComponent(id)}/transitions`, body, errorDisplay('inline'));
  }

  /** Changes the dispute's facts (PATCH; the agreement's texts only while `agreed`). */
  update(id: string, body: { version: number } & Record<string, unknown>): Observable<DisputeDto> {
    return this.http.patch<DisputeDto>(this.at(id), body, errorDisplay('inline'));
  }

  /**
   * A write to one of the dispute's parts that answers the whole dispute: `parties`, `sessions`,
   * `follow-ups`, `escalation`, `judicial-confirmation`, `deadline/extend`.
   */
  change(id: string, part: string, body: { version: number } & Record<string, unknown>): Observable<DisputeDetailDto> {
    return this.http.post<DisputeDetailDto>(`${this.at(id)}/${part}`, body, errorDisplay('inline'));
  }

  updateParty(id: string, partyId: string, body: { version: number } & Record<string, unknown>): Observable<DisputeDetailDto> {
    return this.http.patch<DisputeDetailDto>(`${this.at(id)}/parties/${encodeURIComponent(partyId)}`, body, errorDisplay('inline'));
  }

  /** Removes a party or a session (`parties/:id`, `sessions/:id`). */
  remove(id: string, part: string, version: number): Observable<DisputeDetailDto> {
    return this.http.delete<DisputeDetailDto>(`${this.at(id)}/${part}`, { params: toParams({ version }) });
  }

  approvers(id: string): Observable<UserChoiceDto[]> {
    return this.http.get<UserChoiceDto[]>(`${this.at(id)}/deadline/approvers`);
  }

  voidDispute(id: string, version: number, reason: string): Observable<DisputeDto> {
    return this.http.post<DisputeDto>(`${this.at(id)}/void`, { version, reason }, errorDisplay('inline'));
  }

  reopen(id: string, version: number, reason: string): Observable<DisputeDto> {
    return this.http.post<DisputeDto>(`${this.at(id)}/reopen`, { version, reason }, errorDisplay('inline'));
  }

  /** The parties' full personal data (audited). */
  unmask(id: string, reason: string): Observable<{ parties: (Partial<DisputePartyDto> & { id: string })[] }> {
    return this.http.post<{ parties: (Partial<DisputePartyDto> & { id: string })[] }>(
      `${this.at(id)}/unmask`,
      { fields: ['name', 'idNumber', 'phone', 'address'], reason },
      errorDisplay('inline'),
    );
  }

  private at(id: string): string {
    return `${this.base}/${encodeURIComponent(id)}`;
  }

  /** Disputes under an active group-incident warning, newest first. */
  warnings(query: { page?: number; pageSize?: number } = {}): Observable<Page<DisputeWarningListItem>> {
    return this.http.get<Page<DisputeWarningListItem>>(`${this.base}/warnings`, { params: toParams(query) });
  }

  statistics(year: number, townId?: string | null): Observable<DisputeStatistics> {
    return this.http.get<DisputeStatistics>('/api/statistics/disputes', { params: toParams({ year, ...(townId ? { townId } : {}) }) });
  }
}
