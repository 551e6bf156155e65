import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { I18nService } from '../core/i18n/i18n.service';
import { ZORRO_IMPORTS } from './zorro';

export interface FilterTag {
  key: string;
  label: string;
  value: string;
}

/** The filters a list applies, as closable tags (also those without a control on the page). */
@Component({
  selector: 'fz-filter-tags',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ZORRO_IMPORTS],
  template: `
    @if (tags().length > 0) {
      <div class="fz-filter-tags" data-test="filter-tags">
        <span class="fz-muted">{{ t('filters.applied') }}</span>
        @for (tag of tags(); track tag.key) {
          <nz-tag nzMode="closeable" nzColor="blue" [attr.data-filter]="tag.key" (nzOnClose)="removed.emit(tag.key)"> {{ tag.label }}：{{ tag.value }} </nz-tag>
        }
        <a (click)="cleared.emit()" role="button" tabindex="0" (keydown.enter)="cleared.emit()" data-test="filter-clear">{{ t('filters.clear') }}</a>
      </div>
    }
  `,
  styles: `
    .fz-filter-tags {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 6px 0;
      margin-top: 12px;
    }
    .fz-filter-tags > .fz-muted {
      margin-right: 8px;
    }
  `,
})
export class FilterTagsComponent {
  protected readonly t = inject(I18nService).t;
  readonly tags = input.required<readonly FilterTag[]>();
  readonly removed = output<string>();
  readonly cleared = output<void>();
}
