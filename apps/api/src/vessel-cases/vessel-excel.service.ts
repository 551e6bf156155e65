import { Injectable } from '@nestjs/common';
import {
  ImportPreview,
  ImportRowError,
  isValidIdNumber,
  isValidMobile,
  VESSEL_CLOSED_STATUSES,
  VESSEL_COLUMNS,
} from '@fazhi/contracts';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '../access/principal';
import { AuditService } from '../audit/audit.service';
import { AppException } from '../common/app-exception';
import { Clock } from '../common/clock';
import { contentDisposition } from '../ledger-core/attachments/file-names';
import { cellError, ParsedRow, readLedgerXlsx, writeLedgerXlsx } from '../ledger-core/excel';
import { NumberingService } from '../ledger-core/numbering/numbering.service';
import { PersonalDataService } from '../ledger-core/personal-data/personal-data.service';
import { StatusHistoryService } from '../ledger-core/status/status-history.service';
import { OrgTreeService } from '../org/org-tree.service';
import { VesselListQuery } from './vessel-case.dto';
import { VesselCaseRepository, VesselRow } from './vessel-case.repository';
import { LEDGER, VesselCaseService } from './vessel-case.service';

export const IMPORT_LIMITS = { maxFileBytes: 10 * 1024 * 1024, maxUnzippedBytes: 100 * 1024 * 1024, maxRows: 20_000 };

const EDITABLE: [field: string, column: string][] = [
  ['discoveredAt', 'discovered_at'], ['place', 'place'], ['source', 'source'], ['hullMaterial', 'hull_material'], ['lengthM', 'length_m'],
  ['enginePowerKw', 'engine_power_kw'], ['gearType', 'gear_type'], ['gearCount', 'gear_count'], ['marks', 'marks'], ['unclaimed', 'unclaimed'], ['remark', 'remark'],
];
const PERSONAL: [field: string, kind: 'name' | 'idNumber' | 'phone', column: string][] = [
  ['ownerName', 'name', 'owner_name'], ['ownerIdNumber', 'idNumber', 'owner_id'], ['ownerPhone', 'phone', 'owner_phone'],
];
const REQUIRED_FOR_CREATE = ['discoveredAt', 'place', 'source', 'hullMaterial'];

interface PlannedRow {
  row: ParsedRow;
  existing: VesselRow | null;
  villageId: string | null | undefined;
}

/** The vessel ledger in the town's Excel layout: export with the list's filters, import in one step. */
@Injectable()
export class VesselExcelService {
  constructor(
    private readonly ds: DataSource,
    private readonly repo: VesselCaseRepository,
    private readonly vessels: VesselCaseService,
    private readonly tree: OrgTreeService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly numbering: NumberingService,
    private readonly history: StatusHistoryService,
    private readonly personal: PersonalDataService,
  ) {}

  async export(principal: Principal, query: VesselListQuery & { unmask?: string }, res: Response): Promise<void> {
    const unmasked = query.unmask === 'true' && principal.permissions.has('personal.unmask');
    const filter = this.vessels.filter(query);
    const units = await this.tree.byId();
    const towns = query.townId ? [query.townId] : principal.scope.townIds;
    const townName = towns.length === 1 ? (units.get(towns[0])?.name ?? '') : '';
    const year = query.registeredYear ?? query.dismantledYear ?? query.handedOverYear;
    const title = `${townName}${year ? `${year}年` : ''}涉渔“三无”船舶台账`;
    const total = await this.repo.count(principal.scope, filter);
    await this.audit.recordOutside({ action: 'vessel-case.export', entity: LEDGER, townId: towns.length === 1 ? towns[0] : null, detail: { filters: { ...query, page: undefined, pageSize: undefined }, rows: total, unmasked } });
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', contentDisposition(`${title}.xlsx`));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    const stream = this.repo.stream(principal.scope, filter);
    const vessels = this.vessels;
    async function* rows() {
      for await (const row of stream) yield vessels.toDto(row, true) as unknown as Record<string, unknown>;
    }
    const timeZone = towns.length === 1 ? units.get(towns[0])?.timeZone : undefined;
    await writeLedgerXlsx(res, { title, sheetName: '三无船舶台账', columns: VESSEL_COLUMNS, rows: rows(), unmasked, timeZone });
  }

  /** Checks every row; `commit` then applies all of them in one transaction, or none. */
  async import(principal: Principal, content: Buffer, opts: { townId?: string; commit: boolean }): Promise<ImportPreview> {
    const { townId } = await this.vessels.placeOf(principal, opts.townId, null);
    const town = (await this.tree.byId()).get(townId)!;
    const parsed = await readLedgerXlsx(content, { columns: VESSEL_COLUMNS, limits: IMPORT_LIMITS, timeZone: town.timeZone });
    const errors: ImportRowError[] = [...parsed.errors];
    const header = (field: string) => VESSEL_COLUMNS.find((c) => c.field === field)?.header ?? field;
    const problem = (row: number, field: string, message: string) => errors.push(cellError(row, field, header(field), message));

    return this.ds.transaction(async (em) => {
      const numbers = parsed.rows.map((r) => r.values.number).filter((n): n is string => typeof n === 'string' && n !== '');
      const existing = await this.repo.byNumbers(em, townId, numbers);
      const seen = new Set<string>();
      const villages = new Map([...(await this.tree.byId()).values()].filter((u) => u.level === 'village' && u.townId === townId).map((u) => [u.name, u.id]));
      const planned: PlannedRow[] = [];
      for (const row of parsed.rows) {
        const v = row.values;
        const number = typeof v.number === 'string' && v.number !== '' ? v.number : null;
        if (number && seen.has(number)) problem(row.rowNumber, 'number', '编号在文件中重复');
        if (number) seen.add(number);
        const current = number ? (existing.get(number) ?? null) : null;
        if (current && (current.voidedAt || (VESSEL_CLOSED_STATUSES as readonly string[]).includes(current.status))) problem(row.rowNumber, 'number', '该记录已作废或已办结,不能通过导入修改');
        if (!current) {
          for (const f of REQUIRED_FOR_CREATE) {
            const parseFailed = parsed.errors.some((e) => e.row === row.rowNumber && e.field === f);
            if ((v[f] === null || v[f] === undefined) && !parseFailed) problem(row.rowNumber, f, '新增记录必须填写');
          }
        }
        let villageId: string | null | undefined;
        if (typeof v.villageName === 'string' && v.villageName !== '') {
          villageId = villages.get(v.villageName);
          if (!villageId) problem(row.rowNumber, 'villageName', `本镇没有“${v.villageName}”`);
        } else if (v.villageName === null) villageId = null;
        if (villageId && !(principal.scope.townIds.includes(townId) || principal.scope.villageIds.includes(villageId))) problem(row.rowNumber, 'villageName', '不在您的数据范围内');
        if (typeof v.ownerIdNumber === 'string' && !row.unchanged.has('ownerIdNumber') && !isValidIdNumber(v.ownerIdNumber.toUpperCase())) problem(row.rowNumber, 'ownerIdNumber', '身份证号码不正确');
        if (typeof v.ownerPhone === 'string' && !row.unchanged.has('ownerPhone') && !isValidMobile(v.ownerPhone)) problem(row.rowNumber, 'ownerPhone', '电话号码格式不正确');
        if ((!current && number) || (!current && !number)) {
          if (number && !/〔\d{4}〕第\d+号$/.test(number)) problem(row.rowNumber, 'number', '编号格式应如 广海三无〔2021〕第0001号');
        }
        if (!current && [...row.unchanged].length) for (const f of row.unchanged) problem(row.rowNumber, f, '新增记录不能使用脱敏后的值');
        planned.push({ row, existing: current, villageId });
      }
      errors.sort((a, b) => a.row - b.row);
      const preview: ImportPreview = {
        rows: parsed.rows.length,
        creates: planned.filter((p) => !p.existing).length,
        updates: planned.filter((p) => p.existing).length,
        errors,
      };
      if (!opts.commit) return preview;
      if (errors.length) {
        throw new AppException(
          400,
          'IMPORT_INVALID',
          { zh: `导入文件有 ${errors.length} 处错误,未导入任何记录`, en: `The file has ${errors.length} errors; nothing was imported` },
          errors.map((e) => ({ path: `rows[${e.row}].${e.field}`, code: 'invalid', message: { zh: e.message, en: e.message } })),
          { preview },
        );
      }
      await this.apply(em, principal, townId, planned);
      return preview;
    });
  }

  private async apply(em: EntityManager, principal: Principal, townId: string, planned: PlannedRow[]): Promise<void> {
    const now = this.clock.now();
    const creates = planned.filter((p) => !p.existing);
    const fresh = await this.numbering.nextMany(em, LEDGER, townId, now, creates.filter((p) => !p.row.values.number).length);
    const claimedMax = new Map<number, string>();
    for (const p of creates) {
      const n = p.row.values.number as string | null;
      if (!n) continue;
      const seq = Number(/第(\d+)号$/.exec(n)![1]);
      const year = Number(/〔(\d{4})〕/.exec(n)![1]);
      const best = claimedMax.get(year);
      if (!best || seq > Number(/第(\d+)号$/.exec(best)![1])) claimedMax.set(year, n);
    }
    for (const n of claimedMax.values()) await this.numbering.claim(em, LEDGER, townId, n);
    let next = 0;
    const inserts: Record<string, unknown>[] = [];
    const audits: Parameters<AuditService['recordMany']>[1] = [];
    for (const p of creates) {
      const v = p.row.values;
      const given = v.number as string | null;
      const num = given ? { number: given, year: Number(/〔(\d{4})〕/.exec(given)![1]), seq: Number(/第(\d+)号$/.exec(given)![1]) } : fresh[next++];
      const id = randomUUID();
      const record: Record<string, unknown> = {
        id, town_id: townId, village_id: p.villageId ?? null, number: num.number, year: num.year, seq: num.seq, status: 'registered', registered_at: now,
        created_at: now, created_by: principal.user.id, updated_at: now, updated_by: principal.user.id, unclaimed: false,
      };
      for (const [field, column] of EDITABLE) if (v[field] !== undefined && v[field] !== null) record[column] = v[field];
      for (const [field, kind, column] of PERSONAL) {
        const value = v[field];
        if (typeof value === 'string' && value !== '') Object.assign(record, { [`${column}_enc`]: this.personal.encrypt(value), [`${column}_idx`]: this.personal.blindIndex(kind, value) });
      }
      inserts.push(record);
      audits.push({ action: 'vessel-case.import.create', entity: LEDGER, entityId: id, townId, after: { number: num.number, ...v } });
    }
    for (let i = 0; i < inserts.length; i += 1000) {
      await em.query(
        `INSERT INTO vessel_case (id, town_id, village_id, number, year, seq, status, registered_at, created_at, created_by, updated_at, updated_by, version,
           discovered_at, place, source, hull_material, length_m, engine_power_kw, gear_type, gear_count, marks, unclaimed, remark,
           owner_name_enc, owner_name_idx, owner_id_enc, owner_id_idx, owner_phone_enc, owner_phone_idx)
         SELECT id, town_id, village_id, number, year, seq, status, registered_at, created_at, created_by, updated_at, updated_by, 1,
           discovered_at, place, source, hull_material, length_m, engine_power_kw, gear_type, gear_count, marks, COALESCE(unclaimed, false), remark,
           owner_name_enc, owner_name_idx, owner_id_enc, owner_id_idx, owner_phone_enc, owner_phone_idx
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, town_id uuid, village_id uuid, number varchar, year int, seq int, status varchar, registered_at timestamptz,
           created_at timestamptz, created_by uuid, updated_at timestamptz, updated_by uuid, discovered_at timestamptz, place varchar, source varchar, hull_material varchar,
           length_m numeric, engine_power_kw numeric, gear_type varchar, gear_count int, marks varchar, unclaimed boolean, remark varchar,
           owner_name_enc text, owner_name_idx varchar, owner_id_enc text, owner_id_idx varchar, owner_phone_enc text, owner_phone_idx varchar)`,
        [JSON.stringify(inserts.slice(i, i + 1000))],
      );
    }
    await this.history.recordMany(em, inserts.map((r) => ({ townId, ledger: LEDGER, recordId: r.id as string, from: null, to: 'registered', remark: '导入', at: now })));
    for (const p of planned.filter((x) => x.existing)) {
      const v = p.row.values;
      const current = p.existing!;
      const set: Record<string, unknown> = { updated_at: now, updated_by: principal.user.id };
      for (const [field, column] of EDITABLE) if (v[field] !== undefined) set[column] = v[field];
      if (p.villageId !== undefined) set.village_id = p.villageId;
      for (const [field, kind, column] of PERSONAL) {
        if (p.row.unchanged.has(field) || v[field] === undefined) continue;
        const value = v[field] as string | null;
        Object.assign(set, { [`${column}_enc`]: this.personal.encrypt(value), [`${column}_idx`]: this.personal.blindIndex(kind, value) });
      }
      if (!(await this.repo.update(em, current.id, current.version, set))) {
        throw new AppException(409, 'STALE_VERSION', { zh: `${current.number} 在导入期间被他人修改,未导入任何记录`, en: `${current.number} changed during the import; nothing was imported` });
      }
      audits.push({ action: 'vessel-case.import.update', entity: LEDGER, entityId: current.id, townId, before: this.vessels.toDto(current), after: v });
    }
    await this.audit.recordMany(em, audits);
  }
}
