import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  Page,
  PersuasionMeasure,
  TransitionRequest,
  VesselCaseDetailDto,
  VesselCaseDto,
  VesselCaseInput,
} from '@fazhi/contracts';
import { Observable } from 'rxjs';
import { errorDisplay } from '../../core/http/error-display';
import { toParams } from '../../core/http/params';
import { PageQuery } from '../../shared/paged-list';
import { OWNER_SEARCH_FIELDS, VesselQuery } from './vessel-filters';
import { exportHref, hasPersonalSearch, toApiQuery } from '../../shared/query-params';
import { postDownload } from '../../shared/post-download';

export type OwnerField = 'ownerName' | 'ownerIdNumber' | 'ownerPhone';

export interface PersuasionInput {
  version: number;
  date: string;
  staff: string;
  measure: PersuasionMeasure;
  result: string;
}

/** The three-no vessel cases (`/api/vessel-cases`). */
@Injectable({ providedIn: 'root' })
export class VesselsApi {
  private readonly http = inject(HttpClient);
  readonly base = '/api/vessel-cases';

  /** A page of the list; a search by the owner goes in a POST body (`/search`), never in the URL. */
  list(query: Partial<VesselQuery> & Partial<PageQuery>): Observable<Page<VesselCaseDto>> {
    if (hasPersonalSearch(query, OWNER_SEARCH_FIELDS)) return this.http.post<Page<VesselCaseDto>>(`${this.base}/search`, toApiQuery(query));
    return this.http.get<Page<VesselCaseDto>>(this.base, { params: toParams(toApiQuery(query)) });
  }

  /** The export link for the current filters (a plain download; the session cookie goes along), or null with an owner search. */
  exportUrl(query: VesselQuery): string | null {
    return hasPersonalSearch(query, OWNER_SEARCH_FIELDS) ? null : exportHref(this.base, query);
  }

  /** The export with an owner search, posted (the search never travels in a URL). */
  exportSearch(query: VesselQuery): Observable<void> {
    return postDownload(this.http, `${this.base}/export.xlsx`, toApiQuery(query), 'vessels.xlsx');
  }

  get(id: string): Observable<VesselCaseDetailDto> {
    return this.http.get<VesselCaseDetailDto>(this.url(id));
  }

  create(body: VesselCaseInput & { townId?: string }): Observable<VesselCaseDto> {
    return this.http.post<VesselCaseDto>(this.base, body, errorDisplay('inline'));
  }

  update(id: string, body: Partial<VesselCaseInput> & { version: number }): Observable<VesselCaseDto> {
    return this.http.patch<VesselCaseDto>(this.url(id), body, errorDisplay('inline'));
  }

  transition(id: string, body: TransitionRequest): Observable<VesselCaseDetailDto> {
    return this.http.post<VesselCaseDetailDto>(`${this.url(id)}/transitions`, body, errorDisplay('inline'));
  }

  addPersuasion(id: string, body: PersuasionInput): Observable<VesselCaseDetailDto> {
    return this.http.post<VesselCaseDetailDto>(`${this.url(id)}/persuasions`, body, errorDisplay('inline'));
  }

  voidCase(id: string, version: number, reason: string): Observable<VesselCaseDto> {
    return this.http.post<VesselCaseDto>(`${this.url(id)}/void`, { version, reason }, errorDisplay('inline'));
  }

  reopen(id: string, version: number, reason: string): Observable<VesselCaseDto> {
    return this.http.post<VesselCaseDto>(`${this.url(id)}/reopen`, { version, reason }, errorDisplay('inline'));
  }

  unmask(id: string, fields: OwnerField[], reason: string): Observable<Partial<Record<OwnerField, string | null>>> {
    return this.http.post<Partial<Record<OwnerField, string | null>>>(`${this.url(id)}/unmask`, { fields, reason }, errorDisplay('inline'));
  }

  private url(id: string): string {
    return `${this.base}/${encodeURIComponent(id)}`;
  }
}
