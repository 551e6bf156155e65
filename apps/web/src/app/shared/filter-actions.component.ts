import { ChangeDetectionStrategy, Component, inject, input, model, output } from '@angular/core';
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
    <button nz-button type="button" (click)="cleared.emit()"><nz-icon nzType="reload" />{{ t('common.reset') }}</button>
    @if (more() !== undefined) {
      <button nz-button nzType="link" type="button" class="fz-more-toggle" (click)="more.set(!more())" [attr.aria-expanded]="more()" data-test="filter-more">
        {{ more() ? t('filters.less') : t('filters.more') }}
        <nz-icon [nzType]="more() ? 'up' : 'down'" />
      </button>
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
      padding-inline: 0;
    }
    @media (max-width: 575.98px) {
      .fz-more-toggle {
        display: inline-block;
      }
    }
  `,
})
export class FilterActionsComponent {
  protected readonly t = inject(I18nService).t;

  /** Whether the folded filters show (`[(more)]`); without it there is nothing to fold. */
  readonly more = model<boolean>();
  readonly searchTestId = input<string>();
  /** The reset button was pressed: the page clears its filters. */
  readonly cleared = output<void>();
}
