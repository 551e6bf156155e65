import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { ZORRO_IMPORTS } from '../zorro';

/**
 * A card of one of a record's parts (its parties, sessions, visits…) on the detail page: the title,
 * an add button while the part may change (`addText` set), more links as `[fzPartExtra]` content.
 */
@Component({
  selector: 'fz-record-part',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ZORRO_IMPORTS],
  template: `
    <nz-card [nzTitle]="title()" [nzExtra]="extra" class="fz-block">
      <ng-template #extra>
        <ng-content select="[fzPartExtra]" />
        @if (addText(); as text) {
          <button nz-button nzType="link" nzSize="small" type="button" (click)="add.emit()" [attr.data-test]="addTestId()"><nz-icon nzType="plus" />{{ text }}</button>
        }
      </ng-template>
      <ng-content />
    </nz-card>
  `,
})
export class RecordPartComponent {
  readonly title = input.required<string>();
  /** The add button's text, or null while the part may not change. */
  readonly addText = input<string | null>(null);
  readonly addTestId = input<string | null>(null);
  readonly add = output<void>();
}
