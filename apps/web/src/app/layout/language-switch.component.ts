import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { I18nService, Lang } from '../core/i18n/i18n.service';
import { ZORRO_IMPORTS } from '../shared/zorro';

interface LangOption {
  lang: Lang;
  label: string;
}

/** 中文 / English switch; the choice is kept in localStorage. */
@Component({
  selector: 'fz-language-switch',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ZORRO_IMPORTS],
  template: `
    <button
      nz-button
      nzType="text"
      nz-dropdown
      nzTrigger="click"
      nzPlacement="bottomRight"
      [nzDropdownMenu]="langMenu"
      [class.fz-lang-light]="light()"
      [attr.aria-label]="t('shell.language')"
      data-test="lang-switch"
    >
      <nz-icon nzType="global" />
      <span class="fz-lang-current">{{ current() }}</span>
    </button>
    <nz-dropdown-menu #langMenu="nzDropdownMenu">
      <ul nz-menu nzSelectable>
        @for (option of options; track option.lang) {
          <li nz-menu-item [nzSelected]="i18n.lang() === option.lang" [attr.data-test]="'lang-' + option.lang" (click)="i18n.use(option.lang)" tabindex="0" (keydown.enter)="i18n.use(option.lang)">
            {{ option.label }}
          </li>
        }
      </ul>
    </nz-dropdown-menu>
  `,
  styles: `
    .fz-lang-light {
      color: rgba(255, 255, 255, 0.85);
    }
    .fz-lang-current {
      margin-left: 4px;
    }
  `,
})
export class LanguageSwitchComponent {
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  /** For dark backgrounds. */
  readonly light = input(false);
  protected readonly options: readonly LangOption[] = [
    { lang: 'zh-CN', label: '中文' },
    { lang: 'en', label: 'English' },
  ];
  protected current(): string {
    return this.i18n.lang() === 'en' ? 'English' : '中文';
  }
}
