import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { AuditEntryDto, AuditOutcome, Page } from '@fazhi/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { requestContext } from '../common/request-context';
import { maskForAudit } from './audit-mask';
import { GENESIS_HASH, linkHash } from './audit-chain';
import { AuditListFilter, AuditRepository } from './audit.repository';

export interface AuditEntry {
  action: string;
  entity?: string | null;
  entityId?: string | null;
  townId?: string | null;
  before?: unknown;
  after?: unknown;
  detail?: unknown;
  outcome?: AuditOutcome;
  /** Overrides the signed-in actor (sign-in attempts name the submitted username). */
  actor?: { userId: string | null; username: string | null; townId?: string | null };
}

export interface VerifyReport {
  ok: boolean;
  rows: number;
  sealed: number;
  checked: number;
  firstBroken: { seq: string; auditId: string; reason: string } | null;
  oldestUnsealed: { id: string; at: string; ageSeconds: number } | null;
}

const SEAL_BATCH = 500;
const WATERMARK_MARGIN = 100_000n;

@Injectable()
export class AuditService implements OnModuleDestroy {
  private readonly logger = new Logger('Audit');
  private sealTimer: NodeJS.Timeout | null = null;
  private sealing: Promise<number> | null = null;

  constructor(
    private readonly ds: DataSource,
    private readonly repo: AuditRepository,
    private readonly clock: Clock,
  ) {}

  /** Writes the audit row of a change inside the change's own transaction. */
  async record(em: EntityManager, entry: AuditEntry): Promise<void> {
    const ctx = requestContext.get();
    const actor = entry.actor ?? (ctx?.actor ? { userId: ctx.actor.userId, username: ctx.actor.username, townId: ctx.actor.townId } : null);
    await this.repo.insert(em, {
      at: this.clock.now(),
      townId: entry.townId !== undefined ? entry.townId : (actor?.townId ?? null),
      userId: actor?.userId ?? null,
      username: actor?.username ?? null,
      address: ctx?.address ?? null,
      requestId: ctx?.requestId ?? null,
      action: entry.action,
      entity: entry.entity ?? null,
      entityId: entry.entityId ?? null,
      outcome: entry.outcome ?? 'success',
      before: entry.before === undefined ? null : maskForAudit(entry.before),
      after: entry.after === undefined ? null : maskForAudit(entry.after),
      detail: entry.detail === undefined ? null : maskForAudit(entry.detail),
    });
  }

  /** Writes many audit rows of one change (e.g. an import) in one statement, in the change's transaction. */
  async recordMany(em: EntityManager, entries: AuditEntry[]): Promise<void> {
    const ctx = requestContext.get();
    const at = this.clock.now();
    for (let i = 0; i < entries.length; i += 1000) {
      const rows = entries.slice(i, i + 1000).map((entry) => {
        const actor = entry.actor ?? (ctx?.actor ? { userId: ctx.actor.userId, username: ctx.actor.username, townId: ctx.actor.townId } : null);
        return {
          at,
          town_id: entry.townId !== undefined ? entry.townId : (actor?.townId ?? null),
          user_id: actor?.userId ?? null,
          username: actor?.username ?? null,
          address: ctx?.address ?? null,
          request_id: ctx?.requestId ?? null,
          action: entry.action,
          entity: entry.entity ?? null,
          entity_id: entry.entityId ?? null,
          outcome: entry.outcome ?? 'success',
          before: entry.before === undefined ? null : maskForAudit(entry.before),
          after: entry.after === undefined ? null : maskForAudit(entry.after),
          detail: entry.detail === undefined ? null : maskForAudit(entry.detail),
        };
      });
      await this.repo.insertMany(em, rows);
    }
  }

  /** Records an attempt that failed or was refused, in a transaction of its own. */
  async recordOutside(entry: AuditEntry): Promise<void> {
    try {
      await this.ds.transaction((em) => this.record(em, entry));
    } catch (e) {
      this.logger.error(`could not write audit row for ${entry.action}: ${(e as Error).message}`);
    }
  }

  async list(filter: AuditListFilter, page: number, pageSize: number): Promise<Page<AuditEntryDto>> {
    const { rows, total } = await this.repo.list(filter);
    return {
      items: rows.map((r) => ({
        id: r.id,
        at: new Date(r.at).toISOString(),
        townId: r.townId,
        userId: r.userId,
        username: r.username,
        address: r.address,
        requestId: r.requestId,
        action: r.action,
        entity: r.entity,
        entityId: r.entityId,
        outcome: r.outcome,
        before: r.before,
        after: r.after,
        detail: r.detail,
        sealed: r.sealed,
      })),
      total,
      page,
      pageSize,
    };
  }

  /** Chains committed, unsealed rows onto the head. One sealer at a time (advisory lock). */
  seal(): Promise<number> {
    if (!this.sealing) {
      this.sealing = this.sealOnce().finally(() => {
        this.sealing = null;
      });
    }
    return this.sealing;
  }

  private async sealOnce(): Promise<number> {
    let total = 0;
    for (;;) {
      const sealed = await this.ds.transaction(async (em) => {
        if (!(await this.repo.tryLockSealer(em))) return 0;
        const head = await this.repo.chainHead(em);
        const [{ maxId }] = await em.query(`SELECT coalesce(max(audit_id), 0)::text AS "maxId" FROM audit_seal`);
        const from = BigInt(maxId) > WATERMARK_MARGIN ? (BigInt(maxId) - WATERMARK_MARGIN).toString() : '0';
        const rows = await this.repo.unsealed(em, from, SEAL_BATCH);
        let prev = head?.hash ?? GENESIS_HASH;
        let seq = BigInt(head?.seq ?? '0');
        const now = this.clock.now();
        const seals = rows.map((row) => {
          seq += 1n;
          const hash = linkHash(prev, row);
          const seal = { seq: seq.toString(), auditId: row.id, prevHash: prev, hash, sealedAt: now };
          prev = hash;
          return seal;
        });
        await this.repo.insertSeals(em, seals);
        return seals.length;
      });
      total += sealed;
      if (sealed < SEAL_BATCH) return total;
    }
  }

  startSealer(intervalMs: number): void {
    if (this.sealTimer) return;
    this.sealTimer = setInterval(() => {
      this.seal().catch((e) => this.logger.warn(`audit sealer: ${(e as Error).message}`));
    }, intervalMs);
    this.sealTimer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.sealTimer) clearInterval(this.sealTimer);
    this.sealTimer = null;
    await this.sealing?.catch(() => undefined);
  }

  /** Walks the chain from the start and reports the first broken link and the oldest unsealed row. */
  async verify(): Promise<VerifyReport> {
    const { rows, sealed } = await this.repo.counts();
    let prev = GENESIS_HASH;
    let expectedSeq = 1n;
    let checked = 0;
    let firstBroken: VerifyReport['firstBroken'] = null;
    let after = '0';
    outer: for (;;) {
      const batch = await this.repo.sealedBatch(after, 1000);
      if (batch.length === 0) break;
      for (const link of batch) {
        after = link.seq;
        let reason: string | null = null;
        if (BigInt(link.seq) !== expectedSeq) reason = `sequence gap: expected ${expectedSeq}, found ${link.seq}`;
        else if (link.prevHash !== prev) reason = 'previous-hash mismatch';
        else if (!link.row) reason = 'audit row is missing';
        else if (linkHash(prev, link.row) !== link.hash) reason = 'row content does not match its hash';
        if (reason) {
          firstBroken = { seq: link.seq, auditId: link.auditId, reason };
          break outer;
        }
        prev = link.hash;
        expectedSeq += 1n;
        checked += 1;
      }
    }
    const oldest = await this.repo.oldestUnsealed();
    const now = this.clock.now();
    return {
      ok: firstBroken === null,
      rows,
      sealed,
      checked,
      firstBroken,
      oldestUnsealed: oldest
        ? { id: oldest.id, at: new Date(oldest.at).toISOString(), ageSeconds: Math.max(0, Math.round((now.getTime() - new Date(oldest.at).getTime()) / 1000)) }
        : null,
    };
  }
}
