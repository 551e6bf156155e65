import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { NotificationDto, NotificationPage } from '@fazhi/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { DateTimePipe } from '../../shared/date-time.pipe';
import { ZORRO_IMPORTS } from '../../shared/zorro';

/** The header bell: the caller's unread count; opening it lists the latest notifications, each marked read when opened. */
@Component({
  selector: 'fz-notification-bell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ZORRO_IMPORTS, DateTimePipe],
  template: `
    <button
      nz-button
      nzType="text"
      nz-dropdown
      nzTrigger="click"
      nzPlacement="bottomRight"
      [nzDropdownMenu]="list"
      (nzVisibleChange)="$event && load()"
      [attr.aria-label]="t('notifications.title')"
      data-test="notification-bell"
    >
      <nz-badge [nzCount]="unread()" nzSize="small" [nzOverflowCount]="99" data-test="notification-unread">
        <nz-icon nzType="bell" class="fz-bell-icon" />
      </nz-badge>
    </button>
    <nz-dropdown-menu #list="nzDropdownMenu">
      <div class="fz-notifications" data-test="notification-list">
        <div class="fz-notifications-head">
          <strong>{{ t('notifications.title') }}</strong>
          @if (unread() > 0) {
            <a (click)="readAll()" role="button" tabindex="0" (keydown.enter)="readAll()" data-test="notification-read-all">{{ t('notifications.readAll') }}</a>
          }
        </div>
        @for (item of items(); track item.id) {
          <div class="fz-notification" [class.fz-unread]="!item.readAt" [attr.data-notification]="item.id" (click)="openItem(item)" role="button" tabindex="0" (keydown.enter)="openItem(item)">
            <div class="fz-notification-title">{{ item.title }}</div>
            @if (item.body) {
              <div class="fz-muted fz-break">{{ item.body }}</div>
            }
            <div class="fz-muted">{{ item.createdAt | fzDateTime }}</div>
          </div>
        } @empty {
          <nz-empty nzNotFoundImage="simple" [nzNotFoundContent]="t('notifications.none')" />
        }
      </div>
    </nz-dropdown-menu>
  `,
  styles: `
    .fz-bell-icon {
      font-size: 18px;
    }
    .fz-notifications {
      width: 320px;
      max-width: calc(100vw - 24px);
      max-height: 420px;
      overflow: auto;
      background: #fff;
      border-radius: 8px;
      box-shadow: 0 6px 16px rgba(0, 0, 0, 0.12);
      padding: 8px 0;
    }
    .fz-notifications-head {
      display: flex;
      justify-content: space-between;
      padding: 4px 12px 8px;
      border-bottom: 1px solid #f0f0f0;
    }
    .fz-notification {
      padding: 8px 12px;
      cursor: pointer;
      border-bottom: 1px solid #f5f5f5;
    }
    .fz-notification:hover {
      background: #f5f5f5;
    }
    .fz-unread .fz-notification-title {
      font-weight: 600;
    }
  `,
})
export class NotificationBellComponent {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  protected readonly t = inject(I18nService).t;
  protected readonly unread = signal(0);
  protected readonly items = signal<NotificationDto[]>([]);

  constructor() {
    this.http.get<{ unread: number }>('/api/notifications/unread-count').subscribe({ next: (r) => this.unread.set(r.unread), error: () => undefined });
  }

  load(): void {
    this.http.get<NotificationPage>('/api/notifications', { params: { pageSize: 10 } }).subscribe({
      next: (page) => {
        this.items.set(page.items);
        this.unread.set(page.unread);
      },
      error: () => undefined,
    });
  }

  openItem(item: NotificationDto): void {
    if (!item.readAt) {
      this.http.post<NotificationDto>(`/api/notifications/${item.id}/read`, {}).subscribe({
        next: (read) => {
          this.items.update((list) => list.map((n) => (n.id === read.id ? read : n)));
          this.unread.update((n) => Math.max(0, n - 1));
        },
        error: () => undefined,
      });
    }
    if (item.link) void this.router.navigateByUrl(item.link);
  }

  readAll(): void {
    this.http.post<{ updated: number }>('/api/notifications/read-all', {}).subscribe({
      next: () => {
        const now = new Date().toISOString();
        this.items.update((list) => list.map((n) => (n.readAt ? n : { ...n, readAt: now })));
        this.unread.set(0);
      },
      error: () => undefined,
    });
  }
}
