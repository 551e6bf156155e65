import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { DEADLINE_STATE_LABELS, DeadlineDto, DeadlineState } from '@fazhi/contracts';
import { I18nService } from '../core/i18n/i18n.service';
import { TKey } from '../core/i18n/dictionary';
import { ZORRO_IMPORTS } from './zorro';

/** The colour of a deadline's days-left figure. */
export const DEADLINE_COLORS: Record<DeadlineState, string> = {
  ok: 'green',
  warning: 'orange',
  overdue: 'red',
  paused: 'default',
  done: 'default',
};

/**
 * A deadline's days left (or overdue) as a coloured tag while it runs, then its state, and "provisional" with
 * its reason when the due date was counted over a year whose holiday arrangement is not entered.
 */
@Component({
  selector: 'fz-deadline-days',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ZORRO_IMPORTS],
  template: `
    @if (deadline().state !== 'done') {
      <nz-tag [nzColor]="colors[deadline().state]" data-test="deadline-days">
        {{ deadline().daysLeft < 0 ? t('deadlines.overdueDays', { days: -deadline().daysLeft }) : t('deadlines.daysLeft', { days: deadline().daysLeft }) }}
      </nz-tag>
    }
    <span class="fz-muted">{{ i18n.pick(states[deadline().state]) }}</span>
    @if (deadline().provisional) {
      <nz-tag nzColor="gold" nz-tooltip [nzTooltipTitle]="t('deadlines.provisionalHint')" data-test="deadline-provisional">
        {{ t('deadlines.provisional') }}
      </nz-tag>
    }
  `,
  styles: `
    :host {
      display: contents;
    }
  `,
})
export class DeadlineDaysComponent {
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly colors = DEADLINE_COLORS;
  protected readonly states = DEADLINE_STATE_LABELS;

  readonly deadline = input.required<Pick<DeadlineDto, 'state' | 'daysLeft' | 'provisional'>>();
}

/** A record's running deadline on its detail page: the due date, days left and state; more after it as content. */
@Component({
  selector: 'fz-deadline-alert',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ZORRO_IMPORTS, DeadlineDaysComponent],
  template: `
    <nz-alert class="fz-block" [nzType]="type()" nzShowIcon [nzMessage]="message" />
    <ng-template #message>
      {{ t(dueText(), { date: deadline().dueDate }) }}
      <fz-deadline-days [deadline]="deadline()" />
      <ng-content />
    </ng-template>
  `,
})
export class DeadlineAlertComponent {
  protected readonly t = inject(I18nService).t;

  readonly deadline = input.required<DeadlineDto>();
  /** The due-date sentence, with `{date}`. */
  readonly dueText = input.required<TKey>();
  protected readonly type = computed(() => {
    const state = this.deadline().state;
    return state === 'overdue' ? 'error' : state === 'warning' ? 'warning' : 'info';
  });
}
