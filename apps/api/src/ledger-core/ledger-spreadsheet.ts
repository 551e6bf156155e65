import { ColumnSpec, ImportPreview, ImportRowError, LedgerType, parseRecordNumber } from '@fazhi/contracts';
import type { Response } from 'express';
import { DataSource, EntityManager } from 'typeorm';
import { ResolvedScope } from '../access/data-scope';
import { Principal } from '../access/principal';
import { AuditService } from '../audit/audit.service';
import { OrgTreeService } from '../org/org-tree.service';
import { AppException } from '../common/app-exception';
import { contentDisposition } from './attachments/file-names';
import { cellError, LedgerRow, ParsedRow, ReadLedgerResult, readLedgerXlsx, writeLedgerXlsx } from './excel';
import { NumberingService, RecordNumber } from './numbering/numbering.service';
import type { PersonalKind } from './personal-data/personal-data.service';
import { RecordPlaces } from './record-place';
import { assertFilterInScope } from './scope-filters';
import { numbersInUse } from './records';
import { personalFieldErrors } from './personal-data/personal-fields';

/** Limits of a ledger import: the file, the inflated workbook and the rows. */
const LEDGER_IMPORT_LIMITS = { maxFileBytes: 10 * 1024 * 1024, maxUnzippedBytes: 100 * 1024 * 1024, maxRows: 20_000 };

/** What an export covers: full personal data or masked, the towns, the town's name and zone when there is one. */
export interface LedgerExport {
  unmasked: boolean;
  townIds: string[];
  townName: string;
  timeZone: string | undefined;
}

/**
 * Starts an export with the list's filters: personal data in full only with `unmask=true` and the
 * permission, the towns of the filter or of the caller's scope, and the audit row (rows, filters).
 */
export async function startLedgerExport(
  deps: { tree: OrgTreeService; audit: AuditService },
  o: { principal: Principal; ledger: LedgerType; query: { townId?: string; villageId?: string; unmask?: string; page?: number; pageSize?: number }; rows: number },
): Promise<LedgerExport> {
  const unmasked = o.query.unmask === 'true' && o.principal.permissions.has('personal.unmask');
  const units = await deps.tree.byId();
  assertFilterInScope(o.principal.scope, units, o.query);
  const townIds = o.query.townId ? [o.query.townId] : o.principal.scope.townIds;
  const town = townIds.length === 1 ? units.get(townIds[0]) : undefined;
  await deps.audit.recordOutside({
    action: `${o.ledger}.export`,
    entity: o.ledger,
    townId: townIds.length === 1 ? townIds[0] : null,
    detail: { filters: { ...o.query, page: undefined, pageSize: undefined }, rows: o.rows, unmasked },
  });
  return { unmasked, townIds, townName: town?.name ?? '', timeZone: town?.timeZone };
}

/** Streams a ledger as an .xlsx download in the 台账 layout (datetimes in the town's zone). */
export async function sendLedgerXlsx(
  res: Response,
  o: { title: string; sheetName: string; columns: readonly ColumnSpec[]; rows: AsyncIterable<LedgerRow>; unmasked: boolean; timeZone?: string },
): Promise<void> {
  res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  res.setHeader('Content-Disposition', contentDisposition(`${o.title}.xlsx`));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  await writeLedgerXlsx(res, { title: o.title, sheetName: o.sheetName, columns: o.columns, rows: o.rows, unmasked: o.unmasked, timeZone: o.timeZone });
}

/** What an import row's number refers to. */
export interface ImportedRecord {
  id: string;
  number: string;
  status: string;
  voidedAt: Date | null;
  version: number;
}

export interface PlannedImportRow<R extends ImportedRecord> {
  row: ParsedRow;
  /** The record the row updates, or null for a new one. */
  existing: R | null;
  /** undefined: the sheet has no village cell for the row (keep); null: cleared. */
  villageId: string | null | undefined;
}

interface ImportPlanInput<R extends ImportedRecord> {
  principal: Principal;
  townId: string;
  columns: readonly ColumnSpec[];
  parsed: ReadLedgerResult;
  /** Records of the town by number that the caller may write, for the numbers the sheet names. */
  existing: Map<string, R>;
  /** Numbers the sheet names that some record of the town holds, whether the caller may see it or not. */
  inUse: ReadonlySet<string>;
  villages: Map<string, string>;
  closedStatuses: readonly string[];
  requiredForCreate: readonly string[];
  /** Validated personal fields (ID and phone numbers). */
  personal: readonly { field: string; kind: PersonalKind }[];
  /** A number in the ledger's format, for the message of a malformed one. */
  numberExample: string;
}

/**
 * A number that names no record the caller may write but is held in the town: the same answer
 * whether the record is out of the caller's scope or the number is merely taken, so an import
 * tells nothing about records outside the scope.
 */
const NUMBER_UNAVAILABLE = '编号已被使用或不在您的数据范围内，新增记录请留空编号';

/** A problem of a row's cell, named by the column's header. */
function columnError(columns: readonly ColumnSpec[], row: number, field: string, message: string): ImportRowError {
  return cellError(row, field, columns.find((c) => c.field === field)?.header ?? field, message);
}

/** Reports a problem of a row's cell (`第5行“开始时间”:…`). */
export type ImportProblem = (row: number, field: string, message: string) => void;

/**
 * Checks every row of an import the same way for every ledger: numbers unique in the file, known
 * records neither void nor closed, required cells of new rows, villages of the town within the
 * caller's scope, ID and phone numbers valid, no masked values on new rows, numbers well formed.
 */
function planLedgerImport<R extends ImportedRecord>(o: ImportPlanInput<R>): { planned: PlannedImportRow<R>[]; preview: ImportPreview } {
  const errors: ImportRowError[] = [...o.parsed.errors];
  const problem = (row: number, field: string, message: string) => errors.push(columnError(o.columns, row, field, message));
  const seen = new Set<string>();
  const planned: PlannedImportRow<R>[] = [];
  for (const row of o.parsed.rows) {
    const v = row.values;
    const number = typeof v.number === 'string' && v.number !== '' ? v.number : null;
    if (number && seen.has(number)) problem(row.rowNumber, 'number', '编号在文件中重复');
    if (number) seen.add(number);
    const current = number ? (o.existing.get(number) ?? null) : null;
    if (current && (current.voidedAt || o.closedStatuses.includes(current.status))) problem(row.rowNumber, 'number', '该记录已作废或已办结,不能通过导入修改');
    if (!current) {
      for (const f of o.requiredForCreate) {
        const parseFailed = o.parsed.errors.some((e) => e.row === row.rowNumber && e.field === f);
        if ((v[f] === null || v[f] === undefined) && !parseFailed) problem(row.rowNumber, f, '新增记录必须填写');
      }
    }
    let villageId: string | null | undefined;
    if (typeof v.villageName === 'string' && v.villageName !== '') {
      villageId = o.villages.get(v.villageName);
      if (!villageId) problem(row.rowNumber, 'villageName', `本镇没有“${v.villageName}”`);
    } else if (v.villageName === null) villageId = null;
    const wholeTown = o.principal.scope.townIds.includes(o.townId) || o.principal.scope.ownTownIds.includes(o.townId);
    if (villageId ? !(wholeTown || o.principal.scope.villageIds.includes(villageId)) : !wholeTown && !current) problem(row.rowNumber, 'villageName', '不在您的数据范围内');
    const personal = o.personal.filter((p) => typeof v[p.field] === 'string' && !row.unchanged.has(p.field)).map((p) => ({ path: p.field, kind: p.kind, value: v[p.field] as string }));
    for (const e of personalFieldErrors(personal)) problem(row.rowNumber, e.path, e.code === 'id_number' ? '身份证号码不正确' : '电话号码格式不正确');
    if (!current && number && !/〔\d{4}〕第\d+号$/.test(number)) problem(row.rowNumber, 'number', `编号格式应如 ${o.numberExample}`);
    else if (!current && number && o.inUse.has(number)) problem(row.rowNumber, 'number', NUMBER_UNAVAILABLE);
    if (!current) for (const f of row.unchanged) problem(row.rowNumber, f, '新增记录不能使用脱敏后的值');
    planned.push({ row, existing: current, villageId });
  }
  errors.sort((a, b) => a.row - b.row);
  return {
    planned,
    preview: { rows: o.parsed.rows.length, creates: planned.filter((p) => !p.existing).length, updates: planned.filter((p) => p.existing).length, errors },
  };
}

/** What a ledger's import needs beyond the checks every ledger shares. */
export interface LedgerImportSpec<R extends ImportedRecord> extends Pick<ImportPlanInput<R>, 'columns' | 'closedStatuses' | 'requiredForCreate' | 'personal'> {
  ds: DataSource;
  places: RecordPlaces;
  tree: OrgTreeService;
  /** A number in the ledger's format for the town, for the message of a malformed one. */
  numberExample: (town: { name: string; numberPrefix: string | null }) => string;
  /** The ledger's table, for the numbers already taken in the town. */
  table: string;
  /** Records of the town by number, only those in the scope (the records the caller may write). */
  byNumbers: (em: EntityManager, scope: ResolvedScope, townId: string, numbers: string[]) => Promise<Map<string, R>>;
  /** Accounts that hold villages of a town (not the town) import the rows of their villages (every row names its village). */
  villagesImport?: boolean;
  /** The ledger's own checks of the planned rows (in the import's transaction), each problem reported with its row. */
  check?: (em: EntityManager, townId: string, planned: PlannedImportRow<R>[], problem: ImportProblem) => Promise<void>;
  /** Writes the checked rows (in the import's transaction). */
  apply: (em: EntityManager, townId: string, planned: PlannedImportRow<R>[]) => Promise<void>;
}

/**
 * A ledger import: the file read in the town's zone, every row checked (`planLedgerImport`); with
 * `commit`, all rows applied in one transaction, or none when any has an error.
 */
export async function runLedgerImport<R extends ImportedRecord>(principal: Principal, content: Buffer, opts: { townId?: string; commit: boolean }, spec: LedgerImportSpec<R>): Promise<ImportPreview> {
  const townId = spec.villagesImport ? await spec.places.importTown(principal, opts.townId) : (await spec.places.placeOf(principal, opts.townId, null)).townId;
  const town = (await spec.tree.byId()).get(townId)!;
  const parsed = await readLedgerXlsx(content, { columns: spec.columns, limits: LEDGER_IMPORT_LIMITS, timeZone: town.timeZone });
  return spec.ds.transaction(async (em) => {
    const numbers = parsed.rows.map((r) => r.values.number).filter((n): n is string => typeof n === 'string' && n !== '');
    const { planned, preview } = planLedgerImport({
      principal,
      townId,
      columns: spec.columns,
      parsed,
      existing: await spec.byNumbers(em, principal.scope, townId, numbers),
      inUse: await numbersInUse(em, spec.table, townId, numbers),
      villages: await spec.places.villagesByName(townId),
      closedStatuses: spec.closedStatuses,
      requiredForCreate: spec.requiredForCreate,
      personal: spec.personal,
      numberExample: spec.numberExample(town),
    });
    if (spec.check) {
      await spec.check(em, townId, planned, (row, field, message) => preview.errors.push(columnError(spec.columns, row, field, message)));
      preview.errors.sort((a, b) => a.row - b.row);
    }
    if (!opts.commit) return preview;
    if (preview.errors.length) throw importInvalid(preview);
    await spec.apply(em, townId, planned);
    return preview;
  });
}

/** The refusal of a commit whose file has errors: nothing is imported. */
function importInvalid(preview: ImportPreview): AppException {
  const { errors } = preview;
  return new AppException(
    400,
    'IMPORT_INVALID',
    { zh: `导入文件有 ${errors.length} 处错误，未导入任何记录`, en: `The file has ${errors.length} errors; nothing was imported` },
    errors.map((e) => ({ path: `rows[${e.row}].${e.field}`, code: 'invalid', message: { zh: e.message, en: e.message } })),
    { preview },
  );
}

/** A record changed by someone else while the import ran: nothing is imported. */
export function importStale(number: string): AppException {
  return new AppException(409, 'STALE_VERSION', { zh: `${number} 在导入期间被他人修改，未导入任何记录`, en: `${number} changed during the import; nothing was imported` });
}

/**
 * The numbers of the new rows of an import, in order: a number given in the sheet is kept and
 * the counter moves past the highest one of each year; rows without one get fresh numbers.
 */
export async function importNumbers(em: EntityManager, numbering: NumberingService, ledger: LedgerType, townId: string, now: Date, rows: ParsedRow[]): Promise<RecordNumber[]> {
  const fresh = await numbering.nextMany(em, ledger, townId, now, rows.filter((r) => !r.values.number).length);
  const highest = new Map<number, { number: string; seq: number }>();
  for (const r of rows) {
    const parsed = typeof r.values.number === 'string' && r.values.number ? parseRecordNumber(r.values.number) : null;
    if (!parsed) continue;
    const best = highest.get(parsed.year);
    if (!best || parsed.seq > best.seq) highest.set(parsed.year, { number: r.values.number as string, seq: parsed.seq });
  }
  for (const { number } of highest.values()) await numbering.claim(em, ledger, townId, number);
  let next = 0;
  return rows.map((r) => {
    const given = typeof r.values.number === 'string' && r.values.number ? parseRecordNumber(r.values.number) : null;
    return given ? { number: (r.values.number as string).trim(), year: given.year, seq: given.seq } : fresh[next++];
  });
}
