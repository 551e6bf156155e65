import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { I18nService } from '../../core/i18n/i18n.service';
import { ZORRO_IMPORTS } from '../zorro';
import { LedgerView, statusColor, statusText } from './ledger-view';

/** A list filter form's choice of states, each shown as its coloured tag (`data-test="filter-status"`). */
@Component({
  selector: 'fz-status-filter',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, ZORRO_IMPORTS],
  template: `
    <nz-select [formControl]="control()" nzMode="multiple" nzAllowClear [nzPlaceHolder]="placeholder()" [nzCustomTemplate]="tag" data-test="filter-status">
      @for (status of statuses(); track status) {
        <nz-option [nzValue]="status" [nzLabel]="label(status)" nzCustomContent>
          <nz-tag [nzColor]="color(status)">{{ label(status) }}</nz-tag>
        </nz-option>
      }
    </nz-select>
    <ng-template #tag let-selected>
      <nz-tag [nzColor]="color(selected.nzValue)">{{ selected.nzLabel }}</nz-tag>
    </ng-template>
  `,
  styles: `
    :host {
      display: block;
    }
  `,
})
export class StatusFilterComponent {
  private readonly i18n = inject(I18nService);

  readonly view = input.required<LedgerView>();
  readonly control = input.required<FormControl<string[]>>();
  readonly placeholder = input('');
  protected readonly statuses = computed(() => Object.keys(this.view().statusLabels));

  protected label(status: string): string {
    return statusText(this.view(), status, this.i18n.pick);
  }

  protected color(status: unknown): string {
    return statusColor(this.view(), status);
  }
}

/** A record's state as its coloured tag: `<fz-status-tag [view]="view" [status]="item.status" />`. */
@Component({
  selector: 'fz-status-tag',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ZORRO_IMPORTS],
  template: `<nz-tag [nzColor]="color()">{{ label() }}</nz-tag>`,
})
export class StatusTagComponent {
  private readonly i18n = inject(I18nService);

  readonly view = input.required<LedgerView>();
  readonly status = input.required<string>();
  protected readonly label = computed(() => statusText(this.view(), this.status(), this.i18n.pick));
  protected readonly color = computed(() => statusColor(this.view(), this.status()));
}
