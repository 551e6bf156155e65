import { Injectable } from '@nestjs/common';
import type { LedgerType, PermissionCode, RecordLinkDto } from '@fazhi/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '../../access/principal';
import { AppException, notFound } from '../../common/app-exception';
import { Clock } from '../../common/clock';
import { insertRows } from '../kit/record-repository';

/** What a record handed over from another ledger starts with. */
export interface HandoverRequest {
  townId: string;
  villageId: string | null;
  /** The day the matter arose (YYYY-MM-DD). */
  occurredOn: string;
  summary: string;
  /** The receiving ledger's own category, when it has one. */
  category?: string;
  /** The person concerned, in plain text (the receiving ledger protects it its own way). */
  person?: { name: string | null; phone: string | null };
  from: { ledger: LedgerType; id: string; number: string };
}

/**
 * A ledger's part in record links: the permission that reads its records, whether the caller may
 * see one, and optionally how it creates a record handed over from another ledger (inside the
 * caller's transaction).
 */
export interface LinkedLedger {
  ledger: LedgerType;
  read: PermissionCode;
  /** The record when the caller may see it (404 otherwise); a link lies in its record's town. */
  visible(principal: Principal, id: string): Promise<{ townId: string }>;
  handover?(em: EntityManager, principal: Principal, request: HandoverRequest): Promise<{ id: string; number: string }>;
}

const NOT_RECEIVING = { zh: '该台账不接收转办', en: 'This ledger does not take handovers' };

/**
 * Links between records of two ledgers, kept by the core: each ledger registers its part
 * (`register`, from its module's provider), and a handover creates the receiving record and the
 * link in the caller's transaction, so no ledger imports another.
 */
@Injectable()
export class RecordLinks {
  private readonly ledgers = new Map<string, LinkedLedger>();

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  register(part: LinkedLedger): void {
    this.ledgers.set(part.ledger, part);
  }

  /** Whether a ledger takes handovers (its part is registered with a `handover`). */
  receives(ledger: LedgerType): boolean {
    return this.ledgers.get(ledger)?.handover !== undefined;
  }

  /** Creates the receiving record from `request` and links the two, in the caller's transaction. */
  async handOver(em: EntityManager, principal: Principal, to: LedgerType, request: HandoverRequest): Promise<{ id: string; number: string }> {
    const part = this.ledgers.get(to);
    if (!part?.handover) throw new AppException(400, 'BAD_REQUEST', NOT_RECEIVING);
    const created = await part.handover(em, principal, request);
    await insertRows(em, 'record_link', [
      {
        id: randomUUID(),
        town_id: request.townId,
        from_ledger: request.from.ledger,
        from_id: request.from.id,
        from_number: request.from.number,
        to_ledger: to,
        to_id: created.id,
        to_number: created.number,
        relation: 'handover',
        created_at: this.clock.now(),
        created_by: principal.user.id,
      },
    ]);
    return created;
  }

  /**
   * The links of a record the caller may see, both ways; the other end is shown only when the
   * caller may read it too.
   */
  async linksOf(principal: Principal, ledger: string, id: string): Promise<RecordLinkDto[]> {
    const part = this.ledgers.get(ledger);
    if (!part || !principal.permissions.has(part.read)) throw notFound({ zh: '记录不存在', en: 'Record not found' });
    const { townId } = await part.visible(principal, id);
    const rows = await this.ds.query<{ fromLedger: string; fromId: string; fromNumber: string; toLedger: string; toId: string; toNumber: string; relation: 'handover'; createdAt: Date }[]>(
      `SELECT from_ledger AS "fromLedger", from_id AS "fromId", from_number AS "fromNumber", to_ledger AS "toLedger", to_id AS "toId", to_number AS "toNumber", relation, created_at AS "createdAt"
       FROM record_link WHERE town_id = $3 AND ((from_ledger = $1 AND from_id = $2) OR (to_ledger = $1 AND to_id = $2)) ORDER BY created_at, id`,
      [ledger, id, townId],
    );
    const links: RecordLinkDto[] = [];
    for (const r of rows) {
      const outgoing = r.fromLedger === ledger && r.fromId === id;
      const other = outgoing ? { ledger: r.toLedger, id: r.toId, number: r.toNumber } : { ledger: r.fromLedger, id: r.fromId, number: r.fromNumber };
      if (!(await this.mayRead(principal, other.ledger, other.id))) continue;
      links.push({ ...other, relation: r.relation, outgoing, createdAt: new Date(r.createdAt).toISOString() });
    }
    return links;
  }

  private async mayRead(principal: Principal, ledger: string, id: string): Promise<boolean> {
    const part = this.ledgers.get(ledger);
    if (!part || !principal.permissions.has(part.read)) return false;
    return part.visible(principal, id).then(
      () => true,
      () => false,
    );
  }
}
