import { registerLocaleData } from '@angular/common';
import localeZh from '@angular/common/locales/zh';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { testMe } from '../../../testing/me';
import { AuthService } from '../../core/auth/auth.service';
import { APP_ICONS } from '../../registry';
import { AdvisorServiceFormComponent } from './service-form.component';
import { serviceHours } from './service-hours';

registerLocaleData(localeZh, 'zh-cn');

const VILLAGE = { id: '7f1c2d3e-0000-4000-8000-000000000001', name: '南湾村', level: 'village' as const };

describe('service hours', () => {
  it('counts the span, an end at or before the start being the next day', () => {
    expect(serviceHours('09:00', '12:00')).toEqual({ hours: 3, nextDay: false });
    expect(serviceHours('14:10', '15:30')).toEqual({ hours: 1.33, nextDay: false });
    expect(serviceHours('22:30', '01:00')).toEqual({ hours: 2.5, nextDay: true });
    expect(serviceHours('08:00', '08:00')).toEqual({ hours: 24, nextDay: true });
    expect(serviceHours('9:00', '12:00')).toBeNull();
    expect(serviceHours('', '12:00')).toBeNull();
  });
});

describe('service log form', () => {
  let backend: HttpTestingController;

  async function open(villages = [VILLAGE]) {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideNzIcons(APP_ICONS)] });
    TestBed.inject(AuthService).set(testMe(['advisor.read', 'advisor.write'], { scope: { towns: [], villages, ownOnly: false } }));
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(AdvisorServiceFormComponent);
    await fixture.whenStable();
    return fixture;
  }

  const el = (fixture: { nativeElement: unknown }) => fixture.nativeElement as HTMLElement;
  function type(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  afterEach(() => backend?.verify());

  it("preselects the advisor's only village, shows the hours and asks the client only for a consultation", async () => {
    const fixture = await open();
    const form = fixture.componentInstance['form'];
    expect(form.controls.villageId.value).toBe(VILLAGE.id);
    type(el(fixture).querySelector<HTMLInputElement>('[data-test="s-start"]')!, '21:30');
    type(el(fixture).querySelector<HTMLInputElement>('[data-test="s-end"]')!, '00:30');
    await fixture.whenStable();
    expect(el(fixture).querySelector('[data-test="s-hours"]')?.textContent).toContain('共 3 小时（次日结束）');
    expect(el(fixture).querySelector('#s-clientName')).not.toBeNull();
    expect(el(fixture).querySelector('#s-attendees')).toBeNull();
    form.controls.type.setValue('publicity');
    await fixture.whenStable();
    expect(el(fixture).querySelector('#s-clientName')).toBeNull();
    expect(el(fixture).querySelector('#s-attendees')).not.toBeNull();
  });

  it('leaves the village open when the advisor serves several', async () => {
    const fixture = await open([VILLAGE, { ...VILLAGE, id: '7f1c2d3e-0000-4000-8000-000000000002', name: '登湖村' }]);
    expect(fixture.componentInstance['form'].controls.villageId.value).toBeNull();
  });

  it('refuses an entry longer than a day allows before sending it', async () => {
    const fixture = await open();
    const form = fixture.componentInstance['form'];
    form.patchValue({ startTime: '08:00', endTime: '23:00', content: '驻村值班' });
    el(fixture).querySelector<HTMLButtonElement>('[data-test="advisor-service-save"]')!.click();
    await fixture.whenStable();
    backend.expectNone('/api/advisor-services');
    expect(el(fixture).textContent).toContain('单次服务不超过 12 小时');
  });

  it('shows an overlap refusal on the times, the message not above the form', async () => {
    const fixture = await open();
    const form = fixture.componentInstance['form'];
    form.patchValue({ serviceDate: '2026-12-21', startTime: '09:00', endTime: '12:00', clientName: ' 黄海生 ', clientPhone: '13800138000', content: ' 土地承包合同咨询 ' });
    el(fixture).querySelector<HTMLButtonElement>('[data-test="advisor-service-save"]')!.click();
    const req = backend.expectOne('/api/advisor-services');
    expect(req.request.body).toEqual({
      villageId: VILLAGE.id,
      type: 'consultation',
      serviceDate: '2026-12-21',
      startTime: '09:00',
      endTime: '12:00',
      clientName: '黄海生',
      clientPhone: '13800138000',
      content: '土地承包合同咨询',
      result: null,
      attendees: null,
    });
    req.flush({ statusCode: 409, code: 'ADVISOR_SERVICE_OVERLAP', message: '与本人已登记的服务时间重叠（广海顾问〔2026〕第0003号 08:30–10:00）' }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    expect(form.controls.startTime.errors?.['server']).toContain('时间重叠');
    expect(el(fixture).querySelector('[data-test="form-error"]')).toBeNull();
    expect(el(fixture).querySelector('.ant-form-item-explain-error')?.textContent).toContain('时间重叠');
  });

  it('uploads the photos after the entry is saved, then opens it', async () => {
    const fixture = await open();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const form = fixture.componentInstance['form'];
    form.patchValue({ startTime: '09:00', endTime: '11:00', content: '婚姻家庭咨询' });
    const input = el(fixture).querySelector<HTMLInputElement>('[data-test="s-photos"]')!;
    expect(input.getAttribute('accept')).toBe('image/*');
    expect(input.getAttribute('capture')).toBe('environment');
    const photo = new File([new Uint8Array([137, 80, 78, 71])], '现场.png', { type: 'image/png' });
    Object.defineProperty(input, 'files', { value: [photo] });
    input.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect(el(fixture).querySelector('[data-test="s-photo-list"]')?.textContent).toContain('现场.png');
    el(fixture).querySelector<HTMLButtonElement>('[data-test="advisor-service-save"]')!.click();
    backend.expectOne('/api/advisor-services').flush({ id: 'e-1', number: '广海顾问〔2026〕第0004号', version: 1 });
    const upload = backend.expectOne('/api/advisor-services/e-1/attachments');
    const body = upload.request.body as FormData;
    expect(body.get('version')).toBe('1');
    expect((body.get('files') as File).name).toBe('现场.png');
    upload.flush({ id: 'e-1', version: 2 });
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/advisors', 'e-1']);
  });
});
