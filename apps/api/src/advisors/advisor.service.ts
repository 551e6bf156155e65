import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  ADVISOR_CLIENT_TYPES,
  ADVISOR_EVENT_TYPES,
  ADVISOR_SERVICE_STATUS_LABELS,
  ADVISOR_SERVICE_TRANSITIONS,
  ADVISOR_HANDOVER_KIND_LABELS,
  ADVISOR_SERVICE_TYPE_LABELS,
  AdvisorServiceDetailDto,
  AdvisorServiceDto,
  AdvisorServiceStatus,
  plainDateInZone,
} from '@fazhi/contracts';
import { EntityManager } from 'typeorm';
import { Principal } from '../access/principal';
import { AppException, Bilingual, invalidFields } from '../common/app-exception';
import { isoOrNull } from '../common/dates';
import { answerOf, columnsOf } from '../ledger-core/kit/fields';
import { RecordKit, RecordService } from '../ledger-core/kit/record-service';
import { RecordLinks } from '../ledger-core/links/record-links';
import { PersonalDataService } from '../ledger-core/personal-data/personal-data.service';
import { checkPersonalFields, maskPersonalValue } from '../ledger-core/personal-data/personal-fields';
import { RecordAttachments } from '../ledger-core/record-attachments';
import type { ImportProblem, PlannedImportRow } from '../ledger-core/ledger-spreadsheet';
import { VoidDto } from '../ledger-core/ledger.dto';
import { recordDtoFields } from '../ledger-core/records';
import { AdvisorHandoverDto, AdvisorServiceCreateDto, AdvisorServiceListQuery, AdvisorServiceUpdateDto, AdvisorUnmaskDto } from './advisor.dto';
import { SERVICE_FIELDS } from './advisor.entities';
import { hoursOf, serviceSpan } from './advisor-hours';
import type { ImportedEntry } from './advisor-excel.service';
import { AdvisorRepository, AdvisorServiceFilter, AdvisorServiceRow, LEDGER, servesOn } from './advisor.repository';

/** Step data of the log (it has no steps). */
class NoStepData {}

const NOT_FOUND: Bilingual = { zh: '服务记录不存在', en: 'Service entry not found' };
/** The answer's fields read from the row as they are, in the answer's order. */
const rowFields = answerOf<AdvisorServiceRow>();
const WHO_WHEN = rowFields(['advisorId', 'advisorName', 'type', 'serviceDate', 'startTime', 'endTime']);
const WHAT = rowFields(['content', 'result', 'attendees']);
/** The entry's fields stored as they are. */
const PLAIN = ['type', 'serviceDate', 'startTime', 'endTime', 'content', 'result', 'attendees', 'remark'] as const;

export const MONTH_CHECKED: Bilingual = { zh: '该村该月已检查确认，修改前需重新打开', en: 'The village’s month is signed off; reopen it to change its entries' };

/** The service log of the village legal advisors (DOMAIN.md §3.3); the record work is the kit's. */
@Injectable()
export class AdvisorService extends RecordService<AdvisorServiceStatus, AdvisorServiceRow, AdvisorServiceFilter, AdvisorServiceDto, AdvisorServiceDetailDto> implements OnModuleInit {
  protected readonly workflow = { table: ADVISOR_SERVICE_TRANSITIONS, labels: ADVISOR_SERVICE_STATUS_LABELS, stepData: NoStepData, guards: {} };

  constructor(
    kit: RecordKit,
    private readonly repo: AdvisorRepository,
    private readonly personal: PersonalDataService,
    private readonly attachments: RecordAttachments,
    private readonly links: RecordLinks,
  ) {
    super(kit, repo, { ledger: LEDGER, initial: 'logged', closedStatuses: [], notFound: NOT_FOUND, wrongStateCode: 'ADVISOR_MONTH_CHECKED' });
  }

  onModuleInit(): void {
    this.links.register({ ledger: LEDGER, read: 'advisor.read', visible: (p, id) => this.visible(p, id) });
  }

  /* ---------- answers ---------- */

  /** The answer, built in one object in its keys' order (the client masked unless `unmasked`). */
  toDto(r: AdvisorServiceRow, unmasked = false): AdvisorServiceDto {
    const personal = (kind: 'name' | 'phone', enc: string | null) => maskPersonalValue(kind, this.personal.decrypt(enc), unmasked);
    const dto = WHO_WHEN(r, recordDtoFields<AdvisorServiceStatus>(r)) as AdvisorServiceDto;
    dto.startedAt = new Date(r.startedAt).toISOString();
    dto.endedAt = new Date(r.endedAt).toISOString();
    dto.crossesMidnight = r.endTime <= r.startTime;
    dto.hours = hoursOf(r.minutes);
    dto.clientName = personal('name', r.clientNameEnc);
    dto.clientPhone = personal('phone', r.clientPhoneEnc);
    WHAT(r, dto);
    dto.handover = r.handoverKind
      ? { kind: r.handoverKind, at: isoOrNull(r.handoverAt)!, disputeId: r.disputeId, disputeNumber: r.disputeNumber, receivingBody: r.handoverReceivingBody, note: r.handoverNote }
      : null;
    dto.locked = r.locked;
    return dto;
  }

  async dtos(rows: AdvisorServiceRow[], opts: { unmasked?: boolean } = {}): Promise<AdvisorServiceDto[]> {
    return rows.map((r) => this.toDto(r, opts.unmasked));
  }

  async get(principal: Principal, id: string): Promise<AdvisorServiceDetailDto> {
    const row = await this.visible(principal, id);
    const [history, attachments, links] = await Promise.all([this.kit.history.list(LEDGER, id, row.townId), this.attachments.list(LEDGER, id, row.townId), this.links.linksOf(principal, LEDGER, id)]);
    return Object.assign(this.toDto(row), { history, attachments, links, transitions: this.transitions(row, principal) });
  }

  /** Turns the list query into repository filters (client searches go through the blind index). */
  filter({ page: _p, pageSize: _s, ...query }: AdvisorServiceListQuery & { unmask?: string }): AdvisorServiceFilter {
    const { unmask: _u, ...rest } = query;
    return this.personal.indexSearch(rest, { clientName: ['clientNameIdx', 'name'], clientPhone: ['clientPhoneIdx', 'phone'] });
  }

  /* ---------- writes ---------- */

  async create(principal: Principal, dto: AdvisorServiceCreateDto): Promise<AdvisorServiceDto> {
    const place = await this.kit.places.placeOf(principal, dto.townId, dto.villageId);
    checkEntryFields(dto);
    const timeZone = await this.timeZone(place.townId);
    return this.createRecord(principal, place, {
      columns: async (em, today) => {
        const advisorId = await this.advisorFor(em, principal, place.townId, dto.advisorId);
        return this.entryColumns(em, { townId: place.townId, villageId: place.villageId!, advisorId, timeZone, today, exceptId: null }, dto);
      },
    });
  }

  update(principal: Principal, id: string, dto: AdvisorServiceUpdateDto): Promise<AdvisorServiceDto> {
    return this.updateRecord(principal, id, dto.version, async (em, before) => {
      const villageId = dto.villageId !== undefined ? (await this.kit.places.placeOf(principal, before.townId, dto.villageId)).villageId! : before.villageId!;
      const merged = {
        type: dto.type ?? before.type,
        serviceDate: dto.serviceDate ?? before.serviceDate,
        startTime: dto.startTime ?? before.startTime,
        endTime: dto.endTime ?? before.endTime,
        clientName: dto.clientName !== undefined ? dto.clientName : this.personal.decrypt(before.clientNameEnc),
        clientPhone: dto.clientPhone !== undefined ? dto.clientPhone : this.personal.decrypt(before.clientPhoneEnc),
        content: dto.content ?? before.content,
        result: dto.result !== undefined ? dto.result : before.result,
        attendees: dto.attendees !== undefined ? dto.attendees : before.attendees,
        remark: dto.remark !== undefined ? dto.remark : before.remark,
      };
      checkEntryFields(merged);
      const cols = await this.entryColumns(em, { townId: before.townId, villageId, advisorId: before.advisorId, timeZone: before.timeZone, today: this.today(before), exceptId: id }, merged);
      return { ...cols, village_id: villageId };
    });
  }

  /** An entry of a signed-off month is void only after the month is reopened. */
  override async voidRecord(principal: Principal, id: string, dto: VoidDto): Promise<AdvisorServiceDto> {
    const row = await this.visible(principal, id);
    if (row.locked) throw new AppException(409, 'ADVISOR_MONTH_CHECKED', MONTH_CHECKED);
    return super.voidRecord(principal, id, dto);
  }

  /** Changes (and evidence) need the entry's month open. */
  protected override async writable(principal: Principal, id: string, em: EntityManager): Promise<AdvisorServiceRow> {
    const row = await super.writable(principal, id, em);
    if (row.locked) throw new AppException(409, 'ADVISOR_MONTH_CHECKED', MONTH_CHECKED);
    return row;
  }

  /** A consultation handed to mediation (a dispute created and linked through the core) or referred to legal aid. */
  handover(principal: Principal, id: string, dto: AdvisorHandoverDto): Promise<AdvisorServiceDetailDto> {
    return this.change(principal, id, {
      version: dto.version,
      columns: async (em, row) => {
        if (row.type !== 'consultation') throw new AppException(409, 'ADVISOR_HANDOVER_NOT_ALLOWED', { zh: '只有法律咨询可以转办', en: 'Only consultations can be handed over' });
        if (row.handoverKind) throw new AppException(409, 'ADVISOR_HANDOVER_DONE', { zh: '该咨询已转办', en: 'This consultation was already handed over' });
        if (dto.kind === 'legal_aid' && !dto.receivingBody) {
          throw invalidFields([{ path: 'receivingBody', code: 'required', message: { zh: '请填写接收的法律援助机构', en: 'Name the legal-aid body receiving the referral' } }]);
        }
        if (dto.kind === 'mediation') {
          await this.links.handOver(em, principal, 'dispute', {
            townId: row.townId,
            villageId: row.villageId,
            occurredOn: row.serviceDate,
            summary: dto.summary || row.content,
            category: dto.category,
            person: { name: this.personal.decrypt(row.clientNameEnc), phone: this.personal.decrypt(row.clientPhoneEnc) },
            from: { ledger: LEDGER, id: row.id, number: row.number },
          });
        }
        return { handover_kind: dto.kind, handover_at: this.kit.clock.now(), handover_receiving_body: dto.kind === 'legal_aid' ? dto.receivingBody : null, handover_note: dto.note ?? null };
      },
      then: (em, row) =>
        this.auditRecord(em, row, 'handover', { after: { kind: dto.kind, label: ADVISOR_HANDOVER_KIND_LABELS[dto.kind].zh, receivingBody: dto.receivingBody ?? null, note: dto.note ?? null } }),
    });
  }

  /** The client's personal data in full (audited). */
  async unmask(principal: Principal, id: string, dto: AdvisorUnmaskDto): Promise<Partial<Pick<AdvisorServiceDto, 'clientName' | 'clientPhone'>>> {
    const row = await this.visible(principal, id);
    await this.auditUnmask(row, { fields: dto.fields, reason: dto.reason });
    const plain = this.toDto(row, true);
    return Object.fromEntries(dto.fields.map((f) => [f, plain[f]]));
  }

  /**
   * How an imported row of the 台账 becomes the entry's columns: the advisor named in the sheet
   * (one of the town's), the span from the day and the times in the town's zone, the client's data
   * protected (a masked cell keeps the stored value). `check` refuses, row by row, an advisor not
   * of the town, another advisor's entries for an account linked to an advisor, bad times, and
   * spans overlapping the same advisor's entries in the sheet or in the log.
   */
  async importPlan(principal: Principal, townId: string | undefined) {
    const town = await this.kit.places.importTown(principal, townId);
    const timeZone = await this.timeZone(town);
    const advisors = new Map((await this.repo.advisors(principal.scope, { townId: town })).map((a) => [a.name, a.id]));
    const checked = await this.repo.checkedMonths(town);
    const own = await this.repo.advisorOfUser(principal.user.id);
    const fieldsOf = (v: ImportedEntry, existing: AdvisorServiceRow | null) => ({
      advisorId: v.advisorName ? advisors.get(v.advisorName) : existing?.advisorId,
      date: v.serviceDate ?? existing?.serviceDate,
      start: v.startTime ?? existing?.startTime,
      end: v.endTime ?? existing?.endTime,
    });
    const check = async (em: EntityManager, planned: PlannedImportRow<AdvisorServiceRow>[], problem: ImportProblem): Promise<void> => {
      const updated = new Set(planned.flatMap((p) => (p.existing ? [p.existing.number] : [])));
      const named = [...new Set(planned.flatMap((p) => fieldsOf(p.row.values as ImportedEntry, p.existing).advisorId ?? []))];
      const assignments = named.length ? await this.repo.assignments(named, em) : [];
      const today = this.today({ timeZone });
      // Row by row, the checks of a single entry; the spans that pass are checked for overlaps below.
      const timed: { row: number; advisorId: string; existingId: string | null; startedAt: Date; endedAt: Date }[] = [];
      for (const { row, existing, villageId } of planned) {
        const v = row.values as ImportedEntry;
        const { advisorId, date, start, end } = fieldsOf(v, existing);
        if (own && ((v.advisorName && v.advisorName !== own.name) || (existing && existing.advisorId !== own.id))) {
          problem(row.rowNumber, 'advisorName', `只能导入本人(${own.name})的服务记录`);
          continue;
        }
        if (!advisorId) {
          if (v.advisorName) problem(row.rowNumber, 'advisorName', `本镇没有法律顾问“${v.advisorName}”`);
          continue;
        }
        const badTime = (['startTime', 'endTime'] as const).find((path) => !TIME.test((path === 'startTime' ? start : end) ?? ''));
        if (badTime) problem(row.rowNumber, badTime, '时间格式应为 HH:mm');
        if (badTime || !date) continue;
        if (date > today) {
          problem(row.rowNumber, 'serviceDate', '服务日期不能晚于今天');
          continue;
        }
        const village = villageId ?? existing?.villageId;
        if (village && !servesOn(assignments, advisorId, village, date)) {
          problem(row.rowNumber, 'villageName', '该法律顾问在该日期不服务该村(社区)');
          continue;
        }
        const span = spanOrProblem(date, start!, end!, timeZone);
        if (typeof span === 'string') problem(row.rowNumber, 'endTime', span);
        else timed.push({ row: row.rowNumber, advisorId, existingId: existing?.id ?? null, ...span });
      }
      if (timed.length === 0) return;
      // The advisors locked, then their logged entries in the sheet's whole span read once.
      const advisorIds = [...new Set(timed.map((s) => s.advisorId))];
      await this.repo.lockAdvisors(em, advisorIds);
      const from = new Date(Math.min(...timed.map((s) => s.startedAt.getTime())));
      const to = new Date(Math.max(...timed.map((s) => s.endedAt.getTime())));
      const logged = (await this.repo.overlapping(em, town, advisorIds, from, to, null)).filter((c) => !updated.has(c.number));
      type Span = { advisorId: string; startedAt: Date; endedAt: Date };
      const meets = (a: Span, b: Span) => a.advisorId === b.advisorId && a.startedAt < b.endedAt && a.endedAt > b.startedAt;
      for (const [i, span] of timed.entries()) {
        const inSheet = timed.slice(0, i).find((o) => meets(o, span));
        if (inSheet) {
          problem(span.row, 'startTime', `与第${inSheet.row}行同一法律顾问的服务时间重叠`);
          continue;
        }
        const entry = logged.find((c) => c.id !== span.existingId && meets(c, span));
        if (entry) problem(span.row, 'startTime', `与已登记的服务${entry.number}(${entry.serviceDate} ${entry.startTime}–${entry.endTime})重叠`);
      }
    };
    const cells = (v: ImportedEntry, existing: AdvisorServiceRow | null, unchanged: ReadonlySet<string>, villageId: string | null | undefined): Record<string, unknown> => {
      const month = (v.serviceDate ?? existing?.serviceDate ?? '').slice(0, 7);
      if (existing?.locked || checked.has(`${villageId ?? existing?.villageId}:${month}`)) throw new AppException(409, 'ADVISOR_MONTH_CHECKED', MONTH_CHECKED);
      const { advisorId, date, start, end } = fieldsOf(v, existing);
      const span = serviceSpan(date!, start!, end!, timeZone);
      const personal = (field: 'clientName' | 'clientPhone', column: string, kind: 'name' | 'phone') =>
        unchanged.has(field) || v[field] === undefined ? {} : this.personal.columns(column, kind, v[field] ?? null);
      return {
        ...columnsOf(SERVICE_FIELDS, PLAIN, v),
        advisor_id: advisorId,
        started_at: span.startedAt,
        ended_at: span.endedAt,
        minutes: span.minutes,
        ...personal('clientName', 'client_name', 'name'),
        ...personal('clientPhone', 'client_phone', 'phone'),
      };
    };
    return { cells, check };
  }

  /* ---------- rules ---------- */

  /** The advisor an entry is logged for: the caller's linked advisor, or the one staff name. */
  private async advisorFor(em: EntityManager, principal: Principal, townId: string, advisorId: string | undefined): Promise<string> {
    const own = await this.repo.advisorOfUser(principal.user.id, em);
    if (own) {
      if (advisorId && advisorId !== own.id) throw invalidFields([{ path: 'advisorId', code: 'own', message: { zh: '只能登记本人的服务', en: 'You log your own services only' } }]);
      return own.id;
    }
    if (!advisorId) throw new AppException(400, 'ADVISOR_NOT_LINKED', { zh: '当前账户未关联法律顾问，请指定法律顾问', en: 'Your account is not linked to an advisor; choose the advisor' });
    const [advisor] = await this.repo.advisors(principal.scope, { ids: [advisorId], townId }, em);
    if (!advisor) throw invalidFields([{ path: 'advisorId', code: 'not_found', message: { zh: '法律顾问不存在', en: 'Advisor not found' } }]);
    return advisor.id;
  }

  /**
   * The entry's own columns, checked: not in the future, the advisor serving the village that day,
   * the month not signed off, and no overlap with the advisor's other entries (the advisor's row is
   * locked first, so two writes cannot both pass).
   */
  private async entryColumns(
    em: EntityManager,
    at: { townId: string; villageId: string; advisorId: string; timeZone: string; today: string; exceptId: string | null },
    e: EntryFields,
  ): Promise<Record<string, unknown>> {
    if (e.serviceDate > at.today) throw invalidFields([{ path: 'serviceDate', code: 'future', message: { zh: '服务日期不能晚于今天', en: 'The day cannot be in the future' } }]);
    const span = serviceSpan(e.serviceDate, e.startTime, e.endTime, at.timeZone);
    await this.repo.lockAdvisors(em, [at.advisorId]);
    if (!servesOn(await this.repo.assignments([at.advisorId], em), at.advisorId, at.villageId, e.serviceDate)) {
      throw new AppException(400, 'ADVISOR_VILLAGE_NOT_SERVED', { zh: '该法律顾问在该日期不服务该村(社区)', en: 'The advisor does not serve this village on that day' }, [
        { path: 'villageId', code: 'not_served', message: { zh: '该法律顾问在该日期不服务该村(社区)', en: 'The advisor does not serve this village on that day' } },
      ]);
    }
    const check = await this.repo.check(em, at.townId, at.villageId, e.serviceDate.slice(0, 7));
    if (check?.status === 'checked') throw new AppException(409, 'ADVISOR_MONTH_CHECKED', MONTH_CHECKED);
    const clash = await this.repo.overlapping(em, at.townId, [at.advisorId], span.startedAt, span.endedAt, at.exceptId);
    if (clash.length) {
      const c = clash[0];
      const text = `${c.number}(${c.serviceDate} ${c.startTime}–${c.endTime})`;
      throw new AppException(409, 'ADVISOR_SERVICE_OVERLAP', { zh: `该时段与您已登记的服务${text}重叠`, en: `This time overlaps your entry ${text}` }, [
        { path: 'startTime', code: 'overlap', message: { zh: `与${text}重叠`, en: `Overlaps ${text}` } },
      ]);
    }
    const client = ADVISOR_CLIENT_TYPES.includes(e.type);
    return {
      advisor_id: at.advisorId,
      ...columnsOf(SERVICE_FIELDS, PLAIN, { ...e, attendees: ADVISOR_EVENT_TYPES.includes(e.type) ? e.attendees : null }, true),
      started_at: span.startedAt,
      ended_at: span.endedAt,
      minutes: span.minutes,
      ...this.personal.columns('client_name', 'name', client ? e.clientName : null),
      ...this.personal.columns('client_phone', 'phone', client ? e.clientPhone : null),
    };
  }

  /** Today in a town (the due item and the grid's open months). */
  todayIn(timeZone: string): string {
    return plainDateInZone(this.kit.clock.now(), timeZone);
  }
}

type EntryFields = Pick<AdvisorServiceCreateDto, 'type' | 'serviceDate' | 'startTime' | 'endTime' | 'clientName' | 'clientPhone' | 'content' | 'result' | 'attendees' | 'remark'>;

/** A consultation names its client; a publicity event its attendees; phones are real numbers. */
function checkEntryFields(e: EntryFields): void {
  checkPersonalFields([{ path: 'clientPhone', kind: 'phone', value: ADVISOR_CLIENT_TYPES.includes(e.type) ? e.clientPhone : null }]);
  const errors = [];
  if (e.type === 'consultation' && !e.clientName) errors.push({ path: 'clientName', code: 'required', message: { zh: '法律咨询须填写服务对象', en: 'A consultation names its client' } });
  if (e.type === 'publicity' && (e.attendees === undefined || e.attendees === null)) {
    errors.push({ path: 'attendees', code: 'required', message: { zh: `${ADVISOR_SERVICE_TYPE_LABELS.publicity.zh}须填写参加人数`, en: 'A publicity event records its attendees' } });
  }
  if (errors.length) throw invalidFields(errors);
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A service's span, or the message of why the times give none. */
function spanOrProblem(date: string, start: string, end: string, timeZone: string): { startedAt: Date; endedAt: Date } | string {
  try {
    return serviceSpan(date, start, end, timeZone);
  } catch (e) {
    if (e instanceof AppException) return e.fieldErrors?.[0]?.message.zh ?? e.message;
    throw e;
  }
}
