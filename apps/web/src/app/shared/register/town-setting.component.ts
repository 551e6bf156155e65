import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, Injector, effect, inject, input, runInInjectionContext, signal, untracked } from '@angular/core';
import { TownSetting } from '@fazhi/contracts';
import { NzMessageService } from 'ng-zorro-antd/message';
import { EMPTY, Observable, Subscription, map, tap } from 'rxjs';
import { apiError } from '../../core/http/api-error';
import { errorDisplay } from '../../core/http/error-display';
import { toParams } from '../../core/http/params';
import { TKey } from '../../core/i18n/dictionary';
import { I18nService } from '../../core/i18n/i18n.service';
import { DateTimePipe } from '../date-time.pipe';
import { ZORRO_IMPORTS } from '../zorro';
import { RegisterEditor, RegisterField } from './register-form';
import { RegisterFormComponent } from './register-form.component';

/** A setting a town sets for itself (`GET|PUT <url>?townId=`): the default while it has not (version 0). */
export class TownSettingApi<V> {
  private readonly http = inject(HttpClient);

  constructor(readonly url: string) {}

  get(townId: string | null): Observable<TownSetting<V>> {
    return this.http.get<TownSetting<V>>(this.url, { params: toParams({ townId }) });
  }

  /** 409 STALE_VERSION when someone saved it since it was read. */
  put(townId: string | null, body: { version: number } & V): Observable<TownSetting<V>> {
    return this.http.put<TownSetting<V>>(this.url, body, { params: toParams({ townId }), ...errorDisplay('inline') });
  }
}

/** How a town setting's card shows it: its words, its value as text and the form's fields (`data-test` `<name>-…`). */
export interface TownSettingView<V> {
  name: string;
  words: Record<'title' | 'current' | 'isDefault' | 'isSet' | 'updatedAt' | 'hint' | 'readOnly' | 'failed' | 'saved', TKey>;
  text: (value: V) => string;
  fields: RegisterField[];
}

/** The setting as the form edits it: its value, the town as the id, and the setting read. */
type Row<V> = V & { id: string; version: number; setting: TownSetting<V> };
const row = <V>(setting: TownSetting<V>): Row<V> => ({ ...setting.value, id: setting.townId, version: setting.version, setting });

/**
 * A town setting's card: the value in force and whether it is the default or the town's own, the
 * form for its managers (saved with the version read; a 409 shows the server's words and reads it
 * again), a retry when it cannot be read.
 */
@Component({
  selector: 'fz-town-setting',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ZORRO_IMPORTS, DateTimePipe, RegisterFormComponent],
  template: `
    @let v = view();
    @let w = v.words;
    <nz-card [nzTitle]="t(w.title)" [attr.data-test]="v.name + '-card'">
      @if (editor.submission.error(); as message) {
        <nz-alert class="fz-block" nzType="error" nzShowIcon [nzMessage]="message" [attr.data-test]="v.name + '-error'" />
      }
      @if (setting(); as s) {
        <nz-descriptions nzBordered nzSize="small" [nzColumn]="1" class="fz-block fz-label-nowrap">
          <nz-descriptions-item [nzTitle]="t(w.current)">
            <span [attr.data-test]="v.name + '-current'">{{ v.text(s.value) }}</span>
            <nz-tag class="fz-tag-inline" [nzColor]="s.isDefault ? 'default' : 'blue'" [attr.data-default]="s.isDefault" [attr.data-test]="v.name + '-source'">
              {{ t(s.isDefault ? w.isDefault : w.isSet) }}
            </nz-tag>
          </nz-descriptions-item>
          @if (!s.isDefault) {
            <nz-descriptions-item [nzTitle]="t(w.updatedAt)">{{ s.updatedAt | fzDateTime }}</nz-descriptions-item>
          }
        </nz-descriptions>
        @if (manage()) {
          <fz-register-form [editor]="editor" [name]="v.name" [idPrefix]="v.name" [errorTestId]="null">
            <p class="fz-muted">{{ t(w.hint) }}</p>
            <button nz-button nzType="primary" type="submit" [nzLoading]="editor.submission.busy()" [attr.data-test]="v.name + '-save'">{{ t('common.save') }}</button>
          </fz-register-form>
        } @else {
          <p class="fz-muted">{{ t(w.hint) }}</p>
          <p class="fz-muted">{{ t(w.readOnly) }}</p>
        }
      } @else if (failed()) {
        <p class="fz-muted" [attr.data-test]="v.name + '-load-failed'">
          {{ t(w.failed) }}
          <a (click)="load(false)" role="button" tabindex="0" (keydown.enter)="load(false)">{{ t('common.refresh') }}</a>
        </p>
      } @else {
        <div class="fz-setting-wait"><nz-spin nzSimple /></div>
      }
    </nz-card>
  `,
  styles: `
    .fz-setting-wait {
      padding: 24px 0;
      text-align: center;
    }
  `,
})
export class TownSettingComponent<V extends object> {
  protected readonly t = inject(I18nService).t;
  private readonly message = inject(NzMessageService);
  readonly api = input.required<TownSettingApi<V>>();
  /** The town (null: the API takes the user's only one). */
  readonly townId = input.required<string | null>();
  readonly view = input.required<TownSettingView<V>>();
  readonly manage = input(false);

  protected readonly setting = signal<TownSetting<V> | null>(null);
  protected readonly failed = signal(false);
  private readonly injector = inject(Injector);
  private form?: RegisterEditor<Row<V>, V>;
  private loading?: Subscription;

  /** The setting's form, made from the view's fields when first asked. */
  get editor(): RegisterEditor<Row<V>, V> {
    this.form ??= runInInjectionContext(
      this.injector,
      () =>
        new RegisterEditor<Row<V>, V>(
          this.view().fields,
          {
            create: () => EMPTY,
            update: (_town, body) =>
              this.api()
                .put(this.townId(), body as Row<V>)
                .pipe(map(row), tap({ error: (e: unknown) => apiError(e)?.statusCode === 409 && this.load(true) })),
          },
          (saved) => {
            this.show(saved.setting);
            this.message.success(this.t(this.view().words.saved));
          },
        ),
    );
    return this.form;
  }
  constructor() {
    effect(() => {
      const townId = this.townId();
      untracked(() => this.load(false, townId));
    });
    inject(DestroyRef).onDestroy(() => this.loading?.unsubscribe());
  }

  /** Reads the setting again; after a refused save the message stays (`kept`). */
  protected load(kept: boolean, townId = this.townId()): void {
    this.loading?.unsubscribe();
    if (!kept) this.editor.submission.error.set(null);
    this.setting.set(null);
    this.failed.set(false);
    this.loading = this.api()
      .get(townId)
      .subscribe({ next: (setting) => this.show(setting, kept), error: () => this.failed.set(true) });
  }

  private show(setting: TownSetting<V>, kept = false): void {
    this.setting.set(setting);
    this.editor.edit(row(setting), kept);
  }
}
