import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeZh from '@angular/common/locales/zh';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { FormGroup } from '@angular/forms';
import { By } from '@angular/platform-browser';
import { provideRouter } from '@angular/router';
import { DISPUTE_TRANSITIONS, DisputeDetailDto, PeaceOfficerDto } from '@fazhi/contracts';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { NzModalService } from 'ng-zorro-antd/modal';
import { testMe } from '../../../testing/me';
import { AuthService } from '../../core/auth/auth.service';
import { APP_ICONS } from '../../registry';
import { StepModalComponent } from '../../shared/transition-modal.component';
import { DisputeDetailComponent, disputeStepInputs } from './dispute-detail.component';

registerLocaleData(localeZh, 'zh-cn');

const t = (key: string) => key;
const RECORD = {
  parties: [
    { id: 'p-1', role: 'applicant', name: '黄*生' },
    { id: 'p-2', role: 'respondent', name: '李*明' },
  ],
} as unknown as DisputeDetailDto;
const OFFICERS = [{ id: 'o-1', name: '甄秀英', villageName: '南湾村' }] as PeaceOfficerDto[];

describe('dispute step fields', () => {
  it.each(DISPUTE_TRANSITIONS.filter((r) => r.requires?.length).map((r) => [r.to, [...(r.requires ?? [])]] as const))(
    'asks for %s exactly the fields the step requires, each labelled',
    (_to, requires) => {
      const inputs = disputeStepInputs(requires, RECORD, OFFICERS, t);
      expect(inputs.map((i) => i.name)).toEqual(requires);
      expect(inputs.filter((i) => i.label === i.name).map((i) => i.name)).toEqual([]);
    },
  );

  it('offers the peace officers, the parties and the label maps as choices', () => {
    const inputs = disputeStepInputs(['mediatorIds', 'refusingPartyId', 'referralRoute', 'performanceDeadline', 'terms', 'acceptedOn'], RECORD, OFFICERS, t);
    expect(inputs.map((i) => i.kind)).toEqual(['multiple', 'select', 'select', 'date', 'textarea', 'date']);
    expect(inputs[0].options).toEqual([{ value: 'o-1', label: '甄秀英 · 南湾村' }]);
    expect(inputs[1].options?.map((o) => o.value)).toEqual(['p-1', 'p-2']);
    expect(inputs[2].options?.map((o) => o.value)).toEqual(['litigation', 'arbitration', 'administrative', 'other']);
  });
});

describe('dispute detail actions', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<DisputeDetailComponent>;

  const detail = (over: Partial<DisputeDetailDto>): DisputeDetailDto =>
    ({
      id: 'd-1',
      number: '广海调〔2021〕第0001号',
      status: 'mediating',
      townId: 'town-1',
      townName: '广海镇',
      villageName: '南湾村',
      riskLevel: 'normal',
      warning: null,
      parties: [
        { id: 'p-1', role: 'applicant', name: '黄*生', idNumber: '440781********1234', phone: '138****5678', address: null, sortOrder: 0 },
        { id: 'p-2', role: 'respondent', name: '李*明', idNumber: null, phone: null, address: null, sortOrder: 1 },
      ],
      mediatorIds: [],
      mediatorNames: [],
      sessions: [],
      followUps: [],
      history: [],
      attachments: [],
      transitions: [],
      deadline: { kind: 'mediation-period', dueDate: '2021-07-01', daysLeft: 16, state: 'ok', provisional: false },
      deadlineDetail: null,
      agreementForm: null,
      judicialConfirmation: null,
      escalation: null,
      voided: false,
      version: 4,
      ...over,
    }) as unknown as DisputeDetailDto;

  async function open(record: DisputeDetailDto, permissions: string[] = ['dispute.read', 'dispute.write', 'personal.unmask']) {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideNzIcons(APP_ICONS), NzModalService] });
    TestBed.inject(AuthService).set(testMe(permissions as never));
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(DisputeDetailComponent);
    fixture.componentRef.setInput('id', record.id);
    fixture.detectChanges();
    backend.expectOne('/api/disputes/d-1').flush(record);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  const fieldsAsked = () => [...document.body.querySelectorAll('.ant-modal [data-field]')].map((n) => n.getAttribute('data-field'));

  afterEach(() => {
    backend?.verify();
    fixture?.destroy();
  });

  it.each([
    ['registered', ['party-add']],
    ['mediating', ['party-add', 'session-add']],
    ['agreed', ['follow-up-add']],
    ['archived', []],
  ] as const)('while %s offers exactly the parts that may change', async (status, offered) => {
    const root = await open(detail({ status }));
    const shown = ['party-add', 'session-add', 'follow-up-add'].filter((key) => root.querySelector(`[data-test="${key}"]`));
    expect(shown).toEqual(offered);
  });

  it('offers nothing to change to a reader', async () => {
    const root = await open(detail({}), ['dispute.read']);
    expect(root.querySelector('[data-test="party-add"]')).toBeNull();
    expect(root.querySelector('[data-test="dispute-more"]')).toBeNull();
    expect(root.querySelector('[data-test="dispute-unmask"]')).toBeNull();
  });

  it('records a session with the dispute’s version and shows the answer', async () => {
    const root = await open(detail({ place: '南湾村调解室' }));
    root.querySelector<HTMLButtonElement>('[data-test="session-add"]')!.click();
    await fixture.whenStable();
    expect(fieldsAsked()).toEqual(['date', 'place', 'attendees', 'record']);
    expect(document.body.querySelector('.ant-modal #step-remark')).toBeNull();
    const input = (id: string, value: string) => {
      const el = document.body.querySelector<HTMLInputElement | HTMLTextAreaElement>(`.ant-modal #step-${id}`)!;
      el.value = value;
      el.dispatchEvent(new Event('input'));
    };
    input('attendees', ' 双方当事人 ');
    input('record', '听取双方陈述');
    document.body.querySelector<HTMLButtonElement>('.ant-modal-footer .ant-btn-primary')!.click();
    const req = backend.expectOne('/api/disputes/d-1/sessions');
    expect(req.request.body).toEqual({ version: 4, date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), place: '南湾村调解室', attendees: '双方当事人', record: '听取双方陈述' });
    const session = { id: 's-1', date: '2021-06-15', place: '南湾村调解室', attendees: '双方当事人', record: '听取双方陈述', createdAt: '' };
    req.flush(detail({ sessions: [session], version: 5 }));
    await fixture.whenStable();
    expect(root.querySelector('[data-session="s-1"]')?.textContent).toContain('听取双方陈述');
  });

  it('extends the mediation period only with one of the approvers the server names', async () => {
    const root = await open(detail({}));
    (fixture.componentInstance as unknown as { extendDeadline(): void }).extendDeadline();
    backend.expectOne('/api/disputes/d-1/deadline/approvers').flush([{ id: 'u-9', name: '梁镇长' }]);
    await fixture.whenStable();
    expect(fieldsAsked()).toEqual(['days', 'reason', 'approvedBy']);
    const ok = () => document.body.querySelector<HTMLButtonElement>('.ant-modal-footer .ant-btn-primary')!.click();
    ok();
    backend.expectNone('/api/disputes/d-1/deadline/extend');
    const modal = fixture.debugElement.query(By.directive(StepModalComponent)).componentInstance as unknown as { data: FormGroup };
    modal.data.patchValue({ days: 15, reason: ' 当事人外出务工 ', approvedBy: 'u-9' });
    ok();
    const req = backend.expectOne('/api/disputes/d-1/deadline/extend');
    expect(req.request.body).toEqual({ version: 4, days: 15, reason: '当事人外出务工', approvedBy: 'u-9' });
    req.flush(detail({ version: 5, deadlineDetail: { extensionDays: 15, extensionReason: '当事人外出务工' } as DisputeDetailDto['deadlineDetail'] }));
    await fixture.whenStable();
    expect(root.querySelector('[data-test="deadline-extension"]')?.textContent).toContain('15');
  });

  it('shows the parties in full after an audited unmask', async () => {
    const root = await open(detail({}));
    root.querySelector<HTMLElement>('[data-test="dispute-unmask"]')!.click();
    await fixture.whenStable();
    const reason = document.body.querySelector<HTMLTextAreaElement>('[data-test="reason-input"]')!;
    reason.value = '制作调解协议书';
    reason.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    document.body.querySelector<HTMLButtonElement>('.ant-modal-footer .ant-btn-primary')!.click();
    const req = backend.expectOne('/api/disputes/d-1/unmask');
    expect(req.request.body).toEqual({ fields: ['name', 'idNumber', 'phone', 'address'], reason: '制作调解协议书' });
    req.flush({ parties: [{ id: 'p-1', name: '黄海生', idNumber: '440781199001011234', phone: '13812345678', address: null }] });
    await fixture.whenStable();
    const row = root.querySelector('[data-party="p-1"]')!.textContent;
    expect(row).toContain('黄海生');
    expect(row).toContain('440781199001011234');
    expect(root.querySelector('[data-party="p-2"]')!.textContent).toContain('李*明');
  });
});
