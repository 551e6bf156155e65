import { ChangeDetectionStrategy, Component, DestroyRef, afterNextRender, booleanAttribute, inject, input, viewChild } from '@angular/core';
import { AbstractControl } from '@angular/forms';
import { NzFormStatusService } from 'ng-zorro-antd/core/form';
import { NzFormControlComponent } from 'ng-zorro-antd/form';
import { I18nService } from '../core/i18n/i18n.service';
import { controlError } from './form-errors';
import { ZORRO_IMPORTS } from './zorro';

/**
 * One field of a form: its label, the control given as content, a hint under it, and the control's
 * first error (the server's words first) once the user has touched it or submitted the form.
 * Place `nz-col` on it in a grid.
 *
 * The control is content, so it looks up services from here rather than from the form control
 * inside: this field provides the form status service the control listens to (for its red border
 * and full width) and passes on every status the form control reports.
 */
@Component({
  selector: 'fz-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ZORRO_IMPORTS],
  providers: [NzFormStatusService],
  template: `
    <nz-form-item>
      @if (label()) {
        <nz-form-label [nzRequired]="required()" [nzFor]="for()">{{ label() }}</nz-form-label>
      }
      <nz-form-control [nzValidateStatus]="problem() ? 'error' : control()" [nzErrorTip]="problem() || message(control())" [nzExtra]="extra()">
        <ng-content />
      </nz-form-control>
    </nz-form-item>
  `,
  styles: `
    :host {
      display: block;
    }
  `,
})
export class FieldComponent {
  private readonly t = inject(I18nService).t;

  readonly label = input<string>();
  /** The id of the control the label points at. */
  readonly for = input<string>();
  readonly required = input(false, { transform: booleanAttribute });
  readonly control = input.required<AbstractControl>();
  readonly extra = input<string>();
  /** A problem the form as a whole finds with this field (two fields that disagree, say); while given, the field shows it as its error. */
  readonly problem = input<string | null>(null);

  private readonly status = inject(NzFormStatusService, { self: true });
  private readonly formControl = viewChild.required(NzFormControlComponent, { read: NzFormStatusService });

  constructor() {
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      const subscription = this.formControl().formStatusChanges.subscribe((change) => this.status.formStatusChanges.next(change));
      destroyRef.onDestroy(() => subscription.unsubscribe());
    });
  }

  /** Read on every check: the form control marks this field for check when its status changes. */
  protected message(control: AbstractControl): string {
    return controlError(control, this.t);
  }
}
