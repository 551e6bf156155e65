import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { CertificateDto, CertificateEventKind, OfficerOption, Page } from '@fazhi/contracts';
import { Observable } from 'rxjs';
import { errorDisplay } from '../../core/http/error-display';
import { toParams } from '../../core/http/params';
import { PageQuery } from '../../shared/paged-list';

export type Validity = CertificateDto['validity'];

export interface CertificateFilters {
  officerId: string | null;
  validity: Validity | null;
}

/** Enforcement certificates (`/api/certificates`). */
@Injectable({ providedIn: 'root' })
export class CertificatesApi {
  private readonly http = inject(HttpClient);
  private readonly base = '/api/certificates';

  /** Who may hold a certificate (for certificate managers). */
  officers(): Observable<OfficerOption[]> {
    return this.http.get<OfficerOption[]>(`${this.base}/officers`);
  }

  list(query: Partial<CertificateFilters> & Partial<PageQuery>): Observable<Page<CertificateDto>> {
    return this.http.get<Page<CertificateDto>>(this.base, { params: toParams(query) });
  }

  /** Issues a certificate: `officerId`, `number`, `issuedOn`, `expiresOn`. */
  create(body: Record<string, unknown>): Observable<CertificateDto> {
    return this.http.post<CertificateDto>(this.base, body, errorDisplay('inline'));
  }

  /** Renews, replaces, reviews or cancels: the event's `date`, and `expiresOn`, `number`, `remark` as the kind needs. */
  addEvent(id: string, body: { version: number; kind: Exclude<CertificateEventKind, 'apply'> } & Record<string, unknown>): Observable<CertificateDto> {
    return this.http.post<CertificateDto>(`${this.base}/${encodeURIComponent(id)}/events`, body, errorDisplay('inline'));
  }
}
