import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup } from '@angular/forms';
import { Router, provideRouter } from '@angular/router';
import { OrgTreeNode } from '@fazhi/contracts';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { Observable, of, throwError } from 'rxjs';
import { HttpErrorResponse } from '@angular/common/http';
import { testMe } from '../../../testing/me';
import { AuthService } from '../../core/auth/auth.service';
import { APP_ICONS } from '../../registry';
import { FormField, FormPageComponent, FormPageDefinition, FormSlotDirective, labelOptions, textControl } from './form-page.component';

const FIELDS: readonly FormField[] = [
  { name: 'town', kind: 'place', testId: 'x-village' },
  { name: 'title', kind: 'text', label: 'record.remark', placeholder: 'record.town' },
  { name: 'kind', kind: 'select', label: 'record.town', options: labelOptions({ a: '甲', b: '乙' }), testId: 'x-kind' },
  { name: 'secret', kind: 'switch', label: 'record.reason', span: [24] },
  { name: 'owner', kind: 'text', label: 'record.village', span: [24, 8], hiddenWhen: (v) => !!v['secret'] },
  { name: 'extra', kind: 'slot', span: [24] },
];

const TREE = [
  { id: 'town-1', name: '广海镇', level: 'town', children: [{ id: 'v-1', name: '南湾村', level: 'village', children: [] }] },
  { id: 'town-2', name: '川岛镇', level: 'town', children: [{ id: 'v-2', name: '沙堤村', level: 'village', children: [] }] },
] as unknown as OrgTreeNode[];

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormPageComponent, FormSlotDirective],
  template: `
    <fz-form-page [page]="page" title="新事项" subtitle="登记" [form]="form" [request]="request" (reload)="reloads.set(reloads() + 1)">
      <ng-template fzFormSlot="extra"><p data-test="slot">自定义</p></ng-template>
    </fz-form-page>
  `,
})
class HostComponent {
  readonly page: FormPageDefinition = { name: 'thing', idPrefix: 'x', submitTest: 'thing-save', path: '/things', saved: 'record.voidDone', fields: FIELDS };
  readonly form = new FormGroup({
    townId: new FormControl<string | null>(null),
    villageId: new FormControl<string | null>(null),
    title: textControl(10, true),
    kind: new FormControl<string | null>('a'),
    secret: new FormControl(false, { nonNullable: true }),
    owner: textControl(20),
  });
  readonly sent: unknown[] = [];
  readonly reloads = signal(0);
  answer: Observable<{ id: string; number: string }> = of({ id: 'id-1', number: 'X-1' });
  readonly request = () => {
    this.sent.push(this.form.getRawValue());
    return this.answer;
  };
}

describe('form page', () => {
  async function open(towns = 1) {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideNzIcons(APP_ICONS)] });
    const scope = { towns: TREE.slice(0, towns).map((t) => ({ id: t.id, name: t.name, level: 'town' as const })), villages: [], ownOnly: false };
    TestBed.inject(AuthService).set(testMe([], { scope }));
    const fixture = TestBed.createComponent(HostComponent);
    await fixture.whenStable();
    TestBed.inject(HttpTestingController).expectOne('/api/org-units/tree').flush(TREE);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    return { fixture, host: fixture.componentInstance, el, navigate: jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true) };
  }

  it('lays the fields out with their ids, stars, hints and slot, and hides a field while its condition holds', async () => {
    const { fixture, host, el } = await open();
    expect(el.querySelector('[data-test="thing-form"]')).not.toBeNull();
    expect(el.querySelector('#x-town')).toBeNull();
    expect(el.querySelector('[data-test="x-village"]')).not.toBeNull();
    expect(el.querySelector<HTMLInputElement>('input#x-title')?.placeholder).toBe('镇(街道)');
    expect(el.querySelector('label[for="x-title"]')?.classList).toContain('ant-form-item-required');
    expect(el.querySelector('label[for="x-owner"]')?.classList).not.toContain('ant-form-item-required');
    expect(el.querySelector('[data-test="slot"]')?.textContent).toBe('自定义');
    expect(el.querySelector('#x-owner')).not.toBeNull();
    host.form.controls.secret.setValue(true);
    await fixture.whenStable();
    expect(el.querySelector('#x-owner')).toBeNull();
  });

  it('asks a user of several towns for the town, and a new town clears the village', async () => {
    const { fixture, host, el } = await open(2);
    expect(el.querySelector('label[for="x-town"]')?.classList).toContain('ant-form-item-required');
    host.form.patchValue({ townId: 'town-2' });
    host.form.patchValue({ villageId: 'v-2' });
    host.form.patchValue({ townId: 'town-1' });
    await fixture.whenStable();
    expect(host.form.controls.villageId.value).toBeNull();
    expect(host.form.controls.townId.hasError('required')).toBe(false);
    host.form.patchValue({ townId: null });
    expect(host.form.controls.townId.hasError('required')).toBe(true);
  });

  it('shows the errors instead of saving an invalid form, then saves and opens the record', async () => {
    const { fixture, host, el, navigate } = await open();
    el.querySelector<HTMLButtonElement>('[data-test="thing-save"]')!.click();
    await fixture.whenStable();
    expect(host.sent).toEqual([]);
    expect(el.querySelector('.ant-form-item-has-error #x-title')).not.toBeNull();
    host.form.patchValue({ title: '台账' });
    el.querySelector<HTMLButtonElement>('[data-test="thing-save"]')!.click();
    expect(host.sent).toHaveLength(1);
    expect(navigate).toHaveBeenCalledWith(['/things', 'id-1']);
  });

  it('offers a reload after a stale save, and none after another error', async () => {
    const { fixture, host, el } = await open();
    host.form.patchValue({ title: '台账' });
    const fail = (code: string, status: number) => throwError(() => new HttpErrorResponse({ status, error: { statusCode: status, code, message: '失败' } }));
    host.answer = fail('VALIDATION_FAILED', 400);
    el.querySelector<HTMLButtonElement>('[data-test="thing-save"]')!.click();
    await fixture.whenStable();
    expect(el.querySelector('[data-test="form-error"]')).not.toBeNull();
    expect(el.querySelector('[data-test="form-reload"]')).toBeNull();
    host.answer = fail('STALE_VERSION', 409);
    el.querySelector<HTMLButtonElement>('[data-test="thing-save"]')!.click();
    await fixture.whenStable();
    el.querySelector<HTMLButtonElement>('[data-test="form-reload"]')!.click();
    await fixture.whenStable();
    expect(host.reloads()).toBe(1);
    expect(el.querySelector('[data-test="form-error"]')).toBeNull();
  });
});
