import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { DATA_SCOPE_LABELS, DataScope } from '@fazhi/contracts';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { APP_MENU, filterMenu, menuLeaves } from '../../core/features/menu';
import { DateTimePipe } from '../../shared/date-time.pipe';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { HasPermissionDirective } from '../../core/permissions/has-permission.directive';
import { DisputeWarningsComponent } from '../disputes/dispute-warnings.component';
import { MyDeadlinesComponent } from './my-deadlines.component';

/** Welcome page: who the user is, what they may see, and where they may go. */
@Component({
  selector: 'fz-home',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, ZORRO_IMPORTS, DateTimePipe, MyDeadlinesComponent, DisputeWarningsComponent, HasPermissionDirective],
  templateUrl: './home.component.html',
  styleUrl: './home.component.css',
})
export class HomeComponent {
  private readonly auth = inject(AuthService);
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly me = this.auth.me;
  private readonly menu = inject(APP_MENU);

  protected readonly shortcuts = computed(() =>
    menuLeaves(filterMenu(this.menu, this.auth.permissions())).filter((item) => item.key !== 'home'),
  );

  protected readonly greeting = computed(() => {
    const hour = new Date().getHours();
    if (hour < 6) return this.t('home.greetingNight');
    if (hour < 12) return this.t('home.greetingMorning');
    if (hour < 18) return this.t('home.greetingAfternoon');
    return this.t('home.greetingEvening');
  });

  protected scopeLabel(scope: DataScope): string {
    return this.i18n.pick(DATA_SCOPE_LABELS[scope]);
  }
}
