import { HttpClient, HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { ImportPreview } from '@fazhi/contracts';
import { AuthService } from '../core/auth/auth.service';
import { TKey } from '../core/i18n/dictionary';
import { I18nService } from '../core/i18n/i18n.service';
import { PageHeaderComponent } from './page-header.component';
import { ZORRO_IMPORTS } from './zorro';
import { failureMessage } from './api-error-message';
import { uploadPercent } from '../core/http/upload-progress';
import { importLedger } from './ledger/ledger-api';

/**
 * Import a ledger from Excel in its export layout: choose and check the file, read the errors,
 * commit. The route's data names the ledger: `api` (e.g. `/api/vessel-cases`), `list` (the page
 * to go back to), `title` and `subtitle`.
 */
@Component({
  selector: 'fz-ledger-import',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, RouterLink, ZORRO_IMPORTS, PageHeaderComponent],
  templateUrl: './ledger-import.component.html',
  styles: `
    .fz-hidden {
      display: none;
    }
    .fz-import-town {
      width: 220px;
    }
    .fz-import-wait {
      padding: 40px 0;
      text-align: center;
    }
  `,
})
export class LedgerImportComponent {
  private readonly http = inject(HttpClient);
  private readonly destroyRef = inject(DestroyRef);
  private readonly auth = inject(AuthService);
  protected readonly t = inject(I18nService).t;

  readonly api = input.required<string>();
  readonly list = input.required<string>();
  readonly title = input.required<TKey>();
  readonly subtitle = input.required<TKey>();

  /** The ledger as exported now: the layout an import reads. */
  protected readonly templateHref = computed(() => `${this.api()}/export.xlsx`);
  protected readonly towns = computed(() => this.auth.me()?.scope.towns ?? []);
  protected readonly townId = signal<string | null>(null);
  protected readonly file = signal<File | null>(null);
  protected readonly step = signal(0);
  protected readonly progress = signal<number | null>(null);
  protected readonly preview = signal<ImportPreview | null>(null);
  protected readonly result = signal<ImportPreview | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly needsTown = computed(() => this.towns().length > 1 && !this.townId());

  protected picked(input: HTMLInputElement): void {
    const file = input.files?.[0] ?? null;
    input.value = '';
    this.file.set(file);
    this.preview.set(null);
    this.error.set(null);
    if (file) this.send('preview');
  }

  protected commit(): void {
    this.send('commit');
  }

  protected restart(): void {
    this.file.set(null);
    this.preview.set(null);
    this.result.set(null);
    this.error.set(null);
    this.step.set(0);
  }

  private send(mode: 'preview' | 'commit'): void {
    const file = this.file();
    if (!file) return;
    this.progress.set(0);
    this.error.set(null);
    if (mode === 'commit') this.step.set(2);
    const request = importLedger(this.http, this.api(), file, mode, this.townId());
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (event) => {
        if (event.type === HttpEventType.UploadProgress) {
          this.progress.set(uploadPercent(event));
        } else if (event.type === HttpEventType.Response && event.body) {
          this.progress.set(null);
          if (mode === 'preview') {
            this.preview.set(event.body);
            this.step.set(1);
          } else {
            this.result.set(event.body);
          }
        }
      },
      error: (err: unknown) => {
        this.progress.set(null);
        const preview = (err as { error?: { preview?: ImportPreview } }).error?.preview;
        if (preview) {
          this.preview.set(preview);
          this.step.set(1);
        } else if (mode === 'commit') {
          this.step.set(1);
        }
        this.error.set(failureMessage(err, this.t));
      },
    });
  }
}
