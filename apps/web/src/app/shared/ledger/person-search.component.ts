import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { TKey } from '../../core/i18n/dictionary';
import { I18nService } from '../../core/i18n/i18n.service';
import { ZORRO_IMPORTS } from '../zorro';

/**
 * A list filter form's person search (a name, an ID number or a phone, matched exactly; sent in a
 * POST body, never in a URL): which field, and the value.
 */
@Component({
  selector: 'fz-person-search',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, ZORRO_IMPORTS],
  template: `
    <nz-input-group nzCompact class="fz-compact-search">
      <nz-select [formControl]="field()" class="fz-compact-search-field" [attr.aria-label]="label()">
        @for (name of fields(); track name) {
          <nz-option [nzValue]="name" [nzLabel]="t(labels()[name])" />
        }
      </nz-select>
      <input nz-input class="fz-compact-search-value" [formControl]="value()" [placeholder]="placeholder()" [attr.data-test]="testId()" />
    </nz-input-group>
  `,
})
export class PersonSearchComponent {
  protected readonly t = inject(I18nService).t;

  readonly fields = input.required<readonly string[]>();
  readonly labels = input.required<Readonly<Record<string, TKey>>>();
  readonly field = input.required<FormControl<string>>();
  readonly value = input.required<FormControl<string>>();
  readonly label = input('');
  readonly placeholder = input('');
  readonly testId = input<string | null>(null);
}

/** The person search a list query holds: its field (else the first) and its value. */
export function personSearchOf<F extends object>(query: F, fields: readonly (keyof F & string)[]): { field: string; value: string } {
  const field = fields.find((name) => query[name]) ?? fields[0];
  return { field, value: String(query[field] ?? '') };
}

/** The person fields of a list query: the trimmed value in the chosen field, the others null. */
export function personQuery<K extends string>(fields: readonly K[], field: string, value: string): Record<K, string | null> {
  const shown = value.trim();
  return Object.fromEntries(fields.map((name) => [name, name === field && shown ? shown : null])) as Record<K, string | null>;
}
