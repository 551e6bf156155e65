import { Injectable } from '@nestjs/common';
import { ImportPreview, VESSEL_CLOSED_STATUSES, VESSEL_COLUMNS } from '@fazhi/contracts';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Principal } from '../access/principal';
import { AuditService } from '../audit/audit.service';
import { RecordKit } from '../ledger-core/kit/record-service';
import { importNumbers, importStale, PlannedImportRow, runLedgerImport } from '../ledger-core/ledger-spreadsheet';
import { PersonalDataService } from '../ledger-core/personal-data/personal-data.service';
import { VesselListQuery } from './vessel-case.dto';
import { VesselCaseRepository, VesselRow } from './vessel-case.repository';
import { LEDGER, OWNER_FIELDS, PLAIN_FIELDS, VesselCaseService } from './vessel-case.service';

/** What the town's sheet carries of the registration (no coordinates, no notice dates). */
const EDITABLE = PLAIN_FIELDS.filter(([field]) => !['gpsLat', 'gpsLng', 'noticeStart', 'noticeEnd'].includes(field));
const REQUIRED_FOR_CREATE = ['discoveredAt', 'place', 'source', 'hullMaterial'];

type PlannedRow = PlannedImportRow<VesselRow>;

/** The vessel ledger in the town's Excel layout: export with the list's filters, import in one step. */
@Injectable()
export class VesselExcelService {
  constructor(
    private readonly kit: RecordKit,
    private readonly repo: VesselCaseRepository,
    private readonly vessels: VesselCaseService,
    private readonly personal: PersonalDataService,
  ) {}

  export(principal: Principal, query: VesselListQuery & { unmask?: string }, res: Response): Promise<void> {
    const year = query.registeredYear ?? query.dismantledYear ?? query.handedOverYear;
    return this.vessels.exportXlsx(principal, query, res, { title: (townName) => `${townName}${year ? `${year}年` : ''}涉渔“三无”船舶台账`, sheetName: '三无船舶台账', columns: VESSEL_COLUMNS });
  }

  /** Checks every row; `commit` then applies all of them in one transaction, or none. */
  async import(principal: Principal, content: Buffer, opts: { townId?: string; commit: boolean }): Promise<ImportPreview> {
    return runLedgerImport(principal, content, opts, {
      ds: this.kit.ds,
      places: this.kit.places,
      tree: this.kit.tree,
      columns: VESSEL_COLUMNS,
      closedStatuses: VESSEL_CLOSED_STATUSES,
      requiredForCreate: REQUIRED_FOR_CREATE,
      personal: OWNER_FIELDS.map(({ field, kind }) => ({ field, kind })),
      numberExample: () => '广海三无〔2021〕第0001号',
      table: 'vessel_case',
      byNumbers: (em, scope, townId, numbers) => this.repo.byNumbers(em, scope, townId, numbers),
      apply: (em, townId, planned) => this.apply(em, principal, townId, planned),
    });
  }

  private async apply(em: EntityManager, principal: Principal, townId: string, planned: PlannedRow[]): Promise<void> {
    const now = this.kit.clock.now();
    const creates = planned.filter((p) => !p.existing);
    const numbers = await importNumbers(em, this.kit.numbering, LEDGER, townId, now, creates.map((p) => p.row));
    const inserts: Record<string, unknown>[] = [];
    const audits: Parameters<AuditService['recordMany']>[1] = [];
    for (const [i, p] of creates.entries()) {
      const v = p.row.values;
      const num = numbers[i];
      const id = randomUUID();
      const record: Record<string, unknown> = {
        id, town_id: townId, village_id: p.villageId ?? null, number: num.number, year: num.year, seq: num.seq, status: 'registered', registered_at: now,
        created_at: now, created_by: principal.user.id, updated_at: now, updated_by: principal.user.id, version: 1, unclaimed: false,
      };
      for (const [field, column] of EDITABLE) if (v[field] !== undefined && v[field] !== null) record[column] = v[field];
      for (const { field, kind, column } of OWNER_FIELDS) {
        const value = v[field];
        if (typeof value === 'string' && value !== '') Object.assign(record, this.personal.columns(column, kind, value));
      }
      inserts.push(record);
      audits.push({ action: 'vessel-case.import.create', entity: LEDGER, entityId: id, townId, after: { number: num.number, ...v } });
    }
    await this.repo.insertMany(em, inserts);
    await this.kit.history.recordMany(em, inserts.map((r) => ({ townId, ledger: LEDGER, recordId: r.id as string, from: null, to: 'registered', remark: '导入', at: now })));
    for (const p of planned.filter((x) => x.existing)) {
      const v = p.row.values;
      const current = p.existing!;
      const set: Record<string, unknown> = { updated_at: now, updated_by: principal.user.id };
      for (const [field, column] of EDITABLE) if (v[field] !== undefined) set[column] = v[field];
      if (p.villageId !== undefined) set.village_id = p.villageId;
      for (const { field, kind, column } of OWNER_FIELDS) {
        if (p.row.unchanged.has(field) || v[field] === undefined) continue;
        Object.assign(set, this.personal.columns(column, kind, v[field] as string | null));
      }
      if (!(await this.repo.update(em, current.id, current.version, set))) throw importStale(current.number);
      audits.push({ action: 'vessel-case.import.update', entity: LEDGER, entityId: current.id, townId, before: this.vessels.toDto(current), after: v });
    }
    await this.kit.audit.recordMany(em, audits);
  }
}
