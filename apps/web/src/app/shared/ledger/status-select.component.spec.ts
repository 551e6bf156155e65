import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, NgModel, ReactiveFormsModule } from '@angular/forms';
import { By } from '@angular/platform-browser';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { APP_ICONS } from '../../registry';
import { LedgerView } from './ledger-view';
import { StatusSelectComponent } from './status-select.component';

const VIEW = {
  name: 'note',
  path: '/notes',
  write: 'dispute.write',
  statusLabels: { open: { zh: '办理中', en: 'Open', color: 'blue' }, done: { zh: '已办结', en: 'Done', color: 'green' } },
  closed: ['done'],
  words: {},
} as unknown as LedgerView;

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, StatusSelectComponent],
  template: `<fz-status-select [formControl]="status" [view]="view" [statuses]="['open', 'done']" placeholder="状态" />`,
})
class HostComponent {
  readonly view = VIEW;
  readonly status = new FormControl<string[]>(['done'], { nonNullable: true });
}

describe('the status select of a list filter', () => {
  it('shows the chosen states as their tags and hands a new choice to the form', async () => {
    TestBed.configureTestingModule({ providers: [provideNzIcons(APP_ICONS)] });
    const fixture = TestBed.createComponent(HostComponent);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    expect([...root.querySelectorAll('.ant-select-selection-item nz-tag')].map((tag) => tag.textContent?.trim())).toEqual(['已办结']);
    expect(root.querySelector('.ant-select-selection-item nz-tag')?.className).toContain('ant-tag-green');

    fixture.debugElement.query(By.directive(NgModel)).injector.get(NgModel).viewToModelUpdate(['open', 'done']);
    expect(fixture.componentInstance.status.value).toEqual(['open', 'done']);

    fixture.componentInstance.status.setValue([]);
    await fixture.whenStable();
    expect(root.querySelectorAll('.ant-select-selection-item').length).toBe(0);
  });
});
