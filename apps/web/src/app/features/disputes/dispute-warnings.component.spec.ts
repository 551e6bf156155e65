import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { APP_ICONS } from '../../registry';
import { DisputeWarningsComponent } from './dispute-warnings.component';

describe('dispute warnings card', () => {
  it('lists the active warnings with their police notice and links each dispute', async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideNzIcons(APP_ICONS)] });
    const backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(DisputeWarningsComponent);
    await fixture.whenStable();
    const req = backend.expectOne((r) => r.url === '/api/disputes/warnings');
    expect(req.request.params.get('pageSize')).toBe('10');
    req.flush({
      items: [
        {
          id: 'd-1',
          number: '广海调〔2021〕7号',
          townId: 't',
          townName: '广海镇',
          villageName: '南湾村',
          category: 'land_forest',
          summary: '山林界址',
          status: 'mediating',
          riskLevel: 'group_incident',
          warning: { raisedAt: '2021-05-01T02:00:00Z', reason: '双方聚集三十余人', policeInformedOn: '2021-05-01', policeUnit: '广海派出所', measures: null, resolvedAt: null, resolution: null },
          mediatorNames: [],
        },
      ],
      total: 1,
      page: 1,
      pageSize: 10,
    });
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const row = el.querySelector('[data-warning="广海调〔2021〕7号"]');
    expect(row?.textContent).toContain('双方聚集三十余人');
    expect(row?.textContent).toContain('广海派出所');
    expect(row?.querySelector('a')?.getAttribute('href')).toBe('/disputes/d-1');
    backend.verify();
  });
});
