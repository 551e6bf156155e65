import { Injectable } from '@angular/core';
import { CertificateDto, CertificateEventKind, OfficerOption } from '@fazhi/contracts';
import { Observable } from 'rxjs';
import { errorDisplay } from '../../core/http/error-display';
import { LedgerApi, Versioned } from '../../shared/ledger/ledger-api';

export type Validity = CertificateDto['validity'];

export interface CertificateFilters {
  officerId: string | null;
  validity: Validity | null;
}

export interface CertificateTypes {
  item: CertificateDto;
  detail: CertificateDto & { attachments: [] };
  /** `officerId`, `number`, `issuedOn`, `expiresOn`. */
  input: Record<string, unknown>;
  query: CertificateFilters;
  unmasked: object;
}

/** Enforcement certificates (`/api/certificates`). */
@Injectable({ providedIn: 'root' })
export class CertificatesApi extends LedgerApi<CertificateTypes> {
  constructor() {
    super('/api/certificates', { exportName: 'certificates.xlsx' });
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
