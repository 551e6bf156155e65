import { HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { ImportPreview } from '@fazhi/contracts';
import { AuthService } from '../../core/auth/auth.service';
import { apiError } from '../../core/http/api-error';
import { I18nService } from '../../core/i18n/i18n.service';
import { PageHeaderComponent } from '../../shared/page-header.component';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { failureMessage } from '../../shared/api-error-message';
import { EMPTY_VESSEL_QUERY } from './vessel-filters';
import { VesselsApi } from './vessels.api';

/** Import the vessel ledger from Excel: choose and check the file, read the errors, commit. */
@Component({
  selector: 'fz-vessel-import',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, RouterLink, ZORRO_IMPORTS, PageHeaderComponent],
  templateUrl: './vessel-import.component.html',
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
export class VesselImportComponent {
  private readonly api = inject(VesselsApi);
  private readonly auth = inject(AuthService);
  protected readonly t = inject(I18nService).t;

  protected readonly templateHref = this.api.exportUrl(EMPTY_VESSEL_QUERY);
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
    this.api.importFile(file, mode, this.townId()).subscribe({
      next: (event) => {
        if (event.type === HttpEventType.UploadProgress) {
          this.progress.set(event.total ? Math.round((event.loaded / event.total) * 100) : 50);
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
        const body = apiError(err);
        const preview = (err as { error?: { preview?: ImportPreview } }).error?.preview;
        if (preview) {
          this.preview.set(preview);
          this.step.set(1);
        } else if (mode === 'commit') {
          this.step.set(1);
        }
        this.error.set(body ? failureMessage(err, this.t) : this.t('error.network'));
      },
    });
  }
}
