import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { DISPUTE_CATEGORY_LABELS, DisputeWarningListItem, Page } from '@fazhi/contracts';
import { Observable } from 'rxjs';
import { I18nService } from '../../core/i18n/i18n.service';
import { HomeListComponent, HomeListItemDirective } from '../../shared/home-list.component';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { DisputesApi } from './disputes.api';

/** Home card: the disputes under an active group-incident warning, newest first (leaders act on them). */
@Component({
  selector: 'fz-dispute-warnings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, ZORRO_IMPORTS, HomeListComponent, HomeListItemDirective],
  template: `
    <fz-home-list [title]="t('disputeWarnings.title')" [emptyText]="t('disputeWarnings.none')" [failedText]="t('disputeWarnings.failed')" [source]="warnings" data-test="dispute-warnings">
      <ng-template [fzHomeListItem]="warnings" let-item>
        <div [attr.data-warning]="item.number">
          <div class="fz-warning-title">
            <nz-tag nzColor="red">{{ categories[item.category] }}</nz-tag>
            <a [routerLink]="['/disputes', item.id]">{{ item.number }}</a>
            <span class="fz-muted">{{ item.villageName ?? item.townName }}</span>
          </div>
          <div class="fz-break">{{ item.warning.reason }}</div>
          <div class="fz-muted">{{ t('disputeWarnings.police', { date: item.warning.policeInformedOn, unit: item.warning.policeUnit }) }}</div>
        </div>
      </ng-template>
    </fz-home-list>
  `,
  styles: `
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
  protected readonly warnings: Observable<Page<DisputeWarningListItem>> = inject(DisputesApi).warnings({ pageSize: 10 });
}
