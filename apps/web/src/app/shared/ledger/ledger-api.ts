import { HttpClient, HttpEvent, HttpParams } from '@angular/common/http';
import { inject } from '@angular/core';
import { AttachmentDto, AttachmentStage, ImportPreview, Page, TransitionRequest } from '@fazhi/contracts';
import { Observable, map } from 'rxjs';
import { errorDisplay } from '../../core/http/error-display';
import { toParams } from '../../core/http/params';
import { uploadEvidence } from '../evidence-gallery.component';
import { PageQuery } from '../paged-list';
import { postDownload } from '../post-download';
import { exportHref, hasPersonalSearch, toApiQuery } from '../query-params';

/** The types a ledger's API speaks: a list row, the detail, the create body, the list filters and the unmask answer. */
export interface LedgerTypes {
  item: object;
  detail: { attachments: readonly AttachmentDto[] };
  input: object;
  query: object;
  unmasked: object;
}

export interface LedgerApiOptions<Q> {
  /** The person search fields of the list query: sent in a POST body (`/search`), never in a URL. */
  personal?: readonly (keyof Q)[];
  /** The export's file name when the server gives none. */
  exportName: string;
}

/** Sent with a change that answers the record. */
export type Versioned<T = Record<string, unknown>> = T & { version: number };

/**
 * A ledger's API (`/api/<ledger>`): the same verbs, typed by the ledger's DTOs, for every ledger.
 * A ledger's own API extends it with the writes only it has.
 */
export class LedgerApi<T extends LedgerTypes> {
  protected readonly http = inject(HttpClient);

  constructor(
    readonly base: string,
    private readonly options: LedgerApiOptions<T['query']>,
  ) {}

  /** A page of the list; a person search goes in a POST body (`/search`), never in the URL. */
  list(query: Partial<T['query']> & Partial<PageQuery>): Observable<Page<T['item']>> {
    if (this.personalSearch(query)) return this.http.post<Page<T['item']>>(`${this.base}/search`, toApiQuery(query));
    return this.http.get<Page<T['item']>>(this.base, { params: toParams(toApiQuery(query)) });
  }

  get(id: string): Observable<T['detail']> {
    return this.http.get<T['detail']>(this.at(id));
  }

  create(body: T['input']): Observable<T['item']> {
    return this.http.post<T['item']>(this.base, body, errorDisplay('inline'));
  }

  update(id: string, body: Versioned<Partial<T['input']> | Record<string, unknown>>): Observable<T['item']> {
    return this.http.patch<T['item']>(this.at(id), body, errorDisplay('inline'));
  }

  transition(id: string, body: TransitionRequest): Observable<T['detail']> {
    return this.http.post<T['detail']>(this.at(id, 'transitions'), body, errorDisplay('inline'));
  }

  void(id: string, version: number, reason: string): Observable<T['item']> {
    return this.http.post<T['item']>(this.at(id, 'void'), { version, reason }, errorDisplay('inline'));
  }

  reopen(id: string, version: number, reason: string): Observable<T['item']> {
    return this.http.post<T['item']>(this.at(id, 'reopen'), { version, reason }, errorDisplay('inline'));
  }

  /** The record's personal data in full (audited). */
  unmask(id: string, fields: readonly string[], reason: string): Observable<T['unmasked']> {
    return this.http.post<T['unmasked']>(this.at(id, 'unmask'), { fields, reason }, errorDisplay('inline'));
  }

  /** The Excel export link with the list's filters (personal data masked), or null with a person search. */
  exportUrl(query: Partial<T['query']>): string | null {
    return this.personalSearch(query) ? null : exportHref(this.base, query);
  }

  /** The export with a person search, posted (the search never travels in a URL). */
  exportSearch(query: Partial<T['query']>): Observable<void> {
    return postDownload(this.http, `${this.base}/export.xlsx`, toApiQuery(query), this.options.exportName);
  }

  /** Checks (`preview`) or imports (`commit`) an Excel file in the export's layout, reporting progress. */
  import(file: File, mode: 'preview' | 'commit', townId?: string | null): Observable<HttpEvent<ImportPreview>> {
    return importLedger(this.http, this.base, file, mode, townId);
  }

  /** Where the record's evidence is uploaded to and downloaded from. */
  attachmentsBase(id: string): string {
    return this.at(id, 'attachments');
  }

  attachments(id: string): Observable<readonly AttachmentDto[]> {
    return this.get(id).pipe(map((detail) => detail.attachments));
  }

  upload(id: string, version: number, stage: AttachmentStage, files: readonly File[]): Observable<HttpEvent<T['detail']>> {
    return uploadEvidence<T['detail']>(this.http, this.attachmentsBase(id), version, stage, files);
  }

  /** The file's address (`?variant=thumbnail` for an image's thumbnail). */
  download(id: string, attachmentId: string): string {
    return `${this.attachmentsBase(id)}/${encodeURIComponent(attachmentId)}`;
  }

  removeAttachment(id: string, attachmentId: string, version: number): Observable<T['detail']> {
    return this.http.delete<T['detail']>(this.download(id, attachmentId), { params: toParams({ version }) });
  }

  /** The record's address, or one of its parts (`at(id, 'parties', partyId)`). */
  at(id: string, ...parts: string[]): string {
    return [this.base, ...[id, ...parts].map(encodeURIComponent)].join('/');
  }

  private personalSearch(query: object): boolean {
    return hasPersonalSearch(query as T['query'], this.options.personal ?? []);
  }
}

/** Posts an Excel file in a ledger's export layout to `<base>/import`: `preview` checks it, `commit` imports it. */
export function importLedger(http: HttpClient, base: string, file: File, mode: 'preview' | 'commit', townId?: string | null): Observable<HttpEvent<ImportPreview>> {
  const body = new FormData();
  body.append('file', file, file.name);
  let params = new HttpParams().set('mode', mode);
  if (townId) params = params.set('townId', townId);
  return http.post<ImportPreview>(`${base}/import`, body, { params, reportProgress: true, observe: 'events', ...errorDisplay('inline') });
}
