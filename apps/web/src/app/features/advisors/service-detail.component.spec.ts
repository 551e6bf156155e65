import { registerLocaleData } from '@angular/common';
import localeZh from '@angular/common/locales/zh';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AdvisorServiceDetailDto } from '@fazhi/contracts';
import { NzModalService } from 'ng-zorro-antd/modal';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { firstValueFrom } from 'rxjs';
import { testMe } from '../../../testing/me';
import { AuthService } from '../../core/auth/auth.service';
import { RECORD_PATHS } from '../../core/features/feature';
import { APP_ICONS } from '../../registry';
import { AdvisorServiceDetailComponent } from './service-detail.component';

registerLocaleData(localeZh, 'zh-cn');

const ENTRY: AdvisorServiceDetailDto = {
  id: 'e-1',
  number: '广海顾问〔2026〕第0004号',
  status: 'logged',
  townId: 'town-1',
  townName: '广海镇',
  villageId: 'v-1',
  villageName: '南湾村',
  registeredAt: '2026-12-21T02:30:00Z',
  remark: null,
  voided: false,
  voidReason: null,
  version: 2,
  createdAt: '2026-12-21T02:30:00Z',
  updatedAt: '2026-12-21T02:30:00Z',
  advisorId: 'a-1',
  advisorName: '朱立法',
  type: 'consultation',
  serviceDate: '2026-12-21',
  startTime: '08:00',
  endTime: '10:00',
  startedAt: '2026-12-21T00:00:00Z',
  endedAt: '2026-12-21T02:00:00Z',
  crossesMidnight: false,
  hours: 2,
  clientName: '黄*',
  clientPhone: '138****8000',
  content: '宅基地边界争议咨询',
  result: null,
  attendees: null,
  handover: null,
  locked: false,
  history: [],
  attachments: [],
  links: [],
  transitions: [],
};

describe('service entry detail', () => {
  let backend: HttpTestingController;

  async function open(entry: AdvisorServiceDetailDto) {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideNzIcons(APP_ICONS), NzModalService, { provide: RECORD_PATHS, useValue: { dispute: '/disputes' } }],
    });
    TestBed.inject(AuthService).set(testMe(['advisor.read', 'advisor.write']));
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(AdvisorServiceDetailComponent);
    fixture.componentRef.setInput('id', entry.id);
    await fixture.whenStable();
    backend.expectOne('/api/advisor-services/e-1').flush(entry);
    await fixture.whenStable();
    return fixture;
  }

  const el = (fixture: { nativeElement: unknown }) => fixture.nativeElement as HTMLElement;

  afterEach(() => backend?.verify());

  it('hands an open consultation to mediation, then links the dispute it became', async () => {
    const fixture = await open(ENTRY);
    expect(el(fixture).querySelector('[data-test="advisor-service-client"]')?.textContent).toContain('黄*');
    el(fixture).querySelector<HTMLButtonElement>('[data-test="handover-mediation"]')!.click();
    const form = fixture.componentInstance['forms'].open()!;
    expect(form.fields.map((f) => f.name)).toEqual(['category', 'summary', 'note']);
    expect(form.fields.find((f) => f.name === 'summary')?.initial).toBe('宅基地边界争议咨询');
    const sent = firstValueFrom(form.send({ category: 'land_forest', summary: '宅基地边界争议' }));
    const req = backend.expectOne('/api/advisor-services/e-1/handover');
    expect(req.request.body).toEqual({ kind: 'mediation', version: 2, category: 'land_forest', summary: '宅基地边界争议' });
    const handedOver = {
      ...ENTRY,
      version: 3,
      handover: { kind: 'mediation' as const, at: '2026-12-21T03:00:00Z', disputeId: 'd-9', disputeNumber: '广海调〔2026〕第0031号', receivingBody: null, note: null },
    };
    req.flush(handedOver);
    fixture.componentInstance['forms'].finish(await sent);
    expect(fixture.componentInstance['forms'].open()).toBeNull();
    await fixture.whenStable();
    const link = el(fixture).querySelector<HTMLAnchorElement>('[data-test="handover-dispute"]');
    expect(link?.textContent).toContain('广海调〔2026〕第0031号');
    expect(link?.getAttribute('href')).toBe('/disputes/d-9');
    expect(el(fixture).querySelector('[data-test="handover-mediation"]')).toBeNull();
  });

  it('offers no hand-over once the month is signed off, and marks the entry locked', async () => {
    const locked = await open({ ...ENTRY, locked: true });
    expect(el(locked).querySelector('[data-test="handover-legal-aid"]')).toBeNull();
    expect(el(locked).querySelector('[data-test="advisor-service-locked"]')).not.toBeNull();
  });

  it('refers a consultation to legal aid with the receiving body', async () => {
    const fixture = await open(ENTRY);
    el(fixture).querySelector<HTMLButtonElement>('[data-test="handover-legal-aid"]')!.click();
    const form = fixture.componentInstance['forms'].open()!;
    expect(form.fields.map((f) => f.name)).toEqual(['receivingBody', 'note']);
    void firstValueFrom(form.send({ receivingBody: '台山市法律援助处' }));
    const req = backend.expectOne('/api/advisor-services/e-1/handover');
    expect(req.request.body).toEqual({ kind: 'legal_aid', version: 2, receivingBody: '台山市法律援助处' });
    req.flush(ENTRY);
  });
});
