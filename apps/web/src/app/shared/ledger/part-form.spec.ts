import { TestBed } from '@angular/core/testing';
import { NzMessageService } from 'ng-zorro-antd/message';
import { of } from 'rxjs';
import { PartForms, partField } from './part-form';

describe('part forms', () => {
  it('labels a field in the reader’s language', () => {
    const field = partField((key: string) => `«${key}»`);
    expect(field('date', 'record.remark', 'date', { optional: true })).toEqual({ name: 'date', label: '«record.remark»', kind: 'date', optional: true });
  });

  it('closes a form that went through, hands its answer to the page and says its message', () => {
    const said: string[] = [];
    TestBed.configureTestingModule({ providers: [{ provide: NzMessageService, useValue: { success: (text: string) => said.push(text) } }] });
    const saved: number[] = [];
    const forms = TestBed.runInInjectionContext(() => new PartForms<number>((answer) => saved.push(answer)));
    forms.show('加一条', [], () => of(7), 'part', '已保存');
    expect(forms.open()?.step.to).toBe('part');
    forms.finish(7);
    expect([forms.open(), saved, said]).toEqual([null, [7], ['已保存']]);
    forms.show('再加一条', [], () => of(8));
    forms.finish(8);
    expect([forms.open(), saved, said]).toEqual([null, [7, 8], ['已保存']]);
  });
});
