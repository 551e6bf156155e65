import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, afterNextRender, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink, RouterOutlet } from '@angular/router';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalService } from 'ng-zorro-antd/modal';
import { filter, map } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { Feedback } from '../../core/http/feedback';
import { I18nService } from '../../core/i18n/i18n.service';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { DemoBannerComponent } from '../demo-banner.component';
import { LanguageSwitchComponent } from '../language-switch.component';
import { filterMenu } from '../../core/features/menu';
import { MENU } from '../menu';
import { NotificationBellComponent } from './notification-bell.component';
import { SideMenuComponent } from './side-menu.component';

/** Below this width the side menu becomes a drawer. */
export const MOBILE_QUERY = '(max-width: 767.98px)';

/** The signed-in frame: side menu (a drawer on phones), header with user and language. */
@Component({
  selector: 'fz-shell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, RouterLink, ZORRO_IMPORTS, SideMenuComponent, LanguageSwitchComponent, NotificationBellComponent, DemoBannerComponent],
  templateUrl: './shell.component.html',
  styleUrl: './shell.component.css',
  // Dialogs of every page inside the frame (nz-modal needs the service above it).
  providers: [NzModalService],
})
export class ShellComponent {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;

  protected readonly me = this.auth.me;
  protected readonly menu = computed(() => filterMenu(MENU, this.auth.permissions()));
  protected readonly isMobile = toSignal(
    inject(BreakpointObserver)
      .observe(MOBILE_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  protected readonly collapsed = signal(false);
  protected readonly drawerOpen = signal(false);
  protected readonly roleNames = computed(() => (this.me()?.roles ?? []).map((role) => this.i18n.name(role.name, role.nameEn)).join('、'));

  constructor() {
    // The HTTP layer's toasts load apart from the first page; fetch them while all is well.
    const feedback = inject(Feedback);
    afterNextRender(() => feedback.preload());
    this.router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.drawerOpen.set(false));
  }

  protected toggleMenu(): void {
    if (this.isMobile()) {
      this.drawerOpen.update((open) => !open);
    } else {
      this.collapsed.update((collapsed) => !collapsed);
    }
  }

  protected logout(): void {
    this.auth.logout().subscribe({
      next: () => this.afterLogout(),
      error: () => this.afterLogout(),
    });
  }

  private afterLogout(): void {
    this.auth.clear();
    this.message.success(this.t('shell.loggedOut'));
    void this.router.navigateByUrl('/login');
  }
}
