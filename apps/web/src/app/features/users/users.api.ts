import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Page, RoleAssignmentInput, UserDto, UserStatus } from '@fazhi/contracts';
import { Observable } from 'rxjs';
import { errorDisplay } from '../../core/http/error-display';
import { toParams } from '../../core/http/params';
import { PageQuery } from '../../shared/paged-list';

export interface UserFilters {
  q: string;
  orgUnitId: string | null;
  status: UserStatus | null;
  roleCode: string | null;
}

export interface UserCreateInput {
  username: string;
  displayName: string;
  phone?: string;
  orgUnitId: string;
  password: string;
  roles: RoleAssignmentInput[];
}

export interface UserUpdateInput {
  version: number;
  displayName?: string;
  phone?: string;
  orgUnitId?: string;
}

@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);
  private readonly base = '/api/users';

  list(query: UserFilters & PageQuery): Observable<Page<UserDto>> {
    return this.http.get<Page<UserDto>>(this.base, { params: toParams(query) });
  }

  get(id: string): Observable<UserDto> {
    return this.http.get<UserDto>(this.url(id));
  }

  create(body: UserCreateInput): Observable<UserDto> {
    return this.http.post<UserDto>(this.base, body, errorDisplay('inline'));
  }

  update(id: string, body: UserUpdateInput): Observable<UserDto> {
    return this.http.patch<UserDto>(this.url(id), body, errorDisplay('inline'));
  }

  setRoles(id: string, version: number, roles: RoleAssignmentInput[]): Observable<UserDto> {
    return this.http.put<UserDto>(`${this.url(id)}/roles`, { version, roles }, errorDisplay('inline'));
  }

  disable(id: string, version: number, reason?: string): Observable<UserDto> {
    return this.http.post<UserDto>(`${this.url(id)}/disable`, reason ? { version, reason } : { version }, errorDisplay('inline'));
  }

  enable(id: string, version: number): Observable<UserDto> {
    return this.http.post<UserDto>(`${this.url(id)}/enable`, { version });
  }

  resetPassword(id: string, version: number, newPassword: string): Observable<UserDto> {
    return this.http.post<UserDto>(`${this.url(id)}/reset-password`, { version, newPassword }, errorDisplay('inline'));
  }

  private url(id: string): string {
    return `${this.base}/${encodeURIComponent(id)}`;
  }
}
