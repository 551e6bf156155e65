import { Injectable } from '@nestjs/common';
import {
  DEFAULT_MEDIATION_PERIOD,
  DISPUTE_AGREEMENT_STATUSES,
  DISPUTE_CLOSED_STATUSES,
  DISPUTE_STATUS_LABELS,
  DISPUTE_TRANSITIONS,
  JUDICIAL_CONFIRMATION_DAYS,
  MEDIATION_DEADLINE_KIND,
  MEDIATION_PERIOD_SETTING,
  Page,
} from '@fazhi/contracts';
import type {
  UserChoiceDto,
  DisputeDetailDto,
  DisputeDto,
  DisputeFollowUpDto,
  DisputePartyDto as PartyDto,
  DisputeSessionDto,
  DisputeStatus,
  DisputeWarningListItem,
  MediationPeriod,
} from '@fazhi/contracts';
import { EntityManager } from 'typeorm';
import { Principal } from '../access/principal';
import { BilingualFieldError, invalidField, invalidFields, notFound } from '../common/app-exception';
import { pageOf, toPage } from '../common/pagination';
import { addCalendarDays, addMonths, calendarDaysBetween } from '../ledger-core/calendar/working-days';
import { deadlineStatus } from '../ledger-core/deadlines/deadline-state';
import { RecordKit, RecordService, StepContext } from '../ledger-core/kit/record-service';
import { PersonalDataService } from '../ledger-core/personal-data/personal-data.service';
import { checkPersonalFields } from '../ledger-core/personal-data/personal-fields';
import { answerOf, columnsOf } from '../ledger-core/kit/fields';
import { partPersonalValues } from '../ledger-core/kit/record-parts';
import { isoOrNull } from '../common/dates';
import { RecordAttachments } from '../ledger-core/record-attachments';
import { recordDtoFields } from '../ledger-core/records';
import { TownSettings } from '../ledger-core/settings/town-settings.service';
import { GuardFailure, Workflow } from '../ledger-core/status/transitions';
import { NotificationsService } from '../notifications/notifications.service';
import { PeaceOfficerService } from './peace-officers/peace-officer.service';
import {
  AGREEMENT,
  DeadlineExtendDto,
  DisputeCreateDto,
  DisputeListQuery,
  DisputeStepData,
  DisputeUnmaskDto,
  DisputeUpdateDto,
  EscalationDto,
  JudicialConfirmationInputDto,
  MediationPeriodDto,
  OUTCOME,
  REGISTRATION,
  RiskChangeDto,
  WarningListQuery,
} from './dispute.dto';
import { DISPUTE_FIELDS } from './dispute.entities';
import { dateInFuture, FOLLOW_UPS, future, PARTIES, SESSIONS } from './dispute.parts';
import { DisputeFilter, DisputeRepository, DisputeRow, LEDGER } from './dispute.repository';

type GuardContext = StepContext<DisputeRow, DisputeStepData>;

const inFuture = (zh: string, en: string): GuardFailure => ({ code: 'DATE_IN_FUTURE', message: { zh: `${zh}不能晚于今天`, en: `The ${en} cannot be in the future` } });

/** Fields stored as they are (the registration's fields but the village and the mediators). */
export const PLAIN = REGISTRATION.filter((k): k is Exclude<typeof k, 'villageId' | 'mediatorIds'> => k !== 'villageId' && k !== 'mediatorIds');

/** The answer's fields read from the row as they are, in the answer's order. */
const rowFields = answerOf<DisputeRow>();
const REGISTERED = rowFields(['occurredOn', 'source', 'category', 'summary', 'place', 'riskLevel']);
const MEDIATION = rowFields(['mediatorIds', 'mediatorNames', 'acceptedOn', ...OUTCOME, 'followUpCount']);
const ARCHIVE = rowFields(['archivedOn', 'archiveNo']);
const stepFields = (keys: readonly (keyof DisputeStepData & keyof typeof DISPUTE_FIELDS)[]) => (d: DisputeStepData) => columnsOf(DISPUTE_FIELDS, keys, d, true);

/** Columns each step sets besides the status (accepting also names the mediators and opens the mediation period). */
const STEP_COLUMNS: Partial<Record<DisputeStatus, (d: DisputeStepData, row: DisputeRow) => Record<string, unknown>>> = {
  accepted: stepFields(['acceptedOn']),
  refused: stepFields(['refusedOn', 'refusingPartyId', 'refusalReason']),
  agreed: (d, row) => ({ ...stepFields(['agreementForm', 'agreedOn', ...AGREEMENT])(d), facts: d.facts ?? row.summary, performance_status: 'pending' }),
  terminated: stepFields(['terminatedOn', 'terminationReason', 'referralRoute', 'referralNote']),
  performing: (_, row) => ({ performance_status: row.performanceStatus === 'pending' || row.performanceStatus === null ? 'in_progress' : row.performanceStatus }),
  followed_up: stepFields(['performanceStatus']),
  archived: (d, row) => ({ archived_on: d.archivedOn, archive_no: d.archiveNo ?? row.number }),
};

/** The dispute mediation ledger's rules (DOMAIN.md §3.2); the record work is the kit's. */
@Injectable()
export class DisputeService extends RecordService<DisputeStatus, DisputeRow, DisputeFilter, DisputeDto, DisputeDetailDto, DisputeStepData> {
  constructor(
    kit: RecordKit,
    private readonly repo: DisputeRepository,
    private readonly personal: PersonalDataService,
    private readonly settings: TownSettings,
    private readonly officers: PeaceOfficerService,
    private readonly notifications: NotificationsService,
    private readonly attachments: RecordAttachments,
  ) {
    super(kit, repo, {
      ledger: LEDGER,
      initial: 'registered',
      closedStatuses: DISPUTE_CLOSED_STATUSES,
      notFound: { zh: '矛盾纠纷不存在', en: 'Dispute not found' },
      wrongStateCode: 'DISPUTE_WRONG_STATE',
    });
  }

  /* ---------- answers ---------- */

  /** The answer, built in one object in its keys' order. */
  toDto(r: DisputeRow, parties: PartyDto[]): DisputeDto {
    const dto = recordDtoFields<DisputeStatus>(r) as DisputeDto;
    REGISTERED(r, dto);
    dto.warning = r.warningRaisedAt
      ? {
          raisedAt: new Date(r.warningRaisedAt).toISOString(),
          reason: r.warningReason ?? '',
          policeInformedOn: r.policeInformedOn ?? '',
          policeUnit: r.policeUnit ?? '',
          measures: r.warningMeasures,
          resolvedAt: isoOrNull(r.warningResolvedAt),
          resolution: r.warningResolution,
        }
      : null;
    dto.parties = parties;
    MEDIATION(r, dto);
    dto.judicialConfirmation = r.jcAppliedOn ? { appliedOn: r.jcAppliedOn, court: r.jcCourt ?? '', result: r.jcResult ?? 'pending', decidedOn: r.jcDecidedOn, caseNo: r.jcCaseNo } : null;
    dto.escalation = r.escalatedOn ? { escalatedOn: r.escalatedOn, level: r.escalationLevel!, kind: r.escalationKind!, note: r.escalationNote } : null;
    ARCHIVE(r, dto);
    dto.deadline = r.deadlineDue
      ? deadlineStatus({ kind: r.deadlineKind!, dueDate: r.deadlineDue, pausedFrom: r.deadlinePausedFrom, doneAt: r.deadlineDoneAt, provisional: r.deadlineProvisional === true }, this.today(r))
      : null;
    return dto;
  }

  /** Turns the list query into repository filters (party searches go through the blind index). */
  filter(query: DisputeListQuery): DisputeFilter {
    const indexed = this.personal.indexSearch<DisputeListQuery, DisputeFilter>(query, {
      partyName: ['partyNameIdx', 'name'],
      partyIdNumber: ['partyIdNumberIdx', 'idNumber'],
      partyPhone: ['partyPhoneIdx', 'phone'],
    });
    return { ...indexed, now: this.kit.clock.now() };
  }

  async dtos(rows: DisputeRow[], opts: { unmasked?: boolean; em?: EntityManager } = {}): Promise<DisputeDto[]> {
    const parties = await this.partAnswers<PartyDto>(PARTIES, rows, opts);
    return rows.map((r) => this.toDto(r, parties.get(r.id)!));
  }

  /** Disputes under a group-incident warning, newest first (leaders' warning list). */
  async warnings(principal: Principal, query: WarningListQuery): Promise<Page<DisputeWarningListItem>> {
    const { page, pageSize, offset } = pageOf(query);
    const filter: DisputeFilter = { townId: query.townId, voided: 'false', warning: query.active === 'false' ? 'any' : 'active', sort: 'warningRaisedAt', order: 'desc' };
    const { rows, total } = await this.repo.list(principal.scope, filter, { offset, limit: pageSize });
    const items = rows.map((r): DisputeWarningListItem => {
      const dto = this.toDto(r, []);
      return {
        id: r.id,
        number: r.number,
        townId: r.townId,
        townName: r.townName,
        villageName: r.villageName,
        category: r.category,
        summary: r.summary,
        status: dto.status,
        riskLevel: r.riskLevel,
        warning: dto.warning!,
        mediatorNames: r.mediatorNames,
      };
    });
    return toPage(items, total, page, pageSize);
  }

  async get(principal: Principal, id: string): Promise<DisputeDetailDto> {
    const row = await this.visible(principal, id);
    const { history, deadlines } = this.kit;
    const [parties, sessions, followUps, steps, attachments, periods] = await Promise.all([
      this.partAnswers<PartyDto>(PARTIES, [row]),
      this.partAnswers<DisputeSessionDto>(SESSIONS, [row]),
      this.partAnswers<DisputeFollowUpDto>(FOLLOW_UPS, [row]),
      history.list(LEDGER, id, row.townId),
      this.attachments.list(LEDGER, id, row.townId),
      deadlines.forRecord(LEDGER, id, row.townId),
    ]);
    const period = periods.filter((d) => d.kind === MEDIATION_DEADLINE_KIND).at(-1);
    return Object.assign(this.toDto(row, parties.get(id)!), {
      sessions: sessions.get(id)!,
      followUps: followUps.get(id)!,
      history: steps,
      attachments,
      deadlineDetail: period ? deadlines.detail(period, this.today(row)) : null,
      transitions: this.transitions(row, principal),
    });
  }

  /* ---------- registration and edits ---------- */

  async create(principal: Principal, dto: DisputeCreateDto): Promise<DisputeDto> {
    const place = await this.kit.places.placeOf(principal, dto.townId ?? undefined, dto.villageId ?? null);
    const parties = dto.parties ?? [];
    checkPersonalFields(parties.flatMap((p, i) => partPersonalValues(PARTIES, p, `parties[${i}].`)));
    return this.createRecord(principal, place, {
      columns: async (em, today) => {
        if (dto.occurredOn > today) throw dateInFuture('occurredOn');
        const mediatorIds = dto.mediatorIds?.length ? await this.officers.checkMediators(em, place.townId, dto.mediatorIds, today) : [];
        return { ...columnsOf(DISPUTE_FIELDS, PLAIN, dto, true), risk_level: dto.riskLevel ?? 'normal', mediator_ids: mediatorIds };
      },
      then: async (em, id) => {
        for (const [i, p] of parties.entries()) await this.insertPart(em, principal, PARTIES, place.townId, id, p, i);
      },
    });
  }

  update(principal: Principal, id: string, dto: DisputeUpdateDto): Promise<DisputeDto> {
    return this.updateRecord(principal, id, dto.version, async (em, before) => {
      const set: Record<string, unknown> = {};
      if (dto.villageId !== undefined) set.village_id = (await this.kit.places.placeOf(principal, before.townId, dto.villageId)).villageId;
      Object.assign(set, columnsOf(DISPUTE_FIELDS, PLAIN, dto));
      const changesAgreement = AGREEMENT.some((field) => dto[field] !== undefined);
      if (changesAgreement && before.status !== 'agreed') {
        throw this.wrongState({ zh: '只有刚达成协议、尚未进入履行时才能修改协议内容', en: 'The agreement can be corrected only before its performance starts' });
      }
      Object.assign(set, columnsOf(DISPUTE_FIELDS, AGREEMENT, dto));
      const deadline = dto.performanceDeadline ?? before.performanceDeadline;
      if (changesAgreement && deadline && before.agreedOn && deadline < before.agreedOn) {
        throw invalidFields([{ path: 'performanceDeadline', code: 'order', message: { zh: '履行期限不能早于达成协议日期', en: 'Must not be before the agreement date' } }]);
      }
      if (dto.mediatorIds !== undefined) Object.assign(set, await this.mediatorColumns(em, principal, before, dto.mediatorIds));
      return set;
    });
  }

  /** Mediators checked against the register; their linked accounts become the handlers and the deadline's assignees. */
  private async mediatorColumns(em: EntityManager, principal: Principal, row: DisputeRow, ids: string[]): Promise<Record<string, unknown>> {
    const mediatorIds = await this.officers.checkMediators(em, row.townId, ids, this.today(row));
    const { userIds } = await this.officers.describe(em, row.townId, mediatorIds);
    const handlers = userIds.length ? userIds : [principal.user.id];
    for (const d of await this.openDeadlines(em, row)) await this.kit.deadlines.assign(em, d.id, handlers);
    return { mediator_ids: mediatorIds, handler_ids: handlers };
  }

  /* ---------- the workflow ---------- */

  protected override async stepColumns(em: EntityManager, principal: Principal, row: DisputeRow, to: DisputeStatus, data: DisputeStepData): Promise<Record<string, unknown>> {
    const set = STEP_COLUMNS[to]?.(data, row) ?? {};
    if (to === 'accepted') {
      Object.assign(set, await this.mediatorColumns(em, principal, row, data.mediatorIds!));
      await this.openMediationPeriod(em, row, data.acceptedOn!, set.handler_ids as string[]);
    }
    if (['refused', 'agreed', 'terminated'].includes(to)) for (const d of await this.openDeadlines(em, row)) await this.kit.deadlines.complete(em, d.id, this.kit.clock.now());
    return set;
  }

  protected override reopenColumns(): Record<string, unknown> {
    return { archived_on: null, archive_no: null };
  }

  protected readonly workflow: Workflow<DisputeStatus, DisputeStepData, GuardContext> = {
    table: DISPUTE_TRANSITIONS,
    labels: DISPUTE_STATUS_LABELS,
    stepData: DisputeStepData,
    guards: {
      partiesRecorded: async (c: GuardContext): Promise<GuardFailure | null> => {
        if (c.data.acceptedOn! > c.today) return inFuture('受理日期', 'acceptance date');
        return (await this.repo.partCount(c.em, PARTIES, c.row)) >= 2
          ? null
          : { code: 'PARTIES_REQUIRED', message: { zh: '受理前请登记至少两方当事人', en: 'Record at least two parties before accepting' } };
      },
      refusingParty: async (c: GuardContext): Promise<GuardFailure | null> => {
        if (c.data.refusedOn! > c.today) return inFuture('拒绝调解日期', 'refusal date');
        const parties = (await this.repo.parts(PARTIES, [c.row], c.em)).get(c.row.id)!;
        return parties.some((p) => p.id === c.data.refusingPartyId)
          ? null
          : { code: 'PARTY_NOT_FOUND', message: { zh: '拒绝调解的一方须为本纠纷的当事人', en: 'The refusing party must be a party of the dispute' } };
      },
      agreementReached: async (c: GuardContext): Promise<GuardFailure | null> => {
        const d = c.data;
        if (d.agreedOn! > c.today) return inFuture('达成协议日期', 'agreement date');
        if (c.row.acceptedOn && d.agreedOn! < c.row.acceptedOn) return { code: 'DATE_ORDER', message: { zh: '达成协议日期不能早于受理日期', en: 'The agreement cannot precede the acceptance' } };
        if (d.performanceDeadline! < d.agreedOn!) return { code: 'DATE_ORDER', message: { zh: '履行期限不能早于达成协议日期', en: 'The performance deadline cannot precede the agreement' } };
        return this.sessionFailure(c);
      },
      mediationAttempted: (c: GuardContext): Promise<GuardFailure | null> => {
        if (c.data.terminatedOn! > c.today) return Promise.resolve(inFuture('终止日期', 'termination date'));
        return this.sessionFailure(c);
      },
      hasFollowUp: async (c: GuardContext): Promise<GuardFailure | null> =>
        (await this.repo.partCount(c.em, FOLLOW_UPS, c.row)) > 0 ? null : { code: 'FOLLOW_UP_REQUIRED', message: { zh: '请先记录回访', en: 'Record a follow-up visit first' } },
    },
  };

  private async sessionFailure(c: GuardContext): Promise<GuardFailure | null> {
    return (await this.repo.partCount(c.em, SESSIONS, c.row)) > 0 ? null : { code: 'SESSION_REQUIRED', message: { zh: '请先记录至少一次调解', en: 'Record at least one mediation session first' } };
  }

  /* ---------- the mediation period ---------- */

  async mediationPeriod(townId: string, em?: EntityManager) {
    return this.settings.get<MediationPeriod>(townId, MEDIATION_PERIOD_SETTING, DEFAULT_MEDIATION_PERIOD, em);
  }

  async setMediationPeriod(principal: Principal, townId: string | undefined, dto: MediationPeriodDto) {
    const place = await this.kit.places.placeOf(principal, townId, null);
    const { version, ...value } = dto;
    await this.kit.ds.transaction((em) => this.settings.set(em, { townId: place.townId, key: MEDIATION_PERIOD_SETTING, value, version, userId: principal.user.id }));
    return this.mediationPeriod(place.townId);
  }

  async mediationPeriodFor(principal: Principal, townId: string | undefined) {
    return this.mediationPeriod((await this.kit.places.placeOf(principal, townId, null)).townId);
  }

  /** Opens the mediation period from the acceptance date: one month by default, or the town's setting. */
  private async openMediationPeriod(em: EntityManager, row: DisputeRow, acceptedOn: string, assigneeIds: string[]): Promise<void> {
    const { value } = await this.mediationPeriod(row.townId, em);
    const days = value.unit === 'month' ? calendarDaysBetween(acceptedOn, addMonths(acceptedOn, value.amount)) : value.amount;
    await this.kit.deadlines.open(em, {
      townId: row.townId,
      villageId: row.villageId,
      ledger: LEDGER,
      recordId: row.id,
      kind: MEDIATION_DEADLINE_KIND,
      title: `${row.number} 调解期限`,
      days,
      unit: value.unit === 'working' ? 'working' : 'calendar',
      startDate: acceptedOn,
      assigneeIds,
    });
  }

  private async openDeadlines(em: EntityManager, row: DisputeRow) {
    return (await this.kit.deadlines.forRecord(LEDGER, row.id, row.townId, em)).filter((d) => d.kind === MEDIATION_DEADLINE_KIND && !d.doneAt);
  }

  /** Who may approve extending the dispute's mediation period: the leaders its warnings reach. */
  async deadlineApprovers(principal: Principal, id: string): Promise<UserChoiceDto[]> {
    return this.warnedLeaders(this.kit.ds.manager, await this.visible(principal, id));
  }

  /** The leaders a warning on the dispute reaches (and who may approve extending its period). */
  private warnedLeaders(em: EntityManager, row: DisputeRow): Promise<UserChoiceDto[]> {
    return this.notifications.recipientsWithPermission(em, { townId: row.townId, villageId: row.villageId, permission: 'dispute.warning' });
  }

  /** Extends the open mediation period with the approver (one of `deadlineApprovers`) and the reason. */
  extendDeadline(principal: Principal, id: string, dto: DeadlineExtendDto): Promise<DisputeDetailDto> {
    let open: { id: string } | undefined;
    return this.change(principal, id, {
      version: dto.version,
      columns: async (em, row) => {
        [open] = await this.openDeadlines(em, row);
        if (!open) throw this.wrongState({ zh: '没有进行中的调解期限', en: 'No mediation period is running' });
        if (!(await this.warnedLeaders(em, row)).some((a) => a.id === dto.approvedBy)) {
          throw invalidField('approvedBy', 'approver', {
            zh: '批准人须为能接收本纠纷预警的领导，请从列表中选择',
            en: 'The approver must be a leader who receives this dispute’s warnings; choose one from the list',
          });
        }
        return {};
      },
      then: async (em) => {
        await this.kit.deadlines.extend(em, open!.id, { days: dto.days, reason: dto.reason, approvedBy: dto.approvedBy });
      },
    });
  }

  /* ---------- warnings, escalation, judicial confirmation ---------- */

  /**
   * Changes the risk level. Raising to a group-incident warning needs the reason and the report to
   * the police (Art 25) and tells the town's leaders at once; lowering it records how it was handled.
   */
  changeRisk(principal: Principal, id: string, dto: RiskChangeDto): Promise<DisputeDetailDto> {
    const raising = dto.level === 'group_incident';
    return this.change(principal, id, {
      version: dto.version,
      columns: (_em, row) => {
        if (row.riskLevel === dto.level) throw this.wrongState({ zh: '风险等级没有变化', en: 'The risk level is unchanged' });
        const now = this.kit.clock.now();
        const set: Record<string, unknown> = { risk_level: dto.level, updated_at: now };
        if (raising) {
          const errors: BilingualFieldError[] = [];
          if (!dto.policeInformedOn)
            errors.push({
              path: 'policeInformedOn',
              code: 'required',
              message: { zh: '群体性事件预警须报告公安机关，请填写报告日期', en: 'A group-incident warning must be reported to the police: give the date' },
            });
          if (!dto.policeUnit) errors.push({ path: 'policeUnit', code: 'required', message: { zh: '请填写接报的公安机关', en: 'Name the police unit informed' } });
          if (errors.length) throw invalidFields(errors);
          if (dto.policeInformedOn! > this.today(row)) throw dateInFuture('policeInformedOn');
          Object.assign(set, {
            warning_raised_at: now,
            warning_reason: dto.reason,
            police_informed_on: dto.policeInformedOn,
            police_unit: dto.policeUnit,
            warning_measures: dto.measures ?? null,
            warning_resolved_at: null,
            warning_resolution: null,
          });
        } else if (row.riskLevel === 'group_incident') {
          Object.assign(set, { warning_resolved_at: now, warning_resolution: dto.reason });
        }
        return set;
      },
      then: async (em, row) => {
        await this.auditRecord(em, row, 'risk', {
          before: { riskLevel: row.riskLevel },
          after: { riskLevel: dto.level, reason: dto.reason, policeInformedOn: dto.policeInformedOn ?? null, policeUnit: dto.policeUnit ?? null, measures: dto.measures ?? null },
        });
        if (!raising) return;
        const recipients = await this.warnedLeaders(em, row);
        await this.notifications.notify(em, {
          townId: row.townId,
          recipientIds: recipients.map((r) => r.id),
          kind: 'dispute-warning',
          title: `群体性事件预警:${row.number}`,
          body: `${row.villageName ?? row.townName} ${row.summary.slice(0, 80)}。预警原因:${dto.reason}。已于 ${dto.policeInformedOn} 报告${dto.policeUnit}。`,
          link: `/disputes/${id}`,
          ledger: LEDGER,
          recordId: id,
        });
      },
    });
  }

  /** Records that the dispute went beyond the town (a flag with date and level). */
  escalate(principal: Principal, id: string, dto: EscalationDto): Promise<DisputeDetailDto> {
    return this.change(principal, id, {
      version: dto.version,
      columns: (_em, row) => {
        if (dto.escalatedOn > this.today(row)) throw dateInFuture('escalatedOn');
        return { escalated_on: dto.escalatedOn, escalation_level: dto.level, escalation_kind: dto.kind, escalation_note: dto.note ?? null };
      },
      then: (em, row) =>
        this.auditRecord(em, row, 'escalate', {
          before: row.escalatedOn ? { escalatedOn: row.escalatedOn, level: row.escalationLevel, kind: row.escalationKind } : null,
          after: { escalatedOn: dto.escalatedOn, level: dto.level, kind: dto.kind, note: dto.note ?? null },
        }),
    });
  }

  /** Judicial confirmation (Art 33): applied for within 30 days of a written agreement taking effect. */
  judicialConfirmation(principal: Principal, id: string, dto: JudicialConfirmationInputDto): Promise<DisputeDetailDto> {
    return this.change(principal, id, {
      version: dto.version,
      columns: (_em, row) => {
        if (!DISPUTE_AGREEMENT_STATUSES.includes(row.status as DisputeStatus) || row.agreementForm !== 'written') {
          throw this.wrongState({ zh: '只有书面调解协议才能申请司法确认', en: 'Only a written agreement can be judicially confirmed' });
        }
        const errors: BilingualFieldError[] = [];
        if (dto.appliedOn > this.today(row)) errors.push(future('appliedOn'));
        if (dto.appliedOn < row.agreedOn! || dto.appliedOn > addCalendarDays(row.agreedOn!, JUDICIAL_CONFIRMATION_DAYS)) {
          errors.push({
            path: 'appliedOn',
            code: 'period',
            message: { zh: `须在调解协议生效之日起${JUDICIAL_CONFIRMATION_DAYS}日内申请`, en: `Must be within ${JUDICIAL_CONFIRMATION_DAYS} days of the agreement` },
          });
        }
        if (dto.decidedOn && dto.decidedOn < dto.appliedOn) errors.push({ path: 'decidedOn', code: 'order', message: { zh: '确认日期不能早于申请日期', en: 'Must not be before the application' } });
        if (errors.length) throw invalidFields(errors);
        return { jc_applied_on: dto.appliedOn, jc_court: dto.court, jc_result: dto.result ?? 'pending', jc_decided_on: dto.decidedOn ?? null, jc_case_no: dto.caseNo ?? null };
      },
      then: (em, row) => {
        const { version: _v, ...after } = dto;
        return this.auditRecord(em, row, 'judicial-confirmation', { before: row.jcAppliedOn ? { appliedOn: row.jcAppliedOn, result: row.jcResult } : null, after });
      },
    });
  }

  /** The parties' personal data in full (audited). */
  async unmask(principal: Principal, id: string, dto: DisputeUnmaskDto): Promise<{ parties: Partial<PartyDto>[] }> {
    const row = await this.visible(principal, id);
    const parties = (await this.partAnswers<PartyDto>(PARTIES, [row], { unmasked: true })).get(id)!.filter((p) => !dto.partyId || p.id === dto.partyId);
    if (dto.partyId && parties.length === 0) throw notFound(PARTIES.notFound);
    await this.auditUnmask(row, { partyId: dto.partyId ?? null, fields: dto.fields, reason: dto.reason });
    return { parties: parties.map((p) => ({ id: p.id, ...Object.fromEntries(dto.fields.map((f) => [f, p[f]])) })) };
  }
}
