import { ChangeDetectionStrategy, Component, Signal, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { I18nService } from '../../core/i18n/i18n.service';
import { HasPermissionDirective } from '../../core/permissions/has-permission.directive';
import { PageHeaderComponent } from '../page-header.component';
import { ZORRO_IMPORTS } from '../zorro';
import { LedgerView } from './ledger-view';

/**
 * A ledger list page's header: title, the export of what the list shows (posted when it holds a
 * person search), import and create for the ledger's writers; more buttons as content.
 */
@Component({
  selector: 'fz-ledger-header',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, ZORRO_IMPORTS, PageHeaderComponent, HasPermissionDirective],
  template: `
    @let name = view().name;
    <fz-page-header [title]="t(view().words.title)" [subtitle]="t(view().words.subtitle)">
      @if (list().exportHref(); as href) {
        <a nz-button [href]="href" download [attr.data-test]="name + '-export'"><nz-icon nzType="download" />{{ t('record.export') }}</a>
      } @else {
        <button nz-button type="button" (click)="list().exportSearch()" [attr.data-test]="name + '-export'"><nz-icon nzType="download" />{{ t('record.export') }}</button>
      }
      <ng-content />
      <a *fzHasPermission="view().write" nz-button [routerLink]="view().path + '/import'" [attr.data-test]="name + '-import'"> <nz-icon nzType="upload" />{{ t('record.import') }} </a>
      <a *fzHasPermission="view().write" nz-button nzType="primary" [routerLink]="view().path + '/new'" [attr.data-test]="name + '-create'"> <nz-icon nzType="plus" />{{ t(view().words.create) }} </a>
    </fz-page-header>
  `,
})
export class LedgerHeaderComponent {
  protected readonly t = inject(I18nService).t;
  readonly view = input.required<LedgerView>();
  readonly list = input.required<{ exportHref: Signal<string | null>; exportSearch(): void }>();
}
