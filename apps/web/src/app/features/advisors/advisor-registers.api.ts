import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { AdvisorDto, AdvisorInput, AdvisorServiceListDto, AdvisorVillageDto, AdvisorVillageInput, AdvisorVillageListQuery, Page, UserChoiceDto } from '@fazhi/contracts';
import { Observable, map } from 'rxjs';
import { errorDisplay } from '../../core/http/error-display';
import { toParams } from '../../core/http/params';
import { ListFilters } from '../../shared/ledger/ledger-filters';
import { PageQuery } from '../../shared/paged-list';
import { toApiQuery } from '../../shared/query-params';

/** A village's attributes as a register row: the village is its id. */
export type VillageRow = AdvisorVillageDto & { id: string };

/** A whole list as one page (the registers answer every row of the scope at once). */
export function wholePage<T>(items: T[]): Page<T> {
  return { items, total: items.length, page: 1, pageSize: Math.max(items.length, 1) };
}

/** The advisor register (`/api/advisors`) and the villages' rooms, service lists and levels (`/api/advisor-villages`). */
@Injectable({ providedIn: 'root' })
export class AdvisorRegistersApi {
  private readonly http = inject(HttpClient);

  advisors(query: { townId?: string | null; villageId?: string | null; year?: number | null }): Observable<Page<AdvisorDto>> {
    return this.http.get<AdvisorDto[]>('/api/advisors', { params: toParams(toApiQuery(query)) }).pipe(map(wholePage));
  }

  createAdvisor(body: AdvisorInput): Observable<AdvisorDto> {
    return this.http.post<AdvisorDto>('/api/advisors', body, errorDisplay('inline'));
  }

  updateAdvisor(id: string, body: Partial<AdvisorInput> & { version: number }): Observable<AdvisorDto> {
    return this.http.patch<AdvisorDto>(`/api/advisors/${encodeURIComponent(id)}`, body, errorDisplay('inline'));
  }

  /** The town's active accounts an advisor may be linked to. */
  accounts(townId: string | null): Observable<UserChoiceDto[]> {
    return this.http.get<UserChoiceDto[]>('/api/advisors/accounts', { params: toParams({ townId }) });
  }

  /** Every village of the scope matching the filters (the list pages nothing: its paging is left out). */
  villages(query: Partial<ListFilters<AdvisorVillageListQuery>> & Partial<PageQuery>): Observable<Page<VillageRow>> {
    const { page: _page, pageSize: _pageSize, ...filters } = query;
    return this.http.get<AdvisorVillageDto[]>('/api/advisor-villages', { params: toParams(toApiQuery(filters)) }).pipe(map((rows) => wholePage(rows.map((row) => ({ ...row, id: row.villageId })))));
  }

  /** Sets a village's attributes (version 0 while it has none yet). */
  setVillage(villageId: string, body: AdvisorVillageInput): Observable<VillageRow> {
    return this.http.put<AdvisorVillageDto>(`/api/advisor-villages/${encodeURIComponent(villageId)}`, body, errorDisplay('inline')).pipe(map((row) => ({ ...row, id: row.villageId })));
  }

  /** The village's published service lists, newest first. */
  serviceLists(villageId: string): Observable<AdvisorServiceListDto[]> {
    return this.http.get<AdvisorServiceListDto[]>(`/api/advisor-villages/${encodeURIComponent(villageId)}/service-lists`);
  }

  /** Where one version of the list downloads. */
  serviceListUrl(villageId: string, listId: string): string {
    return `/api/advisor-villages/${encodeURIComponent(villageId)}/service-lists/${encodeURIComponent(listId)}`;
  }

  /** Publishes a new version of the list with its document; `version` is the village row's as read. */
  publishServiceList(villageId: string, version: number, listVersion: string, publishedOn: string, file: File): Observable<VillageRow> {
    const body = new FormData();
    body.append('version', String(version));
    body.append('listVersion', listVersion);
    body.append('publishedOn', publishedOn);
    body.append('file', file, file.name);
    return this.http.post<AdvisorVillageDto>(`/api/advisor-villages/${encodeURIComponent(villageId)}/service-lists`, body, errorDisplay('inline')).pipe(map((row) => ({ ...row, id: row.villageId })));
  }
}
