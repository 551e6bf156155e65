import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, Injectable, inject, signal } from '@angular/core';
import { errorDisplay } from '../core/http/error-display';
import { I18nService } from '../core/i18n/i18n.service';
import { ZORRO_IMPORTS } from '../shared/zorro';

/** Whether the server holds demo accounts (`demo` of GET /api/health), asked once per page load. */
@Injectable({ providedIn: 'root' })
export class DemoStatus {
  private readonly http = inject(HttpClient);
  private readonly state = signal(false);
  private asked = false;

  readonly demo = this.state.asReadonly();

  load(): void {
    if (this.asked) return;
    this.asked = true;
    this.http.get<{ demo?: boolean }>('/api/health', errorDisplay('silent')).subscribe({
      next: (health) => this.state.set(health.demo === true),
      error: () => {
        this.asked = false;
      },
    });
  }
}

/** A warning across the page while demo accounts with their published password exist. */
@Component({
  selector: 'fz-demo-banner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ZORRO_IMPORTS],
  template: `
    @if (status.demo()) {
      <nz-alert nzBanner nzType="warning" nzShowIcon [nzMessage]="t('demo.banner')" role="alert" data-test="demo-banner" />
    }
  `,
})
export class DemoBannerComponent {
  protected readonly status = inject(DemoStatus);
  protected readonly t = inject(I18nService).t;

  constructor() {
    this.status.load();
  }
}
