import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { MediationPeriod, TownSetting } from '@fazhi/contracts';
import { Observable } from 'rxjs';
import { errorDisplay } from '../../core/http/error-display';
import { toParams } from '../../core/http/params';

/** The town's agreement template (人民调解协议书): `GET|POST|DELETE` here, the file at `….docx`. */
export const AGREEMENT_TEMPLATE_API = '/api/disputes/agreement-template';

/** `GET /api/disputes/settings/mediation-period`: the town's period, or the default while none is set (version 0). */
export type MediationPeriodSetting = TownSetting<MediationPeriod>;

/** The dispute ledger's town settings (`/api/disputes/settings`). */
@Injectable({ providedIn: 'root' })
export class DisputeSettingsApi {
  private readonly http = inject(HttpClient);
  private readonly period = '/api/disputes/settings/mediation-period';

  mediationPeriod(townId: string | null): Observable<MediationPeriodSetting> {
    return this.http.get<MediationPeriodSetting>(this.period, { params: toParams({ townId }) });
  }

  /** Applies to disputes accepted from then on; 409 STALE_VERSION when someone saved it since it was read. */
  setMediationPeriod(townId: string | null, body: { version: number } & MediationPeriod): Observable<MediationPeriodSetting> {
    return this.http.put<MediationPeriodSetting>(this.period, body, { params: toParams({ townId }), ...errorDisplay('inline') });
  }
}
