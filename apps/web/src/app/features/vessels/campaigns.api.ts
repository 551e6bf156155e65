import { Injectable } from '@angular/core';
import { AttachmentDto, CampaignDto, VesselCaseDto } from '@fazhi/contracts';
import { Observable } from 'rxjs';
import { errorDisplay } from '../../core/http/error-display';
import { toParams } from '../../core/http/params';
import { LedgerApi } from '../../shared/ledger/ledger-api';
import { CampaignQuery } from './vessel-filters';

export type CampaignDetailDto = CampaignDto & { vessels: VesselCaseDto[]; attachments: AttachmentDto[] };

export interface CampaignTypes {
  item: CampaignDto;
  detail: CampaignDetailDto;
  input: { townId?: string; date: string; place: string; agencies?: string[]; remark?: string | null };
  query: CampaignQuery;
  unmasked: object;
}

/** Destruction campaigns (`/api/campaigns`). */
@Injectable({ providedIn: 'root' })
export class CampaignsApi extends LedgerApi<CampaignTypes> {
  constructor() {
    super('/api/campaigns', { exportName: 'campaigns.xlsx' });
  }

  addVessels(id: string, version: number, caseIds: string[]): Observable<CampaignDto> {
    return this.http.post<CampaignDto>(this.at(id, 'vessels'), { version, caseIds }, errorDisplay('inline'));
  }

  removeVessel(id: string, caseId: string, version: number): Observable<CampaignDto> {
    return this.http.delete<CampaignDto>(this.at(id, 'vessels', caseId), { params: toParams({ version }) });
  }

  close(id: string, version: number): Observable<CampaignDto> {
    return this.http.post<CampaignDto>(this.at(id, 'close'), { version }, errorDisplay('inline'));
  }
}
