import { Injectable } from '@nestjs/common';
import { availableTransitions, ColumnSpec, ErrorCode, ImportPreview, LedgerType, Page, plainDateInZone } from '@fazhi/contracts';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '../../access/principal';
import { AuditEntry, AuditService } from '../../audit/audit.service';
import { AppException, Bilingual, notFound, staleVersion } from '../../common/app-exception';
import { Clock } from '../../common/clock';
import { pageOf, toPage } from '../../common/pagination';
import { OrgTreeService } from '../../org/org-tree.service';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { TransitionDto, VoidDto } from '../ledger.dto';
import { importNumbers, importStale, LedgerImportSpec, PlannedImportRow, runLedgerImport, sendLedgerXlsx, startLedgerExport } from '../ledger-spreadsheet';
import { NumberingService } from '../numbering/numbering.service';
import { PersonalDataService } from '../personal-data/personal-data.service';
import { maskPersonalValue } from '../personal-data/personal-fields';
import { RecordHandle } from '../record-attachments';
import { RecordPlaces } from '../record-place';
import { assertWritableRecord } from '../records';
import { RecordLifecycle } from '../status/record-lifecycle';
import { StatusHistoryService } from '../status/status-history.service';
import { openStep, Workflow } from '../status/transitions';
import { checkPartPersonal, FieldColumns, fieldColumn, partAnswer, PartField, partField, PartRule, RecordPart } from './record-parts';
import { ListFilter, RecordKey, RecordRepository } from './record-repository';

/** What the record service base works with, injected once for every ledger. */
@Injectable()
export class RecordKit {
  constructor(
    readonly ds: DataSource,
    readonly audit: AuditService,
    readonly clock: Clock,
    readonly numbering: NumberingService,
    readonly history: StatusHistoryService,
    readonly lifecycle: RecordLifecycle,
    readonly places: RecordPlaces,
    readonly deadlines: DeadlinesService,
    readonly tree: OrgTreeService,
    readonly personal: PersonalDataService,
  ) {}
}

/** The columns every record row carries that the base reads. */
export interface KitRow {
  id: string;
  number: string;
  townId: string;
  villageId: string | null;
  status: string;
  version: number;
  voidedAt: Date | null;
  timeZone: string;
}

/** A ledger's fixed rules for the base. */
export interface RecordRules<S extends string> {
  ledger: LedgerType;
  /** The state a new record starts in. */
  initial: S;
  /** States a record is closed in: changes need a logged reopen first. */
  closedStatuses: readonly S[];
  notFound: Bilingual;
  /** The error code of a change refused in the record's state (409). */
  wrongStateCode: ErrorCode;
  /** The number label, when the ledger type table has none (`广海调〔2021〕第0001号`). */
  numberLabel?: string;
}

/** What a workflow guard sees: the transaction, the locked row, the step's data and today in the town. */
export interface StepContext<Row, D> {
  em: EntityManager;
  row: Row;
  data: D;
  today: string;
}

/** What a new record writes: its ledger's columns (checked first, given today in the town), then what hangs on it. */
export interface RecordCreation {
  columns: (em: EntityManager, today: string) => Promise<Record<string, unknown>> | Record<string, unknown>;
  then?: (em: EntityManager, id: string, number: string) => Promise<void>;
}

/** A change of a record or of one of its children (see `RecordService.change`). */
export interface RecordChange<Row, S extends string> {
  version: number;
  /** The states the change is allowed in, and what to answer otherwise. */
  states?: readonly S[];
  wrongState?: Bilingual;
  /** The record's columns to write with the version bump (checks run here, before the bump). */
  columns?: (em: EntityManager, row: Row) => Promise<Record<string, unknown>> | Record<string, unknown>;
  /** What follows the bump: child rows, audit, notifications. */
  then?: (em: EntityManager, row: Row) => Promise<void>;
}

/** The common columns of a record as it is registered: its number, first state and who/when. */
function newRecordColumns(id: string, place: { townId: string; villageId: string | null }, n: { number: string; year: number; seq: number }, status: string, now: Date, user: string) {
  return {
    id,
    town_id: place.townId,
    village_id: place.villageId,
    ...n,
    status,
    registered_at: now,
    handler_ids: [user],
    created_at: now,
    created_by: user,
    updated_at: now,
    updated_by: user,
    version: 1,
  };
}

/** A record's table of personal fields as the part-like shape partAnswer reads, made once per table. */
const personalParts = new WeakMap<object, { fields: FieldColumns; answer: readonly string[] }>();

/**
 * The work every ledger's service does the same way: list, find in scope, create (number, insert,
 * status history, audit), update, transition (the ledger's workflow and its guards), void, reopen,
 * unmask audit and changes of the record's children, each in one transaction that locks the
 * record, checks its state and version, bumps the version and writes the history and audit. The
 * ledger's service extends it and keeps only its own rules: its answers (`dtos`, `get`), the
 * columns of each step (`stepColumns`) and its workflow's guards.
 */
export abstract class RecordService<S extends string, Row extends KitRow, F extends ListFilter, Dto, Detail, D extends object = object, C extends StepContext<Row, D> = StepContext<Row, D>> {
  protected abstract readonly workflow: Workflow<S, D, C>;

  protected constructor(
    protected readonly kit: RecordKit,
    protected readonly records: RecordRepository<Row, F>,
    protected readonly rules: RecordRules<S>,
  ) {}

  /** Rows as the ledger answers them (in list order). */
  abstract dtos(rows: Row[], opts?: { unmasked?: boolean; em?: EntityManager }): Promise<Dto[]>;
  /** The record as its detail page shows it. */
  abstract get(principal: Principal, id: string): Promise<Detail>;
  /** The list query as repository filters. */
  abstract filter(query: object): F;

  /** The columns a step sets besides the status (and the work it does on other tables). */
  protected stepColumns(_em: EntityManager, _principal: Principal, _row: Row, _to: S, _data: D): Promise<Record<string, unknown>> | Record<string, unknown> {
    return {};
  }

  /** The columns a reopen clears, those the closing step had set. */
  protected reopenColumns(_row: Row): Record<string, unknown> {
    return {};
  }

  async list(principal: Principal, query: object & { page?: number; pageSize?: number }): Promise<Page<Dto>> {
    const { page, pageSize, offset } = pageOf(query);
    const { rows, total } = await this.records.list(principal.scope, this.filter(query), { offset, limit: pageSize });
    return toPage(await this.dtos(rows), total, page, pageSize);
  }

  /**
   * The list with its filters as the ledger's .xlsx (the 台账 layout of `columns`), audited; personal
   * data in full only with `unmask=true` and the permission. `cells` adds the export-only cells.
   */
  async exportXlsx(
    principal: Principal,
    query: object & { townId?: string; villageId?: string; unmask?: string },
    res: Response,
    layout: { title: (townName: string) => string; sheetName: string; columns: readonly ColumnSpec[]; cells?: (dto: Dto) => Record<string, unknown> },
  ): Promise<void> {
    const filter = this.filter(query);
    const counted = await this.records.count(principal.scope, filter);
    const { unmasked, townName, timeZone } = await startLedgerExport({ tree: this.kit.tree, audit: this.kit.audit }, { principal, ledger: this.rules.ledger, query, rows: counted });
    const stream = this.records.stream(principal.scope, filter);
    const answer = (rows: Row[]) => this.dtos(rows, { unmasked });
    const cells = layout.cells ?? ((dto: Dto) => dto as unknown as Record<string, unknown>);
    async function* rows() {
      const batch: Row[] = [];
      const flush = async function* () {
        for (const dto of await answer(batch.splice(0))) yield cells(dto);
      };
      for await (const row of stream) {
        batch.push(row);
        if (batch.length >= 200) yield* flush();
      }
      yield* flush();
    }
    await sendLedgerXlsx(res, { title: layout.title(townName), sheetName: layout.sheetName, columns: layout.columns, rows: rows(), unmasked, timeZone });
  }

  /**
   * An import in the ledger's 台账 layout, every row checked as `runLedgerImport` says; `commit`
   * writes all rows in one transaction: new rows numbered (a number given in the sheet is kept)
   * with the `cells` of their row, their status history (`导入`) and audit rows; known rows
   * updated against the version read, or nothing is imported.
   */
  async importXlsx(
    principal: Principal,
    content: Buffer,
    opts: { townId?: string; commit: boolean },
    layout: Pick<LedgerImportSpec<Row>, 'columns' | 'requiredForCreate' | 'personal' | 'numberExample' | 'villagesImport' | 'check'> & {
      /** The record's columns an imported row writes (cells the sheet leaves out are undefined); `planned` tells a new record from an update and names the masked cells left unchanged. */
      cells: (values: Record<string, unknown>, planned: PlannedImportRow<Row>) => Record<string, unknown>;
      /** The record as the audit row of an update shows it before. */
      auditBefore: (row: Row) => unknown;
    },
  ): Promise<ImportPreview> {
    const { ds, places, tree } = this.kit;
    return runLedgerImport(principal, content, opts, {
      ...layout,
      ds,
      places,
      tree,
      closedStatuses: this.rules.closedStatuses,
      table: this.records.table,
      byNumbers: (em, scope, townId, numbers) => this.records.byNumbers(em, scope, townId, numbers),
      apply: (em, townId, planned) => this.applyImport(em, principal, townId, planned, layout),
    });
  }

  private async applyImport(
    em: EntityManager,
    principal: Principal,
    townId: string,
    planned: PlannedImportRow<Row>[],
    layout: { cells: (values: Record<string, unknown>, planned: PlannedImportRow<Row>) => Record<string, unknown>; auditBefore: (row: Row) => unknown },
  ): Promise<void> {
    const { clock, numbering, history, audit } = this.kit;
    const { ledger, initial } = this.rules;
    const now = clock.now();
    const user = principal.user.id;
    const creates = planned.filter((p) => !p.existing);
    const numbers = await importNumbers(
      em,
      numbering,
      ledger,
      townId,
      now,
      creates.map((p) => p.row),
    );
    const audits: AuditEntry[] = [];
    const inserts = creates.map((p, i) => {
      const id = randomUUID();
      const { number, year, seq } = numbers[i];
      const cells = Object.fromEntries(Object.entries(layout.cells(p.row.values, p)).filter(([, v]) => v !== undefined && v !== null));
      audits.push({ action: `${ledger}.import.create`, entity: ledger, entityId: id, townId, after: { number, ...p.row.values } });
      return { ...newRecordColumns(id, { townId, villageId: p.villageId ?? null }, { number, year, seq }, initial, now, user), ...cells };
    });
    await this.records.insertMany(em, inserts);
    await history.recordMany(
      em,
      inserts.map((r) => ({ townId, ledger, recordId: r.id, from: null, to: initial, remark: '导入', at: now })),
    );
    for (const p of planned.filter((x) => x.existing)) {
      const current = p.existing!;
      const set: Record<string, unknown> = { updated_at: now, updated_by: user, ...layout.cells(p.row.values, p) };
      for (const k of Object.keys(set)) if (set[k] === undefined) delete set[k];
      if (p.villageId !== undefined) set.village_id = p.villageId;
      if (!(await this.records.update(em, current.id, current.version, set))) throw importStale(current.number);
      audits.push({ action: `${ledger}.import.update`, entity: ledger, entityId: current.id, townId, before: layout.auditBefore(current), after: p.row.values });
    }
    await audit.recordMany(em, audits);
  }

  /** The record when the caller may read it; 404 otherwise. */
  async visible(principal: Principal, id: string, em?: EntityManager, lock = false): Promise<Row> {
    const row = await this.records.findInScope(principal.scope, id, em, lock);
    if (!row) throw notFound(this.rules.notFound);
    return row;
  }

  /** Locks a record the caller may change: in scope, not void, not closed. */
  protected async writable(principal: Principal, id: string, em: EntityManager): Promise<Row> {
    const row = await this.visible(principal, id, em, true);
    assertWritableRecord(row, this.rules.closedStatuses);
    return row;
  }

  /** The record's answer after a change. */
  protected async answer(principal: Principal, id: string): Promise<Dto> {
    return (await this.dtos([(await this.records.findInScope(principal.scope, id))!]))[0];
  }

  protected async snapshot(em: EntityManager, row: Row): Promise<Dto> {
    return (await this.dtos([row], { em }))[0];
  }

  /** Today in the record's town. */
  protected today(row: { timeZone: string }): string {
    return plainDateInZone(this.kit.clock.now(), row.timeZone);
  }

  /** A town's time zone, from the cached org tree. */
  protected async timeZone(townId: string): Promise<string> {
    return (await this.kit.tree.byId()).get(townId)!.timeZone;
  }

  /** The columns every write stamps. */
  protected stamp(principal: Principal): Record<string, unknown> {
    return { updated_at: this.kit.clock.now(), updated_by: principal.user.id };
  }

  protected wrongState(message: Bilingual): AppException {
    return new AppException(409, this.rules.wrongStateCode, message);
  }

  /** An audit row about the record; the action is prefixed with the ledger (`dispute.risk`). */
  protected auditRecord(em: EntityManager, row: { id: string; townId: string }, action: string, entry: Omit<AuditEntry, 'action' | 'entity' | 'entityId' | 'townId'>): Promise<void> {
    return this.kit.audit.record(em, { action: `${this.rules.ledger}.${action}`, entity: this.rules.ledger, entityId: row.id, townId: row.townId, ...entry });
  }

  /**
   * Registers a record: `columns` (run first, given today in the town) answers the ledger's own
   * columns, then the number is drawn, the row inserted, `then` adds what hangs on it, and the
   * status history and the audit row are written.
   */
  protected async createRecord(principal: Principal, place: { townId: string; villageId: string | null }, c: RecordCreation): Promise<Dto> {
    const { id } = await this.kit.ds.transaction((em) => this.insertRecord(em, principal, place, c));
    return this.answer(principal, id);
  }

  /** `createRecord` inside the caller's transaction (a record created by another ledger's handover); answers its id and number. */
  async insertRecord(em: EntityManager, principal: Principal, place: { townId: string; villageId: string | null }, c: RecordCreation): Promise<{ id: string; number: string }> {
    const { clock, numbering, history } = this.kit;
    const now = clock.now();
    const id = randomUUID();
    const timeZone = await this.timeZone(place.townId);
    const user = principal.user.id;
    const columns = await c.columns(em, plainDateInZone(now, timeZone));
    const { number, year, seq } = await numbering.next(em, this.rules.ledger, place.townId, now, this.rules.numberLabel);
    await this.records.insert(em, { ...newRecordColumns(id, place, { number, year, seq }, this.rules.initial, now, user), ...columns });
    await c.then?.(em, id, number);
    await history.record(em, { townId: place.townId, ledger: this.rules.ledger, recordId: id, from: null, to: this.rules.initial, at: now });
    const after = (await this.records.findInScope(principal.scope, id, em))!;
    await this.auditRecord(em, after, 'create', { after: await this.snapshot(em, after) });
    return { id, number };
  }

  /** Edits a writable record's columns (`columns` answers them from the locked row), audited before and after. */
  protected async updateRecord(principal: Principal, id: string, version: number, columns: (em: EntityManager, before: Row) => Promise<Record<string, unknown>>): Promise<Dto> {
    await this.kit.ds.transaction(async (em) => {
      const before = await this.writable(principal, id, em);
      const set = { ...this.stamp(principal), ...(await columns(em, before)) };
      if (!(await this.records.update(em, id, version, set))) throw staleVersion();
      const after = (await this.records.findInScope(principal.scope, id, em))!;
      await this.auditRecord(em, before, 'update', { before: await this.snapshot(em, before), after: await this.snapshot(em, after) });
    });
    return this.answer(principal, id);
  }

  /**
   * A change of a writable record or of its children, in one transaction: lock, state check,
   * `columns`, the version bump (409 when stale), then `then`. Answers the detail.
   */
  protected async change(principal: Principal, id: string, c: RecordChange<Row, S>): Promise<Detail> {
    await this.kit.ds.transaction(async (em) => {
      const row = await this.writable(principal, id, em);
      if (c.states && !c.states.includes(row.status as S)) throw this.wrongState(c.wrongState ?? this.rules.notFound);
      const set = { ...this.stamp(principal), ...((await c.columns?.(em, row)) ?? {}) };
      if (!(await this.records.update(em, id, c.version, set))) throw staleVersion();
      await c.then?.(em, row);
    });
    return this.get(principal, id);
  }

  /** The part's rows of the records as the ledger answers them (masked unless `unmasked`), by record. */
  async partAnswers<P>(part: RecordPart<Row>, records: readonly RecordKey[], opts: { unmasked?: boolean; em?: EntityManager } = {}): Promise<Map<string, P[]>> {
    const rows = await this.records.parts(part, records, opts.em);
    return new Map([...rows].map(([id, list]) => [id, list.map((r) => partAnswer(part, r, this.decrypt, opts.unmasked ?? false) as P)]));
  }

  /**
   * Adds a row of the part to a writable record (the part's `add` rule: states, checks, the
   * record's columns), with its position, who and when; audited as `<ledger>.<part>.create` with
   * the entry, personal fields masked. Answers the detail.
   */
  addPart(principal: Principal, id: string, part: RecordPart<Row>, body: { version: number }): Promise<Detail> {
    const values = body as unknown as Record<string, unknown>;
    checkPartPersonal(part, values);
    return this.change(principal, id, {
      ...partRule(part.add, values),
      version: body.version,
      then: async (em, row) => {
        part.add?.check?.(values, row, this.today(row));
        const entry = await this.insertPart(em, principal, part, row.townId, id, values);
        await this.auditRecord(em, row, `${part.name}.create`, { after: part.added ? part.added(entry) : entry });
      },
    });
  }

  /** Inserts a row of the part (at `position`, or after the record's last); answers the entry as audited: its id and fields, personal ones masked. */
  protected async insertPart(em: EntityManager, principal: Principal, part: RecordPart<Row>, townId: string, id: string, values: object, position?: number): Promise<Record<string, unknown>> {
    const body = values as Record<string, unknown>;
    const entry: Record<string, unknown> = { id: randomUUID() };
    for (const field of Object.keys(part.fields)) {
      const { personal, absent } = partField(part, field);
      const value = body[field] ?? absent ?? null;
      entry[field] = personal ? maskPersonalValue(personal, value as string | null, false) : value;
    }
    await this.records.insertPart(em, part, {
      id: entry.id,
      town_id: townId,
      [part.parent]: id,
      ...this.fieldColumns(part.fields, body, true),
      ...(part.position ? { [part.position]: position ?? (await this.records.partCount(em, part, { id, townId })) } : {}),
      created_at: this.kit.clock.now(),
      created_by: principal.user.id,
    });
    return entry;
  }

  /** Changes the fields the body gives of one row of the part (404 when the record has no such row); audited before and after, masked. */
  updatePart(principal: Principal, id: string, part: RecordPart<Row>, partId: string, body: { version: number }): Promise<Detail> {
    const values = body as unknown as Record<string, unknown>;
    checkPartPersonal(part, values);
    return this.change(principal, id, {
      ...partRule(part.update, values),
      version: body.version,
      then: async (em, row) => {
        part.update?.check?.(values, row, this.today(row));
        const before = await this.partOf(em, part, row, partId);
        await this.records.updatePart(em, part, id, partId, this.fieldColumns(part.fields, values));
        await this.auditRecord(em, row, `${part.name}.update`, { before, after: await this.partOf(em, part, row, partId) });
      },
    });
  }

  /** Removes one row of the part (404 when the record has no such row); audited with what it was, masked. */
  removePart(principal: Principal, id: string, part: RecordPart<Row>, partId: string, version: number): Promise<Detail> {
    return this.change(principal, id, {
      ...partRule(part.remove, {}),
      version,
      then: async (em, row) => {
        const before = await this.partOf(em, part, row, partId);
        await this.records.removePart(em, part, id, partId);
        await this.auditRecord(em, row, `${part.name}.remove`, { before: part.removed ? Object.fromEntries(part.removed.map((k) => [k, before[k]])) : before });
      },
    });
  }

  /** One row of the record's part as answered (masked); 404 with the part's message when there is none. */
  private async partOf(em: EntityManager, part: RecordPart<Row>, record: RecordKey, partId: string): Promise<Record<string, unknown>> {
    const found = (await this.partAnswers<Record<string, unknown>>(part, [record], { em })).get(record.id)!.find((p) => p.id === partId);
    if (!found) throw notFound(part.notFound);
    return found;
  }

  /**
   * A body's columns from its fields' columns (a part's fields, a record's personal fields): the
   * fields it gives, or (`all`) every one, an absent one as declared or null; personal ones
   * encrypted with their blind index.
   */
  protected fieldColumns(fields: FieldColumns, body: object, all = false): Record<string, unknown> {
    const values = body as Record<string, unknown>;
    const set: Record<string, unknown> = {};
    for (const field of Object.keys(fields)) {
      const { column, personal, absent } = fieldColumn(fields, field);
      const value = values[field] === undefined && all ? (absent ?? null) : values[field];
      if (value === undefined) continue;
      Object.assign(set, personal ? this.kit.personal.columns(column, personal, value as string | null) : { [column]: value });
    }
    return set;
  }

  /** The personal fields of a record's row, decrypted and masked unless `unmasked`, in their order. */
  protected personalAnswer<K extends string>(fields: Record<K, PartField>, row: object, unmasked: boolean, into?: object): Record<K, string | null> {
    let part = personalParts.get(fields);
    if (!part) personalParts.set(fields, (part = { fields, answer: Object.keys(fields) }));
    return partAnswer(part, row, this.decrypt, unmasked, into) as Record<K, string | null>;
  }

  private readonly decrypt = (stored: string | null): string | null => this.kit.personal.decrypt(stored);

  /** One step of the workflow, atomically; answers the detail. */
  async transition(principal: Principal, id: string, dto: TransitionDto): Promise<Detail> {
    await this.kit.ds.transaction((em) => this.step(em, principal, id, dto));
    return this.get(principal, id);
  }

  /**
   * One step inside the caller's transaction: the step is checked against the workflow (guards
   * given the context, `extra` added to it), `stepColumns` answers what it sets, then the version
   * bump, the status history and the audit row.
   */
  async step(em: EntityManager, principal: Principal, id: string, dto: TransitionDto, extra?: Partial<C>): Promise<void> {
    const row = await this.visible(principal, id, em, true);
    const now = this.kit.clock.now();
    const { rule, data } = await openStep(this.workflow, {
      row,
      request: dto,
      permissions: principal.permissions,
      now,
      context: (data, today) => ({ em, row, data, today, ...extra }) as C,
    });
    const set = { status: rule.to, updated_at: now, updated_by: principal.user.id, ...(await this.stepColumns(em, principal, row, rule.to, data)) };
    if (!(await this.records.update(em, id, dto.version, set))) throw staleVersion();
    await this.kit.history.record(em, { townId: row.townId, ledger: this.rules.ledger, recordId: id, from: row.status, to: rule.to, remark: dto.remark ?? null, data: dto.data ?? null });
    await this.auditRecord(em, row, 'transition', {
      before: { status: row.status },
      after: { status: rule.to, ...(dto.data ?? {}) },
      detail: dto.remark ? { remark: dto.remark } : undefined,
    });
  }

  /** The steps the caller may take from the record's state (none on a void record). */
  protected transitions(row: Row, principal: Principal): { to: S; label: Bilingual; requires: string[] }[] {
    if (row.voidedAt) return [];
    return availableTransitions(this.workflow.table, row.status as S, principal.permissions).map((r) => ({ to: r.to, label: r.label, requires: [...(r.requires ?? [])] }));
  }

  async voidRecord(principal: Principal, id: string, dto: VoidDto): Promise<Dto> {
    await this.kit.ds.transaction(async (em) => {
      const row = await this.visible(principal, id, em, true);
      await this.kit.lifecycle.voidRecord(em, { ...this.lifecycleOf(row, principal), version: dto.version, reason: dto.reason });
    });
    return this.answer(principal, id);
  }

  /** A closed record goes back to the state it was closed from; logged and audited. */
  async reopen(principal: Principal, id: string, dto: VoidDto): Promise<Dto> {
    await this.kit.ds.transaction(async (em) => {
      const row = await this.visible(principal, id, em, true);
      await this.kit.lifecycle.reopenRecord(em, { ...this.lifecycleOf(row, principal), version: dto.version, reason: dto.reason, clear: () => this.reopenColumns(row) });
    });
    return this.answer(principal, id);
  }

  /** Audits that personal data of the record was shown in full. */
  protected auditUnmask(row: Row, detail: Record<string, unknown>): Promise<void> {
    return this.kit.ds.transaction((em) => this.auditRecord(em, row, 'unmask', { detail }));
  }

  /** The record as one that takes evidence (attachments carry and bump its version). */
  recordHandle(principal: Principal, id: string): RecordHandle {
    return {
      ledger: this.rules.ledger,
      recordId: id,
      userId: principal.user.id,
      lock: async (em) => {
        const row = await this.writable(principal, id, em);
        return { townId: row.townId, version: row.version };
      },
      bump: (em, version) => this.records.update(em, id, version, this.stamp(principal)),
    };
  }

  private lifecycleOf(row: Row, principal: Principal) {
    return { table: this.records.table, ledger: this.rules.ledger, row, closedStatuses: this.rules.closedStatuses, userId: principal.user.id };
  }
}

/** The state check and record columns of a part's change (see `RecordPart`). */
function partRule<Row, S extends string>(rule: PartRule<Row> | undefined, values: Record<string, unknown>): Pick<RecordChange<Row, S>, 'states' | 'wrongState' | 'columns'> {
  return { states: rule?.states as readonly S[] | undefined, wrongState: rule?.wrongState, columns: () => rule?.columns?.(values) ?? {} };
}
