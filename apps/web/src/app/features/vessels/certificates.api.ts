import { Injectable } from '@angular/core';
import { CertificateDto, CertificateEventKind, OfficerOption } from '@fazhi/contracts';
import { Observable } from 'rxjs';
import { errorDisplay } from '../../core/http/error-display';
import { Versioned } from '../../shared/ledger/ledger-api';
import { RegisterApi } from '../../shared/register/register-api';

export type Validity = CertificateDto['validity'];
export interface CertificateFilters {
  officerId: string | null;
  validity: Validity | null;
}

/** Enforcement certificates (`/api/certificates`); a certificate is issued with `officerId`, `number`, `issuedOn`, `expiresOn`. */
@Injectable({ providedIn: 'root' })
export class CertificatesApi extends RegisterApi<{ item: CertificateDto; input: Record<string, unknown>; query: CertificateFilters }> {
  constructor() {
    super('/api/certificates');
  }

  /** Who may hold a certificate (for certificate managers). */
  officers(): Observable<OfficerOption[]> {
    return this.http.get<OfficerOption[]>(`${this.base}/officers`);
  }

  /** Renews, replaces, reviews or cancels: the event's `date`, and `expiresOn`, `number`, `remark` as the kind needs. */
  addEvent(id: string, body: Versioned<{ kind: Exclude<CertificateEventKind, 'apply'> }>): Observable<CertificateDto> {
    return this.http.post<CertificateDto>(this.at(id, 'events'), body, errorDisplay('inline'));
  }
}
