import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeZh from '@angular/common/locales/zh';
import { ChangeDetectionStrategy, Component, Injectable, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { NzModalService } from 'ng-zorro-antd/modal';
import { APP_ICONS } from '../../registry';
import { RegisterApi } from './register-api';
import { RegisterEditor, RegisterField, phoneNumber } from './register-form';
import { RegisterDialogComponent } from './register-form.component';

registerLocaleData(localeZh, 'zh-cn');

interface Advisor {
  id: string;
  version: number;
  townId: string;
  name: string;
  phone: string | null;
  servesFrom: string;
  servesTo: string | null;
  firms: string[];
  remark: string | null;
}
type AdvisorInput = Omit<Advisor, 'id' | 'version'>;

@Injectable({ providedIn: 'root' })
class AdvisorsApi extends RegisterApi<{ item: Advisor; input: AdvisorInput; query: { q: string | null } }> {
  constructor() {
    super('/api/advisors');
  }
}

const ROW: Advisor = { id: 'a-1', version: 4, townId: 'town-1', name: '陈律师', phone: '138****5678', servesFrom: '2021-01-01', servesTo: null, firms: ['海宴律所'], remark: null };

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RegisterDialogComponent],
  template: `<fz-register-dialog [editor]="editor" name="advisor" idPrefix="ad" title="顾问" />`,
})
class HostComponent {
  readonly towns = signal(['town-1', 'town-2']);
  readonly saved: { row: Advisor; created: boolean }[] = [];
  readonly fields: RegisterField<Advisor>[] = [
    {
      name: 'townId',
      kind: 'select',
      label: 'record.town',
      required: true,
      when: () => this.editor.item() === null && this.towns().length > 1,
      options: () => this.towns().map((id) => ({ value: id, label: id })),
      clears: ['remark'],
    },
    { name: 'name', kind: 'text', label: 'record.remark', required: true, max: 50, half: true },
    { name: 'phone', kind: 'text', label: 'record.remark', validators: [phoneNumber], masked: true, extra: (row) => (row?.phone ? 'record.unmaskHint' : null) },
    { name: 'servesFrom', kind: 'date', label: 'record.remark', required: true, half: true },
    { name: 'servesTo', kind: 'date', label: 'record.remark', half: true, after: 'servesFrom', problems: { order: 'record.void' } },
    { name: 'firms', kind: 'tags', label: 'record.remark' },
    { name: 'remark', kind: 'textarea', label: 'record.remark', max: 500 },
  ];
  readonly editor = new RegisterEditor(this.fields, TestBed.inject(AdvisorsApi), (row, created) => this.saved.push({ row, created }));
}

describe('the register form', () => {
  let backend: HttpTestingController;
  let host: HostComponent;
  const settle = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
  };
  let fixture: ReturnType<typeof TestBed.createComponent<HostComponent>>;
  const q = <E extends Element = HTMLElement>(selector: string) => document.querySelector<E>(selector);
  const type = (selector: string, value: string) => {
    const input = q<HTMLInputElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideNzIcons(APP_ICONS), NzModalService] });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(HostComponent);
    host = fixture.componentInstance;
    await settle();
  });

  afterEach(() => {
    backend.verify();
    fixture.destroy();
    document.querySelectorAll('.cdk-overlay-container').forEach((node) => (node.innerHTML = ''));
  });

  it('creates with the fields shown, as the API takes them: texts trimmed, empty ones null, dates and tags', async () => {
    host.editor.create();
    await settle();
    expect([...document.querySelectorAll('[data-test="advisor-form"] [data-field]')].map((n) => n.getAttribute('data-field'))).toEqual([
      'townId',
      'name',
      'phone',
      'servesFrom',
      'servesTo',
      'firms',
      'remark',
    ]);
    expect(q('#ad-name')).not.toBeNull();
    q<HTMLButtonElement>('[data-test="advisor-save"]')!.click();
    await settle();
    backend.expectNone('/api/advisors');
    expect(host.editor.form.controls['name'].errors).toEqual({ required: true });

    host.editor.form.patchValue({ townId: 'town-2', servesFrom: new Date(2021, 0, 4), firms: [' 海宴律所 ', ' '] });
    type('#ad-name', ' 陈律师 ');
    type('#ad-phone', '12345');
    await settle();
    expect(host.editor.form.controls['phone'].errors).toEqual({ phone: true });
    type('#ad-phone', '');
    q<HTMLButtonElement>('[data-test="advisor-save"]')!.click();
    const req = backend.expectOne({ method: 'POST', url: '/api/advisors' });
    expect(req.request.body).toEqual({ townId: 'town-2', name: '陈律师', phone: null, servesFrom: '2021-01-04', servesTo: null, firms: ['海宴律所'], remark: null });
    req.flush({ ...ROW, id: 'a-2' });
    await settle();
    expect(host.saved).toEqual([{ row: { ...ROW, id: 'a-2' }, created: true }]);
    expect(host.editor.open()).toBeNull();
    expect(q('[data-test="advisor-form"]')).toBeNull();
  });

  it('edits with the version read: a hidden field and an untouched masked one stay out; the stale answer shows above the form', async () => {
    host.editor.edit(ROW);
    await settle();
    expect(host.editor.shown().map((f) => f.name)).not.toContain('townId');
    expect(q('[data-field="phone"]')?.textContent).toContain('审计日志');
    type('#ad-remark', '兼任');
    q<HTMLButtonElement>('[data-test="advisor-save"]')!.click();
    const req = backend.expectOne({ method: 'PATCH', url: '/api/advisors/a-1' });
    expect(req.request.body).toEqual({ version: 4, name: '陈律师', servesFrom: '2021-01-01', servesTo: null, firms: ['海宴律所'], remark: '兼任' });
    req.flush({ statusCode: 409, code: 'STALE_VERSION', message: '记录已被他人修改，请刷新后重试' }, { status: 409, statusText: 'Conflict' });
    await settle();
    expect(q('[data-test="form-error"]')?.textContent).toContain('记录已被他人修改');
    expect(host.editor.open()).not.toBeNull();

    type('#ad-phone', '13800138000');
    host.editor.submit();
    const again = backend.expectOne({ method: 'PATCH', url: '/api/advisors/a-1' });
    expect(again.request.body).toMatchObject({ version: 4, phone: '13800138000' });
    again.flush({ ...ROW, version: 5 });
    await settle();
    expect(host.saved.map((s) => s.created)).toEqual([false]);
  });

  it('checks an end date against its start, again when the start changes, and clears a field that follows another', async () => {
    host.editor.create();
    await settle();
    host.editor.form.patchValue({ servesFrom: new Date(2021, 5, 1), servesTo: new Date(2021, 0, 1), remark: '旧' });
    expect(host.editor.form.controls['servesTo'].errors).toEqual({ order: true });
    host.editor.form.controls['servesTo'].markAsTouched();
    await settle();
    expect(q('[data-field="servesTo"]')?.textContent).toContain('作废');
    host.editor.form.controls['servesFrom'].setValue(new Date(2020, 0, 1));
    expect(host.editor.form.controls['servesTo'].errors).toBeNull();
    host.editor.form.controls['townId'].setValue('town-1');
    expect(host.editor.form.controls['remark'].value).toBe('');
    expect(host.editor.values()['townId']).toBe('town-1');

    host.towns.set(['town-1']);
    host.editor.create();
    await settle();
    expect(host.editor.shown().map((f) => f.name)).not.toContain('townId');
    expect(host.editor.form.controls['townId'].disabled).toBe(true);
  });
});

describe('the register API base', () => {
  it('speaks the verbs of a register at its base', () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const api = TestBed.inject(AdvisorsApi);
    const backend = TestBed.inject(HttpTestingController);
    api.list({ q: '陈', page: 2, pageSize: 20 }).subscribe();
    expect(backend.expectOne((r) => r.method === 'GET' && r.urlWithParams === `/api/advisors?q=${encodeURIComponent('陈')}&page=2&pageSize=20`)).toBeTruthy();
    api.get('a/1').subscribe();
    backend.expectOne('/api/advisors/a%2F1');
    api.remove('a-1', 4).subscribe();
    expect(backend.expectOne('/api/advisors/a-1?version=4').request.method).toBe('DELETE');
    api.unmask('a-1', ['phone'], '联系').subscribe();
    expect(backend.expectOne('/api/advisors/a-1/unmask').request.body).toEqual({ fields: ['phone'], reason: '联系' });
    backend.verify();
  });
});
