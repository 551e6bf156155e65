import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { NzModalService } from 'ng-zorro-antd/modal';
import { Subject } from 'rxjs';
import { I18nService } from '../../core/i18n/i18n.service';
import { APP_ICONS } from '../../registry';
import { PickModalComponent, Picks } from './pick-modal.component';
import { Attempt } from './refusal.component';

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PickModalComponent],
  template: `
    <fz-pick-modal title="添加" hint="只列出可添加的" okText="添加所选" [picks]="picks" [attempt]="attempt" testId="pick" (searched)="searches.push($event)" (confirmed)="confirm($event)">
      <p data-test="choices">choices</p>
    </fz-pick-modal>
  `,
})
class HostComponent {
  readonly picks = new Picks();
  readonly attempt = new Attempt(TestBed.inject(I18nService).t);
  readonly searches: (string | null)[] = [];
  readonly answers = new Subject<unknown>();
  readonly confirmed: string[][] = [];

  confirm(ids: string[]): void {
    this.confirmed.push(ids);
    this.attempt.run(this.answers, () => undefined);
  }
}

describe('the pick modal', () => {
  it('adds what is picked, searches with the trimmed words, and lists what a refusal names', async () => {
    TestBed.configureTestingModule({ providers: [provideNzIcons(APP_ICONS), NzModalService] });
    const fixture = TestBed.createComponent(HostComponent);
    const host = fixture.componentInstance;
    await fixture.whenStable();
    const ok = () => document.querySelector<HTMLButtonElement>('.ant-modal-footer .ant-btn-primary')!;
    expect(document.querySelector('[data-test="choices"]')).not.toBeNull();
    expect(ok().disabled).toBe(true);

    const q = document.querySelector<HTMLInputElement>('[data-test="pick-q"]')!;
    q.value = ' 广海 ';
    q.dispatchEvent(new Event('input'));
    q.form!.dispatchEvent(new Event('submit'));
    expect(host.searches).toEqual(['广海']);

    host.picks.toggle('v-1', true);
    host.picks.toggle('v-2', true);
    host.picks.toggle('v-1', false);
    fixture.detectChanges();
    await fixture.whenStable();
    expect(ok().disabled).toBe(false);
    ok().click();
    expect(host.confirmed).toEqual([['v-2']]);
    host.answers.error(
      new HttpErrorResponse({ status: 409, error: { statusCode: 409, code: 'X', message: '有船舶不能纳入', errors: [{ path: '广海三无〔2026〕第0002号', code: 'state', message: '已自行拆解' }] } }),
    );
    fixture.detectChanges();
    await fixture.whenStable();
    const refused = document.querySelector('[data-test="pick-error"]')?.textContent ?? '';
    expect(refused).toContain('有船舶不能纳入');
    expect(refused).toContain('广海三无〔2026〕第0002号：已自行拆解');
    fixture.destroy();
  });
});
