import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/** A value shown as indented JSON (audit before/after). */
@Component({
  selector: 'fz-json-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<pre class="fz-json">{{ text() }}</pre>`,
  styles: `
    .fz-json {
      margin: 0;
      padding: 8px 12px;
      max-height: 360px;
      overflow: auto;
      font-size: 12px;
      line-height: 1.6;
      white-space: pre-wrap;
      word-break: break-all;
      background: #fafafa;
      border: 1px solid #f0f0f0;
      border-radius: 4px;
    }
  `,
})
export class JsonViewComponent {
  readonly value = input<unknown>(null);
  protected readonly text = computed(() => {
    const value = this.value();
    if (value === null || value === undefined) return '—';
    return JSON.stringify(value, null, 2);
  });
}
