import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { I18nService } from '../core/i18n/i18n.service';
import { TKey } from '../core/i18n/dictionary';
import { ZORRO_IMPORTS } from './zorro';

/** A count column of a breakdown: its header and the figure of a row. */
export interface BreakdownColumn<R> {
  header: TKey;
  value: (row: R) => number;
}

/** A village breakdown's row name; the row of records without a village reads "no village". */
export function villageRowName(t: I18nService['t']): (row: { villageId: string | null; name: string }) => string {
  return (row) => (row.villageId ? row.name : t('stats.noVillage'));
}

/** A figure broken down by village, category or the like: a card with one row per part. */
@Component({
  selector: 'fz-breakdown-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ZORRO_IMPORTS],
  template: `
    <nz-card [nzTitle]="t(title())">
      <nz-table nzSize="small" [nzData]="rows()" [nzShowPagination]="false" [nzPageSize]="1000" [attr.data-test]="testId()">
        <thead>
          <tr>
            <th>{{ t(nameHeader()) }}</th>
            @for (column of columns(); track column.header) {
              <th nzAlign="right">{{ t(column.header) }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track $index) {
            <tr>
              <td>{{ name()(row) }}</td>
              @for (column of columns(); track column.header) {
                <td nzAlign="right">{{ column.value(row) }}</td>
              }
            </tr>
          }
        </tbody>
      </nz-table>
    </nz-card>
  `,
})
export class BreakdownTableComponent<R> {
  protected readonly t = inject(I18nService).t;

  readonly title = input.required<TKey>();
  readonly nameHeader = input.required<TKey>();
  readonly rows = input.required<readonly R[]>();
  /** The name of a row's part, as the first column shows it. */
  readonly name = input.required<(row: R) => string>();
  readonly columns = input.required<readonly BreakdownColumn<R>[]>();
  readonly testId = input<string>();
}
