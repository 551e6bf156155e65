import { computed, signal } from '@angular/core';
import { TransitionRequest } from '@fazhi/contracts';
import { Observable } from 'rxjs';
import { StepInput, WorkflowStep } from '../transition-modal.component';

/** A record's small form (a persuasion entry, a certificate's event…) asked in the step modal. */
export interface PartForm<R> {
  step: WorkflowStep;
  fields: StepInput[];
  /** Sends the form's data (dates as `YYYY-MM-DD`, texts trimmed, empty optional fields left out). */
  send: (data: Record<string, unknown>) => Observable<R>;
}

/**
 * The small form open on a page, if any, for the step modal without a remark:
 * `<fz-step-modal [step]="f.step" [fields]="f.fields" [send]="forms.send()" [withRemark]="false" (done)="…" (closed)="forms.close()" />`.
 */
export class PartForms<R> {
  readonly open = signal<PartForm<R> | null>(null);
  readonly send = computed(() => {
    const form = this.open();
    return (body: Omit<TransitionRequest, 'version'>) => form!.send(body.data ?? {});
  });

  /** Opens a form titled `title` (already translated); `key` names it in the modal's step. */
  show(title: string, fields: StepInput[], send: PartForm<R>['send'], key = 'form'): void {
    this.open.set({ step: { to: key, label: { zh: title, en: title }, requires: [] }, fields, send });
  }

  close(): void {
    this.open.set(null);
  }
}
