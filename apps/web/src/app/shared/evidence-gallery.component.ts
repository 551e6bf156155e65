import { HttpClient, HttpEvent, HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ATTACHMENT_STAGES, ATTACHMENT_STAGE_LABELS, AttachmentDto, AttachmentStage } from '@fazhi/contracts';
import { errorDisplay } from '../core/http/error-display';
import { I18nService } from '../core/i18n/i18n.service';
import { Observable } from 'rxjs';
import { DateTimePipe } from './date-time.pipe';
import { ZORRO_IMPORTS } from './zorro';
import { failureMessage } from './api-error-message';
import { uploadPercent } from '../core/http/upload-progress';

/** What a phone's file picker offers: photos and videos (camera first), PDFs and office files. */
export const EVIDENCE_ACCEPT = 'image/*,video/*,application/pdf,.doc,.docx,.xls,.xlsx';

/** Uploads evidence files to `base` (a record's `…/attachments`) with its version and the stage, reporting progress. */
export function uploadEvidence<T>(http: HttpClient, base: string, version: number, stage: AttachmentStage, files: readonly File[]): Observable<HttpEvent<T>> {
  return http.post<T>(base, evidenceForm(version, stage, files), { reportProgress: true, observe: 'events', ...errorDisplay('inline') });
}

/** A group of evidence files, downloaded from `base/:attachmentId`. */
export interface EvidenceSection {
  key: string;
  title: string;
  base: string;
  items: AttachmentDto[];
}

/** The multipart body of an evidence upload: the record's version, the stage, then the files. */
export function evidenceForm(version: number, stage: AttachmentStage, files: readonly File[]): FormData {
  const body = new FormData();
  body.append('version', String(version));
  body.append('stage', stage);
  for (const file of files) body.append('files', file, file.name);
  return body;
}

export function isImage(attachment: AttachmentDto): boolean {
  return attachment.mime.startsWith('image/');
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Evidence of a record (a vessel case or a campaign): thumbnails grouped by stage, other files
 * as rows, each opening the original; an upload (camera on phones) with its stage and progress.
 * Also shows a related record's evidence (a case's campaign) under its own heading.
 */
@Component({
  selector: 'fz-evidence-gallery',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, ZORRO_IMPORTS, DateTimePipe],
  templateUrl: './evidence-gallery.component.html',
  styleUrl: './evidence-gallery.component.css',
})
export class EvidenceGalleryComponent {
  private readonly http = inject(HttpClient);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;

  /** Upload and download address of the record's evidence, e.g. `/api/vessel-cases/:id/attachments`. */
  readonly base = input.required<string>();
  readonly attachments = input.required<readonly AttachmentDto[]>();
  readonly version = input.required<number>();
  readonly canUpload = input(false);
  /** The caller may open files holding personal data in full (`personal.unmask`); otherwise they are listed without a link. */
  readonly canOpenPersonal = input(false);
  /** What the stages are called in this ledger (before/during/after the disposal by default). */
  readonly stageLabels = input<Record<AttachmentStage, { zh: string; en: string }>>(ATTACHMENT_STAGE_LABELS);
  /** Evidence of a related record shown beside (not uploaded to from here). */
  readonly related = input<{ title: string; base: string; items: readonly AttachmentDto[] } | null>(null);
  /** The record changed (new version): the parent reloads it. */
  readonly uploaded = output<void>();

  protected readonly accept = EVIDENCE_ACCEPT;
  protected readonly stages = ATTACHMENT_STAGES;
  protected readonly stage = signal<AttachmentStage>('before');
  protected readonly progress = signal<number | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly isImage = isImage;
  protected readonly fileSize = fileSize;

  protected readonly sections = computed<EvidenceSection[]>(() => {
    const base = this.base();
    const own = ATTACHMENT_STAGES.map((stage) => ({
      key: stage,
      title: this.stageLabel(stage),
      base,
      items: this.attachments().filter((a) => a.stage === stage),
    })).filter((section) => section.items.length > 0);
    const related = this.related();
    return related && related.items.length > 0 ? [...own, { key: 'related', title: related.title, base: related.base, items: [...related.items] }] : own;
  });

  protected stageLabel(stage: AttachmentStage): string {
    return this.i18n.pick(this.stageLabels()[stage]);
  }

  protected original(section: EvidenceSection, item: AttachmentDto): string {
    return `${section.base}/${encodeURIComponent(item.id)}`;
  }

  protected locked(item: AttachmentDto): boolean {
    return item.personal && !this.canOpenPersonal();
  }

  protected thumbnail(section: EvidenceSection, item: AttachmentDto): string {
    return item.hasThumbnail ? `${this.original(section, item)}?variant=thumbnail` : this.original(section, item);
  }

  protected picked(input: HTMLInputElement): void {
    const files = Array.from(input.files ?? []);
    input.value = '';
    if (files.length > 0) this.upload(files);
  }

  /** Sends the files with the record's version and the chosen stage, reporting progress. */
  upload(files: readonly File[]): void {
    this.error.set(null);
    this.progress.set(0);
    uploadEvidence(this.http, this.base(), this.version(), this.stage(), files)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (event) => {
          if (event.type === HttpEventType.UploadProgress) {
            this.progress.set(uploadPercent(event));
          } else if (event.type === HttpEventType.Response) {
            this.progress.set(null);
            this.uploaded.emit();
          }
        },
        error: (err: unknown) => {
          this.progress.set(null);
          this.error.set(failureMessage(err, this.t));
        },
      });
  }
}
