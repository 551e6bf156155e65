import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import localeZh from '@angular/common/locales/zh';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { FormGroup } from '@angular/forms';
import { By } from '@angular/platform-browser';
import { provideRouter } from '@angular/router';
import { CertificateDto } from '@fazhi/contracts';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { NzModalService } from 'ng-zorro-antd/modal';
import { testMe } from '../../../testing/me';
import { AuthService } from '../../core/auth/auth.service';
import { APP_ICONS } from '../../registry';
import { StepModalComponent } from '../../shared/transition-modal.component';
import { CertificateListComponent } from './certificate-list.component';

registerLocaleData(localeZh, 'zh-cn');

const CERTIFICATE: CertificateDto = {
  id: 'cert-1',
  townId: 'town-1',
  officerId: 'officer-1',
  officerName: '李执法',
  number: '44070001',
  issuedOn: '2021-01-04',
  expiresOn: '2027-01-03',
  status: 'valid',
  validity: 'ok',
  daysToExpiry: 400,
  events: [{ kind: 'apply', date: '2021-01-04', remark: null }],
  version: 3,
};

describe('certificate list', () => {
  let fixture: ComponentFixture<CertificateListComponent>;
  let backend: HttpTestingController;
  let root: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideNzIcons(APP_ICONS), NzModalService],
    });
    TestBed.inject(AuthService).set(testMe(['vessel.read', 'certificate.manage']));
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CertificateListComponent);
    await fixture.whenStable();
    backend.expectOne((r) => r.url === '/api/certificates').flush({ items: [CERTIFICATE], total: 1, page: 1, pageSize: 20 });
    backend.expectOne('/api/certificates/officers').flush([{ id: 'officer-2', displayName: '王执法', orgUnitName: '广海镇' }]);
    await fixture.whenStable();
    root = document.body;
  });

  afterEach(() => {
    backend.verify();
    fixture.destroy();
  });

  const fill = (selector: string, value: string) => {
    const input = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const fields = () => [...root.querySelectorAll('[data-test="transition-form"] [data-field]')].map((n) => n.getAttribute('data-field'));
  const save = () => root.querySelector<HTMLButtonElement>('.ant-modal-footer .ant-btn-primary')!.click();

  it('renews with the new expiry and number, the remark only when given', async () => {
    root.querySelector<HTMLElement>(`tr[data-certificate="${CERTIFICATE.number}"] [data-event="renew"]`)!.click();
    await fixture.whenStable();
    expect(fields()).toEqual(['date', 'expiresOn', 'number', 'remark']);
    save();
    await fixture.whenStable();
    backend.expectNone('/api/certificates/cert-1/events');
    const modal = fixture.debugElement.query(By.directive(StepModalComponent)).componentInstance as unknown as { data: FormGroup };
    modal.data.patchValue({ expiresOn: new Date(2033, 0, 3) });
    fill('#step-number', ' 44070009 ');
    await fixture.whenStable();
    save();
    const req = backend.expectOne('/api/certificates/cert-1/events');
    const body = req.request.body as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['date', 'expiresOn', 'kind', 'number', 'version']);
    expect(body).toMatchObject({ version: 3, kind: 'renew', expiresOn: '2033-01-03', number: '44070009' });
    req.flush({ ...CERTIFICATE, number: '44070009', expiresOn: '2033-01-03' });
    backend.expectOne((r) => r.url === '/api/certificates').flush({ items: [], total: 0, page: 1, pageSize: 20 });
  });

  it('replaces asking only the date, the new number and a remark; cancels asking the date and a remark', async () => {
    root.querySelector<HTMLElement>('[data-event="replace"]')!.click();
    await fixture.whenStable();
    expect(fields()).toEqual(['date', 'number', 'remark']);
    fill('#step-number', '44070010');
    fill('#step-remark', ' 遗失补办 ');
    await fixture.whenStable();
    save();
    const req = backend.expectOne('/api/certificates/cert-1/events');
    const body = req.request.body as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['date', 'kind', 'number', 'remark', 'version']);
    expect(body).toMatchObject({ version: 3, kind: 'replace', number: '44070010', remark: '遗失补办' });
    expect(body['date']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    req.flush({ ...CERTIFICATE, number: '44070010' });
    backend.expectOne((r) => r.url === '/api/certificates').flush({ items: [CERTIFICATE], total: 1, page: 1, pageSize: 20 });
    await fixture.whenStable();

    root.querySelector<HTMLElement>('[data-event="cancel"]')!.click();
    await fixture.whenStable();
    expect(fields()).toEqual(['date', 'remark']);
  });

  it('issues a certificate to an officer of the directory', async () => {
    root.querySelector<HTMLButtonElement>('[data-test="certificate-create"]')!.click();
    await fixture.whenStable();
    expect(fields()).toEqual(['officerId', 'number', 'issuedOn', 'expiresOn']);
    save();
    await fixture.whenStable();
    backend.expectNone('/api/certificates');
    expect(root.querySelectorAll('[data-test="transition-form"] .ant-form-item-has-error').length).toBe(4);
    const officers = fixture.debugElement.query(By.directive(StepModalComponent)).componentInstance.fields()[0].options;
    expect(officers).toEqual([{ value: 'officer-2', label: '王执法（广海镇）' }]);
  });
});
