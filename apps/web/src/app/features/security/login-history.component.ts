import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { LoginHistoryEntry } from '@fazhi/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { DateTimePipe } from '../../shared/date-time.pipe';
import { rangeToQuery } from '../../shared/date-range';
import { PageHeaderComponent } from '../../shared/page-header.component';
import { PagedList } from '../../shared/paged-list';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { LoginHistoryFilters, SecurityApi } from './security.api';
import { FilterActionsComponent } from '../../shared/filter-actions.component';

/** Sign-in attempts, successful or not (security administrators and auditors). */
@Component({
  selector: 'fz-login-history',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, ZORRO_IMPORTS, PageHeaderComponent, DateTimePipe, FilterActionsComponent],
  templateUrl: './login-history.component.html',
  styles: `
    .fz-ua {
      display: inline-block;
      max-width: 260px;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      vertical-align: bottom;
    }
  `,
})
export class LoginHistoryComponent {
  private readonly api = inject(SecurityApi);
  protected readonly t = inject(I18nService).t;

  protected readonly list = new PagedList<LoginHistoryEntry, LoginHistoryFilters>((query) => this.api.loginHistory(query), {
    username: '',
    success: null,
    from: null,
    to: null,
  });
  protected readonly filters = new FormGroup({
    username: new FormControl('', { nonNullable: true }),
    success: new FormControl<boolean | null>(null),
    range: new FormControl<Date[] | null>(null),
  });

  constructor() {
    this.list.load();
  }

  protected search(): void {
    const { username, success, range } = this.filters.getRawValue();
    this.list.search({ username: username.trim(), success, ...rangeToQuery(range) });
  }

  protected resetFilters(): void {
    this.filters.reset({ username: '', success: null, range: null });
    this.list.reset();
  }
}
