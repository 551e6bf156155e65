import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { I18nService } from '../../core/i18n/i18n.service';
import { ZORRO_IMPORTS } from '../zorro';
import { LedgerView, statusColor, statusText } from './ledger-view';

/** A record's state as its coloured tag: `<fz-status-tag [view]="view" [status]="item.status" />`. */
@Component({
  selector: 'fz-status-tag',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ZORRO_IMPORTS],
  template: `<nz-tag [nzColor]="color()">{{ label() }}</nz-tag>`,
})
export class StatusTagComponent {
  private readonly i18n = inject(I18nService);

  readonly view = input.required<LedgerView>();
  readonly status = input.required<string>();
  protected readonly label = computed(() => statusText(this.view(), this.status(), this.i18n.pick));
  protected readonly color = computed(() => statusColor(this.view(), this.status()));
}
