import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { AbstractControl, FormControl, ReactiveFormsModule } from '@angular/forms';
import { FieldComponent } from './field.component';
import { ZORRO_IMPORTS } from './zorro';

export type InputKind = 'text' | 'textarea' | 'number' | 'date' | 'datetime' | 'select' | 'multiple' | 'tags' | 'switch';

/**
 * One field as every form of the kit asks it (the form page, a register's form, the step modal),
 * its words already in the reader's language. Each form turns its own field definitions into these.
 */
export interface InputSpec {
  /** The control's name (`data-field` of the field). */
  name: string;
  kind: InputKind;
  /** The control's id, which the label points at. */
  id: string;
  label: string;
  required?: boolean;
  /** A hint under the field. */
  extra?: string | null;
  placeholder?: string;
  /** A select's choices, labels as shown. */
  options?: readonly { value: unknown; label: string }[];
  /** Shown when a select has nothing to offer (the library's "no data" unless given). */
  empty?: string;
  /** A textarea's rows while it grows (2 to 6 unless given). */
  rows?: readonly [number, number];
  /** A number's bounds (0 and none unless given), step and decimals (any unless given). */
  min?: number;
  max?: number;
  step?: number;
  precision?: number | null;
  inputMode?: string | null;
  /** `data-test` of a select or switch. */
  testId?: string | null;
  /** A select whose choices can be searched, or cleared. */
  search?: boolean;
  clear?: boolean;
}

/**
 * A field drawn from its spec: the label, the control of its kind bound to `control`, the hint
 * and the control's first error (or the form's `problem` with it). Place `nz-col` on it in a grid.
 */
@Component({
  selector: 'fz-input-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, ZORRO_IMPORTS, FieldComponent],
  template: `
    @let f = spec();
    @let c = formControl();
    <fz-field [attr.data-field]="f.name" [label]="f.label" [for]="f.id" [required]="!!f.required" [control]="c" [extra]="f.extra ?? undefined" [problem]="problem()">
      @switch (f.kind) {
        @case ('textarea') {
          <textarea nz-input [id]="f.id" [formControl]="c" [nzAutosize]="{ minRows: f.rows?.[0] ?? 2, maxRows: f.rows?.[1] ?? 6 }"></textarea>
        }
        @case ('number') {
          <nz-input-number class="fz-full" [nzId]="f.id" [formControl]="c" [nzMin]="f.min ?? 0" [nzMax]="f.max ?? infinity" [nzStep]="f.step ?? 1" [nzPrecision]="f.precision ?? null" />
        }
        @case ('date') {
          <nz-date-picker class="fz-full" [nzId]="f.id" [formControl]="c" />
        }
        @case ('datetime') {
          <nz-date-picker class="fz-full" [nzId]="f.id" nzShowTime nzFormat="yyyy-MM-dd HH:mm" [formControl]="c" />
        }
        @case ('switch') {
          <nz-switch [nzId]="f.id" [formControl]="c" [attr.data-test]="f.testId ?? null" />
        }
        @case ('text') {
          <input nz-input [id]="f.id" [formControl]="c" [placeholder]="f.placeholder ?? ''" [attr.inputmode]="f.inputMode ?? null" autocomplete="off" />
        }
        @default {
          <nz-select
            [nzId]="f.id"
            [formControl]="c"
            [nzMode]="f.kind === 'select' ? 'default' : f.kind"
            [nzAllowClear]="!!f.clear"
            [nzShowSearch]="!!f.search"
            [nzPlaceHolder]="f.placeholder ?? ''"
            [nzNotFoundContent]="f.empty"
            [attr.data-test]="f.testId ?? null"
          >
            @for (option of f.options ?? []; track option.value) {
              <nz-option [nzValue]="option.value" [nzLabel]="option.label" />
            }
          </nz-select>
        }
      }
    </fz-field>
  `,
  styles: `
    :host {
      display: block;
    }
  `,
})
export class InputFieldComponent {
  readonly spec = input.required<InputSpec>();
  readonly control = input.required<AbstractControl>();
  /** A problem the form as a whole finds with this field; while given, the field shows it as its error. */
  readonly problem = input<string | null>(null);
  protected readonly formControl = computed(() => this.control() as FormControl);
  protected readonly infinity = Infinity;
}
