import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { I18nService } from '../../core/i18n/i18n.service';
import { FieldComponent } from '../field.component';
import { ZORRO_IMPORTS } from '../zorro';
import { RegisterEditor, RegisterField } from './register-form';

/**
 * A register's form drawn from its field definitions: the error above it, one `fz-field` per field
 * shown (control ids `<idPrefix>-<name>`), and content (a page's buttons) at its end. The form is
 * `id`/`data-test` `<name>-form`, so a button elsewhere (a modal's footer) can submit it.
 */
@Component({
  selector: 'fz-register-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, ZORRO_IMPORTS, FieldComponent],
  template: `
    @let e = editor();
    @if (errorTestId() && e.submission.error(); as message) {
      <nz-alert class="fz-block" nzType="error" nzShowIcon [nzMessage]="message" [attr.data-test]="errorTestId()" />
    }
    <form nz-form nzLayout="vertical" [formGroup]="e.form" (ngSubmit)="e.submit()" [id]="name() + '-form'" [attr.data-test]="name() + '-form'">
      <div nz-row [nzGutter]="12">
        @for (field of e.shown(); track field.name) {
          @let id = idPrefix() + '-' + field.name;
          @let control = e.form.controls[field.name];
          <fz-field
            nz-col
            [nzXs]="24"
            [nzSm]="field.half ? 12 : 24"
            [attr.data-field]="field.name"
            [label]="t(field.label)"
            [for]="id"
            [required]="!!field.required"
            [control]="control"
            [extra]="hint(field)"
            [problem]="problem(field)"
          >
            @switch (field.kind) {
              @case ('date') {
                <nz-date-picker class="fz-full" [nzId]="id" [formControlName]="field.name" />
              }
              @case ('number') {
                <nz-input-number class="fz-full" [nzId]="id" [formControlName]="field.name" [nzMin]="field.min ?? 0" [nzMax]="field.max ?? 1000000" [nzPrecision]="0" />
              }
              @case ('textarea') {
                <textarea nz-input [id]="id" [formControlName]="field.name" [nzAutosize]="{ minRows: 2, maxRows: 4 }"></textarea>
              }
              @case ('text') {
                <input nz-input [id]="id" [formControlName]="field.name" autocomplete="off" [attr.inputmode]="field.inputmode ?? null" />
              }
              @default {
                <nz-select
                  [nzId]="id"
                  [formControlName]="field.name"
                  [nzMode]="field.kind === 'tags' ? 'tags' : 'default'"
                  [nzAllowClear]="!field.required"
                  [nzShowSearch]="!!field.search"
                  [nzPlaceHolder]="field.placeholder ? t(field.placeholder) : ''"
                  [attr.data-test]="id"
                >
                  @for (option of field.options?.() ?? []; track option.value) {
                    <nz-option [nzValue]="option.value" [nzLabel]="option.label" />
                  }
                </nz-select>
              }
            }
          </fz-field>
        }
      </div>
      <ng-content />
    </form>
  `,
})
export class RegisterFormComponent<T extends { id: string; version: number }> {
  protected readonly t = inject(I18nService).t;
  readonly editor = input.required<RegisterEditor<T, object>>();
  /** Names the form (`<name>-form`). */
  readonly name = input.required<string>();
  readonly idPrefix = input.required<string>();
  /** The failed save's message above the form (null: the page shows it). */
  readonly errorTestId = input<string | null>('form-error');

  protected hint(field: RegisterField<T>): string {
    const key = this.editor().extra(field);
    return key ? this.t(key) : '';
  }

  /** The message of a field's own error (`problems`), or null. */
  protected problem(field: RegisterField<T>): string | null {
    const errors = this.editor().form.controls[field.name].errors ?? {};
    const key = Object.keys(field.problems ?? {}).find((error) => errors[error]);
    return key ? this.t(field.problems![key]) : null;
  }
}

/** A register's form in a modal: its title, the form, cancel and save (`data-test="<name>-save"`). */
@Component({
  selector: 'fz-register-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ZORRO_IMPORTS, RegisterFormComponent],
  template: `
    @let e = editor();
    @if (e.open()) {
      <nz-modal [nzVisible]="true" [nzTitle]="title()" [nzMaskClosable]="false" [nzFooter]="footer" (nzOnCancel)="e.close()">
        <ng-container *nzModalContent>
          <fz-register-form [editor]="e" [name]="name()" [idPrefix]="idPrefix()" />
        </ng-container>
      </nz-modal>
      <ng-template #footer>
        <button nz-button type="button" (click)="e.close()">{{ t('common.cancel') }}</button>
        <button nz-button nzType="primary" type="submit" [attr.form]="name() + '-form'" [nzLoading]="e.submission.busy()" [attr.data-test]="name() + '-save'">
          {{ t('common.save') }}
        </button>
      </ng-template>
    }
  `,
})
export class RegisterDialogComponent<T extends { id: string; version: number }> {
  protected readonly t = inject(I18nService).t;
  readonly editor = input.required<RegisterEditor<T, object>>();
  readonly name = input.required<string>();
  readonly idPrefix = input.required<string>();
  readonly title = input.required<string>();
}
