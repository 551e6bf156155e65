import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { By } from '@angular/platform-browser';
import { provideRouter } from '@angular/router';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { NzModalService } from 'ng-zorro-antd/modal';
import { of } from 'rxjs';
import { testMe } from '../../testing/me';
import { AuthService } from '../core/auth/auth.service';
import { APP_ICONS } from '../registry';
import { InputFieldComponent, InputSpec } from './input-field.component';
import { FormPageComponent, FormPageDefinition } from './ledger/form-page.component';
import { StepModalComponent } from './transition-modal.component';
import { RegisterEditor } from './register/register-form';
import { RegisterFormComponent } from './register/register-form.component';

const SPECS: InputSpec[] = [
  { name: 'title', kind: 'text', id: 'f-title', label: '标题', required: true, placeholder: '一句话', inputMode: 'text', extra: '不超过 20 字' },
  { name: 'body', kind: 'textarea', id: 'f-body', label: '内容', rows: [3, 8] },
  { name: 'count', kind: 'number', id: 'f-count', label: '人数', min: 1, max: 99, precision: 0 },
  { name: 'day', kind: 'date', id: 'f-day', label: '日期' },
  { name: 'at', kind: 'datetime', id: 'f-at', label: '时间' },
  { name: 'kind', kind: 'select', id: 'f-kind', label: '类别', options: [{ value: 'a', label: '甲' }], testId: 'f-kind', clear: true, placeholder: '请选择' },
  { name: 'firms', kind: 'tags', id: 'f-firms', label: '律所', testId: 'f-firms' },
  { name: 'mediators', kind: 'multiple', id: 'f-mediators', label: '调解员' },
  { name: 'secret', kind: 'switch', id: 'f-secret', label: '保密', testId: 'f-secret' },
];

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [InputFieldComponent],
  template: `
    @for (spec of specs; track spec.name) {
      <fz-input-field [spec]="spec" [control]="form.controls[spec.name]" [problem]="spec.name === 'body' ? problem() : null" />
    }
  `,
})
class HostComponent {
  readonly specs = SPECS;
  readonly form = new FormGroup<Record<string, FormControl<unknown>>>(
    Object.fromEntries(SPECS.map((spec) => [spec.name, new FormControl<unknown>(spec.kind === 'tags' || spec.kind === 'multiple' ? [] : null, spec.required ? Validators.required : [])])),
  );
  readonly problem = signal<string | null>(null);
}

describe('the input field', () => {
  async function open() {
    TestBed.configureTestingModule({ providers: [provideNzIcons(APP_ICONS)] });
    const fixture = TestBed.createComponent(HostComponent);
    await fixture.whenStable();
    return { fixture, host: fixture.componentInstance, el: fixture.nativeElement as HTMLElement };
  }

  it('draws each kind of field with its label, id, star, hint and choices', async () => {
    const { el } = await open();
    expect([...el.querySelectorAll('[data-field]')].map((n) => n.getAttribute('data-field'))).toEqual(SPECS.map((s) => s.name));
    for (const spec of SPECS) expect(el.querySelector(`label[for="${spec.id}"]`)?.textContent?.trim()).toBe(spec.label);
    expect(el.querySelector('label[for="f-title"]')?.classList).toContain('ant-form-item-required');
    expect(el.querySelector('label[for="f-body"]')?.classList).not.toContain('ant-form-item-required');
    const title = el.querySelector<HTMLInputElement>('input#f-title')!;
    expect([title.placeholder, title.getAttribute('inputmode'), title.autocomplete]).toEqual(['一句话', 'text', 'off']);
    expect(el.querySelector('[data-field="title"]')?.textContent).toContain('不超过 20 字');
    expect(el.querySelector('textarea#f-body')).not.toBeNull();
    expect(el.querySelector('nz-input-number input#f-count')).not.toBeNull();
    expect(el.querySelector('nz-date-picker input#f-day')).not.toBeNull();
    expect(el.querySelector('nz-date-picker input#f-at')?.getAttribute('placeholder')).toBe('请选择日期');
    expect(el.querySelector('nz-select[data-test="f-kind"]')?.classList).toContain('ant-select-single');
    expect(el.querySelector('nz-select[data-test="f-kind"]')?.textContent).toContain('请选择');
    expect(el.querySelector('nz-select[data-test="f-firms"]')?.classList).toContain('ant-select-multiple');
    expect(el.querySelector('[data-field="mediators"] nz-select')?.classList).toContain('ant-select-multiple');
    expect(el.querySelector('nz-switch[data-test="f-secret"] #f-secret')).not.toBeNull();
  });

  it('binds the control: typing sets it, setting it shows, and its error or the form’s problem shows once touched', async () => {
    const { fixture, host, el } = await open();
    const title = el.querySelector<HTMLInputElement>('input#f-title')!;
    title.value = '宅基地';
    title.dispatchEvent(new Event('input'));
    expect(host.form.controls['title'].value).toBe('宅基地');
    host.form.controls['body'].setValue('边界争议');
    await fixture.whenStable();
    expect(el.querySelector<HTMLTextAreaElement>('textarea#f-body')!.value).toBe('边界争议');
    host.form.controls['title'].setValue('');
    host.form.markAllAsTouched();
    host.problem.set('内容与类别不符');
    await fixture.whenStable();
    expect(el.querySelector('[data-field="title"] .ant-form-item-explain-error')?.textContent).toContain('必填');
    expect(el.querySelector('[data-field="body"] .ant-form-item-explain-error')?.textContent).toContain('内容与类别不符');
  });
});

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormPageComponent, RegisterFormComponent, StepModalComponent],
  template: `
    <fz-form-page [page]="page" title="新事项" subtitle="登记" [form]="form" [request]="request" />
    <fz-register-form [editor]="editor" name="thing" idPrefix="r" />
    <fz-step-modal [step]="step" [fields]="[{ name: 'date', kind: 'date', label: '日期' }]" [send]="send" />
  `,
})
class ThreeFormsComponent {
  readonly page: FormPageDefinition = {
    name: 'thing',
    idPrefix: 'p',
    submitTest: 'thing-save',
    path: '/things',
    saved: 'record.voidDone',
    fields: [
      { name: 'title', kind: 'text', label: 'record.remark' },
      { name: 'count', kind: 'number', label: 'record.town' },
    ],
  };
  readonly form = new FormGroup({ title: new FormControl(''), count: new FormControl<number | null>(null) });
  readonly request = () => of({ id: 'x', number: 'X-1' });
  readonly editor = new RegisterEditor<{ id: string; version: number }>([{ name: 'name', kind: 'text', label: 'record.remark' }], {
    create: () => of({ id: 'x', version: 1 }),
    update: () => of({ id: 'x', version: 2 }),
  });
  readonly step = { to: 'done', label: { zh: '办结', en: 'Done' }, requires: ['date'] };
  readonly send = () => of({});
}

describe('the forms of the kit', () => {
  it('draw their fields with the one input field: the form page, a register’s form and the step modal', async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideNzIcons(APP_ICONS), NzModalService] });
    TestBed.inject(AuthService).set(testMe());
    const fixture = TestBed.createComponent(ThreeFormsComponent);
    fixture.componentInstance.editor.create();
    await fixture.whenStable();
    const drawn = (host: unknown) => fixture.debugElement.query(By.directive(host as never)).queryAll(By.directive(InputFieldComponent)).length;
    expect(drawn(FormPageComponent)).toBe(2);
    expect(drawn(RegisterFormComponent)).toBe(1);
    expect(document.querySelectorAll('.ant-modal fz-input-field')).toHaveLength(1);
    expect(document.querySelector('.ant-modal nz-date-picker input#step-date')).not.toBeNull();
    fixture.destroy();
    document.querySelectorAll('.cdk-overlay-container').forEach((node) => (node.innerHTML = ''));
  });
});
