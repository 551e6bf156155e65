import { computed, inject, signal } from '@angular/core';
import { TransitionRequest } from '@fazhi/contracts';
import { NzMessageService } from 'ng-zorro-antd/message';
import { Observable } from 'rxjs';
import { TKey } from '../../core/i18n/dictionary';
import { I18nService } from '../../core/i18n/i18n.service';
import { StepInput, WorkflowStep } from '../transition-modal.component';

/** A record's small form (a persuasion entry, a certificate's event…) asked in the step modal. */
export interface PartForm<R> {
  step: WorkflowStep;
  fields: StepInput[];
  /** Sends the form's data (dates as `YYYY-MM-DD`, texts trimmed, empty optional fields left out). */
  send: (data: Record<string, unknown>) => Observable<R>;
  /** Said when the form went through (already translated). */
  done?: string;
}

/** A small form's fields, labelled in the reader's language: `field('date', 'disputes.sessionDate', 'date')`. */
export function partField(t: I18nService['t']): (name: string, label: TKey, kind: StepInput['kind'], more?: Partial<StepInput>) => StepInput {
  return (name, label, kind, more = {}) => ({ name, label: t(label), kind, ...more });
}

/**
 * The small form open on a page, if any. A detail page hands it to its record shell (`[forms]`);
 * another page shows it in the step modal without a remark:
 * `<fz-step-modal [step]="f.step" [fields]="f.fields" [send]="forms.send()" [withRemark]="false" (done)="forms.finish($event)" (closed)="forms.close()" />`.
 * Made in a field initialiser; `saved` takes each form's answer.
 */
export class PartForms<R> {
  private readonly message = inject(NzMessageService);
  readonly open = signal<PartForm<R> | null>(null);
  readonly send = computed(() => {
    const form = this.open();
    return (body: Omit<TransitionRequest, 'version'>) => form!.send(body.data ?? {});
  });

  constructor(private readonly saved: (answer: R) => void = () => undefined) {}

  /** Opens a form titled `title` (already translated); `key` names it in the modal's step; `done` is said when it went through. */
  show(title: string, fields: StepInput[], send: PartForm<R>['send'], key = 'form', done?: string): void {
    this.open.set({ step: { to: key, label: { zh: title, en: title }, requires: [] }, fields, send, done });
  }

  /** The open form went through: closes it, hands its answer to `saved` and says its `done`. */
  finish(answer: R): void {
    const done = this.open()?.done;
    this.close();
    this.saved(answer);
    if (done) this.message.success(done);
  }

  close(): void {
    this.open.set(null);
  }
}
