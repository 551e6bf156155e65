import { Injectable } from '@nestjs/common';
import type { LedgerType } from '@fazhi/contracts';
import { EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { AppException, staleVersion } from '../../common/app-exception';
import { Clock } from '../../common/clock';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { recordVoid, updateVersioned } from '../records';
import { StatusHistoryService } from './status-history.service';

export interface LifecycleRecord {
  id: string;
  townId: string;
  status: string;
  voidedAt: Date | null;
}

export interface LifecycleRequest {
  /** The record's table, e.g. `vessel_case`. */
  table: string;
  ledger: LedgerType;
  row: LifecycleRecord;
  closedStatuses: readonly string[];
  version: number;
  reason: string;
  userId: string;
}

/**
 * Void and reopen (DOMAIN.md §2), the same for every ledger: a record is voided only before its
 * closure, keeps its number and stays visible marked void; a closed record goes back to the state
 * it was closed from by a logged reopen. Both run in the caller's transaction with the status
 * history and the audit row.
 */
@Injectable()
export class RecordLifecycle {
  constructor(
    private readonly history: StatusHistoryService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly deadlines: DeadlinesService,
  ) {}

  async voidRecord(em: EntityManager, r: LifecycleRequest): Promise<void> {
    const { row } = r;
    if (row.voidedAt) throw recordVoid();
    if (r.closedStatuses.includes(row.status)) {
      throw new AppException(409, 'RECORD_CLOSED', { zh: '已办结的记录不能作废，如需更正请先重新打开', en: 'A closed record cannot be voided; reopen it first' });
    }
    const now = this.clock.now();
    const set = { voided_at: now, void_reason: r.reason, voided_by: r.userId, updated_at: now, updated_by: r.userId };
    if (!(await updateVersioned(em, r.table, row.id, r.version, set))) throw staleVersion();
    // A void record leaves every list, the "my due and overdue" list included.
    for (const d of await this.deadlines.forRecord(r.ledger, row.id, row.townId, em)) if (!d.doneAt) await this.deadlines.complete(em, d.id, now);
    await this.history.record(em, { townId: row.townId, ledger: r.ledger, recordId: row.id, from: row.status, to: row.status, remark: `作废:${r.reason}` });
    await this.audit.record(em, { action: `${r.ledger}.void`, entity: r.ledger, entityId: row.id, townId: row.townId, before: { voided: false }, after: { voided: true, reason: r.reason } });
  }

  /** Answers the state the record went back to; `clear` lists the columns the closing step had set. */
  async reopenRecord(em: EntityManager, r: LifecycleRequest & { clear?: (back: string) => Record<string, unknown> }): Promise<string> {
    const { row } = r;
    if (!r.closedStatuses.includes(row.status)) {
      throw new AppException(409, 'RECORD_NOT_CLOSED', { zh: '只有已办结的记录才需要重新打开', en: 'Only closed records can be reopened' });
    }
    const [last] = await em.query<{ from_status: string }[]>(
      `SELECT from_status FROM status_history WHERE town_id = $4 AND ledger = $1 AND record_id = $2 AND to_status = $3 AND from_status <> to_status ORDER BY at DESC, id DESC LIMIT 1`,
      [r.ledger, row.id, row.status, row.townId],
    );
    const back = last?.from_status ?? 'registered';
    const set = { status: back, updated_at: this.clock.now(), updated_by: r.userId, ...(r.clear?.(back) ?? {}) };
    if (!(await updateVersioned(em, r.table, row.id, r.version, set))) throw staleVersion();
    await this.history.record(em, { townId: row.townId, ledger: r.ledger, recordId: row.id, from: row.status, to: back, remark: `重新打开:${r.reason}` });
    await this.audit.record(em, {
      action: `${r.ledger}.reopen`,
      entity: r.ledger,
      entityId: row.id,
      townId: row.townId,
      before: { status: row.status },
      after: { status: back },
      detail: { reason: r.reason },
    });
    return back;
  }
}
