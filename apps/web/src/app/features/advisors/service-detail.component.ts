import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import {
  ADVISOR_HANDOVER_KIND_LABELS,
  ADVISOR_SERVICE_TYPE_LABELS,
  AdvisorHandoverKind,
  AdvisorServiceDetailDto,
  DEFAULT_TIME_ZONE,
  DISPUTE_CATEGORIES,
  DISPUTE_CATEGORY_LABELS,
} from '@fazhi/contracts';
import { AuthService } from '../../core/auth/auth.service';
import { RECORD_PATHS } from '../../core/features/feature';
import { I18nService } from '../../core/i18n/i18n.service';
import { byTime, statusEntries } from '../../shared/ledger/ledger-view';
import { PartForms } from '../../shared/ledger/part-form';
import { RecordPage } from '../../shared/ledger/record-page';
import { RecordShellComponent } from '../../shared/ledger/record-shell.component';
import { UnmaskLinkComponent } from '../../shared/ledger/unmask-link.component';
import { StepInput } from '../../shared/transition-modal.component';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { ADVISOR_SERVICE_VIEW } from './advisor-view';
import { AdvisorServiceTypes, AdvisorServicesApi } from './advisors.api';
import { CLIENT_SEARCH_FIELDS } from './advisor-filters';
import { SERVICE_STAGE_LABELS, countsAttendees, namesClient } from './service-hours';

/** One service entry in the record shell: what was done, the client (masked, unmasked on request), photos, and the hand-over of a consultation. */
@Component({
  selector: 'fz-advisor-service-detail',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, ZORRO_IMPORTS, RecordShellComponent, UnmaskLinkComponent],
  templateUrl: './service-detail.component.html',
  styleUrl: '../../shared/record-detail.css',
})
export class AdvisorServiceDetailComponent extends RecordPage<AdvisorServiceDetailDto> {
  protected readonly api = inject(AdvisorServicesApi);
  private readonly auth = inject(AuthService);
  private readonly paths = inject(RECORD_PATHS);
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly view = ADVISOR_SERVICE_VIEW;
  protected readonly stageLabels = SERVICE_STAGE_LABELS;
  protected readonly namesClient = namesClient;
  protected readonly countsAttendees = countsAttendees;

  /** What the shell reads: an entry has no deadline of its own. */
  protected readonly shellRecord = computed(() => {
    const record = this.record();
    return record && { ...record, deadline: null };
  });
  protected readonly unmasked = signal<AdvisorServiceTypes['unmasked'] | null>(null);
  protected readonly forms = new PartForms<AdvisorServiceDetailDto>((detail) => this.record.set(detail));
  protected readonly unmaskFields = computed(() => CLIENT_SEARCH_FIELDS.filter((field) => this.record()?.[field] !== null));
  protected readonly client = computed(() => {
    const record = this.record();
    const plain = this.unmasked();
    return record && { name: plain?.clientName ?? record.clientName, phone: plain?.clientPhone ?? record.clientPhone };
  });
  /** A consultation not yet handed over, on an entry still open to changes. */
  protected readonly canHandOver = computed(() => {
    const record = this.record();
    return record !== null && record.type === 'consultation' && record.handover === null && !record.locked;
  });
  protected readonly timeline = computed(() => {
    const record = this.record();
    return record ? byTime(statusEntries(ADVISOR_SERVICE_VIEW, record.history, this.auth.me()?.timeZone ?? DEFAULT_TIME_ZONE, this.i18n.pick)) : [];
  });

  protected typeName(record: AdvisorServiceDetailDto): string {
    return this.i18n.pick(ADVISOR_SERVICE_TYPE_LABELS[record.type]);
  }

  protected handoverName(kind: AdvisorHandoverKind): string {
    return this.i18n.pick(ADVISOR_HANDOVER_KIND_LABELS[kind]);
  }

  /** The dispute's page, where the mediation ledger's records open. */
  protected disputeLink(id: string): string[] | null {
    const path = this.paths['dispute'];
    return path ? [path, id] : null;
  }

  protected handOver(kind: AdvisorHandoverKind): void {
    const record = this.record()!;
    const fields: StepInput[] =
      kind === 'mediation'
        ? [
            { name: 'category', kind: 'select', label: this.t('advisors.disputeCategory'), options: DISPUTE_CATEGORIES.map((c) => ({ value: c, label: DISPUTE_CATEGORY_LABELS[c] })) },
            { name: 'summary', kind: 'textarea', label: this.t('advisors.summary'), optional: true, initial: record.content, max: 2000 },
            { name: 'note', kind: 'textarea', label: this.t('advisors.note'), optional: true, max: 500 },
          ]
        : [
            { name: 'receivingBody', kind: 'text', label: this.t('advisors.receivingBody'), placeholder: this.t('advisors.receivingBodyHint'), max: 100 },
            { name: 'note', kind: 'textarea', label: this.t('advisors.note'), optional: true, max: 500 },
          ];
    this.forms.show(this.handoverName(kind), fields, (data) => this.api.handover(record.id, { kind, version: record.version, ...data }), `handover-${kind}`, this.t('advisors.handoverDone'));
  }
}
