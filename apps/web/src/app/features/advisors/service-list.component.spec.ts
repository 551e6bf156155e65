import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ActivatedRoute, Router, convertToParamMap, provideRouter } from '@angular/router';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { BehaviorSubject } from 'rxjs';
import { testMe } from '../../../testing/me';
import { AuthService } from '../../core/auth/auth.service';
import { APP_ICONS } from '../../registry';
import { AdvisorServiceListComponent } from './service-list.component';

const VILLAGE = '22222222-2222-4222-8222-222222222222';
const PAGE = { items: [], total: 0, page: 1, pageSize: 20 };

describe('service log list', () => {
  let backend: HttpTestingController;

  afterEach(() => backend.verify());

  /** Opened with a query string (`params`) or as the menu opens it. */
  async function open(params?: Record<string, string>) {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNzIcons(APP_ICONS),
        ...(params ? [{ provide: ActivatedRoute, useValue: { queryParamMap: new BehaviorSubject(convertToParamMap(params)) } }] : []),
      ],
    });
    TestBed.inject(AuthService).set(testMe(['advisor.read']));
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(AdvisorServiceListComponent);
    await fixture.whenStable();
    const list = backend.expectOne((req) => req.url === '/api/advisor-services' && req.method === 'GET');
    list.flush(PAGE);
    backend.expectOne('/api/org-units/tree').flush([{ id: 't', name: '广海镇', level: 'town', children: [{ id: VILLAGE, name: '南湾村', level: 'village', children: [], townId: 't' }], townId: 't' }]);
    await fixture.whenStable();
    return { fixture, list, el: fixture.nativeElement as HTMLElement, search: (fixture.componentInstance as unknown as { search: AdvisorServiceListComponent['search'] }).search };
  }

  it('fills the filter bar from a month cell’s query string and shows every filter by its name', async () => {
    const { list, el, search } = await open({ type: 'visit,consultation', villageId: VILLAGE, year: '2026', month: '11' });
    expect(list.request.params.get('type')).toBe('visit,consultation');
    expect(el.querySelector('[data-test="advisor-service-filters"] [data-test="filter-type"]')).not.toBeNull();
    expect(el.querySelector('[data-test="advisor-service-filters"] [data-test="filter-client"]')).not.toBeNull();
    expect(search.form.getRawValue()).toMatchObject({ type: ['visit', 'consultation'], villageId: VILLAGE, personField: 'clientName', person: '' });
    expect(search.moreOpen()).toBe(true);
    expect(el.querySelector('[data-filter="type"]')?.textContent).toContain('下乡走访、法律咨询');
    expect(el.querySelector('[data-filter="villageId"]')?.textContent).toContain('南湾村');
  });

  it('searches by the client’s phone in a POST body and keeps it out of the page’s URL', async () => {
    const { fixture, el, search } = await open();
    expect(search.moreOpen()).toBe(false);
    search.form.patchValue({ type: ['legal_aid'], personField: 'clientPhone', person: ' 13800138000 ' });
    el.querySelector<HTMLButtonElement>('[data-test="advisor-service-search"]')!.click();
    await fixture.whenStable();
    const posted = backend.expectOne((req) => req.url === '/api/advisor-services/search');
    expect(posted.request.method).toBe('POST');
    expect(posted.request.body).toMatchObject({ type: 'legal_aid', clientPhone: '13800138000' });
    posted.flush(PAGE);
    await fixture.whenStable();
    const url = TestBed.inject(Router).url;
    expect(url).toContain('type=legal_aid');
    expect(url).not.toContain('13800138000');
  });
});
