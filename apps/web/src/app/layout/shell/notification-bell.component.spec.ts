import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { NotificationDto } from '@fazhi/contracts';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { APP_ICONS } from '../../registry';
import { NotificationBellComponent } from './notification-bell.component';

const ITEM: NotificationDto = {
  id: 'n-1',
  townId: 't',
  kind: 'dispute-warning',
  title: '群体性事件预警',
  body: '广海调〔2021〕7号',
  link: '/disputes/d-1',
  createdAt: '2021-05-01T02:00:00Z',
  readAt: null,
};

describe('notification bell', () => {
  it('shows the unread count, lists the notifications and marks one read when opened', async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideNzIcons(APP_ICONS)] });
    const backend = TestBed.inject(HttpTestingController);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const fixture = TestBed.createComponent(NotificationBellComponent);
    await fixture.whenStable();
    backend.expectOne('/api/notifications/unread-count').flush({ unread: 3 });
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).querySelector('[data-test="notification-unread"]')?.textContent).toContain('3');

    const bell = fixture.componentInstance;
    bell.load();
    backend.expectOne((r) => r.url === '/api/notifications').flush({ items: [ITEM], total: 1, page: 1, pageSize: 10, unread: 1 });
    bell.openItem(ITEM);
    backend.expectOne('/api/notifications/n-1/read').flush({ ...ITEM, readAt: '2021-05-02T00:00:00Z' });
    expect(navigate).toHaveBeenCalledWith('/disputes/d-1');
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).querySelector('[data-test="notification-unread"] sup')).toBeNull();
    backend.verify();
  });
});
