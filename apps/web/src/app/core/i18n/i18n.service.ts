import { DOCUMENT, Injectable, computed, inject, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { NzI18nService, en_US, zh_CN } from 'ng-zorro-antd/i18n';
import { ErrorCode } from '@fazhi/contracts';
import { I18N_DICTIONARIES, TKey } from './dictionary';
import { errorCodeMessage } from './error-messages';

export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];
export const LANG_STORAGE_KEY = 'fz.lang';

export type TParams = Record<string, string | number>;

/** A label given in both languages, as the contracts write them. */
export interface Bilingual {
  zh: string;
  en: string;
}

function storedLang(): Lang {
  try {
    const value = globalThis.localStorage?.getItem(LANG_STORAGE_KEY);
    return value === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/** UI language: zh-CN by default, English on request, remembered in localStorage. */
@Injectable({ providedIn: 'root' })
export class I18nService {
  private readonly nzI18n = inject(NzI18nService);
  private readonly document = inject(DOCUMENT);
  private readonly title = inject(Title);
  private readonly dictionaries = inject(I18N_DICTIONARIES);

  private readonly current = signal<Lang>(storedLang());
  readonly lang = this.current.asReadonly();
  readonly isEn = computed(() => this.current() === 'en');
  private readonly dict = computed<Readonly<Record<TKey, string>>>(() => (this.current() === 'en' ? this.dictionaries.en : this.dictionaries.zh));

  constructor() {
    this.apply(this.current());
  }

  /** Translate a key; `{name}` placeholders take values from params. */
  readonly t = (key: TKey, params?: TParams): string => {
    const text = this.dict()[key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole));
  };

  /** The message for an API error code in the current language. */
  readonly errorMessage = (code: ErrorCode): string => errorCodeMessage(code, this.current());

  /** Pick the current language's side of a bilingual label. */
  readonly pick = (label: Bilingual): string => (this.current() === 'en' ? label.en : label.zh);

  /** Pick between a Chinese name and an English one (falls back to Chinese). */
  readonly name = (zh: string, en: string | null | undefined): string => (this.current() === 'en' && en ? en : zh);

  use(lang: Lang): void {
    if (lang === this.current()) return;
    this.current.set(lang);
    try {
      globalThis.localStorage?.setItem(LANG_STORAGE_KEY, lang);
    } catch {
      /* storage unavailable (private mode): the choice lasts for this page only */
    }
    this.apply(lang);
  }

  /** The value sent as Accept-Language. */
  acceptLanguage(): string {
    return this.current() === 'en' ? 'en' : 'zh-CN';
  }

  private apply(lang: Lang): void {
    this.nzI18n.setLocale(lang === 'en' ? en_US : zh_CN);
    this.document.documentElement.lang = lang;
    this.title.setTitle(this.t('app.title'));
  }
}
