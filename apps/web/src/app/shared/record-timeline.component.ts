import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { I18nService } from '../core/i18n/i18n.service';
import { ZORRO_IMPORTS } from './zorro';

/** One entry of a record's timeline: a status step, a persuasion, a session and so on. */
export interface TimelineEntry {
  key: string;
  /** `YYYY-MM-DD HH:mm:ss` in the town's zone, for ordering. */
  when: string;
  /** What the entry shows as its time (some entries have a date only). */
  shown: string;
  /** What kind of entry it is, for those who look for one (`data-timeline`). */
  kind?: string;
  title: string;
  detail: string;
  color: string;
}

/** The timeline card of a record's detail page, entries in the order given. */
@Component({
  selector: 'fz-record-timeline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ZORRO_IMPORTS],
  template: `
    <nz-card [nzTitle]="t('record.timeline')">
      <nz-timeline>
        @for (entry of entries(); track entry.key) {
          <nz-timeline-item [nzColor]="entry.color" [attr.data-timeline]="entry.kind ?? null">
            <div class="fz-timeline-when">{{ entry.shown }}</div>
            <div class="fz-timeline-title">{{ entry.title }}</div>
            @if (entry.detail) {
              <div class="fz-muted fz-break">{{ entry.detail }}</div>
            }
          </nz-timeline-item>
        }
      </nz-timeline>
    </nz-card>
  `,
  styles: `
    .fz-timeline-when {
      font-size: 12px;
      color: rgba(0, 0, 0, 0.45);
    }
    .fz-timeline-title {
      font-weight: 500;
    }
  `,
})
export class RecordTimelineComponent {
  protected readonly t = inject(I18nService).t;

  readonly entries = input.required<readonly TimelineEntry[]>();
}
