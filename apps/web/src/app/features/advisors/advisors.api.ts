import { Injectable } from '@angular/core';
import {
  ADVISOR_CLIENT_SEARCH_FIELDS,
  AdvisorHandoverInput,
  AdvisorMonthCheckDto,
  AdvisorMonthlyGrid,
  AdvisorReopenMonthInput,
  AdvisorServiceDetailDto,
  AdvisorServiceDto,
  AdvisorServiceInput,
  AdvisorSignOffInput,
  AdvisorStatistics,
} from '@fazhi/contracts';
import { Observable } from 'rxjs';
import { errorDisplay } from '../../core/http/error-display';
import { toParams } from '../../core/http/params';
import { exportHref } from '../../shared/query-params';
import { LedgerApi } from '../../shared/ledger/ledger-api';
import { AdvisorServiceQuery } from './advisor-filters';

export interface AdvisorServiceTypes {
  item: AdvisorServiceDto;
  detail: AdvisorServiceDetailDto;
  input: AdvisorServiceInput;
  query: AdvisorServiceQuery;
  /** The client's full name and phone (audited). */
  unmasked: Partial<Pick<AdvisorServiceDto, 'clientName' | 'clientPhone'>>;
}

const CHECKS = '/api/advisor-checks';

/** The advisors' service log (`/api/advisor-services`), the hand-over, the monthly check and the figures. */
@Injectable({ providedIn: 'root' })
export class AdvisorServicesApi extends LedgerApi<AdvisorServiceTypes> {
  constructor() {
    super('/api/advisor-services', { personal: ADVISOR_CLIENT_SEARCH_FIELDS, exportName: 'advisor-services.xlsx' });
  }

  /** Hands a consultation to mediation (a dispute is created and linked) or refers it to legal aid. */
  handover(id: string, body: AdvisorHandoverInput): Observable<AdvisorServiceDetailDto> {
    return this.http.post<AdvisorServiceDetailDto>(this.at(id, 'handover'), body, errorDisplay('inline'));
  }

  /** The village × month grid of a year. */
  grid(year: number, townId: string | null): Observable<AdvisorMonthlyGrid> {
    return this.http.get<AdvisorMonthlyGrid>(CHECKS, { params: toParams({ year, townId }) });
  }

  gridExportUrl(year: number, townId: string | null): string {
    return exportHref(CHECKS, { year, townId });
  }

  signOff(body: AdvisorSignOffInput): Observable<AdvisorMonthCheckDto> {
    return this.http.post<AdvisorMonthCheckDto>(`${CHECKS}/sign-off`, body, errorDisplay('inline'));
  }

  reopenMonth(body: AdvisorReopenMonthInput): Observable<AdvisorMonthCheckDto> {
    return this.http.post<AdvisorMonthCheckDto>(`${CHECKS}/reopen`, body, errorDisplay('inline'));
  }

  statistics(year: number, townId: string | null): Observable<AdvisorStatistics> {
    return this.http.get<AdvisorStatistics>('/api/statistics/advisors', { params: toParams({ year, townId }) });
  }
}
