import { HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AttachmentDto } from '@fazhi/contracts';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { APP_ICONS } from '../registry';
import { EVIDENCE_ACCEPT, EvidenceGalleryComponent, evidenceForm } from './evidence-gallery.component';

const BASE = '/api/vessel-cases/case-1/attachments';

function attachment(id: string, stage: AttachmentDto['stage'], mime: string): AttachmentDto {
  return { id, fileName: `${id}.bin`, mime, size: 2048, sha256: 'x', stage, hasThumbnail: mime.startsWith('image/'), uploadedAt: '2021-04-01T02:00:00Z', uploadedBy: null, personal: false };
}

describe('evidence gallery', () => {
  let fixture: ComponentFixture<EvidenceGalleryComponent>;
  let backend: HttpTestingController;
  let el: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideNzIcons(APP_ICONS)] });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(EvidenceGalleryComponent);
    fixture.componentRef.setInput('base', BASE);
    fixture.componentRef.setInput('version', 4);
    fixture.componentRef.setInput('canUpload', true);
    fixture.componentRef.setInput('attachments', [attachment('a1', 'after', 'image/png'), attachment('a2', 'before', 'image/jpeg'), attachment('a3', 'document', 'application/pdf')]);
    fixture.componentRef.setInput('related', { title: '集中销毁行动证据', base: '/api/campaigns/c-1/attachments', items: [attachment('c1', 'during', 'image/png')] });
    await fixture.whenStable();
    el = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => backend.verify());

  it('lists a file holding personal data without a link unless the caller may unmask', async () => {
    const agreement = {
      ...attachment('p1', 'document', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
      fileName: '广海调〔2022〕第0006号人民调解协议书.docx',
      personal: true,
    };
    fixture.componentRef.setInput('attachments', [agreement]);
    await fixture.whenStable();
    const locked = el.querySelector('[data-test="evidence-file-locked"]');
    expect(locked?.textContent).toContain('人民调解协议书');
    expect(el.querySelector(`a[href="${BASE}/p1"]`)).toBeNull();
    fixture.componentRef.setInput('canOpenPersonal', true);
    await fixture.whenStable();
    expect(el.querySelector('[data-test="evidence-file-locked"]')).toBeNull();
    expect(el.querySelector(`a[href="${BASE}/p1"]`)).not.toBeNull();
  });

  it('builds the multipart body with the version, the stage and every file', () => {
    const files = [new File(['a'], '船头.png', { type: 'image/png' }), new File(['b'], '船尾.jpg', { type: 'image/jpeg' })];
    const body = evidenceForm(12, 'during', files);
    expect(body.get('version')).toBe('12');
    expect(body.get('stage')).toBe('during');
    expect((body.getAll('files') as File[]).map((f) => f.name)).toEqual(['船头.png', '船尾.jpg']);
  });

  it('uploads with the record version and the chosen stage, reporting progress, then asks for a reload', () => {
    let reloads = 0;
    fixture.componentInstance.uploaded.subscribe(() => reloads++);
    fixture.componentInstance.upload([new File(['png'], 'photo.png', { type: 'image/png' })]);
    const req = backend.expectOne(BASE);
    expect(req.request.method).toBe('POST');
    expect(req.request.reportProgress).toBe(true);
    const body = req.request.body as FormData;
    expect(body.get('version')).toBe('4');
    expect(body.get('stage')).toBe('before');
    expect((body.get('files') as File).name).toBe('photo.png');
    req.event({ type: HttpEventType.UploadProgress, loaded: 50, total: 100 });
    req.flush({});
    expect(reloads).toBe(1);
  });

  it('lets a phone open its camera and pick several files', () => {
    const input = el.querySelector<HTMLInputElement>('input[type="file"]');
    expect(input?.getAttribute('accept')).toBe(EVIDENCE_ACCEPT);
    expect(input?.getAttribute('capture')).toBe('environment');
    expect(input?.multiple).toBe(true);
  });

  it('groups by stage, shows images as thumbnails and other files as rows, and the related evidence apart', () => {
    const sections = [...el.querySelectorAll('[data-evidence-section]')].map((s) => s.getAttribute('data-evidence-section'));
    expect(sections).toEqual(['before', 'after', 'document', 'related']);
    const thumbs = [...el.querySelectorAll<HTMLAnchorElement>('[data-test="evidence-thumb"]')];
    expect(thumbs.map((a) => a.getAttribute('href'))).toEqual([`${BASE}/a2`, `${BASE}/a1`, '/api/campaigns/c-1/attachments/c1']);
    expect(thumbs[0].querySelector('img')?.getAttribute('src')).toBe(`${BASE}/a2?variant=thumbnail`);
    expect(el.querySelector('[data-test="evidence-file-row"]')?.getAttribute('href')).toBe(`${BASE}/a3`);
    expect(el.querySelector('[data-evidence-section="related"]')?.textContent).toContain('集中销毁行动证据');
  });
});
