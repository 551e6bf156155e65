import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { I18nService } from '../core/i18n/i18n.service';
import { TKey } from '../core/i18n/dictionary';

/** One figure of a statistics page, as its card shows it. */
export interface StatCard<K extends string = string> {
  key: K;
  label: TKey;
  color: string;
  value: string | number;
  /** A line under the value, e.g. the fraction behind a rate. */
  detail?: string;
}

/** The figures of a statistics page as cards; clicking one asks for the rows it counts. */
@Component({
  selector: 'fz-stat-cards',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="fz-stat-cards" data-test="stats-cards">
      @for (card of cards(); track card.key) {
        <button type="button" class="fz-stat-card" [attr.data-figure]="card.key" (click)="opened.emit(card.key)" [title]="t('stats.openRows')">
          <span class="fz-stat-label">{{ t(card.label) }}</span>
          <span class="fz-stat-value" [style.color]="card.color" data-test="stat-value">{{ card.value }}</span>
          @if (card.detail) {
            <span class="fz-stat-detail">{{ card.detail }}</span>
          }
        </button>
      }
    </div>
  `,
  styles: `
    .fz-stat-cards {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(150px, 1fr));
      gap: 12px;
      margin-bottom: 16px;
    }
    .fz-stat-card {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 4px;
      padding: 16px;
      text-align: left;
      background: #fff;
      border: 1px solid #f0f0f0;
      border-radius: 8px;
      cursor: pointer;
      font: inherit;
      transition: all 0.2s;
    }
    .fz-stat-card:hover,
    .fz-stat-card:focus-visible {
      border-color: #91caff;
      box-shadow: 0 2px 8px rgba(22, 119, 255, 0.15);
    }
    .fz-stat-label,
    .fz-stat-detail {
      color: rgba(0, 0, 0, 0.55);
    }
    .fz-stat-value {
      font-size: 28px;
      font-weight: 600;
      line-height: 1.2;
    }
    @media (max-width: 575.98px) {
      .fz-stat-cards {
        grid-template-columns: repeat(2, 1fr);
      }
    }
  `,
})
export class StatCardsComponent<K extends string = string> {
  protected readonly t = inject(I18nService).t;

  readonly cards = input.required<readonly StatCard<K>[]>();
  /** The key of the card the user opened. */
  readonly opened = output<K>();
}
