import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import localeZh from '@angular/common/locales/zh';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { VESSEL_TRANSITIONS, VesselCaseDetailDto } from '@fazhi/contracts';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { NzModalService } from 'ng-zorro-antd/modal';
import { APP_ICONS } from '../../registry';
import { TransitionModalComponent, VesselStep, stepData, stepField } from './transition-modal.component';

registerLocaleData(localeZh, 'zh-cn');

const RECORD = { id: 'case-1', townId: 'town-1', version: 7, transitions: [] } as unknown as VesselCaseDetailDto;

function stepTo(to: string): VesselStep {
  const rule = VESSEL_TRANSITIONS.find((r) => r.to === to);
  if (!rule) throw new Error(to);
  return { to: rule.to, label: rule.label, requires: [...(rule.requires ?? [])] };
}

describe('transition modal', () => {
  let fixture: ComponentFixture<TransitionModalComponent>;
  let backend: HttpTestingController;

  async function open(step: VesselStep): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideNzIcons(APP_ICONS), NzModalService],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(TransitionModalComponent);
    fixture.componentRef.setInput('record', RECORD);
    fixture.componentRef.setInput('step', step);
    await fixture.whenStable();
    return document.body;
  }

  afterEach(() => {
    backend?.verify();
    fixture?.destroy();
  });

  const asked = (root: HTMLElement) => [...root.querySelectorAll('[data-test="transition-form"] [data-field]')].map((n) => n.getAttribute('data-field'));

  it.each(VESSEL_TRANSITIONS.filter((r) => r.requires?.length).map((r) => [r.to, [...(r.requires ?? [])]] as const))(
    'asks for %s exactly the fields the step requires',
    async (to, requires) => {
      const root = await open(stepTo(to));
      expect(asked(root)).toEqual(requires);
      if (requires.includes('campaignId')) {
        const req = backend.expectOne((r) => r.url === '/api/campaigns');
        expect(req.request.params.get('status')).toBe('planned');
        expect(req.request.params.get('townId')).toBe('town-1');
        req.flush({ items: [], total: 0, page: 1, pageSize: 100 });
      }
    },
  );

  it('asks nothing but the remark for a step without data', async () => {
    const root = await open(stepTo('persuading'));
    expect(asked(root)).toEqual([]);
    expect(root.querySelector('#step-remark')).not.toBeNull();
  });

  it('posts the step with its data, the remark and the version', async () => {
    const root = await open(stepTo('handed_over'));
    const place = root.querySelector<HTMLInputElement>('#step-externalCaseNo');
    place!.value = ' 粤执法〔2021〕12号 ';
    place!.dispatchEvent(new Event('input'));
    const remark = root.querySelector<HTMLTextAreaElement>('#step-remark');
    remark!.value = '移交县农业农村局';
    remark!.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    root.querySelector<HTMLButtonElement>('.ant-modal-footer .ant-btn-primary')!.click();
    const req = backend.expectOne('/api/vessel-cases/case-1/transitions');
    const body = req.request.body as { to: string; version: number; remark: string; data: Record<string, string> };
    expect(body.to).toBe('handed_over');
    expect(body.version).toBe(7);
    expect(body.remark).toBe('移交县农业农村局');
    expect(Object.keys(body.data).sort()).toEqual(['externalCaseNo', 'handedOverOn']);
    expect(body.data['externalCaseNo']).toBe('粤执法〔2021〕12号');
    expect(body.data['handedOverOn']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    req.flush({ ...RECORD, status: 'handed_over' });
  });

  it('shows a guard failure as the server words it', async () => {
    const root = await open(stepTo('persuading'));
    root.querySelector<HTMLButtonElement>('.ant-modal-footer .ant-btn-primary')!.click();
    backend
      .expectOne('/api/vessel-cases/case-1/transitions')
      .flush({ statusCode: 409, code: 'EVIDENCE_REQUIRED', message: '请先上传拆解证据', requestId: 'r' }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    expect(root.querySelector('[data-test="transition-error"]')?.textContent).toContain('请先上传拆解证据');
  });

  it('asks dates for …On fields, a campaign for campaignId, text otherwise', () => {
    expect(['committedOn', 'campaignId', 'witnesses', 'somethingNew'].map((name) => stepField(name).kind)).toEqual(['date', 'campaign', 'text', 'text']);
    const fields = ['dismantledOn', 'dismantlePlace'].map(stepField);
    expect(stepData(fields, { dismantledOn: new Date(2021, 3, 9), dismantlePlace: ' 广海渔港 ', other: 'x' })).toEqual({
      dismantledOn: '2021-04-09',
      dismantlePlace: '广海渔港',
    });
  });
});
