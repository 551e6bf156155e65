import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { OrgTreeNode, OrgUnitDto } from '@fazhi/contracts';
import { Observable } from 'rxjs';
import { errorDisplay } from '../http/error-display';

export interface OrgUnitCreateInput {
  parentId: string;
  code: string;
  name: string;
  timeZone?: string;
  numberPrefix?: string;
  sortOrder?: number;
}

export interface OrgUnitUpdateInput {
  version: number;
  code?: string;
  name?: string;
  timeZone?: string;
  numberPrefix?: string;
  sortOrder?: number;
}

@Injectable({ providedIn: 'root' })
export class OrgApi {
  private readonly http = inject(HttpClient);

  tree(): Observable<OrgTreeNode[]> {
    return this.http.get<OrgTreeNode[]>('/api/org-units/tree');
  }

  get(id: string): Observable<OrgUnitDto> {
    return this.http.get<OrgUnitDto>(`/api/org-units/${encodeURIComponent(id)}`);
  }

  create(body: OrgUnitCreateInput): Observable<OrgUnitDto> {
    return this.http.post<OrgUnitDto>('/api/org-units', body, errorDisplay('inline'));
  }

  update(id: string, body: OrgUnitUpdateInput): Observable<OrgUnitDto> {
    return this.http.patch<OrgUnitDto>(`/api/org-units/${encodeURIComponent(id)}`, body, errorDisplay('inline'));
  }

  remove(id: string, version: number): Observable<void> {
    return this.http.delete<void>(`/api/org-units/${encodeURIComponent(id)}`, {
      params: new HttpParams().set('version', version),
    });
  }
}
