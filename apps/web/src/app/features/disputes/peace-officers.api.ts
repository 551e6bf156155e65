import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Page, PeaceOfficerDto, PeaceOfficerInput, UserChoiceDto } from '@fazhi/contracts';
import { Observable } from 'rxjs';
import { errorDisplay } from '../../core/http/error-display';
import { toParams } from '../../core/http/params';
import { PageQuery } from '../../shared/paged-list';

/** The register filters the page offers (GET /api/peace-officers takes a few more). */
export interface PeaceOfficerQuery {
  townId: string | null;
  villageId: string | null;
  /** Officers whose active period overlaps this year; null for every year. */
  activeInYear: number | null;
  /** Part of the name. */
  q: string | null;
}

/** What else `GET /api/peace-officers` takes: officers in office on a day, and the order. */
export interface PeaceOfficerExtraQuery {
  activeOn: string;
  sort: 'name' | 'village' | 'activeFrom';
}

/** `PATCH /api/peace-officers/:id`: the version read and the fields to change (the town stays). */
export type PeaceOfficerUpdate = { version: number } & Partial<Omit<PeaceOfficerInput, 'townId'>>;

/** The peace officer register (`/api/peace-officers`, 平安员名册). */
@Injectable({ providedIn: 'root' })
export class PeaceOfficersApi {
  private readonly http = inject(HttpClient);
  private readonly base = '/api/peace-officers';

  /** Phones come masked. */
  list(query: Partial<PeaceOfficerQuery & PeaceOfficerExtraQuery> & Partial<PageQuery>): Observable<Page<PeaceOfficerDto>> {
    return this.http.get<Page<PeaceOfficerDto>>(this.base, { params: toParams(query) });
  }

  create(body: PeaceOfficerInput): Observable<PeaceOfficerDto> {
    return this.http.post<PeaceOfficerDto>(this.base, body, errorDisplay('inline'));
  }

  /** 409 STALE_VERSION when someone saved the row since it was read. */
  update(id: string, body: PeaceOfficerUpdate): Observable<PeaceOfficerDto> {
    return this.http.patch<PeaceOfficerDto>(this.url(id), body, errorDisplay('inline'));
  }

  /** The town's active accounts a row may be linked to. */
  accounts(townId: string | null): Observable<UserChoiceDto[]> {
    return this.http.get<UserChoiceDto[]>(`${this.base}/accounts`, { params: toParams({ townId }) });
  }

  /** The full phone number (personal.unmask; the reason is audited). */
  unmask(id: string, reason: string): Observable<{ phone?: string | null }> {
    return this.http.post<{ phone?: string | null }>(`${this.url(id)}/unmask`, { fields: ['phone'], reason }, errorDisplay('inline'));
  }

  private url(id: string): string {
    return `${this.base}/${encodeURIComponent(id)}`;
  }
}
