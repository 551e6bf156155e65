import { registerLocaleData } from '@angular/common';
import localeZh from '@angular/common/locales/zh';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { testMe } from '../../../testing/me';
import { AuthService } from '../../core/auth/auth.service';
import { APP_ICONS } from '../../registry';
import { DisputeFormComponent, partiesInput, partyGroup } from './dispute-form.component';

registerLocaleData(localeZh, 'zh-cn');

describe('dispute form party rows', () => {
  let backend: HttpTestingController;

  async function open() {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideNzIcons(APP_ICONS)] });
    TestBed.inject(AuthService).set(testMe(['dispute.read', 'dispute.write']));
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(DisputeFormComponent);
    await fixture.whenStable();
    backend.expectOne('/api/org-units/tree').flush([]);
    return fixture;
  }

  afterEach(() => backend?.verify());

  it('starts with an applicant and a respondent, adds and removes rows', async () => {
    const fixture = await open();
    const form = fixture.componentInstance;
    expect(form.parties.controls.map((p) => p.controls.role.value)).toEqual(['applicant', 'respondent']);
    form.addParty();
    expect(form.parties.length).toBe(3);
    expect(form.parties.at(2).controls.role.value).toBe('party');
    form.removeParty(0);
    expect(form.parties.controls.map((p) => p.controls.role.value)).toEqual(['respondent', 'party']);
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).querySelectorAll('[data-party-row]').length).toBe(2);
  });

  it('sends the rows trimmed, empty optional fields as null', () => {
    const row = partyGroup('applicant');
    row.setValue({ role: 'applicant', name: ' 黄海生 ', idNumber: '', phone: ' 13800138000 ', address: '' });
    expect(partiesInput([row.getRawValue()])).toEqual([{ role: 'applicant', name: '黄海生', idNumber: null, phone: '13800138000', address: null }]);
  });

  it('puts a server error on the party row it names', async () => {
    const fixture = await open();
    const form = fixture.componentInstance;
    form.form.patchValue({ category: 'neighbour', summary: '宅基地界址争议' });
    form.parties.at(0).patchValue({ name: '黄海生' });
    form.parties.at(1).patchValue({ name: '李大明', idNumber: '123' });
    (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('[data-test="dispute-submit"]')!.click();
    const req = backend.expectOne('/api/disputes');
    expect(req.request.body.parties).toEqual([
      { role: 'applicant', name: '黄海生', idNumber: null, phone: null, address: null },
      { role: 'respondent', name: '李大明', idNumber: '123', phone: null, address: null },
    ]);
    req.flush(
      { statusCode: 400, code: 'VALIDATION_FAILED', message: '输入有误', errors: [{ path: 'parties[1].idNumber', code: 'idNumber', message: '身份证号码无效' }] },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(form.parties.at(1).controls.idNumber.errors?.['server']).toBe('身份证号码无效');
    const row = (fixture.nativeElement as HTMLElement).querySelector('[data-party-row="1"]')!;
    expect(row.querySelector('.ant-form-item-has-error #p-id-1')).not.toBeNull();
    expect(row.querySelector('.ant-form-item-explain-error')?.textContent).toContain('身份证号码无效');
  });
});
