import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AttachmentDto } from '@fazhi/contracts';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { NzModalService } from 'ng-zorro-antd/modal';
import { testMe } from '../../../testing/me';
import { AuthService } from '../../core/auth/auth.service';
import { APP_ICONS } from '../../registry';
import { LedgerApi } from './ledger-api';
import { LedgerView } from './ledger-view';
import { PartForms } from './part-form';
import { RecordShellComponent, ShellRecord } from './record-shell.component';
import { UnmaskLinkComponent } from './unmask-link.component';

type Thing = ShellRecord & { note: string | null; ownerName: string };
type ThingTypes = { item: Thing; detail: Thing & { attachments: AttachmentDto[] }; input: object; query: object; unmasked: { ownerName: string } };

const VIEW: LedgerView = {
  name: 'thing',
  path: '/things',
  write: 'vessel.write',
  statusLabels: { open: { zh: '办理中', en: 'Open', color: 'blue' }, done: { zh: '办结', en: 'Done', color: 'green' } },
  closed: ['done'],
  words: {
    title: 'record.town',
    subtitle: 'record.town',
    create: 'record.town',
    dueText: 'record.town',
    voidHint: 'record.town',
    voidDone: 'record.voidDone',
    reopenDone: 'record.reopenDone',
    unmaskTitle: 'record.unmask',
    stepDone: 'record.voidDone',
    evidence: 'record.town',
  },
};
const THING: Thing & { attachments: AttachmentDto[] } = {
  id: 't-1',
  number: '事〔2026〕第1号',
  status: 'open',
  voided: false,
  voidReason: null,
  version: 3,
  deadline: null,
  transitions: [],
  attachments: [],
  note: null,
  ownerName: '黄*',
};

/** A ledger's detail page as the features write it: the record in the shell, its small form and the unmask link inside. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RecordShellComponent, UnmaskLinkComponent],
  template: `
    <fz-record-shell #shell [view]="view" [api]="api" [record]="record()" [timeline]="[]" [unmaskFields]="['ownerName']" [forms]="forms" (unmasked)="owner.set($event.answer.ownerName)">
      <p data-test="thing-owner">
        {{ owner() ?? record().ownerName }}
        @if (!owner()) {
          <fz-unmask-link [shell]="shell" testId="thing-unmask" />
        }
      </p>
      <p data-test="thing-note">{{ record().note ?? '—' }}</p>
    </fz-record-shell>
  `,
})
class ThingDetailComponent {
  readonly view = VIEW;
  readonly api = new LedgerApi<ThingTypes>('/api/things', { exportName: 'things.xlsx' });
  readonly record = signal(THING);
  readonly owner = signal<string | null>(null);
  readonly forms = new PartForms<ThingTypes['detail']>((detail) => this.record.set(detail));
}

describe('the record shell', () => {
  let backend: HttpTestingController;

  afterEach(() => backend.verify());

  async function open(permissions: Parameters<typeof testMe>[0]) {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideNzIcons(APP_ICONS), NzModalService] });
    TestBed.inject(AuthService).set(testMe(permissions));
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ThingDetailComponent);
    await fixture.whenStable();
    return { fixture, page: fixture.componentInstance, el: fixture.nativeElement as HTMLElement };
  }

  it("shows the page's small form in its step modal, and the answer replaces the record", async () => {
    const { fixture, page, el } = await open(['vessel.write']);
    page.forms.show('记一笔', [{ name: 'note', kind: 'text', label: '说明' }], (data) => page.api.update(THING.id, { version: THING.version, ...data }) as never, 'note', '已保存');
    await fixture.whenStable();
    const input = document.querySelector<HTMLInputElement>('#step-note')!;
    input.value = '已电话联系';
    input.dispatchEvent(new Event('input'));
    document.querySelector<HTMLButtonElement>('.ant-modal-footer .ant-btn-primary')!.click();
    const sent = backend.expectOne('/api/things/t-1');
    expect(sent.request.body).toEqual({ version: 3, note: '已电话联系' });
    sent.flush({ ...THING, version: 4, note: '已电话联系' });
    await fixture.whenStable();
    expect(page.forms.open()).toBeNull();
    expect(el.querySelector('[data-test="thing-note"]')?.textContent).toContain('已电话联系');
  });

  it('offers the unmask link to a holder of personal.unmask, and asks the reason in the shell', async () => {
    const { fixture, el } = await open(['vessel.write', 'personal.unmask']);
    el.querySelector<HTMLElement>('[data-test="thing-unmask"]')!.click();
    await fixture.whenStable();
    const reason = document.querySelector<HTMLTextAreaElement>('[data-test="reason-input"]')!;
    reason.value = '核对身份';
    reason.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    document.querySelector<HTMLButtonElement>('.ant-modal-footer .ant-btn-primary')!.click();
    const asked = backend.expectOne('/api/things/t-1/unmask');
    expect(asked.request.body).toEqual({ fields: ['ownerName'], reason: '核对身份' });
    asked.flush({ ownerName: '黄大海' });
    await fixture.whenStable();
    expect(el.querySelector('[data-test="thing-owner"]')?.textContent).toContain('黄大海');
    expect(el.querySelector('[data-test="thing-unmask"]')).toBeNull();
  });

  it('offers no unmask link without personal.unmask', async () => {
    const { el } = await open(['vessel.write']);
    expect(el.querySelector('[data-test="thing-unmask"]')).toBeNull();
  });
});
