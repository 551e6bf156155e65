import { NgComponentOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, PendingTasks, Type, computed, effect, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { DATA_SCOPE_LABELS, DataScope } from '@fazhi/contracts';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { HOME_CARDS } from '../../core/features/feature';
import { APP_MENU, filterMenu, menuLeaves } from '../../core/features/menu';
import { DateTimePipe } from '../../shared/date-time.pipe';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { MyDeadlinesComponent } from './my-deadlines.component';

/** Welcome page: who the user is, what they may see, and where they may go. */
@Component({
  selector: 'fz-home',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, NgComponentOutlet, ZORRO_IMPORTS, DateTimePipe, MyDeadlinesComponent],
  templateUrl: './home.component.html',
  styleUrl: './home.component.css',
})
export class HomeComponent {
  private readonly auth = inject(AuthService);
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly me = this.auth.me;
  private readonly menu = inject(APP_MENU);
  private readonly homeCards = inject(HOME_CARDS);
  private readonly pendingTasks = inject(PendingTasks);
  private readonly loadedCards = signal<ReadonlyMap<string, Type<unknown>>>(new Map());
  private readonly requestedCards = new Set<string>();
  private readonly allowedCards = computed(() => this.homeCards.filter((card) => this.auth.hasAny(card.permissions)));

  /** The features' cards the caller may see, once each has loaded. */
  protected readonly cards = computed(() =>
    this.allowedCards().flatMap((card) => {
      const component = this.loadedCards().get(card.key);
      return component ? [{ key: card.key, component }] : [];
    }),
  );

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

  constructor() {
    effect(() => {
      for (const card of this.allowedCards()) {
        if (this.requestedCards.has(card.key)) continue;
        this.requestedCards.add(card.key);
        this.pendingTasks.run(async () => {
          const component = await card.load();
          this.loadedCards.update((loaded) => new Map(loaded).set(card.key, component));
        });
      }
    });
  }

  protected scopeLabel(scope: DataScope): string {
    return this.i18n.pick(DATA_SCOPE_LABELS[scope]);
  }
}
