import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import {
  DEFAULT_TIME_ZONE,
  VESSEL_CLOSED_STATUSES,
  VESSEL_STATUS_LABELS,
  VesselCaseDetailDto,
  VesselStatus,
} from '@fazhi/contracts';
import { NzMessageService } from 'ng-zorro-antd/message';
import { Observable } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { HasPermissionDirective } from '../../core/permissions/has-permission.directive';
import { DateTimePipe, formatInstant } from '../../shared/date-time.pipe';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { Submission } from '../../shared/api-error-message';
import { EvidenceGalleryComponent } from '../../shared/evidence-gallery.component';
import { PersuasionModalComponent } from './persuasion-modal.component';
import { ReasonModalComponent } from '../../shared/reason-modal.component';
import { DeadlineAlertComponent } from '../../shared/deadline.component';
import { RecordTimelineComponent, TimelineEntry } from '../../shared/record-timeline.component';
import { TransitionModalComponent, VesselStep } from './transition-modal.component';
import { DISPOSAL_KEYS, HULL_KEYS, MEASURE_KEYS, SOURCE_KEYS } from './vessel-labels';
import { OwnerField, VesselsApi } from './vessels.api';

type Dialog =
  | { kind: 'transition'; step: VesselStep }
  | { kind: 'persuasion' }
  | { kind: 'void' }
  | { kind: 'reopen' }
  | { kind: 'unmask' };

const OWNER_FIELDS: readonly OwnerField[] = ['ownerName', 'ownerIdNumber', 'ownerPhone'];

/** One vessel case: its facts, deadline, timeline, evidence and the steps the caller may take. */
@Component({
  selector: 'fz-vessel-detail',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    ZORRO_IMPORTS,
    HasPermissionDirective,
    DateTimePipe,
    EvidenceGalleryComponent,
    TransitionModalComponent,
    PersuasionModalComponent,
    ReasonModalComponent,
    DeadlineAlertComponent,
    RecordTimelineComponent,
  ],
  templateUrl: './vessel-detail.component.html',
  styleUrl: '../../shared/record-detail.css',
})
export class VesselDetailComponent implements OnInit {
  private readonly api = inject(VesselsApi);
  protected readonly auth = inject(AuthService);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;

  readonly id = input.required<string>();

  protected readonly record = signal<VesselCaseDetailDto | null>(null);
  protected readonly dialog = signal<Dialog | null>(null);
  protected readonly submission = new Submission(this.t);
  protected readonly unmasked = signal<Partial<Record<OwnerField, string | null>> | null>(null);
  protected readonly statusLabels = VESSEL_STATUS_LABELS;
  protected readonly sourceKeys = SOURCE_KEYS;
  protected readonly hullKeys = HULL_KEYS;
  protected readonly disposalKeys = DISPOSAL_KEYS;

  protected readonly closed = computed(() => {
    const record = this.record();
    return record !== null && VESSEL_CLOSED_STATUSES.includes(record.status);
  });
  protected readonly writable = computed(() => {
    const record = this.record();
    return record !== null && !record.voided && !this.closed();
  });
  protected readonly evidenceBase = computed(() => `${this.api.base}/${this.id()}/attachments`);
  protected readonly campaignEvidence = computed(() => {
    const record = this.record();
    if (!record?.campaignId || record.campaignAttachments.length === 0) return null;
    return {
      title: this.t('evidence.campaign'),
      base: `/api/campaigns/${record.campaignId}/attachments`,
      items: record.campaignAttachments,
    };
  });
  protected readonly owner = computed(() => {
    const record = this.record();
    const plain = this.unmasked();
    if (!record) return null;
    return {
      ownerName: plain?.ownerName ?? record.ownerName,
      ownerIdNumber: plain?.ownerIdNumber ?? record.ownerIdNumber,
      ownerPhone: plain?.ownerPhone ?? record.ownerPhone,
    };
  });
  protected readonly timeline = computed(() => {
    const record = this.record();
    return record ? timelineOf(record, this.auth.me()?.timeZone ?? DEFAULT_TIME_ZONE, this.i18n.pick, this.t) : [];
  });

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.api.get(this.id()).subscribe((record) => this.record.set(record));
  }

  protected statusLabel(status: string): string {
    const label = VESSEL_STATUS_LABELS[status as VesselStatus];
    return label ? this.i18n.pick(label) : status;
  }

  protected open(dialog: Dialog): void {
    this.submission.error.set(null);
    this.dialog.set(dialog);
  }

  protected close(): void {
    this.dialog.set(null);
  }

  /** A step or a persuasion entry answered the new detail. */
  protected changed(detail: VesselCaseDetailDto, key: 'vessels.stepDone' | 'vessels.persuasionSaved'): void {
    this.dialog.set(null);
    this.record.set(detail);
    this.message.success(this.t(key));
  }

  protected confirmReason(reason: string): void {
    const dialog = this.dialog();
    const record = this.record();
    if (!dialog || !record) return;
    if (dialog.kind === 'unmask') {
      const fields = OWNER_FIELDS.filter((field) => record[field] !== null);
      this.run(this.api.unmask(record.id, fields, reason), (plain) => this.unmasked.set(plain));
    } else if (dialog.kind === 'void') {
      this.run(this.api.voidCase(record.id, record.version, reason), () => {
        this.message.success(this.t('record.voidDone'));
        this.load();
      });
    } else if (dialog.kind === 'reopen') {
      this.run(this.api.reopen(record.id, record.version, reason), () => {
        this.message.success(this.t('record.reopenDone'));
        this.load();
      });
    }
  }

  private run<T>(request: Observable<T>, done: (value: T) => void): void {
    this.submission.run(request, (value) => {
      this.dialog.set(null);
      done(value);
    });
  }
}

/** Status history and persuasion entries in date order (entries without a time sort at noon). */
export function timelineOf(
  record: VesselCaseDetailDto,
  timeZone: string,
  pick: (label: { zh: string; en: string }) => string,
  t: I18nService['t'],
): TimelineEntry[] {
  const status = (value: string | null): string => {
    const label = value ? VESSEL_STATUS_LABELS[value as VesselStatus] : null;
    return label ? pick(label) : (value ?? '');
  };
  const entries: TimelineEntry[] = [
    ...record.history.map((h) => ({
      key: `h-${h.id}`,
      when: formatInstant(h.at, timeZone),
      shown: formatInstant(h.at, timeZone),
      kind: 'status' as const,
      title: h.from ? `${status(h.from)} → ${status(h.to)}` : status(h.to),
      detail: [h.userName, h.remark].filter(Boolean).join(' · '),
      color: VESSEL_STATUS_LABELS[h.to as VesselStatus]?.color === 'green' ? 'green' : 'blue',
    })),
    ...record.persuasions.map((p) => ({
      key: `p-${p.id}`,
      when: `${p.date} 12:00:00`,
      shown: p.date,
      kind: 'persuasion' as const,
      title: `${t('vessels.persuasion')} · ${t(MEASURE_KEYS[p.measure])}`,
      detail: `${p.staff}：${p.result}`,
      color: 'gray',
    })),
  ];
  return entries.sort((a, b) => a.when.localeCompare(b.when));
}
