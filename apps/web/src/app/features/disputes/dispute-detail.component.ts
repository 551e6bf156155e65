import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import {
  AGREEMENT_FORM_LABELS,
  DISPUTE_AGREEMENT_STATUSES,
  DISPUTE_ATTACHMENT_STAGE_LABELS,
  DISPUTE_CATEGORY_LABELS,
  DISPUTE_MEDIATION_OPEN_STATUSES,
  DISPUTE_PARTY_ROLE_LABELS,
  DISPUTE_RISK_LABELS,
  DISPUTE_SESSION_STATUSES,
  DISPUTE_SOURCE_LABELS,
  DEFAULT_TIME_ZONE,
  DisputeDetailDto,
  DisputeDto,
  DisputeFollowUpDto,
  DisputePartyDto,
  DisputeSessionDto,
  ESCALATION_KIND_LABELS,
  ESCALATION_LEVEL_LABELS,
  JUDICIAL_RESULT_LABELS,
  PERFORMANCE_STATUS_LABELS,
  PeaceOfficerDto,
  REFERRAL_ROUTE_LABELS,
  SATISFACTION_LABELS,
  plainDateInZone,
} from '@fazhi/contracts';
import { NzMessageService } from 'ng-zorro-antd/message';
import { AuthService } from '../../core/auth/auth.service';
import { TKey } from '../../core/i18n/dictionary';
import { I18nService } from '../../core/i18n/i18n.service';
import { formatInstant } from '../../shared/date-time.pipe';
import { LedgerCellDirective, LedgerColumn, LedgerTableComponent, rowsOf } from '../../shared/ledger/ledger-table.component';
import { byTime, datedEntry, isWritable, statusEntries } from '../../shared/ledger/ledger-view';
import { labelOptions } from '../../shared/ledger/form-page.component';
import { PartForm, PartForms, partField } from '../../shared/ledger/part-form';
import { RecordFact, RecordFactsComponent, dotted, wideFact } from '../../shared/ledger/record-facts.component';
import { RecordPartComponent } from '../../shared/ledger/record-part.component';
import { RecordPage } from '../../shared/ledger/record-page';
import { RecordAction, RecordShellComponent } from '../../shared/ledger/record-shell.component';
import { UnmaskLinkComponent } from '../../shared/ledger/unmask-link.component';
import { fromPlainDate } from '../../shared/plain-date';
import { StepInput, WorkflowStep } from '../../shared/transition-modal.component';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { DISPUTE_VIEW, RISK_COLORS } from './dispute-view';
import { DisputeTypes, DisputesApi } from './disputes.api';
import { PeaceOfficersApi } from './peace-officers.api';

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

const options = (labels: Record<string, string>) => labelOptions(labels)();

/** How a step field is asked when it is neither a date (`…On`) nor a line of text. */
const STEP_FIELDS: Partial<Record<string, Pick<StepInput, 'kind' | 'options'>>> = {
  agreementForm: { kind: 'select', options: options(AGREEMENT_FORM_LABELS) },
  referralRoute: { kind: 'select', options: options(REFERRAL_ROUTE_LABELS) },
  performanceStatus: { kind: 'select', options: options(PERFORMANCE_STATUS_LABELS) },
  performanceDeadline: { kind: 'date' },
  terms: { kind: 'textarea' },
  refusalReason: { kind: 'textarea' },
  terminationReason: { kind: 'textarea' },
};

/** How the step modal asks each field a dispute step requires. */
export function disputeStepInputs(requires: readonly string[], record: DisputeDetailDto, officers: readonly PeaceOfficerDto[], t: I18nService['t']): StepInput[] {
  return requires.map((name): StepInput => {
    const label = DISPUTE_STEP_FIELD_KEYS[name] ? t(DISPUTE_STEP_FIELD_KEYS[name]) : name;
    if (name === 'mediatorIds') {
      return { name, label, kind: 'multiple', options: officers.map((o) => ({ value: o.id, label: o.villageName ? `${o.name} · ${o.villageName}` : o.name })) };
    }
    if (name === 'refusingPartyId') {
      return { name, label, kind: 'select', options: record.parties.map((p) => ({ value: p.id, label: `${DISPUTE_PARTY_ROLE_LABELS[p.role]} · ${p.name ?? '—'}` })) };
    }
    return { name, label, kind: /On$/.test(name) ? 'date' : 'text', ...STEP_FIELDS[name] };
  });
}

type PartyFields = Pick<DisputePartyDto, 'name' | 'idNumber' | 'phone' | 'address'>;

const PARTY_COLUMNS: LedgerColumn<DisputePartyDto>[] = [
  { key: 'role', header: 'disputes.partyRole', width: '90px', value: (p) => DISPUTE_PARTY_ROLE_LABELS[p.role] },
  { key: 'name', header: 'disputes.partyName', width: '100px' },
  { key: 'idNumber', header: 'disputes.partyIdNumber', width: '170px' },
  { key: 'phone', header: 'disputes.partyPhone', width: '120px' },
  { key: 'address', header: 'disputes.partyAddress', wrap: true },
];
const ACTIONS = <T>(width: string): LedgerColumn<T> => ({ key: 'actions', header: 'common.actions', width, fixed: 'right' });
const SESSION_COLUMNS: LedgerColumn<DisputeSessionDto>[] = [
  { key: 'date', header: 'disputes.sessionDate', width: '110px' },
  { key: 'place', header: 'disputes.place', width: '140px' },
  { key: 'attendees', header: 'disputes.attendees', width: '160px', wrap: true },
  { key: 'record', header: 'disputes.sessionRecord', wrap: true },
];
const FOLLOW_UP_COLUMNS: LedgerColumn<DisputeFollowUpDto>[] = [
  { key: 'date', header: 'disputes.followUpDate', width: '110px' },
  { key: 'visitor', header: 'disputes.visitor', width: '100px' },
  { key: 'performance', header: 'disputes.performanceStatus', width: '100px', value: (f) => PERFORMANCE_STATUS_LABELS[f.performance] },
  { key: 'satisfaction', header: 'disputes.satisfaction', width: '100px', value: (f) => SATISFACTION_LABELS[f.satisfaction] },
  { key: 'note', header: 'record.remark', wrap: true },
];

/** One dispute in the record shell: its facts, parties, sessions, follow-ups and risk, and the caller's steps. */
@Component({
  selector: 'fz-dispute-detail',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ZORRO_IMPORTS, RecordShellComponent, UnmaskLinkComponent, RecordPartComponent, RecordFactsComponent, LedgerTableComponent, LedgerCellDirective],
  templateUrl: './dispute-detail.component.html',
  styleUrl: '../../shared/record-detail.css',
})
export class DisputeDetailComponent extends RecordPage<DisputeDetailDto> {
  protected readonly api = inject(DisputesApi);
  private readonly peaceOfficers = inject(PeaceOfficersApi);
  protected readonly auth = inject(AuthService);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly view = DISPUTE_VIEW;

  private readonly officers = signal<PeaceOfficerDto[]>([]);
  protected readonly riskLabels = DISPUTE_RISK_LABELS;
  protected readonly riskColors = RISK_COLORS;
  protected readonly stageLabels = DISPUTE_ATTACHMENT_STAGE_LABELS;
  protected readonly unmaskFields = ['name', 'idNumber', 'phone', 'address'];
  protected readonly parties = rowsOf(computed(() => this.record()?.parties ?? []));
  protected readonly sessions = rowsOf(computed(() => this.record()?.sessions ?? []));
  protected readonly followUps = rowsOf(computed(() => this.record()?.followUps ?? []));
  protected readonly followUpColumns = FOLLOW_UP_COLUMNS;

  /** The open small form (a party, a session, a visit…), and what its success is called. */
  protected readonly forms = new PartForms<DisputeDetailDto | DisputeDto>((result) => this.changed('transitions' in result ? result : null));
  /** A field of a small form, labelled in the reader's language. */
  private readonly field = partField(this.t);
  /** The parties' full personal data after an audited unmask, for the version of the record it was read from. */
  private readonly unmaskedAt = signal<{ version: number; parties: ReadonlyMap<string, Partial<PartyFields>> } | null>(null);
  /** The unmasked parties by id, while the record is as it was then (a change masks them again). */
  protected readonly unmasked = computed(() => {
    const at = this.unmaskedAt();
    return at && at.version === this.record()?.version ? at.parties : new Map<string, Partial<PartyFields>>();
  });

  protected readonly writable = computed(() => isWritable(DISPUTE_VIEW, this.record(), this.auth));
  /** Parties change only until the outcome; sessions between acceptance and the outcome; visits after an agreement. */
  protected readonly partiesOpen = computed(() => this.writable() && DISPUTE_MEDIATION_OPEN_STATUSES.includes(this.record()!.status));
  protected readonly sessionsOpen = computed(() => this.writable() && DISPUTE_SESSION_STATUSES.includes(this.record()!.status));
  protected readonly followUpsOpen = computed(() => this.writable() && DISPUTE_AGREEMENT_STATUSES.includes(this.record()!.status));
  protected readonly partyColumns = computed(() => [
    ...PARTY_COLUMNS.map((c) => (c.key === 'role' ? c : { ...c, value: (p: DisputePartyDto) => this.partyShown(p, c.key as keyof PartyFields) })),
    ...(this.writable() ? [ACTIONS<DisputePartyDto>('100px')] : []),
  ]);
  protected readonly sessionColumns = computed(() => [...SESSION_COLUMNS, ...(this.sessionsOpen() ? [ACTIONS<DisputeSessionDto>('70px')] : [])]);

  /** The ledger's own actions in the shell's menu. */
  protected readonly menu = computed<RecordAction[]>(() => {
    const record = this.record();
    if (!record) return [];
    const extendable = !!record.deadline && record.deadline.state !== 'done';
    return [
      { key: 'facts', label: 'disputes.editFacts', run: () => this.editFacts() },
      ...(extendable ? [{ key: 'extend', label: 'disputes.extendDeadline' as TKey, run: () => this.extendDeadline() }] : []),
      { key: 'escalation', label: 'disputes.escalate', run: () => this.escalate() },
      ...(this.followUpsOpen() && record.agreementForm === 'written' ? [{ key: 'judicial', label: 'disputes.judicialConfirmation' as TKey, run: () => this.judicialConfirmation() }] : []),
    ];
  });
  protected readonly stepFields = (step: WorkflowStep) => disputeStepInputs(step.requires, this.record()!, this.officers(), this.t);
  /** The written agreement (.docx) holds full personal data: only for holders of personal.unmask. */
  protected readonly agreementHref = computed(() => {
    const record = this.record();
    if (!record || record.agreementForm !== 'written' || !this.auth.hasAny(['personal.unmask'])) return null;
    return this.api.at(record.id, 'agreement.docx');
  });
  /** The facts card: what is known of the dispute so far, its outcome once there is one. */
  protected readonly facts = computed<RecordFact[]>(() => {
    const r = this.record();
    if (!r) return [];
    const party = r.parties.find((p) => p.id === r.refusingPartyId);
    const [j, e] = [r.judicialConfirmation, r.escalation];
    const then = (field: unknown, facts: RecordFact[]) => (field ? facts : []);
    return [
      { label: 'record.town', value: r.townName },
      { label: 'record.village', value: r.villageName },
      { label: 'disputes.occurredOn', value: r.occurredOn },
      { label: 'disputes.registeredAt', value: formatInstant(r.registeredAt, this.auth.me()?.timeZone ?? DEFAULT_TIME_ZONE) || null },
      { label: 'disputes.source', value: DISPUTE_SOURCE_LABELS[r.source] },
      { label: 'disputes.category', value: DISPUTE_CATEGORY_LABELS[r.category] },
      { label: 'disputes.place', value: r.place },
      { label: 'disputes.acceptedOn', value: r.acceptedOn },
      wideFact('disputes.mediators', r.mediatorNames.join('、') || null),
      wideFact('disputes.summary', r.summary),
      ...then(r.refusedOn, [
        { label: 'disputes.refusedOn', value: r.refusedOn },
        { label: 'disputes.refusingParty', value: party ? `${DISPUTE_PARTY_ROLE_LABELS[party.role]} · ${this.partyShown(party, 'name')}` : null },
        wideFact('disputes.refusalReason', r.refusalReason),
      ]),
      ...then(r.agreedOn, [
        { label: 'disputes.agreedOn', value: r.agreedOn },
        { label: 'disputes.agreementForm', value: r.agreementForm && AGREEMENT_FORM_LABELS[r.agreementForm] },
        wideFact('disputes.terms', r.terms),
        { label: 'disputes.performanceManner', value: r.performanceManner },
        { label: 'disputes.performanceDeadline', value: r.performanceDeadline },
      ]),
      ...then(r.terminatedOn, [
        { label: 'disputes.terminatedOn', value: r.terminatedOn },
        { label: 'disputes.referralRoute', value: r.referralRoute && REFERRAL_ROUTE_LABELS[r.referralRoute] },
        wideFact('disputes.terminationReason', r.terminationReason),
      ]),
      ...then(j, [wideFact('disputes.judicialConfirmation', j && dotted(j.appliedOn, j.court, JUDICIAL_RESULT_LABELS[j.result], j.decidedOn, j.caseNo), 'dispute-judicial')]),
      ...then(e, [wideFact('disputes.escalation', e && dotted(e.escalatedOn, ESCALATION_LEVEL_LABELS[e.level], ESCALATION_KIND_LABELS[e.kind], e.note), 'dispute-escalation')]),
      wideFact('record.remark', r.remark),
    ];
  });

  protected partyShown(party: DisputePartyDto, field: keyof PartyFields): string {
    const plain = this.unmasked().get(party.id);
    return (plain && field in plain ? plain[field] : party[field]) ?? '—';
  }

  protected readonly timeline = computed(() => {
    const record = this.record();
    if (!record) return [];
    const zone = this.auth.me()?.timeZone ?? DEFAULT_TIME_ZONE;
    return byTime([
      ...statusEntries(DISPUTE_VIEW, record.history, zone, this.i18n.pick, (to) => (to === 'terminated' || to === 'refused' ? 'red' : 'blue')),
      ...record.sessions.map((s) => datedEntry(`s-${s.id}`, s.date, `${this.t('disputes.session')} · ${s.place}`, s.record, 'gray')),
      ...record.followUps.map((f) =>
        datedEntry(
          `f-${f.id}`,
          f.date,
          `${this.t('disputes.followUp')} · ${PERFORMANCE_STATUS_LABELS[f.performance]}`,
          `${f.visitor}：${SATISFACTION_LABELS[f.satisfaction]}${f.note ? ' · ' + f.note : ''}`,
          'green',
        ),
      ),
    ]);
  });

  protected unmaskedParties({ version, answer }: { version: number; answer: DisputeTypes['unmasked'] }): void {
    this.unmaskedAt.set({ version, parties: new Map(answer.parties.map(({ id, ...fields }) => [id, fields])) });
  }

  /** Mediators come from the officers in office today (the API refuses the others). */
  protected stepOpened(step: WorkflowStep): void {
    const record = this.record();
    if (record && step.requires.includes('mediatorIds') && this.officers().length === 0) {
      const today = plainDateInZone(new Date(), this.auth.me()?.timeZone ?? DEFAULT_TIME_ZONE);
      this.peaceOfficers.list({ townId: record.townId, activeOn: today, sort: 'village', pageSize: 100 }).subscribe((page) => this.officers.set(page.items));
    }
  }

  /* ---------- the dispute's parts ---------- */

  /**
   * Opens one of the dispute's small forms, `title` and `fields` from the record as it is; `send`
   * is the record's part that takes the data with the version (`sessions`…), or the request itself.
   */
  private open(key: string, title: TKey, done: TKey, fields: StepInput[], send: string | PartForm<DisputeDetailDto | DisputeDto>['send']): void {
    const record = this.record()!;
    this.forms.show(this.t(title), fields, typeof send === 'string' ? (data) => this.api.change(record.id, send, { version: record.version, ...data }) : send, key, this.t(done));
  }

  /** Raising or lowering the risk level (a group-incident warning needs the police informed, Art 25). */
  protected openRisk(): void {
    const warning = (values: Record<string, unknown>) => values['level'] === 'group_incident';
    this.open(
      'risk',
      'disputes.riskTitle',
      'disputes.riskSaved',
      [
        this.field('level', 'disputes.riskLevel', 'select', { options: options(DISPUTE_RISK_LABELS), initial: this.record()!.riskLevel === 'group_incident' ? 'normal' : 'group_incident' }),
        this.field('reason', 'disputes.riskReason', 'textarea', { max: 500 }),
        this.field('policeInformedOn', 'disputes.policeInformedOn', 'date', { shownWhen: warning }),
        this.field('policeUnit', 'disputes.policeUnit', 'text', { max: 100, shownWhen: warning }),
        this.field('measures', 'disputes.measures', 'textarea', { optional: true, max: 500 }),
      ],
      'risk',
    );
  }

  private partyInputs(party?: DisputePartyDto): StepInput[] {
    const placeholder = party ? this.t('disputes.keepBlank') : undefined;
    const text = (name: keyof PartyFields, key: TKey, optional: boolean, max: number) => this.field(name, key, 'text', { optional, max, placeholder });
    return [
      this.field('role', 'disputes.partyRole', 'select', { options: options(DISPUTE_PARTY_ROLE_LABELS), initial: party?.role ?? null }),
      text('name', 'disputes.partyName', !!party, 50),
      text('idNumber', 'disputes.partyIdNumber', true, 18),
      text('phone', 'disputes.partyPhone', true, 20),
      text('address', 'disputes.partyAddress', true, 200),
    ];
  }

  protected addParty(): void {
    this.open('party', 'disputes.addParty', 'disputes.partySaved', this.partyInputs(), 'parties');
  }

  /** Blank personal fields stay as they are (the form never shows them in full). */
  protected editParty(party: DisputePartyDto): void {
    const { id, version } = this.record()!;
    this.open('party-edit', 'disputes.editParty', 'disputes.partySaved', this.partyInputs(party), (data) => this.api.updateParty(id, party.id, { version, ...data }));
  }

  /** Removes a party or a session (`parties/:id`, `sessions/:id`). */
  protected removePart(part: string): void {
    const record = this.record()!;
    this.api.remove(record.id, part, record.version).subscribe((detail) => {
      this.record.set(detail);
      this.message.success(this.t('disputes.removed'));
    });
  }

  protected addSession(): void {
    this.open(
      'session',
      'disputes.addSession',
      'disputes.sessionSaved',
      [
        this.field('date', 'disputes.sessionDate', 'date'),
        this.field('place', 'disputes.place', 'text', { initial: this.record()!.place ?? '' }),
        this.field('attendees', 'disputes.attendees', 'text', { max: 500 }),
        this.field('record', 'disputes.sessionRecord', 'textarea', { max: 5000 }),
      ],
      'sessions',
    );
  }

  protected addFollowUp(): void {
    this.open(
      'follow-up',
      'disputes.addFollowUp',
      'disputes.followUpSaved',
      [
        this.field('date', 'disputes.followUpDate', 'date'),
        this.field('visitor', 'disputes.visitor', 'text', { max: 50, initial: this.auth.me()?.displayName ?? '' }),
        this.field('performance', 'disputes.performanceStatus', 'select', { options: options(PERFORMANCE_STATUS_LABELS) }),
        this.field('satisfaction', 'disputes.satisfaction', 'select', { options: options(SATISFACTION_LABELS) }),
        this.field('newRisk', 'disputes.newRisk', 'switch'),
        this.field('note', 'record.remark', 'textarea', { optional: true, max: 1000 }),
      ],
      'follow-ups',
    );
  }

  protected editFacts(): void {
    const record = this.record()!;
    this.open(
      'facts',
      'disputes.editFacts',
      'disputes.factsSaved',
      [
        this.field('occurredOn', 'disputes.occurredOn', 'date', { initial: fromPlainDate(record.occurredOn) }),
        this.field('source', 'disputes.source', 'select', { options: options(DISPUTE_SOURCE_LABELS), initial: record.source }),
        this.field('category', 'disputes.category', 'select', { options: options(DISPUTE_CATEGORY_LABELS), initial: record.category }),
        this.field('summary', 'disputes.summary', 'textarea', { initial: record.summary }),
        this.field('place', 'disputes.place', 'text', { optional: true, initial: record.place ?? '' }),
        this.field('remark', 'record.remark', 'textarea', { optional: true, max: 500, initial: record.remark ?? '' }),
      ],
      // An emptied optional field is sent as null, so that it is cleared rather than kept.
      (data) => this.api.update(record.id, { version: record.version, ...data, place: data['place'] ?? null, remark: data['remark'] ?? null }),
    );
  }

  protected escalate(): void {
    const e = this.record()!.escalation;
    this.open(
      'escalation',
      'disputes.escalate',
      'disputes.escalationSaved',
      [
        this.field('escalatedOn', 'disputes.escalatedOn', 'date', { initial: e ? fromPlainDate(e.escalatedOn) : undefined }),
        this.field('level', 'disputes.escalationLevel', 'select', { options: options(ESCALATION_LEVEL_LABELS), initial: e?.level ?? null }),
        this.field('kind', 'disputes.escalationKind', 'select', { options: options(ESCALATION_KIND_LABELS), initial: e?.kind ?? null }),
        this.field('note', 'record.remark', 'textarea', { optional: true, max: 500, initial: e?.note ?? '' }),
      ],
      'escalation',
    );
  }

  /** Judicial confirmation of a written agreement (Art 33: applied for within 30 days). */
  protected judicialConfirmation(): void {
    const j = this.record()!.judicialConfirmation;
    this.open(
      'judicial',
      'disputes.judicialConfirmation',
      'disputes.judicialSaved',
      [
        this.field('appliedOn', 'disputes.judicialAppliedOn', 'date', { initial: j ? fromPlainDate(j.appliedOn) : undefined }),
        this.field('court', 'disputes.court', 'text', { max: 100, initial: j?.court ?? '' }),
        this.field('result', 'disputes.judicialResult', 'select', { options: options(JUDICIAL_RESULT_LABELS), initial: j?.result ?? 'pending' }),
        this.field('decidedOn', 'disputes.judicialDecidedOn', 'date', { optional: true, initial: fromPlainDate(j?.decidedOn) }),
        this.field('caseNo', 'disputes.judicialCaseNo', 'text', { optional: true, max: 100, initial: j?.caseNo ?? '' }),
      ],
      'judicial-confirmation',
    );
  }

  /** Extending the mediation period names its approver: one of the town's leaders. */
  protected extendDeadline(): void {
    this.api
      .approvers(this.record()!.id)
      .subscribe((approvers) =>
        this.open(
          'extend',
          'disputes.extendDeadline',
          'disputes.deadlineExtended',
          [
            this.field('days', 'disputes.extendDays', 'number', { min: 1, max: 366 }),
            this.field('reason', 'disputes.extendReason', 'textarea', { max: 500 }),
            this.field('approvedBy', 'disputes.approvedBy', 'select', { options: approvers.map((a) => ({ value: a.id, label: a.name })), empty: this.t('disputes.noApprovers') }),
          ],
          'deadline/extend',
        ),
      );
  }
}
