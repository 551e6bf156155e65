import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { applyFieldErrors } from '../core/http/api-error';
import { FieldComponent } from './field.component';
import { revealErrors } from './form-errors';
import { ZORRO_IMPORTS } from './zorro';

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, ZORRO_IMPORTS, FieldComponent],
  template: `
    <form nz-form [formGroup]="form" (ngSubmit)="submit()">
      <fz-field label="船主姓名" for="owner" required [control]="form.controls.owner" extra="与身份证一致">
        <input nz-input id="owner" formControlName="owner" />
      </fz-field>
      <fz-field label="确认密码" for="confirm" [control]="form.controls.confirm" [problem]="mismatch() ? '两次输入的密码不一致' : null">
        <input nz-input id="confirm" formControlName="confirm" />
      </fz-field>
      <fz-field label="村(社区)" for="village" [control]="form.controls.village">
        <nz-select nzId="village" formControlName="village">
          <nz-option nzValue="nanwan" nzLabel="南湾村" />
        </nz-select>
      </fz-field>
      <button type="submit">保存</button>
    </form>
  `,
})
class HostComponent {
  readonly form = new FormGroup({
    owner: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    village: new FormControl<string | null>(null, [Validators.required]),
    confirm: new FormControl('', { nonNullable: true }),
  });
  readonly mismatch = signal(false);
  submit(): void {
    revealErrors(this.form);
  }
}

describe('form field', () => {
  async function open() {
    const fixture = TestBed.createComponent(HostComponent);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('labels its control, marks it required and shows the hint', async () => {
    const { el } = await open();
    const label = el.querySelector('label')!;
    expect(label.getAttribute('for')).toBe('owner');
    expect(label.textContent).toContain('船主姓名');
    expect(label.classList).toContain('ant-form-item-required');
    expect(el.querySelector('.ant-form-item-extra')?.textContent).toContain('与身份证一致');
    expect(el.querySelector('.ant-form-item-explain-error')).toBeNull();
  });

  it('shows the first error once the form is submitted, and drops it when mended', async () => {
    const { fixture, el } = await open();
    el.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await fixture.whenStable();
    expect(el.querySelector('.ant-form-item-has-error #owner')).not.toBeNull();
    expect(el.querySelector('.ant-form-item-explain-error')?.textContent).toContain('必填');
    // The content controls take the status too: red borders, and the select fills the field.
    expect(el.querySelector('#owner')!.classList).toContain('ant-input-status-error');
    const select = el.querySelector('nz-select')!;
    expect(select.classList).toContain('ant-select-status-error');
    expect(select.classList).toContain('ant-select-in-form-item');

    const input = el.querySelector<HTMLInputElement>('#owner')!;
    input.value = '黄海生';
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(input.closest('nz-form-item')!.classList).not.toContain('ant-form-item-has-error');
    expect(input.classList).not.toContain('ant-input-status-error');
  });

  it("shows the server's words for the field", async () => {
    const { fixture, el } = await open();
    const form = fixture.componentInstance.form;
    form.controls.owner.setValue('黄');
    applyFieldErrors(form, [{ path: 'owner', code: 'name', message: '姓名至少两个字' }]);
    await fixture.whenStable();
    expect(el.querySelector('.ant-form-item-explain-error')?.textContent).toContain('姓名至少两个字');
  });

  it('shows a problem the whole form finds with the field, and drops it when the form does', async () => {
    const { fixture, el } = await open();
    const confirm = el.querySelector<HTMLInputElement>('#confirm')!;
    fixture.componentInstance.mismatch.set(true);
    await fixture.whenStable();
    expect(confirm.closest('nz-form-item')!.classList).toContain('ant-form-item-has-error');
    expect(confirm.classList).toContain('ant-input-status-error');
    expect(confirm.closest('nz-form-item')!.textContent).toContain('两次输入的密码不一致');

    fixture.componentInstance.mismatch.set(false);
    await fixture.whenStable();
    expect(confirm.closest('nz-form-item')!.classList).not.toContain('ant-form-item-has-error');
  });
});
