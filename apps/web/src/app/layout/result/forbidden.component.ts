import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { I18nService } from '../../core/i18n/i18n.service';
import { ZORRO_IMPORTS } from '../../shared/zorro';

@Component({
  selector: 'fz-forbidden',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, ZORRO_IMPORTS],
  template: `
    <nz-result nzStatus="403" [nzTitle]="t('result.forbiddenTitle')" [nzSubTitle]="t('result.forbidden')">
      <div nz-result-extra>
        <a nz-button nzType="primary" routerLink="/">{{ t('result.backHome') }}</a>
      </div>
    </nz-result>
  `,
})
export class ForbiddenComponent {
  protected readonly t = inject(I18nService).t;
}
