import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { LockedAccountDto } from '@fazhi/contracts';
import { NzMessageService } from 'ng-zorro-antd/message';
import { I18nService } from '../../core/i18n/i18n.service';
import { DateTimePipe } from '../../shared/date-time.pipe';
import { PageHeaderComponent } from '../../shared/page-header.component';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { SecurityApi } from './security.api';

/** Accounts locked after failed sign-ins, each with an unlock button. */
@Component({
  selector: 'fz-locks',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ZORRO_IMPORTS, PageHeaderComponent, DateTimePipe],
  template: `
    <fz-page-header [title]="t('locks.title')" [subtitle]="t('locks.subtitle')">
      <button nz-button (click)="load()"><nz-icon nzType="reload" />{{ t('common.refresh') }}</button>
    </fz-page-header>
    <nz-card>
      <nz-table #table nzHideOnSinglePage [nzData]="locks()" [nzLoading]="loading()" [nzPageSize]="50" [nzScroll]="{ x: '720px' }" data-test="lock-table">
        <thead>
          <tr>
            <th>{{ t('locks.username') }}</th>
            <th>{{ t('locks.displayName') }}</th>
            <th>{{ t('locks.failures') }}</th>
            <th>{{ t('locks.lockedUntil') }}</th>
            <th nzWidth="120px" nzRight>{{ t('common.actions') }}</th>
          </tr>
        </thead>
        <tbody>
          @for (lock of table.data; track lock.username) {
            <tr [attr.data-lock]="lock.username">
              <td>{{ lock.username }}</td>
              <td>{{ lock.displayName ?? '—' }}</td>
              <td>
                <nz-tag nzColor="red">{{ lock.failures }}</nz-tag>
              </td>
              <td>{{ lock.lockedUntil | fzDateTime }}</td>
              <td nzRight>
                <button
                  nz-button
                  nzType="link"
                  nzSize="small"
                  nz-popconfirm
                  [nzPopconfirmTitle]="t('locks.unlockConfirm', { name: lock.displayName ?? lock.username })"
                  [nzOkText]="t('locks.unlock')"
                  [nzCancelText]="t('common.cancel')"
                  (nzOnConfirm)="unlock(lock)"
                  data-test="unlock"
                >
                  <nz-icon nzType="unlock" />{{ t('locks.unlock') }}
                </button>
              </td>
            </tr>
          }
        </tbody>
      </nz-table>
    </nz-card>
  `,
})
export class LocksComponent {
  private readonly api = inject(SecurityApi);
  private readonly message = inject(NzMessageService);
  protected readonly t = inject(I18nService).t;

  protected readonly locks = signal<LockedAccountDto[]>([]);
  protected readonly loading = signal(true);

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.api.locks().subscribe({
      next: (locks) => {
        this.locks.set(locks);
        this.loading.set(false);
      },
      error: () => this.loading.set(false),
    });
  }

  protected unlock(lock: LockedAccountDto): void {
    this.api.unlock(lock.username).subscribe(() => {
      this.message.success(this.t('locks.unlocked', { name: lock.displayName ?? lock.username }));
      this.load();
    });
  }
}
