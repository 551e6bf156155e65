import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { DataScope, PermissionCode, PermissionDef, RoleDto } from '@fazhi/contracts';
import { Observable } from 'rxjs';
import { ErrorDisplay, errorDisplay } from '../http/error-display';

export interface RoleCreateInput {
  code: string;
  name: string;
  nameEn: string;
  defaultScope: DataScope;
  permissions: PermissionCode[];
}

export interface RoleUpdateInput {
  version: number;
  name?: string;
  nameEn?: string;
  defaultScope?: DataScope;
  permissions?: PermissionCode[];
}

@Injectable({ providedIn: 'root' })
export class RolesApi {
  private readonly http = inject(HttpClient);

  permissions(): Observable<PermissionDef[]> {
    return this.http.get<PermissionDef[]>('/api/permissions');
  }

  /** `display` lets pages that only offer roles as a filter stay quiet without role.read. */
  list(display: ErrorDisplay = 'toast'): Observable<RoleDto[]> {
    return this.http.get<RoleDto[]>('/api/roles', errorDisplay(display));
  }

  create(body: RoleCreateInput): Observable<RoleDto> {
    return this.http.post<RoleDto>('/api/roles', body, errorDisplay('inline'));
  }

  update(id: string, body: RoleUpdateInput): Observable<RoleDto> {
    return this.http.patch<RoleDto>(`/api/roles/${encodeURIComponent(id)}`, body, errorDisplay('inline'));
  }

  remove(id: string, version: number): Observable<void> {
    return this.http.delete<void>(`/api/roles/${encodeURIComponent(id)}`, {
      params: new HttpParams().set('version', version),
    });
  }
}
