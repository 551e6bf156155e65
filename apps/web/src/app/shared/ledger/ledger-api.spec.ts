import { HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Injectable } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { LedgerApi } from './ledger-api';

interface NoteQuery {
  status: string[];
  q: string | null;
  ownerName: string | null;
}

interface NoteTypes {
  item: { id: string };
  detail: { id: string; attachments: [] };
  input: { title: string };
  query: NoteQuery;
  unmasked: { ownerName?: string };
}

@Injectable({ providedIn: 'root' })
class NotesApi extends LedgerApi<NoteTypes> {
  constructor() {
    super('/api/notes', { personal: ['ownerName'], exportName: 'notes.xlsx' });
  }
}

describe('the ledger API base', () => {
  let api: NotesApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(NotesApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('lists with the set filters in the URL, and a person search in a POST body only', () => {
    api.list({ status: ['open', 'done'], q: null, page: 2 }).subscribe();
    const get = backend.expectOne((req) => req.url === '/api/notes');
    expect(get.request.method).toBe('GET');
    expect(get.request.params.toString()).toBe('status=open,done&page=2');
    get.flush({ items: [], total: 0, page: 2, pageSize: 20 });

    api.list({ status: [], ownerName: '黄海生' }).subscribe();
    const search = backend.expectOne('/api/notes/search');
    expect(search.request.method).toBe('POST');
    expect(search.request.body).toEqual({ ownerName: '黄海生' });
    search.flush({ items: [], total: 0, page: 1, pageSize: 20 });
  });

  it('links the export with the filters, and has no link for a person search', () => {
    expect(api.exportUrl({ status: ['open'], q: '台账' })).toBe('/api/notes/export.xlsx?status=open&q=%E5%8F%B0%E8%B4%A6');
    expect(api.exportUrl({ ownerName: '黄海生' })).toBeNull();
  });

  it('sends the same verbs to the same places for every ledger', () => {
    api.get('n 1').subscribe();
    backend.expectOne('/api/notes/n%201').flush({});
    api.transition('n-1', { to: 'done', version: 3 }).subscribe();
    expect(backend.expectOne('/api/notes/n-1/transitions').request.body).toEqual({ to: 'done', version: 3 });
    api.void('n-1', 3, '重复登记').subscribe();
    expect(backend.expectOne('/api/notes/n-1/void').request.body).toEqual({ version: 3, reason: '重复登记' });
    api.reopen('n-1', 4, '补充材料').subscribe();
    expect(backend.expectOne('/api/notes/n-1/reopen').request.body).toEqual({ version: 4, reason: '补充材料' });
    api.unmask('n-1', ['ownerName'], '核对身份').subscribe();
    expect(backend.expectOne('/api/notes/n-1/unmask').request.body).toEqual({ fields: ['ownerName'], reason: '核对身份' });
    api.removeAttachment('n-1', 'a-1', 5).subscribe();
    const remove = backend.expectOne((req) => req.url === '/api/notes/n-1/attachments/a-1');
    expect([remove.request.method, remove.request.params.get('version')]).toEqual(['DELETE', '5']);
    remove.flush({});
    expect(api.download('n-1', 'a-1')).toBe('/api/notes/n-1/attachments/a-1');
  });

  it('posts an import with its mode and town, and an upload with the version and stage, reporting progress', () => {
    const file = new File(['x'], 'notes.xlsx');
    const events: HttpEventType[] = [];
    api.import(file, 'preview', 'town-1').subscribe((event) => events.push(event.type));
    const imported = backend.expectOne((req) => req.url === '/api/notes/import');
    expect(imported.request.params.toString()).toBe('mode=preview&townId=town-1');
    expect((imported.request.body as FormData).get('file')).toBeInstanceOf(File);
    expect(imported.request.reportProgress).toBe(true);
    imported.flush({ rows: [] });
    expect(events).toContain(HttpEventType.Response);

    api.upload('n-1', 6, 'during', [file]).subscribe();
    const upload = backend.expectOne('/api/notes/n-1/attachments');
    const body = upload.request.body as FormData;
    expect([body.get('version'), body.get('stage'), (body.get('files') as File).name]).toEqual(['6', 'during', 'notes.xlsx']);
    upload.flush({});
  });
});
