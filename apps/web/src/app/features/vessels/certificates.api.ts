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

export interface CertificateInput {
  officerId: string;
  number: string;
  issuedOn: string;
  expiresOn: string;
}

export interface CertificateEventInput {
  version: number;
  kind: Exclude<CertificateEventKind, 'apply'>;
  date: string;
  expiresOn?: string;
  number?: string;
  remark?: string;
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

  create(body: CertificateInput): Observable<CertificateDto> {
    return this.http.post<CertificateDto>(this.base, body, errorDisplay('inline'));
  }

  addEvent(id: string, body: CertificateEventInput): Observable<CertificateDto> {
    return this.http.post<CertificateDto>(`${this.base}/${encodeURIComponent(id)}/events`, body, errorDisplay('inline'));
  }
}
