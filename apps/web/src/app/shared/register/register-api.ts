import { HttpClient } from '@angular/common/http';
import { inject } from '@angular/core';
import { Page } from '@fazhi/contracts';
import { Observable } from 'rxjs';
import { errorDisplay } from '../../core/http/error-display';
import { toParams } from '../../core/http/params';
import { Versioned } from '../ledger/ledger-api';
import { PageQuery } from '../paged-list';
import { toApiQuery } from '../query-params';

/** The types a register speaks: a row (with its version), the create body and the list filters. */
export interface RegisterTypes {
  item: { id: string; version: number };
  input: object;
  query: object;
}

/**
 * A register's API (`/api/<register>`): rows without a workflow, listed, read, created, changed
 * with the version read (409 when stale) and removed. Writes show their errors inline.
 */
export class RegisterApi<T extends RegisterTypes> {
  protected readonly http = inject(HttpClient);

  constructor(readonly base: string) {}

  list(query: Partial<T['query']> & Partial<PageQuery>): Observable<Page<T['item']>> {
    return this.http.get<Page<T['item']>>(this.base, { params: toParams(toApiQuery(query)) });
  }

  get(id: string): Observable<T['item']> {
    return this.http.get<T['item']>(this.at(id));
  }

  create(body: T['input']): Observable<T['item']> {
    return this.http.post<T['item']>(this.base, body, errorDisplay('inline'));
  }

  update(id: string, body: Versioned<Partial<T['input']>>): Observable<T['item']> {
    return this.http.patch<T['item']>(this.at(id), body, errorDisplay('inline'));
  }

  remove(id: string, version: number): Observable<unknown> {
    return this.http.delete(this.at(id), { params: toParams({ version }), ...errorDisplay('inline') });
  }

  /** The row's personal data in full (audited with the reason). */
  unmask<F extends string>(id: string, fields: readonly F[], reason: string): Observable<Partial<Record<F, string | null>>> {
    return this.http.post<Partial<Record<F, string | null>>>(this.at(id, 'unmask'), { fields, reason }, errorDisplay('inline'));
  }

  /** The row's address, or one of its parts. */
  at(id: string, ...parts: string[]): string {
    return [this.base, ...[id, ...parts].map(encodeURIComponent)].join('/');
  }
}
