import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { VesselStatistics } from '@fazhi/contracts';
import { Observable } from 'rxjs';
import { toParams } from '../../core/http/params';

/** The vessel figures (`/api/statistics/vessels`). */
@Injectable({ providedIn: 'root' })
export class VesselStatisticsApi {
  private readonly http = inject(HttpClient);

  vessels(year: number, townId: string | null): Observable<VesselStatistics> {
    return this.http.get<VesselStatistics>('/api/statistics/vessels', { params: toParams({ year, townId }) });
  }
}
