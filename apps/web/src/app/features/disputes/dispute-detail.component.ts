import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import {
  AGREEMENT_FORM_LABELS,
  DEADLINE_STATE_LABELS,
  DEFAULT_TIME_ZONE,
  DISPUTE_CATEGORY_LABELS,
  DISPUTE_PARTY_ROLE_LABELS,
  DISPUTE_RISK_LABELS,
  DISPUTE_SOURCE_LABELS,
  DISPUTE_STATUS_LABELS,
  DisputeDetailDto,
  DisputeRiskLevel,
  DisputeStatus,
  PERFORMANCE_STATUS_LABELS,
  PeaceOfficerDto,
  REFERRAL_ROUTE_LABELS,
  SATISFACTION_LABELS,
  TransitionRequest,
} from '@fazhi/contracts';
import { NzMessageService } from 'ng-zorro-antd/message';
import { AuthService } from '../../core/auth/auth.service';
import { TKey } from '../../core/i18n/dict.zh';
import { I18nService } from '../../core/i18n/i18n.service';
import { HasPermissionDirective } from '../../core/permissions/has-permission.directive';
import { Submission } from '../../shared/api-error-message';
import { DateTimePipe, formatInstant } from '../../shared/date-time.pipe';
import { controlError, revealErrors } from '../../shared/form-errors';
import { toPlainDate } from '../../shared/plain-date';
import { StepInput, StepModalComponent, WorkflowStep } from '../../shared/transition-modal.component';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { DEADLINE_COLORS } from '../vessels/vessel-labels';
import { DisputesApi } from './disputes.api';
import { RISK_COLORS } from './dispute-list.component';

export type DisputeStep = DisputeDetailDto['transitions'][number];

/** The label of each field a dispute step requires. */
export const DISPUTE_STEP_FIELD_KEYS: Record<string, TKey> = {
  acceptedOn: 'disputes.acceptedOn',
  mediatorIds: 'disputes.mediators',
  refusedOn: 'disputes.refusedOn',
  refusingPartyId: 'disputes.refusingParty',
  refusalReason: 'disputes.refusalReason',
  agreementForm: 'disputes.agreementForm',
  agreedOn: 'disputes.agreedOn',
  terms: 'disputes.terms',
  performanceManner: 'disputes.performanceManner',
  performanceDeadline: 'disputes.performanceDeadline',
  terminatedOn: 'disputes.terminatedOn',
  terminationReason: 'disputes.terminationReason',
  referralRoute: 'disputes.referralRoute',
  performanceStatus: 'disputes.performanceStatus',
  archivedOn: 'disputes.archivedOn',
};

function options(labels: Record<string, string>): { value: string; label: string }[] {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}

/** How the step modal asks each field a dispute step requires. */
export function disputeStepInputs(
  requires: readonly string[],
  record: DisputeDetailDto,
  officers: readonly PeaceOfficerDto[],
  t: I18nService['t'],
): StepInput[] {
  return requires.map((name): StepInput => {
    const label = DISPUTE_STEP_FIELD_KEYS[name] ? t(DISPUTE_STEP_FIELD_KEYS[name]) : name;
    switch (name) {
      case 'mediatorIds':
        return { name, label, kind: 'multiple', options: officers.map((o) => ({ value: o.id, label: o.villageName ? `${o.name} · ${o.villageName}` : o.name })) };
      case 'refusingPartyId':
        return {
          name,
          label,
          kind: 'select',
          options: record.parties.map((p) => ({ value: p.id, label: `${DISPUTE_PARTY_ROLE_LABELS[p.role]} · ${p.name ?? '—'}` })),
        };
      case 'agreementForm':
        return { name, label, kind: 'select', options: options(AGREEMENT_FORM_LABELS) };
      case 'referralRoute':
        return { name, label, kind: 'select', options: options(REFERRAL_ROUTE_LABELS) };
      case 'performanceStatus':
        return { name, label, kind: 'select', options: options(PERFORMANCE_STATUS_LABELS) };
      case 'performanceDeadline':
        return { name, label, kind: 'date' };
      case 'terms':
      case 'refusalReason':
      case 'terminationReason':
        return { name, label, kind: 'textarea' };
      default:
        return { name, label, kind: /On$/.test(name) ? 'date' : 'text' };
    }
  });
}

interface TimelineEntry {
  key: string;
  when: string;
  shown: string;
  title: string;
  detail: string;
  color: string;
}

/** One dispute: its facts, parties, sessions, follow-ups, deadline, timeline and the caller's steps. */
@Component({
  selector: 'fz-dispute-detail',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, ZORRO_IMPORTS, DateTimePipe, StepModalComponent, HasPermissionDirective],
  templateUrl: './dispute-detail.component.html',
  styleUrl: '../../shared/record-detail.css',
})
export class DisputeDetailComponent implements OnInit {
  private readonly api = inject(DisputesApi);
  protected readonly auth = inject(AuthService);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;

  readonly id = input.required<string>();

  protected readonly record = signal<DisputeDetailDto | null>(null);
  protected readonly step = signal<DisputeStep | null>(null);
  private readonly officers = signal<PeaceOfficerDto[]>([]);
  protected readonly statusLabels = DISPUTE_STATUS_LABELS;
  protected readonly categoryLabels = DISPUTE_CATEGORY_LABELS;
  protected readonly sourceLabels = DISPUTE_SOURCE_LABELS;
  protected readonly riskLabels = DISPUTE_RISK_LABELS;
  protected readonly riskColors = RISK_COLORS;
  protected readonly roleLabels = DISPUTE_PARTY_ROLE_LABELS;
  protected readonly performanceLabels = PERFORMANCE_STATUS_LABELS;
  protected readonly satisfactionLabels = SATISFACTION_LABELS;
  protected readonly agreementLabels = AGREEMENT_FORM_LABELS;
  protected readonly referralLabels = REFERRAL_ROUTE_LABELS;
  protected readonly deadlineColors = DEADLINE_COLORS;

  protected readonly stepInputs = computed(() => {
    const record = this.record();
    const step = this.step();
    return record && step ? disputeStepInputs(step.requires, record, this.officers(), this.t) : [];
  });
  /** The written agreement (.docx) holds full personal data: only for holders of personal.unmask. */
  protected readonly agreementHref = computed(() => {
    const record = this.record();
    if (!record || record.agreementForm !== 'written' || !this.auth.hasAny(['personal.unmask'])) return null;
    return `${this.api.base}/${record.id}/agreement.docx`;
  });
  protected readonly timeline = computed<TimelineEntry[]>(() => {
    const record = this.record();
    if (!record) return [];
    const zone = this.auth.me()?.timeZone ?? DEFAULT_TIME_ZONE;
    const entries: TimelineEntry[] = [
      ...record.history.map((h) => ({
        key: `h-${h.id}`,
        when: formatInstant(h.at, zone),
        shown: formatInstant(h.at, zone),
        title: h.from ? `${this.statusLabel(h.from)} → ${this.statusLabel(h.to)}` : this.statusLabel(h.to),
        detail: [h.userName, h.remark].filter(Boolean).join(' · '),
        color: h.to === 'terminated' || h.to === 'refused' ? 'red' : 'blue',
      })),
      ...record.sessions.map((s) => ({
        key: `s-${s.id}`,
        when: `${s.date} 12:00:00`,
        shown: s.date,
        title: `${this.t('disputes.session')} · ${s.place}`,
        detail: s.record,
        color: 'gray',
      })),
      ...record.followUps.map((f) => ({
        key: `f-${f.id}`,
        when: `${f.date} 12:00:00`,
        shown: f.date,
        title: `${this.t('disputes.followUp')} · ${PERFORMANCE_STATUS_LABELS[f.performance]}`,
        detail: `${f.visitor}：${SATISFACTION_LABELS[f.satisfaction]}${f.note ? ' · ' + f.note : ''}`,
        color: 'green',
      })),
    ];
    return entries.sort((a, b) => a.when.localeCompare(b.when));
  });
  protected readonly send = (body: Omit<TransitionRequest, 'version'>) => {
    const record = this.record()!;
    return this.api.transition(record.id, { ...body, version: record.version });
  };

  /** Raising or lowering the risk level (a group-incident warning needs the police informed, Art 25). */
  protected readonly riskOpen = signal(false);
  protected readonly riskLevels = Object.keys(DISPUTE_RISK_LABELS) as DisputeRiskLevel[];
  protected readonly riskForm = new FormGroup({
    level: new FormControl<DisputeRiskLevel>('group_incident', { nonNullable: true }),
    reason: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.pattern(/\S/), Validators.maxLength(500)] }),
    policeInformedOn: new FormControl<Date | null>(new Date()),
    policeUnit: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(100)] }),
    measures: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(500)] }),
  });
  protected readonly riskSubmission = new Submission(this.t);
  protected readonly riskErr = (name: 'reason' | 'policeInformedOn' | 'policeUnit' | 'measures'): string => controlError(this.riskForm.controls[name], this.t);

  ngOnInit(): void {
    this.load();
  }

  protected openRisk(): void {
    const record = this.record();
    this.riskForm.reset({ level: record?.riskLevel === 'group_incident' ? 'normal' : 'group_incident', reason: '', policeInformedOn: new Date(), policeUnit: '', measures: '' });
    this.riskSubmission.error.set(null);
    this.riskOpen.set(true);
  }

  protected submitRisk(): void {
    const record = this.record();
    if (!record) return;
    const v = this.riskForm.getRawValue();
    const warning = v.level === 'group_incident';
    if (this.riskForm.invalid || (warning && (!v.policeInformedOn || !v.policeUnit.trim()))) {
      if (warning && !v.policeUnit.trim()) this.riskForm.controls.policeUnit.setErrors({ required: true });
      if (warning && !v.policeInformedOn) this.riskForm.controls.policeInformedOn.setErrors({ required: true });
      revealErrors(this.riskForm);
      return;
    }
    const body = {
      version: record.version,
      level: v.level,
      reason: v.reason.trim(),
      ...(warning ? { policeInformedOn: toPlainDate(v.policeInformedOn), policeUnit: v.policeUnit.trim() } : {}),
      ...(v.measures.trim() ? { measures: v.measures.trim() } : {}),
    };
    this.riskSubmission.run(
      this.api.risk(record.id, body),
      (detail) => {
        this.riskOpen.set(false);
        this.record.set(detail);
        this.message.success(this.t('disputes.riskSaved'));
      },
      this.riskForm,
    );
  }

  protected load(): void {
    this.api.get(this.id()).subscribe((record) => this.record.set(record));
  }

  protected statusLabel(status: string): string {
    const label = DISPUTE_STATUS_LABELS[status as DisputeStatus];
    return label ? this.i18n.pick(label) : status;
  }

  protected deadlineLabel(): string {
    const deadline = this.record()?.deadline;
    return deadline ? this.i18n.pick(DEADLINE_STATE_LABELS[deadline.state]) : '';
  }

  protected open(step: WorkflowStep): void {
    const record = this.record();
    if (record && step.requires.includes('mediatorIds') && this.officers().length === 0) {
      this.api.peaceOfficers(record.townId).subscribe((page) => this.officers.set(page.items));
    }
    this.step.set(step as DisputeStep);
  }

  protected done(detail: DisputeDetailDto): void {
    this.step.set(null);
    this.record.set(detail);
    this.message.success(this.t('disputes.stepDone'));
  }
}
