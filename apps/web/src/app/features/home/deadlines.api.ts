import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { MyDeadlineDto, Page } from '@fazhi/contracts';
import { Observable } from 'rxjs';
import { errorDisplay } from '../../core/http/error-display';
import { toParams } from '../../core/http/params';

/** The caller's due and overdue items (`/api/my/deadlines`). */
@Injectable({ providedIn: 'root' })
export class DeadlinesApi {
  private readonly http = inject(HttpClient);

  mine(query: { page?: number; pageSize?: number; all?: boolean } = {}): Observable<Page<MyDeadlineDto>> {
    return this.http.get<Page<MyDeadlineDto>>('/api/my/deadlines', { params: toParams(query), ...errorDisplay('silent') });
  }
}
