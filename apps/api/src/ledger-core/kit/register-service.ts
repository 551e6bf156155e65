import { Injectable } from '@nestjs/common';
import { Page, PersonalKind, plainDateInZone, RegisterRowDto, UserChoiceDto } from '@fazhi/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '../../access/principal';
import { AuditEntry, AuditService } from '../../audit/audit.service';
import { AppException, Bilingual, invalidFields, notFound, staleVersion } from '../../common/app-exception';
import { Clock } from '../../common/clock';
import { pageOf, toPage } from '../../common/pagination';
import { NumberingService } from '../numbering/numbering.service';
import { PersonalDataService } from '../personal-data/personal-data.service';
import { checkPersonalFields, maskPersonalValue } from '../personal-data/personal-fields';
import { RecordHandle } from '../record-attachments';
import { RecordPlaces } from '../record-place';
import { StatusHistoryService } from '../status/status-history.service';
import { columnsFrom, snake } from './record-parts';
import { ListFilter } from './record-repository';
import { RegisterRepository } from './register-repository';

/** What the register service base works with, injected once for every register. */
@Injectable()
export class RegisterKit {
  constructor(
    readonly ds: DataSource,
    readonly audit: AuditService,
    readonly clock: Clock,
    readonly places: RecordPlaces,
    readonly personal: PersonalDataService,
    readonly numbering: NumberingService,
    readonly history: StatusHistoryService,
  ) {}
}

/** The columns every register row carries that the base reads. */
export interface RegisterRow {
  id: string;
  townId: string;
  version: number;
  timeZone: string;
}

/** The fields a `RegisterRowDto` ends with, and the row's columns they come from. */
type RowEndSource = { userId: string | null; userName: string | null; remark: string | null; version: number; createdAt: Date; updatedAt: Date };
type RegisterRowEnd = Pick<RegisterRowDto, 'activeNow' | 'userId' | 'userName' | 'remark' | 'version' | 'createdAt' | 'updatedAt'>;

/**
 * The fields a `RegisterRowDto` answers after the register's own: whether the row is active today,
 * its account, remark, version and times; added to `into` (the answer being built) when given.
 */
export function registerRowEnd(row: RowEndSource, activeNow: boolean): RegisterRowEnd;
export function registerRowEnd<I extends object>(row: RowEndSource, activeNow: boolean, into: I): I & RegisterRowEnd;
export function registerRowEnd(row: RowEndSource, activeNow: boolean, into?: object): RegisterRowEnd {
  const end = (into ?? {}) as RegisterRowEnd;
  end.activeNow = activeNow;
  end.userId = row.userId;
  end.userName = row.userName;
  end.remark = row.remark;
  end.version = row.version;
  end.createdAt = new Date(row.createdAt).toISOString();
  end.updatedAt = new Date(row.updatedAt).toISOString();
  return end;
}

/** A register's fixed rules for the base. */
export interface RegisterRules {
  /** The audit entity and the prefix of its actions (`peace-officer` → `peace-officer.create`). */
  entity: string;
  notFound: Bilingual;
  /**
   * Personal fields (field → kind), stored as `<column>_enc` and `<column>_idx` (encrypted and
   * blind-indexed): checked on input, masked in answers, searched by their index, shown in full
   * only by an audited unmask.
   */
  personal?: Record<string, PersonalKind>;
  /** Fields unique in the town (field → the message of the 409 `DUPLICATE` naming it), checked on every write that sets them. */
  unique?: Record<string, Bilingual>;
}

/** A change of a register row (see `RegisterService.change`). */
export interface RegisterChange<Row> {
  version: number;
  /** The row's columns to write with the version bump (checks run here, before the bump). */
  columns?: (em: EntityManager, row: Row) => Promise<Record<string, unknown>> | Record<string, unknown>;
  /** What follows the bump: child rows, audit, work on other tables. */
  then?: (em: EntityManager, row: Row) => Promise<void>;
}

/**
 * The work every register's service does the same way: list and find in scope, create, change and
 * remove a row in one transaction that locks it, checks its version (409 when stale), stamps who
 * changed it and writes the audit row; personal fields encrypted, masked, searched by their blind
 * index and unmasked with an audit row; the town's accounts a row may be linked to. The register's
 * service extends it and keeps its answer (`toDto`) and its own rules.
 */
export abstract class RegisterService<Row extends RegisterRow, F extends ListFilter, Dto, Detail = Dto> {
  protected constructor(
    protected readonly kit: RegisterKit,
    protected readonly rows: RegisterRepository<Row, F>,
    protected readonly rules: RegisterRules,
  ) {}

  /** A row as the register answers it (`unmasked`: personal fields in full, for an audited export). */
  abstract toDto(row: Row, unmasked?: boolean): Dto;

  /** The list query as repository filters: the personal fields searched by their blind index. */
  filter(query: object): F {
    const personal = Object.entries(this.rules.personal ?? {});
    return this.kit.personal.indexSearch(query, Object.fromEntries(personal.map(([field, kind]) => [field, [`${field}Idx`, kind]])));
  }

  async list(principal: Principal, query: object & { page?: number; pageSize?: number }): Promise<Page<Dto>> {
    const { page, pageSize, offset } = pageOf(query);
    const { rows, total } = await this.rows.list(principal.scope, this.filter(query), { offset, limit: pageSize });
    return toPage(
      rows.map((r) => this.toDto(r)),
      total,
      page,
      pageSize,
    );
  }

  /** Every row of the scope matching the query, unpaged. */
  async all(principal: Principal, query: object): Promise<Dto[]> {
    const { rows } = await this.rows.list(principal.scope, this.filter(query), { offset: 0, limit: Number.MAX_SAFE_INTEGER });
    return rows.map((r) => this.toDto(r));
  }

  /** The row when the caller may read it; 404 otherwise. */
  async visible(principal: Principal, id: string, em?: EntityManager, lock = false): Promise<Row> {
    const row = await this.rows.findInScope(principal.scope, id, em, lock);
    if (!row) throw notFound(this.rules.notFound);
    return row;
  }

  /** The row as its detail shows it. */
  async get(principal: Principal, id: string): Promise<Detail> {
    return this.toDto(await this.visible(principal, id)) as unknown as Detail;
  }

  /** Locks a row the caller may change; a register with states refuses here the rows that cannot change. */
  protected writable(principal: Principal, id: string, em: EntityManager): Promise<Row> {
    return this.visible(principal, id, em, true);
  }

  /** The row's answer after a change. */
  protected async answer(principal: Principal, id: string): Promise<Dto> {
    return this.toDto(await this.visible(principal, id));
  }

  /** Today in the row's town. */
  protected today(row: { timeZone: string }): string {
    return plainDateInZone(this.kit.clock.now(), row.timeZone);
  }

  /** The columns every write stamps. */
  protected stamp(principal: Principal): Record<string, unknown> {
    return { updated_at: this.kit.clock.now(), updated_by: principal.user.id };
  }

  /** An audit row about the register row; the action is prefixed with the entity (`certificate.renew`). */
  protected audited(em: EntityManager, row: { id: string; townId: string }, action: string, entry: Omit<AuditEntry, 'action' | 'entity' | 'entityId' | 'townId'>): Promise<void> {
    return this.kit.audit.record(em, { action: `${this.rules.entity}.${action}`, entity: this.rules.entity, entityId: row.id, townId: row.townId, ...entry });
  }

  /**
   * Adds a row of the town: `columns` (run first, in the transaction, given the time of the write)
   * answers the register's columns, then the row is inserted with who and when, `then` adds what
   * hangs on it, and the `<entity>.create` audit row shows `after` (default: the row's answer).
   */
  protected async createRow(
    principal: Principal,
    townId: string,
    c: {
      columns: (em: EntityManager, now: Date) => Promise<Record<string, unknown>> | Record<string, unknown>;
      then?: (em: EntityManager, id: string) => Promise<void>;
      after?: (row: Row) => unknown;
    },
  ): Promise<Dto> {
    const id = randomUUID();
    const now = this.kit.clock.now();
    const user = principal.user.id;
    await this.kit.ds.transaction(async (em) => {
      const columns = await c.columns(em, now);
      await this.assertUnique(em, townId, columns, null);
      await this.rows.insert(em, { id, town_id: townId, ...columns, created_at: now, created_by: user, updated_at: now, updated_by: user, version: 1 });
      await c.then?.(em, id);
      const row = (await this.rows.findInScope(principal.scope, id, em))!;
      await this.audited(em, row, 'create', { after: c.after ? c.after(row) : this.toDto(row) });
    });
    return this.answer(principal, id);
  }

  /**
   * A change of a row in one transaction: lock (`writable`), `columns`, the version bump with who
   * and when (409 when stale), then `then`. Answers the row.
   */
  protected async change(principal: Principal, id: string, c: RegisterChange<Row>): Promise<Dto> {
    await this.kit.ds.transaction(async (em) => {
      const row = await this.writable(principal, id, em);
      const columns = (await c.columns?.(em, row)) ?? {};
      await this.assertUnique(em, row.townId, columns, id);
      if (!(await this.rows.update(em, id, c.version, { ...columns, ...this.stamp(principal) }))) throw staleVersion();
      await c.then?.(em, row);
    });
    return this.answer(principal, id);
  }

  /** Edits a row's columns, audited as `<entity>.update` with its answer before and after. */
  protected updateRow(principal: Principal, id: string, version: number, columns: RegisterChange<Row>['columns']): Promise<Dto> {
    return this.change(principal, id, {
      version,
      columns,
      then: async (em, before) => {
        const after = (await this.rows.findInScope(principal.scope, id, em))!;
        await this.audited(em, before, 'update', { before: this.toDto(before), after: this.toDto(after) });
      },
    });
  }

  /** Removes a row (409 when stale), audited as `<entity>.delete` with its answer before. */
  async remove(principal: Principal, id: string, version: number): Promise<void> {
    await this.kit.ds.transaction(async (em) => {
      const row = await this.writable(principal, id, em);
      if (!(await this.rows.remove(em, id, version))) throw staleVersion();
      await this.audited(em, row, 'delete', { before: this.toDto(row) });
    });
  }

  /** Refuses (409 `DUPLICATE`) a unique field's value that another row of the town holds. */
  private async assertUnique(em: EntityManager, townId: string, columns: Record<string, unknown>, exceptId: string | null): Promise<void> {
    for (const [field, message] of Object.entries(this.rules.unique ?? {})) {
      const value = columns[snake(field)];
      if (value === undefined || value === null) continue;
      const holder = await this.rows.holderOf(em, townId, snake(field), value);
      if (holder && holder !== exceptId) throw new AppException(409, 'DUPLICATE', message, [{ path: field, code: 'duplicate', message }]);
    }
  }

  /**
   * The columns of a body's `fields` (`activeFrom` → `active_from`; a personal field → its
   * ciphertext and blind index). A field the body leaves out is left out, or written as `absent`
   * when one is given (a new row's empty fields).
   */
  protected columnsOf<B extends object>(body: B, fields: readonly (keyof B & string)[], absent?: null): Record<string, unknown> {
    const personal = new Map(Object.entries(this.rules.personal ?? {}).map(([field, kind]) => [snake(field), kind]));
    return Object.fromEntries(
      Object.entries(columnsFrom(fields, body, absent === null)).flatMap(([column, value]) => {
        const kind = personal.get(column);
        return kind ? Object.entries(this.kit.personal.columns(column, kind, value as string | null)) : [[column, value]];
      }),
    );
  }

  /** Refuses a body whose personal fields are malformed (400, field by field). */
  protected checkPersonal(body: object): void {
    const values = body as Record<string, string | null | undefined>;
    checkPersonalFields(Object.entries(this.rules.personal ?? {}).map(([path, kind]) => ({ path, kind, value: values[path] })));
  }

  /** A personal field of a row, masked unless `unmasked`. */
  protected personal(row: Row, field: string, unmasked = false): string | null {
    const kind = this.rules.personal![field];
    return maskPersonalValue(kind, this.kit.personal.decrypt((row as unknown as Record<string, string | null>)[`${field}Enc`]), unmasked);
  }

  /** The row's personal fields in full, with the `<entity>.unmask` audit row naming the fields asked for and the reason. */
  async unmask(principal: Principal, id: string, body: { fields: string[]; reason: string }): Promise<Record<string, string | null>> {
    const row = await this.visible(principal, id);
    await this.kit.ds.transaction((em) => this.audited(em, row, 'unmask', { detail: { fields: body.fields, reason: body.reason } }));
    return Object.fromEntries(Object.keys(this.rules.personal ?? {}).map((field) => [field, this.personal(row, field, true)]));
  }

  /** The town's active accounts a row may be linked to (the rule `checkAccount` applies). */
  async accounts(principal: Principal, townId: string | undefined): Promise<UserChoiceDto[]> {
    const place = await this.kit.places.placeOf(principal, townId, null);
    return this.rows.accounts(place.townId);
  }

  /** Refuses a linked account that is not an active account of the town (400 on `path`). */
  protected async checkAccount(em: EntityManager, townId: string, userId: string, path = 'userId'): Promise<void> {
    if (!(await this.rows.isTownAccount(em, townId, userId)))
      throw invalidFields([{ path, code: 'not_found', message: { zh: '关联账号须为本镇在用账号', en: 'The linked account must be an active account of the town' } }]);
  }

  /** The row as one that takes evidence (attachments carry and bump its version). */
  recordHandle(principal: Principal, id: string): RecordHandle {
    return {
      ledger: this.rules.entity as RecordHandle['ledger'],
      recordId: id,
      userId: principal.user.id,
      lock: async (em) => {
        const row = await this.writable(principal, id, em);
        return { townId: row.townId, version: row.version };
      },
      bump: (em, version) => this.rows.update(em, id, version, this.stamp(principal)),
    };
  }
}
