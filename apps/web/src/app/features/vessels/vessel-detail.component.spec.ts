import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import localeZh from '@angular/common/locales/zh';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { VESSEL_TRANSITIONS, VesselCaseDetailDto } from '@fazhi/contracts';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { NzModalService } from 'ng-zorro-antd/modal';
import { testMe } from '../../../testing/me';
import { AuthService } from '../../core/auth/auth.service';
import { APP_ICONS } from '../../registry';
import { vesselStepInputs } from './vessel-labels';
import { VesselDetailComponent } from './vessel-detail.component';

registerLocaleData(localeZh, 'zh-cn');

/** The case with one workflow step on offer (the contracts' rule for `to`). */
function detail(to: string, over: Partial<VesselCaseDetailDto> = {}): VesselCaseDetailDto {
  const rule = VESSEL_TRANSITIONS.find((r) => r.to === to)!;
  return {
    id: 'case-1',
    number: '广海三无〔2021〕第0001号',
    status: 'persuading',
    townId: 'town-1',
    townName: '广海镇',
    villageName: '南湾村',
    discoveredAt: '2021-03-01T02:00:00Z',
    registeredAt: '2021-03-01T03:00:00Z',
    place: '南湾码头',
    gpsLat: null,
    gpsLng: null,
    source: 'patrol',
    hullMaterial: 'wood',
    unclaimed: false,
    ownerName: '黄*生',
    ownerIdNumber: null,
    ownerPhone: '138****8000',
    handlerNames: [],
    persuasions: [{ id: 'p-1', date: '2021-03-02', staff: '李执法', measure: 'education', result: '同意自拆', createdAt: '2021-03-02T02:00:00Z' }],
    history: [{ id: 'h-1', from: null, to: 'registered', at: '2021-03-01T03:00:00Z', userName: '李执法', remark: null }],
    attachments: [],
    campaignAttachments: [],
    deadline: null,
    transitions: [{ to: rule.to, label: rule.label, requires: [...(rule.requires ?? [])] }],
    voided: false,
    version: 7,
    ...over,
  } as unknown as VesselCaseDetailDto;
}

describe('vessel step fields', () => {
  it('asks dates for …On fields, a planned campaign for campaignId, text otherwise, each labelled', () => {
    const inputs = vesselStepInputs(['committedOn', 'campaignId', 'witnesses', 'somethingNew'], [], (key: string) => key);
    expect(inputs.map((i) => i.kind)).toEqual(['date', 'select', 'text', 'text']);
    expect(inputs.map((i) => i.label)).toEqual(['vessels.committedOn', 'vessels.campaign', 'vessels.witnesses', 'somethingNew']);
  });
});

describe('vessel detail', () => {
  let fixture: ComponentFixture<VesselDetailComponent>;
  let backend: HttpTestingController;
  const root = () => document.body;

  async function open(record: VesselCaseDetailDto, permissions = ['vessel.read', 'vessel.write', 'campaign.manage', 'personal.unmask']): Promise<void> {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideNzIcons(APP_ICONS), NzModalService],
    });
    TestBed.inject(AuthService).set(testMe(permissions as never));
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(VesselDetailComponent);
    fixture.componentRef.setInput('id', record.id);
    fixture.detectChanges();
    backend.expectOne('/api/vessel-cases/case-1').flush(record);
    await fixture.whenStable();
  }

  afterEach(() => {
    backend?.verify();
    fixture?.destroy();
  });

  const asked = () => [...root().querySelectorAll('[data-test="transition-form"] [data-field]')].map((n) => n.getAttribute('data-field'));
  const ok = () => root().querySelector<HTMLButtonElement>('.ant-modal-footer .ant-btn-primary')!.click();
  const type = (selector: string, value: string) => {
    const input = root().querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const step = async (to: string) => {
    root().querySelector<HTMLButtonElement>(`[data-transition="${to}"]`)!.click();
    await fixture.whenStable();
  };

  it.each(VESSEL_TRANSITIONS.filter((r) => r.requires?.length).map((r) => [r.to, [...(r.requires ?? [])]] as const))('asks for %s exactly the fields the step requires', async (to, requires) => {
    await open(detail(to));
    await step(to);
    expect(asked()).toEqual(requires);
    if (requires.includes('campaignId')) {
      const req = backend.expectOne((r) => r.url === '/api/campaigns');
      expect(req.request.params.get('status')).toBe('planned');
      expect(req.request.params.get('townId')).toBe('town-1');
      req.flush({ items: [], total: 0, page: 1, pageSize: 100 });
    }
  });

  it('asks nothing but the remark for a step without data', async () => {
    await open(detail('persuading', { status: 'registered' }));
    await step('persuading');
    expect(asked()).toEqual([]);
    expect(root().querySelector('#step-remark')).not.toBeNull();
  });

  it('posts the step with its data, the remark and the version, and shows the answer', async () => {
    await open(detail('handed_over'));
    await step('handed_over');
    type('#step-externalCaseNo', ' 粤执法〔2021〕12号 ');
    type('#step-remark', '移交县农业农村局');
    await fixture.whenStable();
    ok();
    const req = backend.expectOne('/api/vessel-cases/case-1/transitions');
    const body = req.request.body as { to: string; version: number; remark: string; data: Record<string, string> };
    expect(body.to).toBe('handed_over');
    expect(body.version).toBe(7);
    expect(body.remark).toBe('移交县农业农村局');
    expect(Object.keys(body.data).sort()).toEqual(['externalCaseNo', 'handedOverOn']);
    expect(body.data['externalCaseNo']).toBe('粤执法〔2021〕12号');
    expect(body.data['handedOverOn']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    req.flush(detail('handed_over', { status: 'handed_over', transitions: [] }));
    await fixture.whenStable();
    expect(root().querySelector('[data-test="vessel-status"]')?.textContent).toContain('已移交县执法部门');
  });

  it('shows a guard failure as the server words it', async () => {
    await open(detail('persuading', { status: 'registered' }));
    await step('persuading');
    ok();
    backend
      .expectOne('/api/vessel-cases/case-1/transitions')
      .flush({ statusCode: 409, code: 'EVIDENCE_REQUIRED', message: '请先上传拆解证据', requestId: 'r' }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    expect(root().querySelector('[data-test="transition-error"]')?.textContent).toContain('请先上传拆解证据');
  });

  it('logs a persuasion entry with the caller as staff and shows it in the timeline', async () => {
    await open(detail('owner_committed'));
    expect(root().querySelector('[data-test="vessel-timeline"]')?.textContent).toContain('同意自拆');
    root().querySelector<HTMLButtonElement>('[data-test="add-persuasion"]')!.click();
    await fixture.whenStable();
    expect(asked()).toEqual(['date', 'staff', 'measure', 'result']);
    type('#step-result', ' 船主表示月底前自拆 ');
    await fixture.whenStable();
    ok();
    const req = backend.expectOne('/api/vessel-cases/case-1/persuasions');
    const body = req.request.body as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['date', 'measure', 'result', 'staff', 'version']);
    expect(body).toMatchObject({ version: 7, measure: 'education', result: '船主表示月底前自拆', staff: TestBed.inject(AuthService).me()!.displayName });
    req.flush(detail('owner_committed', { version: 8 }));
  });

  it('unmasks the owner fields that are set, with the reason given', async () => {
    await open(detail('owner_committed'));
    root().querySelector<HTMLElement>('[data-test="vessel-unmask"]')!.click();
    await fixture.whenStable();
    type('[data-test="reason-input"]', '核对船主身份');
    await fixture.whenStable();
    ok();
    const req = backend.expectOne('/api/vessel-cases/case-1/unmask');
    expect(req.request.body).toEqual({ fields: ['ownerName', 'ownerPhone'], reason: '核对船主身份' });
    req.flush({ ownerName: '黄海生', ownerPhone: '13800138000' });
    await fixture.whenStable();
    const owner = root().querySelector('[data-test="vessel-owner"]')?.textContent;
    expect(owner).toContain('黄海生');
    expect(owner).toContain('13800138000');
  });

  it('offers no writes to a reader', async () => {
    await open(detail('owner_committed'), ['vessel.read']);
    expect(root().querySelector('[data-test="add-persuasion"]')).toBeNull();
    expect(root().querySelector('[data-test="vessel-edit"]')).toBeNull();
    expect(root().querySelector('[data-test="vessel-unmask"]')).toBeNull();
  });
});
