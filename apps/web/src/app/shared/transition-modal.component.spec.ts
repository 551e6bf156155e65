import { TestBed } from '@angular/core/testing';
import { FormGroup } from '@angular/forms';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { NzModalService } from 'ng-zorro-antd/modal';
import { of } from 'rxjs';
import { APP_ICONS } from '../registry';
import { StepModalComponent, stepData } from './transition-modal.component';

describe('step data', () => {
  it('leaves out optional fields left empty and keeps numbers and switches as they are', () => {
    const fields = [{ name: 'court' }, { name: 'caseNo', optional: true }, { name: 'decidedOn', optional: true }, { name: 'days' }, { name: 'newRisk' }, { name: 'note', optional: true }];
    expect(stepData(fields, { court: ' 台山市人民法院 ', caseNo: '  ', decidedOn: null, days: 15, newRisk: false, note: ' 已履行 ' })).toEqual({
      court: '台山市人民法院',
      days: 15,
      newRisk: false,
      note: '已履行',
    });
  });

  it('sends a required field even when empty, for the server to name it', () => {
    expect(stepData([{ name: 'place' }], { place: ' ' })).toEqual({ place: '' });
  });
});

describe('step modal', () => {
  it('asks a field only while its condition holds, and neither checks nor sends it otherwise', async () => {
    TestBed.configureTestingModule({ providers: [provideNzIcons(APP_ICONS), NzModalService] });
    const fixture = TestBed.createComponent(StepModalComponent<unknown>);
    const sent: unknown[] = [];
    const warning = (values: Record<string, unknown>) => values['level'] === 'high';
    fixture.componentRef.setInput('step', { to: 'risk', label: { zh: '风险', en: 'Risk' }, requires: [] });
    fixture.componentRef.setInput('withRemark', false);
    fixture.componentRef.setInput('send', (body: unknown) => (sent.push(body), of({})));
    fixture.componentRef.setInput('fields', [
      {
        name: 'level',
        label: '等级',
        kind: 'select',
        options: [
          { value: 'high', label: '高' },
          { value: 'low', label: '低' },
        ],
        initial: 'low',
      },
      { name: 'unit', label: '单位', kind: 'text', shownWhen: warning },
    ]);
    await fixture.whenStable();
    const unit = () => document.querySelector('#step-unit');
    const ok = () => document.querySelector<HTMLButtonElement>('.ant-modal-footer .ant-btn-primary')!.click();
    expect(unit()).toBeNull();
    ok();
    expect(sent).toEqual([{ to: 'risk', data: { level: 'low' } }]);
    const data = (fixture.componentInstance as unknown as { data: FormGroup }).data;
    data.patchValue({ level: 'high' });
    await fixture.whenStable();
    expect(unit()).not.toBeNull();
    ok();
    await fixture.whenStable();
    expect(sent).toHaveLength(1);
    expect(document.querySelector('[data-field="unit"] .ant-form-item-explain-error')?.textContent).toContain('必填');
    data.patchValue({ unit: ' 派出所 ' });
    ok();
    expect(sent[1]).toEqual({ to: 'risk', data: { level: 'high', unit: '派出所' } });
  });

  it('asks with the fields as they are given, also when they come again with their choices loaded', async () => {
    TestBed.configureTestingModule({ providers: [provideNzIcons(APP_ICONS), NzModalService] });
    const fixture = TestBed.createComponent(StepModalComponent<unknown>);
    fixture.componentRef.setInput('step', { to: 'accepted', label: { zh: '受理', en: 'Accept' }, requires: ['mediatorIds'] });
    fixture.componentRef.setInput('send', () => of({}));
    fixture.componentRef.setInput('fields', [{ name: 'mediatorIds', label: '调解员', kind: 'multiple', options: [] }]);
    await fixture.whenStable();
    fixture.componentRef.setInput('fields', [{ name: 'mediatorIds', label: '调解员', kind: 'multiple', options: [{ value: 'o-1', label: '黄海生' }] }]);
    await fixture.whenStable();
    const shown = (fixture.componentInstance as unknown as { shown(): { options: unknown[] }[] }).shown();
    expect(shown.map((field) => field.options.length)).toEqual([1]);
  });
});
