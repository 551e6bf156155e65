import { HttpClient, HttpEvent, HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, Injectable, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { DocumentTemplateDto } from '@fazhi/contracts';
import { NzMessageService } from 'ng-zorro-antd/message';
import { Observable, Subscription } from 'rxjs';
import { apiError } from '../core/http/api-error';
import { errorDisplay } from '../core/http/error-display';
import { toParams } from '../core/http/params';
import { I18nService } from '../core/i18n/i18n.service';
import { failureMessage } from './api-error-message';
import { DateTimePipe } from './date-time.pipe';
import { fileSize } from './evidence-gallery.component';
import { ZORRO_IMPORTS } from './zorro';
import { uploadPercent } from '../core/http/upload-progress';

/** The largest template the API takes. */
export const TEMPLATE_MAX_BYTES = 5 * 1024 * 1024;

/** One placeholder a template may hold, as the help lists it. */
export interface TemplatePlaceholderHelp {
  /** The name between the braces, e.g. `当事人`. */
  name: string;
  /** An uploaded template lacking it is refused. */
  required: boolean;
  /** What the document puts in its place. */
  meaning: string;
}

/** `{{name}}`, as it is typed in the Word file. */
export const braced = (name: string): string => `{{${name}}}`;

/**
 * A ledger's Word template per town at `base` (e.g. `/api/disputes/agreement-template`):
 * `GET base` describes the template in force, `GET base.docx` is its file, `POST base`
 * (multipart `version` + `file`) replaces it, `DELETE base?version=` restores the built-in one.
 */
@Injectable({ providedIn: 'root' })
export class DocumentTemplatesApi {
  private readonly http = inject(HttpClient);

  info(base: string, townId: string | null): Observable<DocumentTemplateDto> {
    return this.http.get<DocumentTemplateDto>(base, { params: toParams({ townId }) });
  }

  fileUrl(base: string, townId: string | null): string {
    const query = toParams({ townId }).toString();
    return `${base}.docx${query ? `?${query}` : ''}`;
  }

  /** `version` is the one read (0 while the built-in template applies); reports upload progress. */
  upload(base: string, townId: string | null, file: File, version: number): Observable<HttpEvent<DocumentTemplateDto>> {
    const body = new FormData();
    body.append('version', String(version));
    body.append('file', file, file.name);
    return this.http.post<DocumentTemplateDto>(base, body, {
      params: toParams({ townId }),
      reportProgress: true,
      observe: 'events',
      ...errorDisplay('inline'),
    });
  }

  reset(base: string, townId: string | null, version: number): Observable<DocumentTemplateDto> {
    return this.http.delete<DocumentTemplateDto>(base, { params: toParams({ townId, version }), ...errorDisplay('inline') });
  }
}

/**
 * A town's Word template of one kind of document: which one is in force (built-in or uploaded),
 * the placeholders it holds, its download; for managers an upload (with progress, the missing
 * placeholders of a refused file listed) and the way back to the built-in one; and the help that
 * explains each placeholder, so that legal staff can prepare their own Word file.
 */
@Component({
  selector: 'fz-document-template-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ZORRO_IMPORTS, DateTimePipe],
  template: `
    <nz-card [nzTitle]="title()" data-test="template-card">
      @if (error(); as message) {
        <nz-alert class="fz-block" nzType="error" nzShowIcon [nzMessage]="message" [nzDescription]="missing().length ? missingList : null" data-test="template-error" />
        <ng-template #missingList>
          <p class="fz-tpl-missing-intro">{{ t('disputeSettings.missingIntro') }}</p>
          <div data-test="template-missing">
            @for (name of missing(); track name) {
              <nz-tag nzColor="error" [attr.data-missing]="name">{{ braced(name) }}</nz-tag>
            }
          </div>
        </ng-template>
      }
      @if (template(); as tpl) {
        <nz-descriptions nzBordered nzSize="small" [nzColumn]="1" class="fz-block fz-label-nowrap">
          <nz-descriptions-item [nzTitle]="t('disputeSettings.templateInForce')">
            <nz-tag [nzColor]="tpl.source === 'uploaded' ? 'blue' : 'default'" [attr.data-source]="tpl.source" data-test="template-source">
              {{ tpl.source === 'uploaded' ? t('disputeSettings.sourceUploaded') : t('disputeSettings.sourceBuiltin') }}
            </nz-tag>
            <span class="fz-break" data-test="template-file-name">{{ tpl.fileName }}</span>
          </nz-descriptions-item>
          @if (tpl.source === 'uploaded') {
            <nz-descriptions-item [nzTitle]="t('disputeSettings.uploadedAt')">{{ tpl.uploadedAt | fzDateTime }}{{ tpl.uploadedByName ? ' · ' + tpl.uploadedByName : '' }}</nz-descriptions-item>
          }
          @if (tpl.size !== null) {
            <nz-descriptions-item [nzTitle]="t('disputeSettings.fileSize')">{{ size(tpl.size) }}</nz-descriptions-item>
          }
          <nz-descriptions-item [nzTitle]="t('disputeSettings.placeholdersUsed')">
            <div data-test="template-placeholders">
              @for (name of tpl.placeholders; track name) {
                <nz-tag [nzColor]="known(name) ? 'default' : 'warning'" [attr.data-placeholder]="name">{{ braced(name) }}</nz-tag>
              } @empty {
                <span class="fz-muted">{{ t('disputeSettings.noPlaceholders') }}</span>
              }
            </div>
            @if (hasUnknown()) {
              <div class="fz-muted">{{ t('disputeSettings.unknownPlaceholders') }}</div>
            }
          </nz-descriptions-item>
        </nz-descriptions>

        <div class="fz-filter-actions fz-block">
          <a nz-button [href]="href()" download data-test="template-download"><nz-icon nzType="download" />{{ t('disputeSettings.download') }}</a>
          @if (canManage()) {
            <input #docx type="file" class="fz-tpl-hidden" [accept]="accept" (change)="picked(docx)" data-test="template-file" />
            <button nz-button nzType="primary" type="button" [nzLoading]="progress() !== null" (click)="docx.click()" data-test="template-upload">
              <nz-icon nzType="upload" />{{ t('disputeSettings.upload') }}
            </button>
            @if (tpl.source === 'uploaded') {
              <button
                nz-button
                nzDanger
                type="button"
                nz-popconfirm
                [nzPopconfirmTitle]="t('disputeSettings.restoreConfirm')"
                (nzOnConfirm)="reset()"
                [nzLoading]="resetting()"
                data-test="template-reset"
              >
                {{ t('disputeSettings.restore') }}
              </button>
            }
          }
        </div>
        @if (canManage()) {
          @if (progress() !== null) {
            <nz-progress class="fz-block" [nzPercent]="progress() ?? 0" nzSize="small" data-test="template-progress" />
          }
          <p class="fz-muted">{{ t('disputeSettings.uploadHint', { mb: maxMb() }) }}</p>
        }
      } @else if (loadFailed()) {
        <p class="fz-muted" data-test="template-load-failed">
          {{ t('disputeSettings.loadFailed') }}
          <a (click)="load()" role="button" tabindex="0" (keydown.enter)="load()">{{ t('common.refresh') }}</a>
        </p>
      } @else {
        <div class="fz-tpl-wait"><nz-spin nzSimple /></div>
      }

      @if (placeholders().length) {
        <nz-divider nzOrientation="left" [nzText]="t('disputeSettings.helpTitle')" />
        <p class="fz-muted">{{ t('disputeSettings.helpIntro') }}</p>
        <h4 class="fz-tpl-help-title">{{ t('disputeSettings.required') }}</h4>
        <ul class="fz-tpl-help" data-test="template-help-required">
          @for (p of requiredHelp(); track p.name) {
            <li>
              <code>{{ braced(p.name) }}</code> {{ p.meaning }}
            </li>
          }
        </ul>
        <h4 class="fz-tpl-help-title">{{ t('disputeSettings.optional') }}</h4>
        <ul class="fz-tpl-help" data-test="template-help-optional">
          @for (p of optionalHelp(); track p.name) {
            <li>
              <code>{{ braced(p.name) }}</code> {{ p.meaning }}
            </li>
          }
        </ul>
      }
    </nz-card>
  `,
  styles: `
    .fz-tpl-hidden {
      display: none;
    }
    .fz-tpl-wait {
      padding: 24px 0;
      text-align: center;
    }
    .fz-tpl-missing-intro {
      margin: 0 0 6px;
    }
    .fz-tpl-help-title {
      margin: 12px 0 6px;
      font-size: 14px;
    }
    .fz-tpl-help {
      margin: 0;
      padding-left: 20px;
    }
    .fz-tpl-help li {
      margin-bottom: 4px;
      word-break: break-word;
    }
  `,
})
export class DocumentTemplateCardComponent {
  private readonly templates = inject(DocumentTemplatesApi);
  private readonly message = inject(NzMessageService);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly t = inject(I18nService).t;
  protected readonly braced = braced;
  protected readonly size = fileSize;
  protected readonly accept = '.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

  /** The template's API, e.g. `/api/disputes/agreement-template` (the file at `….docx`). */
  readonly api = input.required<string>();
  /** The town whose template is shown; null lets the API take the caller's only town. */
  readonly townId = input<string | null>(null);
  readonly title = input.required<string>();
  /** May upload a template and restore the built-in one. */
  readonly canManage = input(false);
  /** Every placeholder the kind knows, for the help; those not listed show as unknown. */
  readonly placeholders = input<readonly TemplatePlaceholderHelp[]>([]);
  readonly maxBytes = input(TEMPLATE_MAX_BYTES);

  protected readonly template = signal<DocumentTemplateDto | null>(null);
  protected readonly loadFailed = signal(false);
  protected readonly progress = signal<number | null>(null);
  protected readonly resetting = signal(false);
  protected readonly error = signal<string | null>(null);
  /** The placeholders a refused upload lacked (names without braces). */
  protected readonly missing = signal<string[]>([]);

  protected readonly href = computed(() => this.templates.fileUrl(this.api(), this.townId()));
  protected readonly maxMb = computed(() => Math.round(this.maxBytes() / 1024 / 1024));
  protected readonly requiredHelp = computed(() => this.placeholders().filter((p) => p.required));
  protected readonly optionalHelp = computed(() => this.placeholders().filter((p) => !p.required));
  private readonly knownNames = computed(() => new Set(this.placeholders().map((p) => p.name)));
  protected readonly hasUnknown = computed(() => (this.template()?.placeholders ?? []).some((name) => !this.known(name)));

  private loading?: Subscription;

  constructor() {
    effect(() => {
      const api = this.api();
      const townId = this.townId();
      untracked(() => {
        this.template.set(null);
        this.error.set(null);
        this.missing.set([]);
        this.load(api, townId);
      });
    });
    this.destroyRef.onDestroy(() => this.loading?.unsubscribe());
  }

  protected known(name: string): boolean {
    return this.knownNames().size === 0 || this.knownNames().has(name);
  }

  load(api = this.api(), townId = this.townId()): void {
    this.loading?.unsubscribe();
    this.loadFailed.set(false);
    this.loading = this.templates.info(api, townId).subscribe({
      next: (template) => this.template.set(template),
      error: () => this.loadFailed.set(true),
    });
  }

  protected picked(input: HTMLInputElement): void {
    const file = input.files?.[0] ?? null;
    input.value = '';
    if (file) this.upload(file);
  }

  /** Sends a replacement with the version read; a refused file's missing placeholders are listed. */
  upload(file: File): void {
    const current = this.template();
    if (!current) return;
    this.error.set(null);
    this.missing.set([]);
    if (!/\.docx$/i.test(file.name)) {
      this.error.set(this.t('disputeSettings.notDocx'));
      return;
    }
    if (file.size > this.maxBytes()) {
      this.error.set(this.t('disputeSettings.tooLarge', { mb: this.maxMb() }));
      return;
    }
    this.progress.set(0);
    this.templates
      .upload(this.api(), this.townId(), file, current.version)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (event) => {
          if (event.type === HttpEventType.UploadProgress) {
            this.progress.set(uploadPercent(event));
          } else if (event.type === HttpEventType.Response && event.body) {
            this.progress.set(null);
            this.template.set(event.body);
            this.message.success(this.t('disputeSettings.uploaded'));
          }
        },
        error: (err: unknown) => {
          this.progress.set(null);
          this.failed(err);
        },
      });
  }

  /** Deletes the town's upload: the built-in template applies again. */
  reset(): void {
    const current = this.template();
    if (!current) return;
    this.error.set(null);
    this.missing.set([]);
    this.resetting.set(true);
    this.templates
      .reset(this.api(), this.townId(), current.version)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (template) => {
          this.resetting.set(false);
          this.template.set(template);
          this.message.success(this.t('disputeSettings.restored'));
        },
        error: (err: unknown) => {
          this.resetting.set(false);
          this.failed(err);
        },
      });
  }

  /** Shows the server's message; a stale version reloads the template in force. */
  private failed(err: unknown): void {
    const missing: unknown = (err as { error?: { missing?: unknown } }).error?.missing;
    const names = Array.isArray(missing) ? missing.filter((name): name is string => typeof name === 'string') : [];
    this.missing.set(names);
    this.error.set(names.length ? (apiError(err)?.message ?? this.t('error.network')) : failureMessage(err, this.t));
    if (apiError(err)?.statusCode === 409) this.load();
  }
}
