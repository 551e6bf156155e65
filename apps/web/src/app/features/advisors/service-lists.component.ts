import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { AdvisorServiceListDto } from '@fazhi/contracts';
import { NzMessageService } from 'ng-zorro-antd/message';
import { I18nService } from '../../core/i18n/i18n.service';
import { HasPermissionDirective } from '../../core/permissions/has-permission.directive';
import { Submission } from '../../shared/api-error-message';
import { toPlainDate } from '../../shared/plain-date';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { AdvisorRegistersApi, VillageRow } from './advisor-registers.api';

/**
 * A village's published service lists in a modal: every version with its document to download, and
 * for legal-affairs staff the publication of a new version (its label, publication day and file).
 */
@Component({
  selector: 'fz-service-lists',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, ZORRO_IMPORTS, HasPermissionDirective],
  styles: `
    .fz-service-lists {
      list-style: none;
      padding: 0;
      margin: 0 0 16px;
    }
    .fz-service-lists li {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
      justify-content: space-between;
      padding: 8px 0;
      border-bottom: 1px solid #f0f0f0;
    }
  `,
  template: `
    <nz-modal [nzVisible]="!!village()" [nzTitle]="t('advisorVillages.serviceLists', { village: village()?.villageName ?? '' })" [nzFooter]="null" (nzOnCancel)="closed.emit()">
      <ng-container *nzModalContent>
        <nz-spin [nzSpinning]="loading()">
          <ul class="fz-service-lists" data-test="service-lists">
            @for (list of lists(); track list.id) {
              <li>
                <span>{{ list.listVersion }} · {{ list.publishedOn }}</span>
                <a [href]="url(list)" data-test="service-list-download">{{ list.document.fileName }}</a>
              </li>
            } @empty {
              <nz-empty nzNotFoundImage="simple" [nzNotFoundContent]="t('advisorVillages.noServiceList')" />
            }
          </ul>
        </nz-spin>
        <form *fzHasPermission="'advisor.check'" nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="publish()" data-test="service-list-form">
          <nz-form-item>
            <nz-form-label nzRequired nzFor="sl-version">{{ t('advisorVillages.serviceListVersion') }}</nz-form-label>
            <nz-form-control [nzErrorTip]="t('advisorVillages.serviceListVersionRequired')">
              <input nz-input id="sl-version" formControlName="listVersion" maxlength="32" />
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzRequired nzFor="sl-date">{{ t('advisorVillages.serviceListPublishedOn') }}</nz-form-label>
            <nz-form-control>
              <input nz-input id="sl-date" type="date" formControlName="publishedOn" />
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzRequired nzFor="sl-file">{{ t('advisorVillages.serviceListFile') }}</nz-form-label>
            <input id="sl-file" type="file" accept=".pdf,.docx,.doc,image/*" (change)="chosen($event)" data-test="service-list-file" />
          </nz-form-item>
          @if (submission.error(); as message) {
            <nz-alert nzType="error" [nzMessage]="message" data-test="service-list-error" />
          }
          <button nz-button nzType="primary" type="submit" [nzLoading]="submission.busy()" [disabled]="form.invalid || !file()" data-test="service-list-publish">
            {{ t('advisorVillages.publishServiceList') }}
          </button>
        </form>
      </ng-container>
    </nz-modal>
  `,
})
export class ServiceListsComponent {
  private readonly api = inject(AdvisorRegistersApi);
  private readonly message = inject(NzMessageService);
  protected readonly t = inject(I18nService).t;
  /** The village whose lists are shown; null closes the modal. */
  readonly village = input<VillageRow | null>(null);
  readonly closed = output<void>();
  readonly published = output<VillageRow>();

  protected readonly lists = signal<AdvisorServiceListDto[]>([]);
  protected readonly loading = signal(false);
  protected readonly submission = new Submission(this.t);
  protected readonly file = signal<File | null>(null);
  protected readonly form = new FormGroup({
    listVersion: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(32)] }),
    publishedOn: new FormControl(toPlainDate(new Date()) ?? '', { nonNullable: true, validators: [Validators.required] }),
  });

  constructor() {
    effect(() => {
      const village = this.village();
      this.submission.error.set(null);
      this.file.set(null);
      if (village) this.load(village.villageId);
    });
  }

  protected url(list: AdvisorServiceListDto): string {
    return this.api.serviceListUrl(list.villageId, list.id);
  }

  protected chosen(event: Event): void {
    this.file.set((event.target as HTMLInputElement).files?.[0] ?? null);
  }

  protected publish(): void {
    const village = this.village();
    const file = this.file();
    if (!village || !file || this.form.invalid) return;
    const { listVersion, publishedOn } = this.form.getRawValue();
    this.submission.run(
      this.api.publishServiceList(village.villageId, village.version, listVersion.trim(), publishedOn, file),
      (row) => {
        this.message.success(this.t('advisorVillages.serviceListPublished', { village: row.villageName }));
        this.published.emit(row);
        this.load(row.villageId);
      },
      this.form,
    );
  }

  private load(villageId: string): void {
    this.loading.set(true);
    this.api.serviceLists(villageId).subscribe({
      next: (lists) => {
        this.lists.set(lists);
        this.loading.set(false);
      },
      error: () => this.loading.set(false),
    });
  }
}
