import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { FieldError } from '@fazhi/contracts';
import { Observable } from 'rxjs';
import { apiError } from '../../core/http/api-error';
import { Submission } from '../api-error-message';
import { ZORRO_IMPORTS } from '../zorro';

/** Why a write was refused: the server's message and each row or field it names. */
export interface Refusal {
  message: string;
  errors: readonly FieldError[];
}

/** One write at a time whose refusal lists what was refused (`refused`, e.g. each vessel that blocks a campaign's close). */
export class Attempt extends Submission {
  readonly refused = signal<Refusal | null>(null);

  override run<T>(request: Observable<T>, done: (value: T) => void): void {
    this.refused.set(null);
    super.run(request, done);
  }

  protected override failed(err: unknown): void {
    const body = apiError(err);
    this.refused.set({ message: body?.message ?? this.t('error.network'), errors: body?.errors ?? [] });
  }
}

/** A refusal shown as an alert with the list of what was refused (each path and message). */
@Component({
  selector: 'fz-refusal',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ZORRO_IMPORTS],
  template: `
    <nz-alert class="fz-block" nzType="error" nzShowIcon [nzCloseable]="closeable()" [nzMessage]="refusal().message" [nzDescription]="list" (nzOnClose)="closed.emit()" />
    <ng-template #list>
      <ul class="fz-refused">
        @for (e of refusal().errors; track $index) {
          <li>
            <strong>{{ e.path }}</strong>：{{ e.message }}
          </li>
        }
      </ul>
    </ng-template>
  `,
  styles: `
    .fz-refused {
      margin: 0;
      padding-left: 18px;
    }
  `,
})
export class RefusalComponent {
  readonly refusal = input.required<Refusal>();
  readonly closeable = input(false);
  readonly closed = output<void>();
}
