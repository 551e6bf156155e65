import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** The title bar on top of each page, with room for actions on the right. */
@Component({
  selector: 'fz-page-header',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="fz-page-header">
      <div class="fz-page-header-text">
        <h2 class="fz-page-title">{{ title() }}</h2>
        @if (subtitle()) {
          <p class="fz-page-subtitle">{{ subtitle() }}</p>
        }
      </div>
      <div class="fz-page-actions"><ng-content /></div>
    </div>
  `,
  styles: `
    .fz-page-header {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      justify-content: space-between;
      gap: 12px;
      margin-bottom: 16px;
    }
    .fz-page-title {
      margin: 0;
      font-size: 20px;
      font-weight: 600;
      line-height: 32px;
      color: rgba(0, 0, 0, 0.88);
    }
    .fz-page-subtitle {
      margin: 4px 0 0;
      color: rgba(0, 0, 0, 0.45);
    }
    .fz-page-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
  `,
})
export class PageHeaderComponent {
  readonly title = input.required<string>();
  readonly subtitle = input<string>('');
}
