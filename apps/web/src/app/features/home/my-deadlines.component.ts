import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { MyDeadlineDto } from '@fazhi/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { DeadlineDaysComponent } from '../../shared/deadline.component';
import { DeadlinesApi } from './deadlines.api';

/** Where each ledger's records open, by the ledger name a deadline carries. */
const RECORD_PATHS: Record<string, string> = {
  'vessel-case': '/vessels',
  campaign: '/vessels/campaigns',
  dispute: '/disputes',
};

/** The page of a deadline's record, or null for a ledger the web does not show yet. */
export function recordLink(item: Pick<MyDeadlineDto, 'ledger' | 'recordId'>): string[] | null {
  const path = RECORD_PATHS[item.ledger];
  return path ? [path, item.recordId] : null;
}

/** Home card: the caller's due and overdue items, most urgent first, each opening its record. */
@Component({
  selector: 'fz-my-deadlines',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, ZORRO_IMPORTS, DeadlineDaysComponent],
  template: `
    <nz-card [nzTitle]="t('deadlines.title')" [nzExtra]="countTpl" data-test="my-deadlines">
      <ng-template #countTpl>
        @if (total() > 0) {
          <nz-badge [nzCount]="total()" [nzOverflowCount]="99" />
        }
      </ng-template>
      @if (failed()) {
        <nz-alert nzType="warning" nzShowIcon [nzMessage]="t('deadlines.failed')" />
      } @else {
        <nz-spin [nzSpinning]="loading()">
          @for (item of items(); track item.id) {
            <div class="fz-deadline" [attr.data-deadline]="item.state">
              <div class="fz-deadline-title">
                @if (link(item); as path) {
                  <a [routerLink]="path">{{ item.title }}</a>
                } @else {
                  {{ item.title }}
                }
              </div>
              <div class="fz-deadline-meta">
                <span class="fz-muted">{{ t('deadlines.due', { date: item.dueDate }) }}</span>
                <fz-deadline-days [deadline]="item" />
              </div>
            </div>
          } @empty {
            <nz-empty nzNotFoundImage="simple" [nzNotFoundContent]="t('deadlines.none')" />
          }
        </nz-spin>
      }
    </nz-card>
  `,
  styles: `
    .fz-deadline {
      padding: 8px 0;
      border-bottom: 1px solid #f0f0f0;
    }
    .fz-deadline:last-child {
      border-bottom: 0;
    }
    .fz-deadline-title {
      font-weight: 500;
      word-break: break-all;
    }
    .fz-deadline-meta {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 8px;
      margin-top: 2px;
    }
  `,
})
export class MyDeadlinesComponent {
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly link = recordLink;
  protected readonly items = signal<MyDeadlineDto[]>([]);
  protected readonly total = signal(0);
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);

  constructor() {
    inject(DeadlinesApi)
      .mine({ pageSize: 10 })
      .subscribe({
        next: (page) => {
          this.items.set(page.items);
          this.total.set(page.total);
          this.loading.set(false);
        },
        error: () => {
          this.loading.set(false);
          this.failed.set(true);
        },
      });
  }
}
