import { Injectable } from '@angular/core';
import { PeaceOfficerDto, PeaceOfficerInput, UserChoiceDto } from '@fazhi/contracts';
import { Observable } from 'rxjs';
import { toParams } from '../../core/http/params';
import { RegisterApi } from '../../shared/register/register-api';

/** The register filters the page offers. */
export interface PeaceOfficerQuery {
  townId: string | null;
  villageId: string | null;
  /** Officers whose active period overlaps this year; null for every year. */
  activeInYear: number | null;
  /** Part of the name. */
  q: string | null;
}

/** The peace officer register (`/api/peace-officers`, 平安员名册): phones come masked; the town stays on update; officers in office on a day (`activeOn`). */
@Injectable({ providedIn: 'root' })
export class PeaceOfficersApi extends RegisterApi<{ item: PeaceOfficerDto; input: PeaceOfficerInput; query: PeaceOfficerQuery & { activeOn: string; sort: 'name' | 'village' | 'activeFrom' } }> {
  constructor() {
    super('/api/peace-officers');
  }

  /** The town's active accounts a row may be linked to. */
  accounts(townId: string | null): Observable<UserChoiceDto[]> {
    return this.http.get<UserChoiceDto[]>(`${this.base}/accounts`, { params: toParams({ townId }) });
  }
}
