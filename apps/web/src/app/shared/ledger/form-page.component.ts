import { NgTemplateOutlet } from '@angular/common';
import { Router, RouterLink } from '@angular/router';
import { ChangeDetectionStrategy, Component, DestroyRef, Directive, OnInit, TemplateRef, computed, contentChildren, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { ErrorCode } from '@fazhi/contracts';
import { NzMessageService } from 'ng-zorro-antd/message';
import { Observable, startWith, tap } from 'rxjs';
import { apiError } from '../../core/http/api-error';
import { TKey } from '../../core/i18n/dictionary';
import { I18nService } from '../../core/i18n/i18n.service';
import { Submission } from '../api-error-message';
import { InputFieldComponent, InputKind, InputSpec } from '../input-field.component';
import { revealErrors } from '../form-errors';
import { PageHeaderComponent } from '../page-header.component';
import { ZORRO_IMPORTS } from '../zorro';
import { PlaceChoiceComponent, PlaceControls } from './place-choice.component';

export type FormFieldKind = 'text' | 'textarea' | 'number' | 'date' | 'datetime' | 'select' | 'switch' | 'place' | 'slot';

/**
 * One field of a form page, as data: its control (`name` in the page's form group), how it is
 * asked, and where it sits. Whether it is required comes from its control's validators. `place` is
 * the town/village choice (controls `townId`, `villageId`); `slot` is the feature's own
 * `<ng-template fzFormSlot="name">` in a column of the grid.
 */
export interface FormField {
  name: string;
  kind: FormFieldKind;
  label?: TKey;
  /** Columns of 24 on a phone and from a tablet up (`[24, 12]` unless given; one number for both). */
  span?: readonly [number, number?];
  /** The control's id; `<idPrefix>-<name>` unless given. */
  id?: string;
  placeholder?: TKey;
  /** A hint under the field. */
  extra?: TKey;
  testId?: string;
  /** A select's choices, labels as shown. */
  options?: (t: I18nService['t']) => readonly { value: string; label: string }[];
  /** A textarea's rows while it grows. */
  rows?: readonly [number, number];
  min?: number;
  step?: number;
  precision?: number;
  inputMode?: string;
  /** Left out of the page while true for the form's value. */
  hiddenWhen?: (value: Record<string, unknown>) => boolean;
}

/** Choices from a contract's label table (`{ value: label }`). */
export function labelOptions(labels: Readonly<Record<string, string>>): () => { value: string; label: string }[] {
  return () => Object.entries(labels).map(([value, label]) => ({ value, label }));
}

/** Choices from a table of dictionary keys (`{ value: key }`), in the reader's language. */
export function keyOptions(keys: Readonly<Record<string, TKey>>): (t: I18nService['t']) => { value: string; label: string }[] {
  return (t) => Object.entries(keys).map(([value, key]) => ({ value, label: t(key) }));
}

/** A text control: at most `max` characters; when required, not blank. */
export function textControl(max: number, required = false): FormControl<string> {
  return new FormControl('', { nonNullable: true, validators: [Validators.maxLength(max), ...(required ? [Validators.required, Validators.pattern(/\S/)] : [])] });
}

/** A ledger's form page: its fields, and the names the page gives its parts. */
export interface FormPageDefinition {
  /** The records' name: `data-test="<name>-form"`. */
  name: string;
  /** The start of the controls' ids: `v` → `#v-place`. */
  idPrefix: string;
  /** The save button's `data-test`. */
  submitTest: string;
  /** The list of the records: a saved record opens at `<path>/<id>`. */
  path: string;
  /** The message after saving (with `{number}`). */
  saved: TKey;
  fields: readonly FormField[];
}

/** The feature's template of a `slot` field. */
@Directive({ selector: 'ng-template[fzFormSlot]' })
export class FormSlotDirective {
  readonly name = input.required<string>({ alias: 'fzFormSlot' });
  readonly template = inject<TemplateRef<unknown>>(TemplateRef);
}

/**
 * A ledger's create or edit page from its fields: the header, the server's error (with a reload
 * after a stale save), the fields in a grid, save and cancel. Saving reveals the form's errors, or
 * sends `request()` and opens the saved record at `<path>/<id>` with the `saved` message.
 */
@Component({
  selector: 'fz-form-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, NgTemplateOutlet, ZORRO_IMPORTS, PageHeaderComponent, InputFieldComponent, PlaceChoiceComponent],
  template: `
    <fz-page-header [title]="title()" [subtitle]="subtitle()" />

    <nz-card>
      @if (submission.error(); as message) {
        <nz-alert class="fz-block" nzType="error" nzShowIcon [nzMessage]="message" [nzAction]="stale() ? reloadTpl : null" data-test="form-error" />
        <ng-template #reloadTpl>
          <button nz-button nzSize="small" type="button" (click)="submission.error.set(null); reload.emit()" data-test="form-reload">{{ t('record.reload') }}</button>
        </ng-template>
      }
      @let p = page();
      <form nz-form nzLayout="vertical" [formGroup]="form()" (ngSubmit)="submit()" [attr.data-test]="p.name + '-form'">
        <div nz-row [nzGutter]="16">
          @for (field of shown(); track field.name) {
            @let xs = field.span?.[0] ?? 24;
            @let md = field.span ? (field.span[1] ?? xs) : 12;
            @switch (field.kind) {
              @case ('place') {
                <fz-place-choice [group]="place()" [idPrefix]="p.idPrefix" [town]="town()" [editing]="editing()" [placeholder]="field.placeholder ?? null" [testId]="field.testId ?? null" />
              }
              @case ('slot') {
                <div nz-col [nzXs]="xs" [nzMd]="md">
                  <ng-container [ngTemplateOutlet]="slot(field.name)" />
                </div>
              }
              @default {
                <fz-input-field nz-col [nzXs]="xs" [nzMd]="md" [spec]="specs().get(field.name)!" [control]="form().controls[field.name]" />
              }
            }
          }
        </div>
        <div class="fz-form-footer">
          <button nz-button nzType="primary" type="submit" [nzLoading]="submission.busy()" [attr.data-test]="p.submitTest">{{ t('common.save') }}</button>
          <a nz-button [routerLink]="cancel() ?? p.path">{{ t('common.cancel') }}</a>
        </div>
      </form>
    </nz-card>
  `,
})
export class FormPageComponent implements OnInit {
  private readonly router = inject(Router);
  private readonly message = inject(NzMessageService);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly t = inject(I18nService).t;

  readonly title = input.required<string>();
  readonly subtitle = input.required<string>();
  readonly page = input.required<FormPageDefinition>();
  readonly form = input.required<FormGroup>();
  /** Where cancel leads: the list unless given. */
  readonly cancel = input<string | readonly string[] | null>(null);
  /** The save's request: a new record or the changes. */
  readonly request = input.required<() => Observable<{ id: string; number: string }>>();
  /** Editing a record (its town is kept), and that record's town. */
  readonly editing = input(false);
  readonly town = input<string | null>(null);
  /** Asked after a stale save, to read the record again. */
  readonly reload = output<void>();

  protected readonly submission = new Submission(this.t);
  /** The last save failed on a stale version: offer to reload the record. */
  protected readonly stale = signal(false);
  private readonly slots = contentChildren(FormSlotDirective);
  private readonly value = signal<Record<string, unknown>>({});
  protected readonly shown = computed(() => {
    const value = this.value();
    return this.page().fields.filter((field) => !field.hiddenWhen?.(value));
  });
  protected readonly place = computed(() => this.form() as unknown as FormGroup<PlaceControls>);

  ngOnInit(): void {
    const form = this.form();
    form.valueChanges.pipe(startWith(null), takeUntilDestroyed(this.destroyRef)).subscribe(() => this.value.set(form.getRawValue() as Record<string, unknown>));
  }

  protected slot(name: string): TemplateRef<unknown> | null {
    return this.slots().find((s) => s.name() === name)?.template ?? null;
  }

  /** The fields as the input field draws them, their words in the reader's language. */
  protected readonly specs = computed(() => new Map(this.page().fields.map((field) => [field.name, this.spec(field)])));

  private spec(field: FormField): InputSpec {
    const t = this.t;
    return {
      name: field.name,
      kind: field.kind as InputKind,
      id: field.id ?? this.page().idPrefix + '-' + field.name,
      label: field.label ? t(field.label) : '',
      required: !!this.form().controls[field.name]?.hasValidator(Validators.required),
      extra: field.extra ? t(field.extra) : null,
      placeholder: field.placeholder ? t(field.placeholder) : '',
      options: field.options?.(t),
      rows: field.rows,
      min: field.min,
      step: field.step,
      precision: field.precision,
      inputMode: field.inputMode,
      testId: field.testId,
    };
  }

  protected submit(): void {
    const form = this.form();
    if (form.invalid) {
      revealErrors(form);
      return;
    }
    this.submission.run(
      this.request()().pipe(tap({ error: (err: unknown) => this.stale.set(apiError(err)?.code === ErrorCode.STALE_VERSION) })),
      (saved) => {
        this.message.success(this.t(this.page().saved, { number: saved.number }));
        void this.router.navigate([this.page().path, saved.id]);
      },
      form,
    );
  }
}
