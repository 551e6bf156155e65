import { Injectable } from '@nestjs/common';
import { DISPUTE_CLOSED_STATUSES, DISPUTE_COLUMNS, DISPUTE_PARTY_ROLE_LABELS, ImportPreview } from '@fazhi/contracts';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '../access/principal';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { importNumbers, importStale, PlannedImportRow, runLedgerImport } from '../ledger-core/ledger-spreadsheet';
import { NumberingService } from '../ledger-core/numbering/numbering.service';
import { RecordPlaces } from '../ledger-core/record-place';
import { StatusHistoryService } from '../ledger-core/status/status-history.service';
import { OrgTreeService } from '../org/org-tree.service';
import { DisputeListQuery } from './dispute.dto';
import { DisputeRepository, DisputeRow, LEDGER } from './dispute.repository';
import { DISPUTE_PLAIN_FIELDS, DisputeService } from './dispute.service';

const EDITABLE = DISPUTE_PLAIN_FIELDS;
const REQUIRED_FOR_CREATE = ['occurredOn', 'source', 'category', 'summary'];

/** The dispute ledger in the town's Excel layout: export with the list's filters, import in one step. */
@Injectable()
export class DisputeExcelService {
  constructor(
    private readonly ds: DataSource,
    private readonly repo: DisputeRepository,
    private readonly disputes: DisputeService,
    private readonly tree: OrgTreeService,
    private readonly places: RecordPlaces,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly numbering: NumberingService,
    private readonly history: StatusHistoryService,
  ) {}

  export(principal: Principal, query: DisputeListQuery & { unmask?: string }, res: Response): Promise<void> {
    const year = query.registeredYear ?? query.agreedYear ?? query.acceptedYear ?? query.concludedYear;
    return this.disputes.exportXlsx(principal, query, res, {
      title: (townName) => `${townName}${year ? `${year}年` : ''}矛盾纠纷排查化解台账`,
      sheetName: '矛盾纠纷台账',
      columns: DISPUTE_COLUMNS,
      cells: (dto) => ({
        ...dto,
        partyNames: dto.parties.map((p) => `${p.name}(${DISPUTE_PARTY_ROLE_LABELS[p.role]})`).join('、'),
        mediatorNames: dto.mediatorNames.join('、'),
      }),
    });
  }

  /** Checks every row; `commit` then applies all of them in one transaction, or none. */
  async import(principal: Principal, content: Buffer, opts: { townId?: string; commit: boolean }): Promise<ImportPreview> {
    return runLedgerImport(principal, content, opts, {
      ds: this.ds,
      places: this.places,
      tree: this.tree,
      columns: DISPUTE_COLUMNS,
      closedStatuses: DISPUTE_CLOSED_STATUSES,
      requiredForCreate: REQUIRED_FOR_CREATE,
      personal: [],
      numberExample: (town) => `${town.numberPrefix ?? town.name}调〔2021〕第0001号`,
      table: 'dispute',
      byNumbers: (em, scope, townId, numbers) => this.repo.byNumbers(em, scope, townId, numbers),
      apply: (em, townId, planned) => this.apply(em, principal, townId, planned),
    });
  }

  private async apply(em: EntityManager, principal: Principal, townId: string, planned: PlannedImportRow<DisputeRow>[]): Promise<void> {
    const now = this.clock.now();
    const creates = planned.filter((p) => !p.existing);
    const numbers = await importNumbers(em, this.numbering, LEDGER, townId, now, creates.map((p) => p.row));
    const inserts: Record<string, unknown>[] = [];
    const audits: Parameters<AuditService['recordMany']>[1] = [];
    creates.forEach((p, i) => {
      const v = p.row.values;
      const id = randomUUID();
      const record: Record<string, unknown> = {
        id, town_id: townId, village_id: p.villageId ?? null, number: numbers[i].number, year: numbers[i].year, seq: numbers[i].seq, status: 'registered', registered_at: now,
        handler_ids: [principal.user.id], created_at: now, created_by: principal.user.id, updated_at: now, updated_by: principal.user.id, version: 1,
      };
      for (const [field, column] of EDITABLE) if (v[field] !== undefined && v[field] !== null) record[column] = v[field];
      inserts.push(record);
      audits.push({ action: 'dispute.import.create', entity: LEDGER, entityId: id, townId, after: { number: numbers[i].number, ...v } });
    });
    await this.repo.insertMany(em, inserts);
    await this.history.recordMany(em, inserts.map((r) => ({ townId, ledger: LEDGER, recordId: r.id as string, from: null, to: 'registered', remark: '导入', at: now })));
    for (const p of planned.filter((x) => x.existing)) {
      const v = p.row.values;
      const current = p.existing!;
      const set: Record<string, unknown> = { updated_at: now, updated_by: principal.user.id };
      for (const [field, column] of EDITABLE) if (v[field] !== undefined) set[column] = v[field];
      if (p.villageId !== undefined) set.village_id = p.villageId;
      if (!(await this.repo.update(em, current.id, current.version, set))) throw importStale(current.number);
      audits.push({ action: 'dispute.import.update', entity: LEDGER, entityId: current.id, townId, before: this.disputes.toDto(current, []), after: v });
    }
    await this.audit.recordMany(em, audits);
  }
}
