import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { TKey } from '../../core/i18n/dictionary';
import { I18nService } from '../../core/i18n/i18n.service';
import { ZORRO_IMPORTS } from '../zorro';

/** One fact of a record as its facts card shows it: a missing value reads "—". */
export interface RecordFact {
  label: TKey;
  value: string | number | null | undefined;
  /** Both columns on a wide screen. */
  wide?: boolean;
  testId?: string;
}

/** A fact across both columns. */
export function wideFact(label: TKey, value: RecordFact['value'], testId?: string): RecordFact {
  return { label, value, wide: true, ...(testId ? { testId } : {}) };
}

/** The parts that are given, joined by " · ". */
export function dotted(...parts: (string | null | undefined)[]): string {
  return parts.filter(Boolean).join(' · ');
}

/** A record's facts card on its detail page: label and value in two columns (one on a phone). */
@Component({
  selector: 'fz-record-facts',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ZORRO_IMPORTS],
  template: `
    <nz-card [nzTitle]="t(title())" class="fz-block">
      <nz-descriptions class="fz-label-nowrap" nzBordered nzSize="small" [nzColumn]="{ xxl: 2, xl: 2, lg: 2, md: 2, sm: 1, xs: 1 }" [attr.data-test]="testId()">
        @for (fact of facts(); track fact.label) {
          <nz-descriptions-item [nzTitle]="t(fact.label)" [nzSpan]="fact.wide ? 2 : 1">
            @if (fact.testId) {
              <span [attr.data-test]="fact.testId">{{ fact.value ?? '—' }}</span>
            } @else {
              {{ fact.value ?? '—' }}
            }
          </nz-descriptions-item>
        }
      </nz-descriptions>
    </nz-card>
  `,
})
export class RecordFactsComponent {
  protected readonly t = inject(I18nService).t;

  readonly title = input.required<TKey>();
  readonly facts = input.required<readonly RecordFact[]>();
  readonly testId = input<string | null>(null);
}
