import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { CALENDAR_YEAR_ITEM, MyDeadlineDto, Page } from '@fazhi/contracts';
import { Observable } from 'rxjs';
import { RECORD_PATHS } from '../../core/features/feature';
import { I18nService } from '../../core/i18n/i18n.service';
import { HomeListComponent, HomeListItemDirective } from '../../shared/home-list.component';
import { DeadlineDaysComponent } from '../../shared/deadline.component';
import { DeadlinesApi } from './deadlines.api';

/** The page of a deadline's record (paths by ledger name), or null for a ledger the web does not show yet. */
export function recordLink(item: Pick<MyDeadlineDto, 'ledger' | 'recordId'>, paths: Readonly<Record<string, string>>): string[] | null {
  const path = Object.prototype.hasOwnProperty.call(paths, item.ledger) ? paths[item.ledger] : undefined;
  return path ? [path, item.recordId] : null;
}

/** The holiday calendar page opened on the year an item asks to enter. */
export const CALENDAR_PAGE = '/admin/calendar';

/** Home card: the caller's due and overdue items, most urgent first, each opening its record. */
@Component({
  selector: 'fz-my-deadlines',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, HomeListComponent, HomeListItemDirective, DeadlineDaysComponent],
  template: `
    <fz-home-list [title]="t('deadlines.title')" [emptyText]="t('deadlines.none')" [failedText]="t('deadlines.failed')" [source]="deadlines" data-test="my-deadlines">
      <ng-template [fzHomeListItem]="deadlines" let-item>
        <div [attr.data-deadline]="item.state" [attr.data-item]="item.id">
          <div class="fz-deadline-title">
            @if (item.ledger === calendarYear.ledger) {
              <a [routerLink]="calendarPage" [queryParams]="{ year: item.recordId }" data-test="calendar-year-item">{{ t('deadlines.calendarYear', { year: item.recordId }) }}</a>
            } @else if (link(item); as path) {
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
      </ng-template>
    </fz-home-list>
  `,
  styles: `
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
  protected readonly t = inject(I18nService).t;
  private readonly recordPaths = inject(RECORD_PATHS);
  protected readonly link = (item: MyDeadlineDto): string[] | null => recordLink(item, this.recordPaths);
  protected readonly calendarYear = CALENDAR_YEAR_ITEM;
  protected readonly calendarPage = CALENDAR_PAGE;
  protected readonly deadlines: Observable<Page<MyDeadlineDto>> = inject(DeadlinesApi).mine({ pageSize: 10 });
}
