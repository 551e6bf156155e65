import { registerLocaleData } from '@angular/common';
import localeZh from '@angular/common/locales/zh';
import { HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { provideRouter } from '@angular/router';
import { DocumentTemplateDto, MediationPeriod, PermissionCode, TownSetting } from '@fazhi/contracts';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { testMe } from '../../../testing/me';
import { AuthService } from '../../core/auth/auth.service';
import { APP_ICONS } from '../../registry';
import { DocumentTemplateCardComponent } from '../../shared/document-template-card.component';
import { TownSettingComponent } from '../../shared/register/town-setting.component';
import { DisputeSettingsComponent } from './dispute-settings.component';

registerLocaleData(localeZh, 'zh-cn');

const TEMPLATE = '/api/disputes/agreement-template';
const PERIOD = '/api/disputes/settings/mediation-period';
const TOWNS = [
  { id: 'town-1', name: '广海镇', level: 'town' as const },
  { id: 'town-2', name: '海晏镇', level: 'town' as const },
];

function template(townId: string, over: Partial<DocumentTemplateDto> = {}): DocumentTemplateDto {
  return {
    kind: 'dispute-agreement',
    townId,
    source: 'builtin',
    fileName: '人民调解协议书模板.docx',
    size: 8192,
    sha256: null,
    uploadedAt: null,
    uploadedBy: null,
    uploadedByName: null,
    placeholders: ['编号', '当事人', '纠纷事实', '争议事项', '协议内容', '履行方式', '履行期限'],
    version: 0,
    ...over,
  };
}

function period(townId: string, over: Partial<TownSetting<MediationPeriod>> = {}): TownSetting<MediationPeriod> {
  return { townId, key: 'dispute.mediation-period', value: { amount: 1, unit: 'month' }, isDefault: true, updatedAt: null, version: 0, ...over };
}

describe('dispute settings page', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<DisputeSettingsComponent>;
  let el: HTMLElement;

  async function open(permissions: PermissionCode[], towns = TOWNS.slice(0, 1)) {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideNzIcons(APP_ICONS)] });
    TestBed.inject(AuthService).set(testMe(permissions, { scope: { towns, villages: [], ownOnly: false } }));
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(DisputeSettingsComponent);
    await fixture.whenStable();
    el = fixture.nativeElement as HTMLElement;
  }

  const text = (selector: string) => el.querySelector(selector)?.textContent?.trim() ?? '';
  const periodForm = () => (fixture.debugElement.query(By.directive(TownSettingComponent)).componentInstance as TownSettingComponent<MediationPeriod>).editor.form;
  const card = () => fixture.debugElement.query(By.directive(DocumentTemplateCardComponent)).componentInstance as DocumentTemplateCardComponent;

  async function answer(req: TestRequest, body: object, status = 200) {
    if (status === 200) req.flush(body);
    else req.flush(body, { status, statusText: 'Error' });
    await fixture.whenStable();
  }

  afterEach(() => backend?.verify());

  it('asks for the chosen town’s template and period and links its file', async () => {
    await open(['dispute.read', 'template.manage'], TOWNS);
    expect(el.querySelector('[data-test="settings-town"]')).not.toBeNull();
    await answer(backend.expectOne(`${TEMPLATE}?townId=town-1`), template('town-1'));
    await answer(backend.expectOne(`${PERIOD}?townId=town-1`), period('town-1'));

    fixture.componentInstance.townId.set('town-2');
    await fixture.whenStable();
    await answer(backend.expectOne(`${TEMPLATE}?townId=town-2`), template('town-2'));
    await answer(backend.expectOne(`${PERIOD}?townId=town-2`), period('town-2', { value: { amount: 15, unit: 'working' }, isDefault: false, updatedAt: '2021-03-01T02:00:00Z', version: 2 }));

    expect(el.querySelector('[data-test="template-download"]')?.getAttribute('href')).toBe(`${TEMPLATE}.docx?townId=town-2`);
    expect(el.querySelector('[data-test="template-source"]')?.getAttribute('data-source')).toBe('builtin');
    expect([...el.querySelectorAll('[data-test="template-placeholders"] [data-placeholder]')].map((t) => t.textContent?.trim())).toContain('{{当事人}}');
    expect(text('[data-test="period-current"]')).toBe('受理之日起 15 个工作日');
    expect(el.querySelector('[data-test="period-source"]')?.getAttribute('data-default')).toBe('false');
    expect(text('[data-test="template-help-required"]')).toContain('{{当事人}}');
    expect(text('[data-test="template-help-required"]')).toContain('身份证号码');
    expect(text('[data-test="template-help-optional"]')).toContain('{{调解员}}');
  });

  it('uploads the chosen .docx with the version read, reporting progress, and shows the uploaded template', async () => {
    await open(['dispute.read', 'template.manage']);
    await answer(backend.expectOne(`${TEMPLATE}?townId=town-1`), template('town-1'));
    await answer(backend.expectOne(`${PERIOD}?townId=town-1`), period('town-1'));

    const input = el.querySelector<HTMLInputElement>('[data-test="template-file"]')!;
    expect(input.getAttribute('accept')).toContain('.docx');
    Object.defineProperty(input, 'files', { value: [new File(['PK'], '广海镇协议书.docx')], configurable: true });
    input.dispatchEvent(new Event('change'));
    const req = backend.expectOne(`${TEMPLATE}?townId=town-1`);
    expect(req.request.method).toBe('POST');
    expect(req.request.reportProgress).toBe(true);
    const body = req.request.body as FormData;
    expect(body.get('version')).toBe('0');
    expect((body.get('file') as File).name).toBe('广海镇协议书.docx');
    req.event({ type: HttpEventType.UploadProgress, loaded: 40, total: 100 });
    await fixture.whenStable();
    expect(el.querySelector('[data-test="template-progress"]')).not.toBeNull();
    await answer(req, template('town-1', { source: 'uploaded', fileName: '广海镇协议书.docx', uploadedAt: '2021-05-01T02:00:00Z', uploadedBy: 'u-1', uploadedByName: '梁文静', version: 1 }));
    expect(el.querySelector('[data-test="template-progress"]')).toBeNull();
    expect(el.textContent).toContain('梁文静');
    expect(el.querySelector('[data-test="template-source"]')?.getAttribute('data-source')).toBe('uploaded');
    expect(text('[data-test="template-file-name"]')).toBe('广海镇协议书.docx');

    card().reset();
    const reset = backend.expectOne(`${TEMPLATE}?townId=town-1&version=1`);
    expect(reset.request.method).toBe('DELETE');
    await answer(reset, template('town-1'));
    expect(el.querySelector('[data-test="template-source"]')?.getAttribute('data-source')).toBe('builtin');
  });

  it('lists the placeholders a refused template lacks, and refuses another kind of file before sending it', async () => {
    await open(['template.manage']);
    await answer(backend.expectOne(`${TEMPLATE}?townId=town-1`), template('town-1'));
    backend.expectNone(`${PERIOD}?townId=town-1`);
    expect(el.querySelector('[data-test="period-card"]')).toBeNull();

    card().upload(new File(['x'], '协议书.doc'));
    await fixture.whenStable();
    expect(text('[data-test="template-error"]')).toContain('.docx');

    card().upload(new File(['PK'], '协议书.docx'));
    await answer(
      backend.expectOne(`${TEMPLATE}?townId=town-1`),
      {
        statusCode: 400,
        code: 'TEMPLATE_PLACEHOLDERS_MISSING',
        message: '模板缺少必需的占位符:{{当事人}}、{{履行期限}}',
        errors: [{ path: 'file', code: 'placeholder', message: '缺少占位符 {{当事人}}' }],
        missing: ['当事人', '履行期限'],
        requestId: 'r-1',
      },
      400,
    );
    expect(text('[data-test="template-error"]')).toContain('模板缺少必需的占位符');
    expect([...el.querySelectorAll('[data-test="template-missing"] [data-missing]')].map((t) => t.textContent?.trim())).toEqual(['{{当事人}}', '{{履行期限}}']);
  });

  it('saves the period with the version read; a 409 shows the server’s words and reloads it', async () => {
    await open(['dict.manage']);
    backend.expectNone(`${TEMPLATE}?townId=town-1`);
    expect(el.querySelector('[data-test="template-card"]')).toBeNull();
    await answer(backend.expectOne(`${PERIOD}?townId=town-1`), period('town-1'));
    expect(text('[data-test="period-current"]')).toBe('受理之日起 1 个月');
    expect(el.querySelector('[data-test="period-source"]')?.getAttribute('data-default')).toBe('true');

    periodForm().setValue({ amount: 0, unit: 'calendar' });
    el.querySelector<HTMLButtonElement>('[data-test="period-save"]')!.click();
    backend.expectNone(PERIOD + '?townId=town-1');

    periodForm().setValue({ amount: 30, unit: 'calendar' });
    el.querySelector<HTMLButtonElement>('[data-test="period-save"]')!.click();
    const put = backend.expectOne({ method: 'PUT', url: `${PERIOD}?townId=town-1` });
    expect(put.request.body).toEqual({ version: 0, amount: 30, unit: 'calendar' });
    await answer(put, { statusCode: 409, code: 'STALE_VERSION', message: '记录已被他人修改,请刷新后重试', requestId: 'r-2' }, 409);
    expect(text('[data-test="period-error"]')).toContain('记录已被他人修改');
    await answer(
      backend.expectOne({ method: 'GET', url: `${PERIOD}?townId=town-1` }),
      period('town-1', { value: { amount: 20, unit: 'working' }, isDefault: false, updatedAt: '2021-05-01T02:00:00Z', version: 1 }),
    );
    expect(text('[data-test="period-current"]')).toBe('受理之日起 20 个工作日');
    expect(periodForm().getRawValue()).toEqual({ amount: 20, unit: 'working' });
    expect(text('[data-test="period-error"]')).toContain('记录已被他人修改');

    periodForm().setValue({ amount: 2, unit: 'month' });
    el.querySelector<HTMLButtonElement>('[data-test="period-save"]')!.click();
    const again = backend.expectOne({ method: 'PUT', url: `${PERIOD}?townId=town-1` });
    expect(again.request.body).toEqual({ version: 1, amount: 2, unit: 'month' });
    await answer(again, period('town-1', { value: { amount: 2, unit: 'month' }, isDefault: false, version: 2 }));
    expect(text('[data-test="period-current"]')).toBe('受理之日起 2 个月');
    expect(el.querySelector('[data-test="period-error"]')).toBeNull();
  });

  it('shows a plain reader the template and the period without the controls', async () => {
    await open(['dispute.read']);
    expect(el.querySelector('[data-test="settings-town"]')).toBeNull();
    await answer(backend.expectOne(`${TEMPLATE}?townId=town-1`), template('town-1', { source: 'uploaded', version: 3 }));
    await answer(backend.expectOne(`${PERIOD}?townId=town-1`), period('town-1'));
    expect(el.querySelector('[data-test="template-download"]')).not.toBeNull();
    expect(el.querySelector('[data-test="template-upload"]')).toBeNull();
    expect(el.querySelector('[data-test="template-file"]')).toBeNull();
    expect(el.querySelector('[data-test="template-reset"]')).toBeNull();
    expect(el.querySelector('[data-test="period-form"]')).toBeNull();
    expect(text('[data-test="period-current"]')).toBe('受理之日起 1 个月');
  });

  it('gives a manager the upload and, for an uploaded template, the way back to the built-in one', async () => {
    await open(['dispute.read', 'template.manage', 'dict.manage']);
    await answer(backend.expectOne(`${TEMPLATE}?townId=town-1`), template('town-1', { source: 'uploaded', version: 3 }));
    await answer(backend.expectOne(`${PERIOD}?townId=town-1`), period('town-1'));
    expect(el.querySelector('[data-test="template-upload"]')).not.toBeNull();
    expect(el.querySelector('[data-test="template-reset"]')).not.toBeNull();
    expect(el.querySelector('[data-test="period-form"]')).not.toBeNull();
  });
});
