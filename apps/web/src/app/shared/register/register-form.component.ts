import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { I18nService } from '../../core/i18n/i18n.service';
import { InputFieldComponent, InputSpec } from '../input-field.component';
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
  imports: [ReactiveFormsModule, ZORRO_IMPORTS, InputFieldComponent],
  template: `
    @let e = editor();
    @if (errorTestId() && e.submission.error(); as message) {
      <nz-alert class="fz-block" nzType="error" nzShowIcon [nzMessage]="message" [attr.data-test]="errorTestId()" />
    }
    <form nz-form nzLayout="vertical" [formGroup]="e.form" (ngSubmit)="e.submit()" [id]="name() + '-form'" [attr.data-test]="name() + '-form'">
      <div nz-row [nzGutter]="12">
        @for (field of e.shown(); track field.name) {
          <fz-input-field nz-col [nzXs]="24" [nzSm]="field.half ? 12 : 24" [spec]="specs().get(field.name)!" [control]="e.form.controls[field.name]" [problem]="problem(field)" />
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

  /** The fields as the input field draws them (a select's choices and a hint may follow the row and the form's values). */
  protected readonly specs = computed(
    () =>
      new Map(
        this.editor()
          .shown()
          .map((field) => [field.name, this.spec(field)]),
      ),
  );

  private spec(field: RegisterField<T>): InputSpec {
    const hint = this.editor().extra(field);
    return {
      name: field.name,
      kind: field.kind,
      id: this.idPrefix() + '-' + field.name,
      label: this.t(field.label),
      required: !!field.required,
      extra: hint ? this.t(hint) : null,
      placeholder: field.placeholder ? this.t(field.placeholder) : '',
      options: field.options?.(),
      rows: [2, 4],
      min: field.min,
      max: field.max ?? 1000000,
      precision: 0,
      inputMode: field.inputmode,
      testId: this.idPrefix() + '-' + field.name,
      search: !!field.search,
      clear: !field.required,
    };
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
