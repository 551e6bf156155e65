import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { I18nService } from '../../core/i18n/i18n.service';
import { ZORRO_IMPORTS } from '../zorro';
import { Attempt, RefusalComponent } from './refusal.component';

/** The rows picked in a list (by id). */
export class Picks {
  readonly ids = signal<ReadonlySet<string>>(new Set());

  has(id: string): boolean {
    return this.ids().has(id);
  }

  toggle(id: string, picked: boolean): void {
    const next = new Set(this.ids());
    if (picked) next.add(id);
    else next.delete(id);
    this.ids.set(next);
  }

  clear(): void {
    this.ids.set(new Set());
  }
}

/**
 * A modal for picking rows to add (vessels to a campaign…): a hint, the refusal of the last try,
 * a search box, the table of choices (content, with a checkbox cell bound to `picks`), and the
 * button that adds what is picked (disabled while nothing is).
 */
@Component({
  selector: 'fz-pick-modal',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, ZORRO_IMPORTS, RefusalComponent],
  template: `
    <nz-modal
      [nzVisible]="true"
      [nzTitle]="title()"
      [nzWidth]="720"
      [nzMaskClosable]="false"
      [nzOkText]="okText()"
      [nzOkDisabled]="picks().ids().size === 0"
      [nzCancelText]="t('common.cancel')"
      [nzOkLoading]="attempt().busy()"
      (nzOnOk)="confirmed.emit([...picks().ids()])"
      (nzOnCancel)="closed.emit()"
    >
      <ng-container *nzModalContent>
        <p class="fz-muted">{{ hint() }}</p>
        @if (attempt().refused(); as refused) {
          <fz-refusal [refusal]="refused" [attr.data-test]="testId() + '-error'" />
        }
        <form class="fz-block fz-filter-actions" [formGroup]="search" (ngSubmit)="searched.emit(search.controls.q.value.trim() || null)">
          <input nz-input class="fz-pick-q" formControlName="q" [placeholder]="placeholder()" [attr.data-test]="testId() + '-q'" />
          <button nz-button type="submit"><nz-icon nzType="search" />{{ t('common.search') }}</button>
        </form>
        <ng-content />
      </ng-container>
    </nz-modal>
  `,
  styles: `
    .fz-pick-q {
      flex: 1;
      min-width: 160px;
    }
  `,
})
export class PickModalComponent {
  protected readonly t = inject(I18nService).t;
  readonly title = input.required<string>();
  readonly hint = input('');
  readonly placeholder = input('');
  readonly okText = input.required<string>();
  readonly picks = input.required<Picks>();
  /** The add, run by the page: busy while it runs, its refusal shown above the search. */
  readonly attempt = input.required<Attempt>();
  /** `<testId>-error`, `<testId>-q`. */
  readonly testId = input.required<string>();
  readonly searched = output<string | null>();
  readonly confirmed = output<string[]>();
  readonly closed = output<void>();
  protected readonly search = new FormGroup({ q: new FormControl('', { nonNullable: true }) });
}
