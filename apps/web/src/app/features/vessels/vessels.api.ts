import { Injectable } from '@angular/core';
import { VesselCaseDetailDto, VesselCaseDto, VesselCaseInput } from '@fazhi/contracts';
import { Observable } from 'rxjs';
import { errorDisplay } from '../../core/http/error-display';
import { LedgerApi, Versioned } from '../../shared/ledger/ledger-api';
import { OWNER_SEARCH_FIELDS, OwnerSearchField, VesselQuery } from './vessel-filters';

export interface VesselTypes {
  item: VesselCaseDto;
  detail: VesselCaseDetailDto;
  input: VesselCaseInput & { townId?: string };
  query: VesselQuery;
  unmasked: Partial<Record<OwnerSearchField, string | null>>;
}

/** The three-no vessel cases (`/api/vessel-cases`). */
@Injectable({ providedIn: 'root' })
export class VesselsApi extends LedgerApi<VesselTypes> {
  constructor() {
    super('/api/vessel-cases', { personal: OWNER_SEARCH_FIELDS, exportName: 'vessels.xlsx' });
  }

  /** Logs a persuasion entry: `date`, `staff`, `measure`, `result`. */
  addPersuasion(id: string, body: Versioned): Observable<VesselCaseDetailDto> {
    return this.http.post<VesselCaseDetailDto>(this.at(id, 'persuasions'), body, errorDisplay('inline'));
  }
}
