import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import localeZh from '@angular/common/locales/zh';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { PeaceOfficerDto, PermissionCode } from '@fazhi/contracts';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { NzModalService } from 'ng-zorro-antd/modal';
import { testMe } from '../../../testing/me';
import { AuthService } from '../../core/auth/auth.service';
import { APP_ICONS } from '../../registry';
import { PeaceOfficerListComponent, activeIn, peaceOfficerFilters } from './peace-officer-list.component';

registerLocaleData(localeZh, 'zh-cn');

const TOWN = '11111111-1111-4111-8111-111111111111';
const VILLAGE = '22222222-2222-4222-8222-222222222222';
const THIS_YEAR = new Date().getFullYear();
const PAGE = '/disputes/peace-officers';

const TREE = [
  {
    id: TOWN,
    name: '广海镇',
    level: 'town',
    townId: TOWN,
    children: [{ id: VILLAGE, name: '海晏村', level: 'village', townId: TOWN, children: [] }],
  },
];

function officer(overrides: Partial<PeaceOfficerDto> = {}): PeaceOfficerDto {
  return {
    id: 'po-1',
    townId: TOWN,
    townName: '广海镇',
    villageId: VILLAGE,
    villageName: '海晏村',
    name: '黄海生',
    phone: '138****5678',
    activeFrom: '2019-01-01',
    activeTo: null,
    activeNow: true,
    userId: null,
    userName: null,
    remark: null,
    version: 3,
    createdAt: '2021-01-01T01:00:00.000Z',
    updatedAt: '2021-01-01T01:00:00.000Z',
    ...overrides,
  };
}

/** The query string of a request as sorted pairs. */
const params = (req: TestRequest) =>
  req.request.params
    .keys()
    .map((key) => `${key}=${req.request.params.get(key)}`)
    .sort();
const page = (items: PeaceOfficerDto[], total: number) => ({ items, total, page: 1, pageSize: 20 });

describe('peace officer register page', () => {
  let backend: HttpTestingController;
  let harness: RouterTestingHarness;

  async function open(permissions: PermissionCode[], url = PAGE): Promise<PeaceOfficerListComponent> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'disputes/peace-officers', component: PeaceOfficerListComponent }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNzIcons(APP_ICONS),
        NzModalService,
      ],
    });
    TestBed.inject(AuthService).set(testMe(permissions, { townId: TOWN, scope: { towns: [{ id: TOWN, name: '广海镇', level: 'town' }], villages: [], ownOnly: false } }));
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    const component = await harness.navigateByUrl(url, PeaceOfficerListComponent);
    backend.expectOne('/api/org-units/tree').flush(TREE);
    return component;
  }

  const el = () => harness.routeNativeElement as HTMLElement;
  const text = (selector: string) => document.querySelector(selector)?.textContent?.trim() ?? null;
  const listRequests = () => backend.match((req) => req.method === 'GET' && req.url === '/api/peace-officers');
  const settle = async () => {
    await harness.fixture.whenStable();
    harness.detectChanges();
  };

  afterEach(() => {
    backend.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((node) => (node.innerHTML = ''));
  });

  it('lists this year’s officers by default with the year’s count, then asks for what the filters say', async () => {
    const component = await open(['dispute.read']);
    const [first] = listRequests();
    expect(params(first)).toEqual([`activeInYear=${THIS_YEAR}`, 'page=1', 'pageSize=20']);
    first.flush(page([officer(), officer({ id: 'po-2', name: '李大明', phone: null, villageId: null, villageName: null })], 56));
    await settle();

    expect(text('[data-test="peace-officer-count"]')).toBe('56');
    const rows = [...el().querySelectorAll('tr[data-officer]')];
    expect(rows.map((row) => row.getAttribute('data-officer'))).toEqual(['黄海生', '李大明']);
    expect(rows[0].querySelector('[data-test="officer-phone"]')?.textContent).toBe('138****5678');
    expect(rows[0].querySelector('[data-test="officer-status"]')?.textContent?.trim()).toBe('在任');
    expect(rows[0].textContent).toContain('2019-01-01 ~ 至今');
    expect(rows[1].textContent).toContain('—');
    expect(el().querySelector('[data-test="peace-officer-create"]')).toBeNull();
    expect(el().querySelector('[data-test="officer-edit"]')).toBeNull();
    expect(el().querySelector('[data-test="officer-unmask"]')).toBeNull();

    // A village and a name narrow the rows; the year's figure comes from a count without them.
    component['filters'].setValue({ townId: null, villageId: VILLAGE, year: 2021, q: ' 黄 ' });
    el().querySelector<HTMLButtonElement>('[data-test="peace-officer-search"]')!.click();
    await settle();
    const sent = listRequests();
    expect(sent.length).toBe(2);
    const [narrowed, count] = ['20', '1'].map((size) => sent.find((req) => req.request.params.get('pageSize') === size)!);
    expect(params(narrowed)).toEqual(['activeInYear=2021', 'page=1', 'pageSize=20', 'q=黄', `villageId=${VILLAGE}`]);
    expect(params(count)).toEqual(['activeInYear=2021', 'page=1', 'pageSize=1']);
    narrowed.flush(page([officer()], 1));
    count.flush(page([officer()], 56));
    await settle();
    expect(text('[data-test="peace-officer-count"]')).toBe('56');
    expect(text('[data-test="peace-officer-total"]')).toBe('共 1 条');
    expect([...el().querySelectorAll('[data-filter]')].map((tag) => tag.getAttribute('data-filter'))).toEqual(['villageId', 'activeInYear', 'q']);

    // Every year: no year filter at all, and the status says whether the officer is active today.
    component['filters'].setValue({ townId: null, villageId: null, year: 'all', q: '' });
    el().querySelector<HTMLButtonElement>('[data-test="peace-officer-search"]')!.click();
    await settle();
    const [all] = listRequests();
    expect(params(all)).toEqual(['page=1', 'pageSize=20']);
    all.flush(page([officer({ activeTo: '2020-06-30', activeNow: false })], 70));
    await settle();
    expect(text('[data-test="peace-officer-count"]')).toBe('70');
    expect(el().querySelector('[data-test="officer-status"]')?.textContent?.trim()).toBe('不在任');
  });

  it('reads the year from the URL: a statistic’s `activeInYear=2021`, or `all`', () => {
    expect(peaceOfficerFilters(2025).fromParams(new URLSearchParams('activeInYear=2021'))).toEqual({ townId: null, villageId: null, activeInYear: 2021, q: null });
    expect(peaceOfficerFilters(2025).fromParams(new URLSearchParams('activeInYear=all&q=黄')).activeInYear).toBeNull();
    expect(peaceOfficerFilters(2025).fromParams(new URLSearchParams('activeInYear=abc&villageId=x'))).toEqual({ townId: null, villageId: null, activeInYear: 2025, q: null });
  });

  it('calls an officer active in a year when the term overlaps it', () => {
    expect(activeIn(officer({ activeFrom: '2021-07-01', activeTo: null }), 2021)).toBe(true);
    expect(activeIn(officer({ activeFrom: '2018-01-01', activeTo: '2021-01-01' }), 2021)).toBe(true);
    expect(activeIn(officer({ activeFrom: '2018-01-01', activeTo: '2020-12-31' }), 2021)).toBe(false);
    expect(activeIn(officer({ activeFrom: '2022-01-01', activeTo: null }), 2021)).toBe(false);
    expect(activeIn(officer({ activeNow: false }), null)).toBe(false);
  });

  it('adds an officer with the fields as the API takes them and puts a server error on its field', async () => {
    const component = await open(['dispute.read', 'peace_officer.manage'], `${PAGE}?activeInYear=2021`);
    listRequests()[0].flush(page([officer()], 56));
    await settle();
    el().querySelector<HTMLButtonElement>('[data-test="peace-officer-create"]')!.click();
    await settle();
    expect(document.querySelector('[data-test="peace-officer-form"]')).not.toBeNull();
    backend.expectOne(`/api/peace-officers/accounts?townId=${TOWN}`).flush([{ id: 'u-7', name: '陈志强' }]);
    await settle();
    component['editor'].form.patchValue({ name: ' 陈志强 ', villageId: VILLAGE, phone: '13900001234', activeFrom: new Date(2021, 2, 1), activeTo: null, userId: 'u-7', remark: '' });
    document.querySelector<HTMLButtonElement>('[data-test="peace-officer-save"]')!.click();
    await settle();
    const req = backend.expectOne((r) => r.method === 'POST' && r.url === '/api/peace-officers');
    expect(req.request.body).toEqual({ name: '陈志强', villageId: VILLAGE, phone: '13900001234', activeFrom: '2021-03-01', activeTo: null, userId: 'u-7', remark: null });
    req.flush(
      { statusCode: 400, code: 'VALIDATION_FAILED', message: '输入有误', errors: [{ path: 'phone', code: 'phone', message: '电话号码格式不正确' }] },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(component['editor'].form.controls.phone.errors?.['server']).toBe('电话号码格式不正确');
    expect(document.querySelector('[data-test="peace-officer-form"]')?.textContent).toContain('电话号码格式不正确');
    expect(document.querySelector('[data-test="form-error"]')).toBeNull();
  });

  it('checks the term on the page: the end not before the start', async () => {
    const component = await open(['dispute.read', 'peace_officer.manage']);
    listRequests()[0].flush(page([], 0));
    await settle();
    el().querySelector<HTMLButtonElement>('[data-test="peace-officer-create"]')!.click();
    await settle();
    backend.expectOne(`/api/peace-officers/accounts?townId=${TOWN}`).flush([]);
    component['editor'].form.patchValue({ name: '陈志强', activeFrom: new Date(2021, 2, 1), activeTo: new Date(2021, 1, 1) });
    document.querySelector<HTMLButtonElement>('[data-test="peace-officer-save"]')!.click();
    await settle();
    expect(component['editor'].form.controls.activeTo.errors).toEqual({ order: true });
    expect(document.querySelector('[data-test="peace-officer-form"]')?.textContent).toContain('不能早于任职起始日期');
  });

  it('edits with the version read, leaves a masked phone out and shows the server’s word on a stale version', async () => {
    const component = await open(['dispute.read', 'peace_officer.manage']);
    listRequests()[0].flush(page([officer()], 1));
    await settle();
    el().querySelector<HTMLElement>('[data-test="officer-edit"]')!.click();
    await settle();
    backend.expectOne(`/api/peace-officers/accounts?townId=${TOWN}`).flush([]);
    expect(component['editor'].form.getRawValue()).toMatchObject({ name: '黄海生', villageId: VILLAGE, phone: '138****5678', remark: '' });
    component['editor'].form.controls.remark.setValue('兼任网格员');
    document.querySelector<HTMLButtonElement>('[data-test="peace-officer-save"]')!.click();
    await settle();
    const req = backend.expectOne((r) => r.method === 'PATCH' && r.url === '/api/peace-officers/po-1');
    expect(req.request.body).toEqual({ version: 3, name: '黄海生', villageId: VILLAGE, activeFrom: '2019-01-01', activeTo: null, userId: null, remark: '兼任网格员' });
    req.flush({ statusCode: 409, code: 'STALE_VERSION', message: '记录已被他人修改，请刷新后重试' }, { status: 409, statusText: 'Conflict' });
    await settle();
    expect(text('[data-test="form-error"]')).toContain('记录已被他人修改，请刷新后重试');
  });

  it('opens the editor and the unmask dialog from the keyboard: the row links take focus and Enter', async () => {
    await open(['dispute.read', 'peace_officer.manage', 'personal.unmask']);
    listRequests()[0].flush(page([officer()], 1));
    await settle();
    const enter = (selector: string) => {
      const link = el().querySelector<HTMLElement>(selector)!;
      expect(link.tabIndex).toBe(0);
      link.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    };
    enter('[data-test="officer-unmask"]');
    await settle();
    expect(document.querySelector('[data-test="reason-input"]')).not.toBeNull();
    document.querySelectorAll('.cdk-overlay-container').forEach((node) => (node.innerHTML = ''));
    enter('[data-test="officer-edit"]');
    await settle();
    backend.expectOne(`/api/peace-officers/accounts?townId=${TOWN}`).flush([]);
    expect(document.querySelector('[data-test="peace-officer-save"]')).not.toBeNull();
  });

  it('shows a full phone number after asking the reason, for holders of personal.unmask', async () => {
    await open(['dispute.read', 'personal.unmask']);
    listRequests()[0].flush(page([officer()], 1));
    await settle();
    el().querySelector<HTMLElement>('[data-test="officer-unmask"]')!.click();
    await settle();
    const reason = document.querySelector<HTMLTextAreaElement>('[data-test="reason-input"]')!;
    reason.value = '联系调解';
    reason.dispatchEvent(new Event('input'));
    await settle();
    document.querySelector<HTMLButtonElement>('.ant-modal-footer .ant-btn-primary')!.click();
    await settle();
    const req = backend.expectOne('/api/peace-officers/po-1/unmask');
    expect(req.request.body).toEqual({ fields: ['phone'], reason: '联系调解' });
    req.flush({ phone: '13812345678' });
    await settle();
    expect(el().querySelector('[data-test="officer-phone"]')?.textContent).toBe('13812345678');
    expect(el().querySelector('[data-test="officer-unmask"]')).toBeNull();
  });
});
