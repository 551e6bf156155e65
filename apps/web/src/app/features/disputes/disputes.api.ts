import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { DisputeDetailDto, DisputeDto, DisputeInput, DisputeStatistics, DisputeWarningListItem, Page, PeaceOfficerDto, TransitionRequest } from '@fazhi/contracts';
import { Observable } from 'rxjs';
import { errorDisplay } from '../../core/http/error-display';
import { toParams } from '../../core/http/params';
import { PageQuery } from '../../shared/paged-list';
import { DisputeQuery, toApiQuery } from './dispute-filters';

/** The dispute mediation ledger (`/api/disputes`). */
@Injectable({ providedIn: 'root' })
export class DisputesApi {
  private readonly http = inject(HttpClient);
  readonly base = '/api/disputes';

  list(query: Partial<DisputeQuery> & Partial<PageQuery>): Observable<Page<DisputeDto>> {
    return this.http.get<Page<DisputeDto>>(this.base, { params: toParams(toApiQuery(query)) });
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

  /** Disputes under an active group-incident warning, newest first. */
  warnings(query: { page?: number; pageSize?: number } = {}): Observable<Page<DisputeWarningListItem>> {
    return this.http.get<Page<DisputeWarningListItem>>(`${this.base}/warnings`, { params: toParams(query) });
  }

  /** The town's peace officers (mediators to choose from). */
  peaceOfficers(townId: string): Observable<Page<PeaceOfficerDto>> {
    return this.http.get<Page<PeaceOfficerDto>>('/api/peace-officers', { params: toParams({ townId, pageSize: 100, sort: 'village' }) });
  }

  /** Raises or lowers the risk level (POST /:id/risk). */
  risk(id: string, body: { version: number; level: string; reason: string; policeInformedOn?: string | null; policeUnit?: string; measures?: string }): Observable<DisputeDetailDto> {
    return this.http.post<DisputeDetailDto>(`${this.base}/${encodeURIComponent(id)}/risk`, body, errorDisplay('inline'));
  }

  statistics(year: number, townId?: string | null): Observable<DisputeStatistics> {
    return this.http.get<DisputeStatistics>('/api/statistics/disputes', { params: toParams({ year, ...(townId ? { townId } : {}) }) });
  }
}
