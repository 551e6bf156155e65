import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { I18nService } from '../../core/i18n/i18n.service';
import { HasPermissionDirective } from '../../core/permissions/has-permission.directive';

/**
 * The link that shows a record's masked personal data in full, for holders of `personal.unmask`:
 * the record shell asks the reason, audits it and answers `(unmasked)`. The page shows it while
 * the data is still masked: `<fz-unmask-link [shell]="shell" testId="vessel-unmask" />`.
 */
@Component({
  selector: 'fz-unmask-link',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [HasPermissionDirective],
  template: `<a *fzHasPermission="'personal.unmask'" (click)="ask()" role="button" tabindex="0" (keydown.enter)="ask()" [attr.data-test]="testId()">{{ t('record.unmask') }}</a>`,
})
export class UnmaskLinkComponent {
  protected readonly t = inject(I18nService).t;
  readonly shell = input.required<{ askReason(action: 'unmask'): void }>();
  readonly testId = input.required<string>();

  protected ask(): void {
    this.shell().askReason('unmask');
  }
}
