import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { Observable } from 'rxjs';
import { TKey } from '../../core/i18n/dictionary';
import { I18nService } from '../../core/i18n/i18n.service';
import { HasPermissionDirective } from '../../core/permissions/has-permission.directive';
import { Submission } from '../api-error-message';
import { ReasonModalComponent } from '../reason-modal.component';

type Plain = Partial<Record<string, string | null>>;

/** Personal data of a register's rows: shown masked until an audited request (with its reason) shows a row's in full. */
export class Unmasks<T extends { id: string }> {
  /** The row whose data is asked for. */
  readonly asking = signal<T | null>(null);
  private readonly plain = signal<ReadonlyMap<string, Plain>>(new Map());
  readonly submission = new Submission(inject(I18nService).t);

  constructor(
    private readonly api: { unmask(id: string, fields: readonly string[], reason: string): Observable<Plain> },
    readonly fields: readonly string[],
  ) {}

  ask(row: T): void {
    this.submission.error.set(null);
    this.asking.set(row);
  }

  confirm(reason: string): void {
    const row = this.asking()!;
    this.submission.run(this.api.unmask(row.id, this.fields, reason), (answer) => {
      this.asking.set(null);
      this.plain.update((shown) => new Map(shown).set(row.id, answer));
    });
  }

  /** Whether the row's data shows in full. */
  shown(row: T): boolean {
    return this.plain().has(row.id);
  }

  /** The field as it shows: in full after a request, else as the row has it (masked). */
  value(row: T, field: string): string | null {
    const plain = this.plain().get(row.id);
    return plain ? (plain[field] ?? null) : ((row as unknown as Plain)[field] ?? null);
  }

  /** After the row was saved: it comes masked again. */
  forget(id: string): void {
    this.plain.update((shown) => new Map([...shown].filter(([key]) => key !== id)));
  }
}

/**
 * A row's personal field in a register's table (`data-test="<testId>-<field>"`), with the link
 * that asks its reason and shows it in full (`<testId>-unmask`, for `personal.unmask` holders).
 */
@Component({
  selector: 'fz-masked',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [HasPermissionDirective, ReasonModalComponent],
  template: `
    @let u = unmasks();
    @let r = row();
    <span [attr.data-test]="testId() + '-' + field()">{{ u.value(r, field()) ?? '—' }}</span>
    @if (masked() && !u.shown(r)) {
      <a *fzHasPermission="'personal.unmask'" class="fz-tag-inline" (click)="u.ask(r)" role="button" tabindex="0" (keydown.enter)="u.ask(r)" [attr.data-test]="testId() + '-unmask'">
        {{ t(link()) }}
      </a>
    }
    @if (u.asking() === r) {
      <fz-reason-modal
        [title]="title()"
        [hint]="t('record.unmaskHint')"
        [okText]="t(link())"
        [submitting]="u.submission.busy()"
        [error]="u.submission.error()"
        (confirmed)="u.confirm($event)"
        (closed)="u.asking.set(null)"
      />
    }
  `,
})
export class MaskedComponent<T extends { id: string }> {
  protected readonly t = inject(I18nService).t;
  readonly unmasks = input.required<Unmasks<T>>();
  readonly row = input.required<T>();
  readonly field = input.required<string>();
  readonly testId = input.required<string>();
  /** The link's words, and the dialog's title. */
  readonly link = input.required<TKey>();
  readonly title = input.required<string>();
  protected readonly masked = computed(() => Boolean((this.row() as unknown as Plain)[this.field()]));
}
