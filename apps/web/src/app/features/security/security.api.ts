import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { LockedAccountDto, LoginHistoryEntry, Page, SecurityPolicy, SecurityPolicyDto } from '@fazhi/contracts';
import { Observable } from 'rxjs';
import { errorDisplay } from '../../core/http/error-display';
import { toParams } from '../../core/http/params';
import { PageQuery } from '../../shared/paged-list';

export interface LoginHistoryFilters {
  username: string;
  success: boolean | null;
  from: string | null;
  to: string | null;
}

@Injectable({ providedIn: 'root' })
export class SecurityApi {
  private readonly http = inject(HttpClient);

  policy(): Observable<SecurityPolicyDto> {
    return this.http.get<SecurityPolicyDto>('/api/security/policy');
  }

  savePolicy(version: number, policy: SecurityPolicy): Observable<SecurityPolicyDto> {
    return this.http.put<SecurityPolicyDto>('/api/security/policy', { version, ...policy }, errorDisplay('inline'));
  }

  locks(): Observable<LockedAccountDto[]> {
    return this.http.get<LockedAccountDto[]>('/api/security/locks');
  }

  unlock(username: string): Observable<void> {
    return this.http.post<void>(`/api/security/locks/${encodeURIComponent(username)}/unlock`, {});
  }

  loginHistory(query: LoginHistoryFilters & PageQuery): Observable<Page<LoginHistoryEntry>> {
    return this.http.get<Page<LoginHistoryEntry>>('/api/login-history', { params: toParams(query) });
  }
}
