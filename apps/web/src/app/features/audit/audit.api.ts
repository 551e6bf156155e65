import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { AuditEntryDto, AuditOutcome, Page } from '@fazhi/contracts';
import { Observable } from 'rxjs';
import { toParams } from '../../core/http/params';
import { PageQuery } from '../../shared/paged-list';

export interface AuditFilters {
  from: string | null;
  to: string | null;
  username: string;
  action: string;
  entity: string;
  entityId: string;
  outcome: AuditOutcome | null;
}

export const AUDIT_OUTCOMES: readonly AuditOutcome[] = ['success', 'denied', 'conflict', 'invalid', 'not_found', 'failure'];

@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);

  list(query: AuditFilters & PageQuery): Observable<Page<AuditEntryDto>> {
    return this.http.get<Page<AuditEntryDto>>('/api/audit-log', { params: toParams(query) });
  }
}
