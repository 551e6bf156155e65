import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { DISPUTE_CATEGORY_LABELS, DisputeWarningListItem } from '@fazhi/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { DisputesApi } from './disputes.api';

/** Home card: the disputes under an active group-incident warning, newest first (leaders act on them). */
@Component({
  selector: 'fz-dispute-warnings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, ZORRO_IMPORTS],
  template: `
    <nz-card [nzTitle]="t('disputeWarnings.title')" [nzExtra]="countTpl" data-test="dispute-warnings">
      <ng-template #countTpl>
        @if (total() > 0) {
          <nz-badge [nzCount]="total()" [nzOverflowCount]="99" />
        }
      </ng-template>
      @if (failed()) {
        <nz-alert nzType="warning" nzShowIcon [nzMessage]="t('disputeWarnings.failed')" />
      } @else {
        <nz-spin [nzSpinning]="loading()">
          @for (item of items(); track item.id) {
            <div class="fz-warning" [attr.data-warning]="item.number">
              <div class="fz-warning-title">
                <nz-tag nzColor="red">{{ categories[item.category] }}</nz-tag>
                <a [routerLink]="['/disputes', item.id]">{{ item.number }}</a>
                <span class="fz-muted">{{ item.villageName ?? item.townName }}</span>
              </div>
              <div class="fz-break">{{ item.warning.reason }}</div>
              <div class="fz-muted">{{ t('disputeWarnings.police', { date: item.warning.policeInformedOn, unit: item.warning.policeUnit }) }}</div>
            </div>
          } @empty {
            <nz-empty nzNotFoundImage="simple" [nzNotFoundContent]="t('disputeWarnings.none')" />
          }
        </nz-spin>
      }
    </nz-card>
  `,
  styles: `
    .fz-warning {
      padding: 8px 0;
      border-bottom: 1px solid #f0f0f0;
    }
    .fz-warning:last-child {
      border-bottom: 0;
    }
    .fz-warning-title {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 8px;
      font-weight: 500;
    }
  `,
})
export class DisputeWarningsComponent {
  protected readonly t = inject(I18nService).t;
  protected readonly categories = DISPUTE_CATEGORY_LABELS;
  protected readonly items = signal<DisputeWarningListItem[]>([]);
  protected readonly total = signal(0);
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);

  constructor() {
    inject(DisputesApi)
      .warnings({ pageSize: 10 })
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
