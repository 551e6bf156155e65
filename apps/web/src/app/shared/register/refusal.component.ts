import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { FieldError } from '@fazhi/contracts';
import { apiError } from '../../core/http/api-error';
import { TKey } from '../../core/i18n/dictionary';
import { ZORRO_IMPORTS } from '../zorro';

/** Why a write was refused: the server's message and each row or field it names. */
export interface Refusal {
  message: string;
  errors: readonly FieldError[];
}

export function refusal(err: unknown, t: (key: TKey) => string): Refusal {
  const body = apiError(err);
  return { message: body?.message ?? t('error.network'), errors: body?.errors ?? [] };
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
