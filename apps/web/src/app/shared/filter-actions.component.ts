import { ChangeDetectionStrategy, Component, WritableSignal, inject, input, output } from '@angular/core';
import { I18nService } from '../core/i18n/i18n.service';
import { ZORRO_IMPORTS } from './zorro';

/**
 * The buttons at the end of a list's filter form: search (submits the form it sits in) and reset,
 * and, when the form has filters that phones fold away (columns marked `fz-more`), the link that
 * shows or hides them.
 */
@Component({
  selector: 'fz-filter-actions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ZORRO_IMPORTS],
  template: `
    <button nz-button nzType="primary" type="submit" [attr.data-test]="searchTestId()"><nz-icon nzType="search" />{{ t('common.search') }}</button>
    <button nz-button type="button" (click)="reset.emit()"><nz-icon nzType="reload" />{{ t('common.reset') }}</button>
    @if (more(); as open) {
      <a class="fz-more-toggle" (click)="open.set(!open())" data-test="filter-more">
        {{ open() ? t('filters.less') : t('filters.more') }}
        <nz-icon [nzType]="open() ? 'up' : 'down'" />
      </a>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .fz-more-toggle {
      display: none;
      align-self: center;
    }
    @media (max-width: 575.98px) {
      .fz-more-toggle {
        display: inline;
      }
    }
  `,
})
export class FilterActionsComponent {
  protected readonly t = inject(I18nService).t;

  /** Whether the folded filters show; without it there is nothing to fold. */
  readonly more = input<WritableSignal<boolean>>();
  readonly searchTestId = input<string>();
  readonly reset = output<void>();
}
