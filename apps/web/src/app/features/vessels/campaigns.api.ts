import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { AttachmentDto, CampaignDto, Page, VesselCaseDto } from '@fazhi/contracts';
import { Observable } from 'rxjs';
import { errorDisplay } from '../../core/http/error-display';
import { toParams } from '../../core/http/params';
import { PageQuery } from '../../shared/paged-list';
import { CampaignQuery } from './vessel-filters';
import { toApiQuery } from '../../shared/query-params';

export type CampaignDetailDto = CampaignDto & { vessels: VesselCaseDto[]; attachments: AttachmentDto[] };

export interface CampaignInput {
  townId?: string;
  date: string;
  place: string;
  agencies?: string[];
  remark?: string | null;
}

/** Destruction campaigns (`/api/campaigns`). */
@Injectable({ providedIn: 'root' })
export class CampaignsApi {
  private readonly http = inject(HttpClient);
  readonly base = '/api/campaigns';

  list(query: Partial<CampaignQuery> & Partial<PageQuery>): Observable<Page<CampaignDto>> {
    return this.http.get<Page<CampaignDto>>(this.base, { params: toParams(toApiQuery(query)) });
  }

  get(id: string): Observable<CampaignDetailDto> {
    return this.http.get<CampaignDetailDto>(this.url(id));
  }

  create(body: CampaignInput): Observable<CampaignDto> {
    return this.http.post<CampaignDto>(this.base, body, errorDisplay('inline'));
  }

  addVessels(id: string, version: number, caseIds: string[]): Observable<CampaignDto> {
    return this.http.post<CampaignDto>(`${this.url(id)}/vessels`, { version, caseIds }, errorDisplay('inline'));
  }

  removeVessel(id: string, caseId: string, version: number): Observable<CampaignDto> {
    return this.http.delete<CampaignDto>(`${this.url(id)}/vessels/${encodeURIComponent(caseId)}`, {
      params: new HttpParams().set('version', version),
    });
  }

  close(id: string, version: number): Observable<CampaignDto> {
    return this.http.post<CampaignDto>(`${this.url(id)}/close`, { version }, errorDisplay('inline'));
  }

  voidCampaign(id: string, version: number, reason: string): Observable<CampaignDto> {
    return this.http.post<CampaignDto>(`${this.url(id)}/void`, { version, reason }, errorDisplay('inline'));
  }

  attachmentsUrl(id: string): string {
    return `${this.url(id)}/attachments`;
  }

  private url(id: string): string {
    return `${this.base}/${encodeURIComponent(id)}`;
  }
}
