import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { CalendarDayDto, CalendarDayInput, CalendarYearDto, CalendarYearEntryDto } from '@fazhi/contracts';
import { Observable } from 'rxjs';
import { errorDisplay } from '../../core/http/error-display';

/** The holiday calendar (`/api/calendar`, calendar.manage). */
@Injectable({ providedIn: 'root' })
export class CalendarApi {
  private readonly http = inject(HttpClient);
  private readonly base = '/api/calendar';

  year(year: number): Observable<CalendarYearDto> {
    return this.http.get<CalendarYearDto>(this.base, { params: new HttpParams().set('year', year) });
  }

  put(date: string, body: CalendarDayInput): Observable<CalendarDayDto> {
    return this.http.put<CalendarDayDto>(`${this.base}/${date}`, body, errorDisplay('inline'));
  }

  /** Declares the year's days all entered (`version` 0: not declared yet). */
  enterYear(year: number, version: number): Observable<CalendarYearEntryDto> {
    return this.http.put<CalendarYearEntryDto>(`${this.base}/years/${year}`, { version });
  }

  reopenYear(year: number, version: number): Observable<void> {
    return this.http.delete<void>(`${this.base}/years/${year}`, { params: new HttpParams().set('version', version) });
  }

  remove(date: string, version: number): Observable<void> {
    return this.http.delete<void>(`${this.base}/${date}`, { params: new HttpParams().set('version', version) });
  }
}
