import { ChangeDetectionStrategy, Component, forwardRef, inject, input, signal } from '@angular/core';
import { ControlValueAccessor, FormsModule, NG_VALUE_ACCESSOR } from '@angular/forms';
import { I18nService } from '../../core/i18n/i18n.service';
import { ZORRO_IMPORTS } from '../zorro';
import { LedgerView, statusColor, statusText } from './ledger-view';

/** A list filter's choice of states, each shown as its coloured tag (a form control: `formControlName="status"`). */
@Component({
  selector: 'fz-status-select',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, ZORRO_IMPORTS],
  providers: [{ provide: NG_VALUE_ACCESSOR, useExisting: forwardRef(() => StatusSelectComponent), multi: true }],
  template: `
    <nz-select
      nzMode="multiple"
      nzAllowClear
      [nzPlaceHolder]="placeholder()"
      [nzCustomTemplate]="tag"
      [nzDisabled]="disabled()"
      [ngModel]="value()"
      (ngModelChange)="change($event)"
      data-test="filter-status"
    >
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
export class StatusSelectComponent implements ControlValueAccessor {
  private readonly i18n = inject(I18nService);
  readonly view = input.required<LedgerView>();
  /** The states offered, in order. */
  readonly statuses = input.required<readonly string[]>();
  readonly placeholder = input('');

  protected readonly value = signal<string[]>([]);
  protected readonly disabled = signal(false);
  private onChange: (value: string[]) => void = () => undefined;
  private onTouched: () => void = () => undefined;

  protected label(status: string): string {
    return statusText(this.view(), status, this.i18n.pick);
  }

  protected color(status: unknown): string {
    return statusColor(this.view(), status);
  }

  protected change(value: string[]): void {
    this.value.set(value);
    this.onChange(value);
    this.onTouched();
  }

  writeValue(value: string[] | null): void {
    this.value.set(value ?? []);
  }

  registerOnChange(fn: (value: string[]) => void): void {
    this.onChange = fn;
  }

  registerOnTouched(fn: () => void): void {
    this.onTouched = fn;
  }

  setDisabledState(disabled: boolean): void {
    this.disabled.set(disabled);
  }
}
