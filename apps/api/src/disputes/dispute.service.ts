import { Injectable } from '@nestjs/common';
import {
  availableTransitions,
  DEFAULT_MEDIATION_PERIOD,
  DISPUTE_AGREEMENT_STATUSES,
  DISPUTE_CLOSED_STATUSES,
  DISPUTE_MEDIATION_OPEN_STATUSES,
  DISPUTE_SESSION_STATUSES,
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
  DisputePartyDto as PartyDto,
  DisputeStatus,
  DisputeWarningListItem,
  MediationPeriod,
} from '@fazhi/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '../access/principal';
import { AuditService } from '../audit/audit.service';
import { AppException, BilingualFieldError, invalidField, invalidFields, notFound, staleVersion } from '../common/app-exception';
import { Clock } from '../common/clock';
import { pageOf, toPage } from '../common/pagination';
import { addCalendarDays, addMonths, calendarDaysBetween } from '../ledger-core/calendar/working-days';
import { deadlineStatus } from '../ledger-core/deadlines/deadline-state';
import { DeadlinesService } from '../ledger-core/deadlines/deadlines.service';
import { NumberingService } from '../ledger-core/numbering/numbering.service';
import { PersonalDataService } from '../ledger-core/personal-data/personal-data.service';
import { checkPersonalFields, maskPersonalValue } from '../ledger-core/personal-data/personal-fields';
import { RecordAttachments, RecordHandle } from '../ledger-core/record-attachments';
import { RecordPlaces } from '../ledger-core/record-place';
import { isoOrNull } from '../common/dates';
import { assertWritableRecord, recordDtoFields } from '../ledger-core/records';
import { TownSettings } from '../ledger-core/settings/town-settings.service';
import { RecordLifecycle } from '../ledger-core/status/record-lifecycle';
import { StatusHistoryService } from '../ledger-core/status/status-history.service';
import { GuardFailure, openStep, Workflow } from '../ledger-core/status/transitions';
import { plainDateInZone as dateIn } from '@fazhi/contracts';
import { TransitionDto, VoidDto } from '../ledger-core/ledger.dto';
import { NotificationsService } from '../notifications/notifications.service';
import { PeaceOfficerService } from '../peace-officers/peace-officer.service';
import {
  DeadlineExtendDto,
  DisputeCreateDto,
  DisputeListQuery,
  DisputePartyDto,
  DisputeStepData,
  DisputeUnmaskDto,
  DisputeUpdateDto,
  EscalationDto,
  FollowUpCreateDto,
  JudicialConfirmationInputDto,
  MediationPeriodDto,
  PartyCreateDto,
  PartyUpdateDto,
  RiskChangeDto,
  SessionCreateDto,
  WarningListQuery,
} from './dispute.dto';
import { DisputePartyEntity } from './dispute.entities';
import { DisputeFilter, DisputeRepository, DisputeRow, LEDGER } from './dispute.repository';

const NOT_FOUND = { zh: '矛盾纠纷不存在', en: 'Dispute not found' };
const TABLE = 'dispute';
const MEDIATION_OPEN = DISPUTE_MEDIATION_OPEN_STATUSES;
const SESSION_STATES = DISPUTE_SESSION_STATUSES;

interface GuardContext {
  em: EntityManager;
  row: DisputeRow;
  data: DisputeStepData;
  today: string;
}

const wrongState = (what: { zh: string; en: string }) => new AppException(409, 'DISPUTE_WRONG_STATE', what);
const dateInFuture = (path: string) => invalidFields([{ path, code: 'future', message: { zh: '日期不能晚于今天', en: 'The date cannot be in the future' } }]);

@Injectable()
export class DisputeService {
  constructor(
    private readonly ds: DataSource,
    private readonly repo: DisputeRepository,
    private readonly places: RecordPlaces,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly numbering: NumberingService,
    private readonly history: StatusHistoryService,
    private readonly lifecycle: RecordLifecycle,
    private readonly personal: PersonalDataService,
    private readonly deadlines: DeadlinesService,
    private readonly settings: TownSettings,
    private readonly officers: PeaceOfficerService,
    private readonly notifications: NotificationsService,
    private readonly attachments: RecordAttachments,
  ) {}

  /* ---------- answers ---------- */

  partyDto(p: DisputePartyEntity, unmasked = false): PartyDto {
    return {
      id: p.id,
      role: p.role,
      name: maskPersonalValue('name', this.personal.decrypt(p.nameEnc), unmasked),
      idNumber: maskPersonalValue('idNumber', this.personal.decrypt(p.idNumberEnc), unmasked),
      phone: maskPersonalValue('phone', this.personal.decrypt(p.phoneEnc), unmasked),
      address: maskPersonalValue('address', this.personal.decrypt(p.addressEnc), unmasked),
      sortOrder: p.sortOrder,
    };
  }

  toDto(row: DisputeRow, parties: DisputePartyEntity[], unmasked = false): DisputeDto {
    const today = dateIn(this.clock.now(), row.timeZone);
    return {
      ...recordDtoFields<DisputeStatus>(row),
      occurredOn: row.occurredOn,
      source: row.source,
      category: row.category,
      summary: row.summary,
      place: row.place,
      riskLevel: row.riskLevel,
      warning: row.warningRaisedAt
        ? {
            raisedAt: new Date(row.warningRaisedAt).toISOString(),
            reason: row.warningReason ?? '',
            policeInformedOn: row.policeInformedOn ?? '',
            policeUnit: row.policeUnit ?? '',
            measures: row.warningMeasures,
            resolvedAt: isoOrNull(row.warningResolvedAt),
            resolution: row.warningResolution,
          }
        : null,
      parties: parties.map((p) => this.partyDto(p, unmasked)),
      mediatorIds: row.mediatorIds,
      mediatorNames: row.mediatorNames,
      acceptedOn: row.acceptedOn,
      refusedOn: row.refusedOn,
      refusingPartyId: row.refusingPartyId,
      refusalReason: row.refusalReason,
      agreementForm: row.agreementForm,
      agreedOn: row.agreedOn,
      facts: row.facts,
      issues: row.issues,
      responsibilities: row.responsibilities,
      terms: row.terms,
      performanceManner: row.performanceManner,
      performanceDeadline: row.performanceDeadline,
      terminatedOn: row.terminatedOn,
      terminationReason: row.terminationReason,
      referralRoute: row.referralRoute,
      referralNote: row.referralNote,
      performanceStatus: row.performanceStatus,
      followUpCount: row.followUpCount,
      judicialConfirmation: row.jcAppliedOn
        ? { appliedOn: row.jcAppliedOn, court: row.jcCourt ?? '', result: row.jcResult ?? 'pending', decidedOn: row.jcDecidedOn, caseNo: row.jcCaseNo }
        : null,
      escalation: row.escalatedOn ? { escalatedOn: row.escalatedOn, level: row.escalationLevel!, kind: row.escalationKind!, note: row.escalationNote } : null,
      archivedOn: row.archivedOn,
      archiveNo: row.archiveNo,
      deadline: row.deadlineDue ? deadlineStatus({ kind: row.deadlineKind!, dueDate: row.deadlineDue, pausedFrom: row.deadlinePausedFrom, doneAt: row.deadlineDoneAt, provisional: row.deadlineProvisional === true }, today) : null,
    };
  }

  /** Turns the list query into repository filters (party searches go through the blind index). */
  filter(query: DisputeListQuery): DisputeFilter {
    const indexed = this.personal.indexSearch<DisputeListQuery, DisputeFilter>(query, {
      partyName: ['partyNameIdx', 'name'],
      partyIdNumber: ['partyIdNumberIdx', 'idNumber'],
      partyPhone: ['partyPhoneIdx', 'phone'],
    });
    return { ...indexed, now: this.clock.now() };
  }

  async dtos(rows: DisputeRow[], unmasked = false): Promise<DisputeDto[]> {
    const parties = await this.repo.parties(rows.map((r) => r.id));
    return rows.map((r) => this.toDto(r, parties.get(r.id) ?? [], unmasked));
  }

  async list(principal: Principal, query: DisputeListQuery): Promise<Page<DisputeDto>> {
    const { page, pageSize, offset } = pageOf(query);
    const { rows, total } = await this.repo.list(principal.scope, this.filter(query), { offset, limit: pageSize });
    return toPage(await this.dtos(rows), total, page, pageSize);
  }

  /** Disputes under a group-incident warning, newest first (leaders' warning list). */
  async warnings(principal: Principal, query: WarningListQuery): Promise<Page<DisputeWarningListItem>> {
    const { page, pageSize, offset } = pageOf(query);
    const filter: DisputeFilter = { townId: query.townId, voided: 'false', warning: query.active === 'false' ? 'any' : 'active', sort: 'warningRaisedAt', order: 'desc' };
    const { rows, total } = await this.repo.list(principal.scope, filter, { offset, limit: pageSize });
    const items = rows.map((r): DisputeWarningListItem => {
      const dto = this.toDto(r, []);
      return { id: r.id, number: r.number, townId: r.townId, townName: r.townName, villageName: r.villageName, category: r.category, summary: r.summary, status: dto.status, riskLevel: r.riskLevel, warning: dto.warning!, mediatorNames: r.mediatorNames };
    });
    return toPage(items, total, page, pageSize);
  }

  async visible(principal: Principal, id: string, em?: EntityManager, lock = false): Promise<DisputeRow> {
    const row = await this.repo.findInScope(principal.scope, id, em, lock);
    if (!row) throw notFound(NOT_FOUND);
    return row;
  }

  async get(principal: Principal, id: string): Promise<DisputeDetailDto> {
    const row = await this.visible(principal, id);
    const [parties, sessions, followUps, history, attachments, deadlines] = await Promise.all([
      this.repo.parties([id]),
      this.repo.sessions(id),
      this.repo.followUps(id),
      this.history.list(LEDGER, id),
      this.attachments.list(LEDGER, id, row.townId),
      this.deadlines.forRecord(LEDGER, id, row.townId),
    ]);
    const today = dateIn(this.clock.now(), row.timeZone);
    const period = deadlines.filter((d) => d.kind === MEDIATION_DEADLINE_KIND).at(-1);
    return {
      ...this.toDto(row, parties.get(id) ?? []),
      sessions: sessions.map((s) => ({ id: s.id, date: s.date, place: s.place, attendees: s.attendees, record: s.record, createdAt: new Date(s.createdAt).toISOString() })),
      followUps: followUps.map((f) => ({
        id: f.id, date: f.date, visitor: f.visitor, performance: f.performance, satisfaction: f.satisfaction, newRisk: f.newRisk, note: f.note, createdAt: new Date(f.createdAt).toISOString(),
      })),
      history,
      attachments,
      deadlineDetail: period ? this.deadlines.detail(period, today) : null,
      transitions: row.voidedAt
        ? []
        : availableTransitions(DISPUTE_TRANSITIONS, row.status as DisputeStatus, principal.permissions).map((r) => ({ to: r.to, label: r.label, requires: [...(r.requires ?? [])] })),
    };
  }

  private async answer(principal: Principal, id: string): Promise<DisputeDto> {
    const row = (await this.repo.findInScope(principal.scope, id))!;
    return (await this.dtos([row]))[0];
  }

  /* ---------- registration and edits ---------- */

  async create(principal: Principal, dto: DisputeCreateDto): Promise<DisputeDto> {
    const { townId, villageId } = await this.places.placeOf(principal, dto.townId, dto.villageId ?? null);
    const parties = dto.parties ?? [];
    checkPersonalFields(parties.flatMap((p, i) => partyPersonal(p, `parties[${i}].`)));
    const now = this.clock.now();
    const id = randomUUID();
    await this.ds.transaction(async (em) => {
      const today = dateIn(now, await this.timeZoneOf(em, townId));
      if (dto.occurredOn > today) throw dateInFuture('occurredOn');
      const mediatorIds = dto.mediatorIds?.length ? await this.officers.checkMediators(em, townId, dto.mediatorIds, today) : [];
      const { number, year, seq } = await this.numbering.next(em, LEDGER, townId, now);
      await em.query(
        `INSERT INTO dispute (id, town_id, village_id, number, year, seq, status, registered_at, handler_ids, created_at, created_by, updated_at, updated_by, version,
           occurred_on, source, category, summary, place, risk_level, mediator_ids, remark)
         VALUES ($1,$2,$3,$4,$5,$6,'registered',$7,$8,$7,$9,$7,$9,1,$10,$11,$12,$13,$14,$15,$16,$17)`,
        [id, townId, villageId, number, year, seq, now, [principal.user.id], principal.user.id, dto.occurredOn, dto.source, dto.category, dto.summary, dto.place ?? null, dto.riskLevel ?? 'normal', mediatorIds, dto.remark ?? null],
      );
      for (const [i, p] of parties.entries()) await this.insertParty(em, townId, id, p, i, principal.user.id);
      await this.history.record(em, { townId, ledger: LEDGER, recordId: id, from: null, to: 'registered', at: now });
      const after = await this.repo.findInScope(principal.scope, id, em);
      await this.audit.record(em, { action: 'dispute.create', entity: LEDGER, entityId: id, townId, after: this.toDto(after!, (await this.repo.parties([id], em)).get(id)!) });
    });
    return this.answer(principal, id);
  }

  async update(principal: Principal, id: string, dto: DisputeUpdateDto): Promise<DisputeDto> {
    await this.ds.transaction(async (em) => {
      const before = await this.writable(principal, id, em);
      const set: Record<string, unknown> = { updated_at: this.clock.now(), updated_by: principal.user.id };
      if (dto.villageId !== undefined) set.village_id = (await this.places.placeOf(principal, before.townId, dto.villageId)).villageId;
      const plain: [keyof DisputeUpdateDto, string][] = [['occurredOn', 'occurred_on'], ['source', 'source'], ['category', 'category'], ['summary', 'summary'], ['place', 'place'], ['remark', 'remark']];
      for (const [field, column] of plain) if (dto[field] !== undefined) set[column] = dto[field];
      const agreement: [keyof DisputeUpdateDto, string][] = [
        ['facts', 'facts'], ['issues', 'issues'], ['responsibilities', 'responsibilities'], ['terms', 'terms'], ['performanceManner', 'performance_manner'], ['performanceDeadline', 'performance_deadline'],
      ];
      const changesAgreement = agreement.some(([field]) => dto[field] !== undefined);
      if (changesAgreement && before.status !== 'agreed') {
        throw wrongState({ zh: '只有刚达成协议、尚未进入履行时才能修改协议内容', en: 'The agreement can be corrected only before its performance starts' });
      }
      for (const [field, column] of agreement) if (dto[field] !== undefined) set[column] = dto[field];
      const deadline = (dto.performanceDeadline ?? before.performanceDeadline) as string | null;
      if (changesAgreement && deadline && before.agreedOn && deadline < before.agreedOn) {
        throw invalidFields([{ path: 'performanceDeadline', code: 'order', message: { zh: '履行期限不能早于达成协议日期', en: 'Must not be before the agreement date' } }]);
      }
      if (dto.mediatorIds !== undefined) Object.assign(set, await this.mediatorColumns(em, principal, before, dto.mediatorIds));
      if (!(await this.repo.update(em, id, dto.version, set))) throw staleVersion();
      const after = (await this.repo.findInScope(principal.scope, id, em))!;
      const parties = (await this.repo.parties([id], em)).get(id)!;
      await this.audit.record(em, { action: 'dispute.update', entity: LEDGER, entityId: id, townId: before.townId, before: this.toDto(before, parties), after: this.toDto(after, parties) });
    });
    return this.answer(principal, id);
  }

  /** Mediators checked against the register; their linked accounts become the handlers and the deadline's assignees. */
  private async mediatorColumns(em: EntityManager, principal: Principal, row: DisputeRow, ids: string[]): Promise<Record<string, unknown>> {
    const today = dateIn(this.clock.now(), row.timeZone);
    const mediatorIds = await this.officers.checkMediators(em, row.townId, ids, today);
    const { userIds } = await this.officers.describe(em, row.townId, mediatorIds);
    const handlers = userIds.length ? userIds : [principal.user.id];
    for (const d of await this.openDeadlines(em, row)) await em.query(`UPDATE deadline SET assignee_ids = $2::uuid[] WHERE id = $1`, [d.id, handlers]);
    return { mediator_ids: mediatorIds, handler_ids: handlers };
  }

  /* ---------- parties, sessions, follow-ups (each carries and bumps the dispute's version) ---------- */

  private async insertParty(em: EntityManager, townId: string, disputeId: string, p: DisputePartyDto, sortOrder: number, userId: string): Promise<string> {
    const id = randomUUID();
    await em.query(
      `INSERT INTO dispute_party (id, town_id, dispute_id, role, name_enc, name_idx, id_number_enc, id_number_idx, phone_enc, phone_idx, address_enc, address_idx, sort_order, created_at, created_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15)`,
      [
        id, townId, disputeId, p.role,
        ...Object.values(this.personal.protect('name', p.name)), ...Object.values(this.personal.protect('idNumber', p.idNumber)),
        ...Object.values(this.personal.protect('phone', p.phone)), ...Object.values(this.personal.protect('address', p.address)),
        sortOrder, this.clock.now(), userId,
      ],
    );
    return id;
  }

  /** Runs a change of one of the dispute's children: locks, checks the state, bumps the version, audits. */
  private async child<T>(principal: Principal, id: string, version: number, states: readonly DisputeStatus[] | null, what: { zh: string; en: string }, fn: (em: EntityManager, row: DisputeRow) => Promise<T>): Promise<DisputeDetailDto> {
    await this.ds.transaction(async (em) => {
      const row = await this.writable(principal, id, em);
      if (states && !states.includes(row.status as DisputeStatus)) throw wrongState(what);
      if (!(await this.repo.update(em, id, version, { updated_at: this.clock.now(), updated_by: principal.user.id }))) throw staleVersion();
      await fn(em, row);
    });
    return this.get(principal, id);
  }

  addParty(principal: Principal, id: string, dto: PartyCreateDto): Promise<DisputeDetailDto> {
    checkPersonalFields(partyPersonal(dto, ''));
    return this.child(principal, id, dto.version, MEDIATION_OPEN, { zh: '调解结束后不能再增加当事人', en: 'Parties cannot be added once the mediation has ended' }, async (em, row) => {
      const [{ n }] = await em.query(`SELECT count(*)::int AS n FROM dispute_party WHERE dispute_id = $1`, [id]);
      const { version: _v, ...party } = dto;
      const partyId = await this.insertParty(em, row.townId, id, party, n, principal.user.id);
      await this.audit.record(em, { action: 'dispute.party.create', entity: LEDGER, entityId: id, townId: row.townId, after: { partyId, role: dto.role, name: maskPersonalValue('name', dto.name, false) } });
    });
  }

  updateParty(principal: Principal, id: string, partyId: string, dto: PartyUpdateDto): Promise<DisputeDetailDto> {
    checkPersonalFields(partyPersonal(dto, ''));
    return this.child(principal, id, dto.version, null, NOT_FOUND, async (em, row) => {
      const before = await this.partyOf(em, id, partyId);
      const set: Record<string, unknown> = {};
      if (dto.role !== undefined) set.role = dto.role;
      if (dto.name !== undefined) Object.assign(set, this.personal.columns('name', 'name', dto.name));
      if (dto.idNumber !== undefined) Object.assign(set, this.personal.columns('id_number', 'idNumber', dto.idNumber));
      if (dto.phone !== undefined) Object.assign(set, this.personal.columns('phone', 'phone', dto.phone));
      if (dto.address !== undefined) Object.assign(set, this.personal.columns('address', 'address', dto.address));
      const cols = Object.keys(set);
      if (cols.length) await em.query(`UPDATE dispute_party SET ${cols.map((c, i) => `"${c}" = $${i + 2}`).join(', ')} WHERE id = $1`, [partyId, ...cols.map((c) => set[c])]);
      const after = await this.partyOf(em, id, partyId);
      await this.audit.record(em, { action: 'dispute.party.update', entity: LEDGER, entityId: id, townId: row.townId, before: this.partyDto(before), after: this.partyDto(after) });
    });
  }

  removeParty(principal: Principal, id: string, partyId: string, version: number): Promise<DisputeDetailDto> {
    return this.child(principal, id, version, MEDIATION_OPEN, { zh: '调解结束后不能再删除当事人', en: 'Parties cannot be removed once the mediation has ended' }, async (em, row) => {
      const before = await this.partyOf(em, id, partyId);
      await em.query(`DELETE FROM dispute_party WHERE id = $1`, [partyId]);
      await this.audit.record(em, { action: 'dispute.party.remove', entity: LEDGER, entityId: id, townId: row.townId, before: this.partyDto(before) });
    });
  }

  private async partyOf(em: EntityManager, disputeId: string, partyId: string): Promise<DisputePartyEntity> {
    const party = ((await this.repo.parties([disputeId], em)).get(disputeId) ?? []).find((p) => p.id === partyId);
    if (!party) throw notFound({ zh: '当事人不存在', en: 'Party not found' });
    return party;
  }

  addSession(principal: Principal, id: string, dto: SessionCreateDto): Promise<DisputeDetailDto> {
    return this.child(principal, id, dto.version, SESSION_STATES, { zh: '只有受理后、调解结束前才能记录调解', en: 'Sessions are recorded between acceptance and the outcome' }, async (em, row) => {
      if (dto.date > dateIn(this.clock.now(), row.timeZone)) throw dateInFuture('date');
      const entry = { id: randomUUID(), date: dto.date, place: dto.place, attendees: dto.attendees, record: dto.record };
      await em.query(`INSERT INTO dispute_session (id, town_id, dispute_id, date, place, attendees, record, created_by, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`, [
        entry.id, row.townId, id, dto.date, dto.place, dto.attendees, dto.record, principal.user.id, this.clock.now(),
      ]);
      await this.audit.record(em, { action: 'dispute.session.create', entity: LEDGER, entityId: id, townId: row.townId, after: entry });
    });
  }

  removeSession(principal: Principal, id: string, sessionId: string, version: number): Promise<DisputeDetailDto> {
    return this.child(principal, id, version, SESSION_STATES, { zh: '调解结束后不能删除调解记录', en: 'Sessions cannot be removed once the mediation has ended' }, async (em, row) => {
      const [rows] = await em.query(`DELETE FROM dispute_session WHERE id = $1 AND dispute_id = $2 RETURNING id, date, place`, [sessionId, id]);
      const removed = (rows as unknown[])[0];
      if (!removed) throw notFound({ zh: '调解记录不存在', en: 'Session not found' });
      await this.audit.record(em, { action: 'dispute.session.remove', entity: LEDGER, entityId: id, townId: row.townId, before: removed });
    });
  }

  /** A follow-up visit (回访, Art 31); its performance becomes the dispute's performance status. */
  addFollowUp(principal: Principal, id: string, dto: FollowUpCreateDto): Promise<DisputeDetailDto> {
    return this.child(principal, id, dto.version, DISPUTE_AGREEMENT_STATUSES, { zh: '只有达成协议后才能回访', en: 'Follow-ups come after an agreement' }, async (em, row) => {
      if (dto.date > dateIn(this.clock.now(), row.timeZone)) throw dateInFuture('date');
      if (row.agreedOn && dto.date < row.agreedOn) throw invalidFields([{ path: 'date', code: 'order', message: { zh: '回访日期不能早于达成协议日期', en: 'Must not be before the agreement' } }]);
      const entry = { id: randomUUID(), date: dto.date, visitor: dto.visitor, performance: dto.performance, satisfaction: dto.satisfaction, newRisk: dto.newRisk ?? false, note: dto.note ?? null };
      await em.query(
        `INSERT INTO dispute_follow_up (id, town_id, dispute_id, date, visitor, performance, satisfaction, new_risk, note, created_by, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
        [entry.id, row.townId, id, entry.date, entry.visitor, entry.performance, entry.satisfaction, entry.newRisk, entry.note, principal.user.id, this.clock.now()],
      );
      await em.query(`UPDATE dispute SET performance_status = $2 WHERE id = $1`, [id, dto.performance]);
      await this.audit.record(em, { action: 'dispute.follow-up.create', entity: LEDGER, entityId: id, townId: row.townId, after: entry });
    });
  }

  /* ---------- the workflow ---------- */

  async transition(principal: Principal, id: string, dto: TransitionDto): Promise<DisputeDetailDto> {
    await this.ds.transaction(async (em) => {
      const row = await this.visible(principal, id, em, true);
      const now = this.clock.now();
      const { rule, data } = await openStep(this.workflow, {
        row,
        request: dto,
        permissions: principal.permissions,
        now,
        context: (data, today) => ({ em, row, data, today }),
      });
      const set: Record<string, unknown> = { status: rule.to, updated_at: now, updated_by: principal.user.id };
      switch (rule.to) {
        case 'accepted': {
          Object.assign(set, { accepted_on: data.acceptedOn }, await this.mediatorColumns(em, principal, row, data.mediatorIds!));
          await this.openMediationPeriod(em, row, data.acceptedOn!, set.handler_ids as string[]);
          break;
        }
        case 'refused':
          Object.assign(set, { refused_on: data.refusedOn, refusing_party_id: data.refusingPartyId, refusal_reason: data.refusalReason });
          break;
        case 'agreed':
          Object.assign(set, {
            agreement_form: data.agreementForm, agreed_on: data.agreedOn, facts: data.facts ?? row.summary, issues: data.issues ?? null, responsibilities: data.responsibilities ?? null,
            terms: data.terms, performance_manner: data.performanceManner, performance_deadline: data.performanceDeadline, performance_status: 'pending',
          });
          break;
        case 'terminated':
          Object.assign(set, { terminated_on: data.terminatedOn, termination_reason: data.terminationReason, referral_route: data.referralRoute, referral_note: data.referralNote ?? null });
          break;
        case 'performing':
          set.performance_status = row.performanceStatus === 'pending' || row.performanceStatus === null ? 'in_progress' : row.performanceStatus;
          break;
        case 'followed_up':
          set.performance_status = data.performanceStatus;
          break;
        case 'archived':
          Object.assign(set, { archived_on: data.archivedOn, archive_no: data.archiveNo ?? row.number });
          break;
      }
      if (['refused', 'agreed', 'terminated'].includes(rule.to)) for (const d of await this.openDeadlines(em, row)) await this.deadlines.complete(em, d.id, now);
      if (!(await this.repo.update(em, id, dto.version, set))) throw staleVersion();
      await this.history.record(em, { townId: row.townId, ledger: LEDGER, recordId: id, from: row.status, to: rule.to, remark: dto.remark ?? null, data: dto.data ?? null });
      await this.audit.record(em, {
        action: 'dispute.transition',
        entity: LEDGER,
        entityId: id,
        townId: row.townId,
        before: { status: row.status },
        after: { status: rule.to, ...(dto.data ?? {}) },
        detail: dto.remark ? { remark: dto.remark } : undefined,
      });
    });
    return this.get(principal, id);
  }

  private readonly workflow: Workflow<DisputeStatus, DisputeStepData, GuardContext> = {
    table: DISPUTE_TRANSITIONS,
    labels: DISPUTE_STATUS_LABELS,
    stepData: DisputeStepData,
    guards: {
      partiesRecorded: async (c: GuardContext): Promise<GuardFailure | null> => {
        if (c.data.acceptedOn! > c.today) return { code: 'DATE_IN_FUTURE', message: { zh: '受理日期不能晚于今天', en: 'The acceptance date cannot be in the future' } };
        const [{ n }] = await c.em.query(`SELECT count(*)::int AS n FROM dispute_party WHERE dispute_id = $1`, [c.row.id]);
        return n >= 2 ? null : { code: 'PARTIES_REQUIRED', message: { zh: '受理前请登记至少两方当事人', en: 'Record at least two parties before accepting' } };
      },
      refusingParty: async (c: GuardContext): Promise<GuardFailure | null> => {
        if (c.data.refusedOn! > c.today) return { code: 'DATE_IN_FUTURE', message: { zh: '拒绝调解日期不能晚于今天', en: 'The refusal date cannot be in the future' } };
        const [party] = await c.em.query(`SELECT id FROM dispute_party WHERE id = $1 AND dispute_id = $2`, [c.data.refusingPartyId, c.row.id]);
        return party ? null : { code: 'PARTY_NOT_FOUND', message: { zh: '拒绝调解的一方须为本纠纷的当事人', en: 'The refusing party must be a party of the dispute' } };
      },
      agreementReached: async (c: GuardContext): Promise<GuardFailure | null> => {
        const d = c.data;
        if (d.agreedOn! > c.today) return { code: 'DATE_IN_FUTURE', message: { zh: '达成协议日期不能晚于今天', en: 'The agreement date cannot be in the future' } };
        if (c.row.acceptedOn && d.agreedOn! < c.row.acceptedOn) return { code: 'DATE_ORDER', message: { zh: '达成协议日期不能早于受理日期', en: 'The agreement cannot precede the acceptance' } };
        if (d.performanceDeadline! < d.agreedOn!) return { code: 'DATE_ORDER', message: { zh: '履行期限不能早于达成协议日期', en: 'The performance deadline cannot precede the agreement' } };
        return this.sessionFailure(c);
      },
      mediationAttempted: (c: GuardContext): Promise<GuardFailure | null> => {
        if (c.data.terminatedOn! > c.today) return Promise.resolve({ code: 'DATE_IN_FUTURE', message: { zh: '终止日期不能晚于今天', en: 'The termination date cannot be in the future' } });
        return this.sessionFailure(c);
      },
      hasFollowUp: async (c: GuardContext): Promise<GuardFailure | null> => {
        const [{ n }] = await c.em.query(`SELECT count(*)::int AS n FROM dispute_follow_up WHERE dispute_id = $1`, [c.row.id]);
        return n > 0 ? null : { code: 'FOLLOW_UP_REQUIRED', message: { zh: '请先记录回访', en: 'Record a follow-up visit first' } };
      },
    },
  };

  private async sessionFailure(c: GuardContext): Promise<GuardFailure | null> {
    const [{ n }] = await c.em.query(`SELECT count(*)::int AS n FROM dispute_session WHERE dispute_id = $1`, [c.row.id]);
    return n > 0 ? null : { code: 'SESSION_REQUIRED', message: { zh: '请先记录至少一次调解', en: 'Record at least one mediation session first' } };
  }

  /* ---------- the mediation period ---------- */

  async mediationPeriod(townId: string, em?: EntityManager) {
    return this.settings.get<MediationPeriod>(townId, MEDIATION_PERIOD_SETTING, DEFAULT_MEDIATION_PERIOD, em);
  }

  async setMediationPeriod(principal: Principal, townId: string | undefined, dto: MediationPeriodDto) {
    const place = await this.places.placeOf(principal, townId, null);
    const { version, ...value } = dto;
    await this.ds.transaction((em) => this.settings.set(em, { townId: place.townId, key: MEDIATION_PERIOD_SETTING, value, version, userId: principal.user.id }));
    return this.mediationPeriod(place.townId);
  }

  async mediationPeriodFor(principal: Principal, townId: string | undefined) {
    return this.mediationPeriod((await this.places.placeOf(principal, townId, null)).townId);
  }

  /** Opens the mediation period from the acceptance date: one month by default, or the town's setting. */
  private async openMediationPeriod(em: EntityManager, row: DisputeRow, acceptedOn: string, assigneeIds: string[]): Promise<void> {
    const { value } = await this.mediationPeriod(row.townId, em);
    const days = value.unit === 'month' ? calendarDaysBetween(acceptedOn, addMonths(acceptedOn, value.amount)) : value.amount;
    await this.deadlines.open(em, {
      townId: row.townId, villageId: row.villageId, ledger: LEDGER, recordId: row.id, kind: MEDIATION_DEADLINE_KIND, title: `${row.number} 调解期限`,
      days, unit: value.unit === 'working' ? 'working' : 'calendar', startDate: acceptedOn, assigneeIds,
    });
  }

  private async openDeadlines(em: EntityManager, row: DisputeRow) {
    return (await this.deadlines.forRecord(LEDGER, row.id, row.townId, em)).filter((d) => d.kind === MEDIATION_DEADLINE_KIND && !d.doneAt);
  }

  /** Who may approve extending the dispute's mediation period: the leaders its warnings reach. */
  async deadlineApprovers(principal: Principal, id: string): Promise<UserChoiceDto[]> {
    const row = await this.visible(principal, id);
    return this.warnedLeaders(this.ds.manager, row);
  }

  /** The leaders a warning on the dispute reaches (and who may approve extending its period). */
  private warnedLeaders(em: EntityManager, row: DisputeRow): Promise<UserChoiceDto[]> {
    return this.notifications.recipientsWithPermission(em, { townId: row.townId, villageId: row.villageId, permission: 'dispute.warning' });
  }

  /** Extends the open mediation period with the approver (one of `deadlineApprovers`) and the reason. */
  async extendDeadline(principal: Principal, id: string, dto: DeadlineExtendDto): Promise<DisputeDetailDto> {
    await this.ds.transaction(async (em) => {
      const row = await this.writable(principal, id, em);
      const [open] = await this.openDeadlines(em, row);
      if (!open) throw wrongState({ zh: '没有进行中的调解期限', en: 'No mediation period is running' });
      if (!(await this.warnedLeaders(em, row)).some((a) => a.id === dto.approvedBy)) {
        throw invalidField('approvedBy', 'approver', { zh: '批准人须为能接收本纠纷预警的领导，请从列表中选择', en: 'The approver must be a leader who receives this dispute’s warnings; choose one from the list' });
      }
      if (!(await this.repo.update(em, id, dto.version, { updated_at: this.clock.now(), updated_by: principal.user.id }))) throw staleVersion();
      await this.deadlines.extend(em, open.id, { days: dto.days, reason: dto.reason, approvedBy: dto.approvedBy });
    });
    return this.get(principal, id);
  }

  /* ---------- warnings, escalation, judicial confirmation ---------- */

  /**
   * Changes the risk level. Raising to a group-incident warning needs the reason and the report to
   * the police (Art 25) and tells the town's leaders at once; lowering it records how it was handled.
   */
  async changeRisk(principal: Principal, id: string, dto: RiskChangeDto): Promise<DisputeDetailDto> {
    await this.ds.transaction(async (em) => {
      const row = await this.writable(principal, id, em);
      if (row.riskLevel === dto.level) throw wrongState({ zh: '风险等级没有变化', en: 'The risk level is unchanged' });
      const now = this.clock.now();
      const set: Record<string, unknown> = { risk_level: dto.level, updated_at: now, updated_by: principal.user.id };
      const raising = dto.level === 'group_incident';
      if (raising) {
        const errors: BilingualFieldError[] = [];
        if (!dto.policeInformedOn) errors.push({ path: 'policeInformedOn', code: 'required', message: { zh: '群体性事件预警须报告公安机关，请填写报告日期', en: 'A group-incident warning must be reported to the police: give the date' } });
        if (!dto.policeUnit) errors.push({ path: 'policeUnit', code: 'required', message: { zh: '请填写接报的公安机关', en: 'Name the police unit informed' } });
        if (errors.length) throw invalidFields(errors);
        if (dto.policeInformedOn! > dateIn(now, row.timeZone)) throw dateInFuture('policeInformedOn');
        Object.assign(set, {
          warning_raised_at: now, warning_reason: dto.reason, police_informed_on: dto.policeInformedOn, police_unit: dto.policeUnit,
          warning_measures: dto.measures ?? null, warning_resolved_at: null, warning_resolution: null,
        });
      } else if (row.riskLevel === 'group_incident') {
        Object.assign(set, { warning_resolved_at: now, warning_resolution: dto.reason });
      }
      if (!(await this.repo.update(em, id, dto.version, set))) throw staleVersion();
      await this.audit.record(em, {
        action: 'dispute.risk',
        entity: LEDGER,
        entityId: id,
        townId: row.townId,
        before: { riskLevel: row.riskLevel },
        after: { riskLevel: dto.level, reason: dto.reason, policeInformedOn: dto.policeInformedOn ?? null, policeUnit: dto.policeUnit ?? null, measures: dto.measures ?? null },
      });
      if (raising) {
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
      }
    });
    return this.get(principal, id);
  }

  /** Records that the dispute went beyond the town (a flag with date and level). */
  async escalate(principal: Principal, id: string, dto: EscalationDto): Promise<DisputeDetailDto> {
    await this.ds.transaction(async (em) => {
      const row = await this.writable(principal, id, em);
      if (dto.escalatedOn > dateIn(this.clock.now(), row.timeZone)) throw dateInFuture('escalatedOn');
      const set = { escalated_on: dto.escalatedOn, escalation_level: dto.level, escalation_kind: dto.kind, escalation_note: dto.note ?? null, updated_at: this.clock.now(), updated_by: principal.user.id };
      if (!(await this.repo.update(em, id, dto.version, set))) throw staleVersion();
      await this.audit.record(em, {
        action: 'dispute.escalate', entity: LEDGER, entityId: id, townId: row.townId,
        before: row.escalatedOn ? { escalatedOn: row.escalatedOn, level: row.escalationLevel, kind: row.escalationKind } : null,
        after: { escalatedOn: dto.escalatedOn, level: dto.level, kind: dto.kind, note: dto.note ?? null },
      });
    });
    return this.get(principal, id);
  }

  /** Judicial confirmation (Art 33): applied for within 30 days of a written agreement taking effect. */
  async judicialConfirmation(principal: Principal, id: string, dto: JudicialConfirmationInputDto): Promise<DisputeDetailDto> {
    await this.ds.transaction(async (em) => {
      const row = await this.writable(principal, id, em);
      if (!DISPUTE_AGREEMENT_STATUSES.includes(row.status as DisputeStatus) || row.agreementForm !== 'written') {
        throw wrongState({ zh: '只有书面调解协议才能申请司法确认', en: 'Only a written agreement can be judicially confirmed' });
      }
      const today = dateIn(this.clock.now(), row.timeZone);
      const errors: BilingualFieldError[] = [];
      if (dto.appliedOn > today) errors.push({ path: 'appliedOn', code: 'future', message: { zh: '日期不能晚于今天', en: 'The date cannot be in the future' } });
      if (dto.appliedOn < row.agreedOn! || dto.appliedOn > addCalendarDays(row.agreedOn!, JUDICIAL_CONFIRMATION_DAYS)) {
        errors.push({ path: 'appliedOn', code: 'period', message: { zh: `须在调解协议生效之日起${JUDICIAL_CONFIRMATION_DAYS}日内申请`, en: `Must be within ${JUDICIAL_CONFIRMATION_DAYS} days of the agreement` } });
      }
      if (dto.decidedOn && dto.decidedOn < dto.appliedOn) errors.push({ path: 'decidedOn', code: 'order', message: { zh: '确认日期不能早于申请日期', en: 'Must not be before the application' } });
      if (errors.length) throw invalidFields(errors);
      const set = {
        jc_applied_on: dto.appliedOn, jc_court: dto.court, jc_result: dto.result ?? 'pending', jc_decided_on: dto.decidedOn ?? null, jc_case_no: dto.caseNo ?? null,
        updated_at: this.clock.now(), updated_by: principal.user.id,
      };
      if (!(await this.repo.update(em, id, dto.version, set))) throw staleVersion();
      const { version: _v, ...after } = dto;
      await this.audit.record(em, { action: 'dispute.judicial-confirmation', entity: LEDGER, entityId: id, townId: row.townId, before: row.jcAppliedOn ? { appliedOn: row.jcAppliedOn, result: row.jcResult } : null, after });
    });
    return this.get(principal, id);
  }

  /* ---------- void, reopen, unmask ---------- */

  async voidDispute(principal: Principal, id: string, dto: VoidDto): Promise<DisputeDto> {
    await this.ds.transaction(async (em) => {
      const row = await this.visible(principal, id, em, true);
      await this.lifecycle.voidRecord(em, { table: TABLE, ledger: LEDGER, row, closedStatuses: DISPUTE_CLOSED_STATUSES, version: dto.version, reason: dto.reason, userId: principal.user.id });
      for (const d of await this.openDeadlines(em, row)) await this.deadlines.complete(em, d.id, this.clock.now());
    });
    return this.answer(principal, id);
  }

  async reopen(principal: Principal, id: string, dto: VoidDto): Promise<DisputeDto> {
    await this.ds.transaction(async (em) => {
      const row = await this.visible(principal, id, em, true);
      await this.lifecycle.reopenRecord(em, {
        table: TABLE, ledger: LEDGER, row, closedStatuses: DISPUTE_CLOSED_STATUSES, version: dto.version, reason: dto.reason, userId: principal.user.id,
        clear: () => ({ archived_on: null, archive_no: null }),
      });
    });
    return this.answer(principal, id);
  }

  /** The parties' personal data in full (audited). */
  async unmask(principal: Principal, id: string, dto: DisputeUnmaskDto): Promise<{ parties: Partial<PartyDto>[] }> {
    const row = await this.visible(principal, id);
    const parties = ((await this.repo.parties([id])).get(id) ?? []).filter((p) => !dto.partyId || p.id === dto.partyId);
    if (dto.partyId && parties.length === 0) throw notFound({ zh: '当事人不存在', en: 'Party not found' });
    await this.ds.transaction((em) =>
      this.audit.record(em, { action: 'dispute.unmask', entity: LEDGER, entityId: id, townId: row.townId, detail: { partyId: dto.partyId ?? null, fields: dto.fields, reason: dto.reason } }),
    );
    return {
      parties: parties.map((p) => {
        const plain = this.partyDto(p, true);
        return { id: p.id, ...Object.fromEntries(dto.fields.map((f) => [f, plain[f]])) };
      }),
    };
  }

  /* ---------- helpers ---------- */

  /** The dispute as a record that takes evidence (attachments carry and bump its version). */
  recordHandle(principal: Principal, id: string): RecordHandle {
    return {
      ledger: LEDGER,
      recordId: id,
      userId: principal.user.id,
      lock: async (em) => {
        const row = await this.writable(principal, id, em);
        return { townId: row.townId, version: row.version };
      },
      bump: (em, version) => this.repo.update(em, id, version, { updated_at: this.clock.now(), updated_by: principal.user.id }),
    };
  }

  /** Locks a dispute the caller may change: in scope, not void, not closed. */
  private async writable(principal: Principal, id: string, em: EntityManager): Promise<DisputeRow> {
    const row = await this.visible(principal, id, em, true);
    assertWritableRecord(row, DISPUTE_CLOSED_STATUSES);
    return row;
  }

  private async timeZoneOf(em: EntityManager, townId: string): Promise<string> {
    const [town] = await em.query(`SELECT time_zone FROM org_unit WHERE id = $1`, [townId]);
    return town.time_zone;
  }
}

/** The personal fields of a party to validate, by path. */
function partyPersonal(p: { idNumber?: string | null; phone?: string | null }, prefix: string) {
  return [
    { path: `${prefix}idNumber`, kind: 'idNumber' as const, value: p.idNumber },
    { path: `${prefix}phone`, kind: 'phone' as const, value: p.phone },
  ];
}
