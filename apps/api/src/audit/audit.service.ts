import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { AuditEntryDto, AuditOutcome, Page } from '@fazhi/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { RefusalAudit } from '../common/refusal-audit';
import { requestContext } from '../common/request-context';
import { APP_CONFIG, AppConfig } from '../config/config';
import { maskForAudit } from './audit-mask';
import { checkpointMac, GENESIS_HASH, linkHash } from './audit-chain';
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
  /** What is wrong apart from a broken link: the legacy marker, the signed head, removed checkpoints. */
  problems: string[];
  oldestUnsealed: { id: string; at: string; ageSeconds: number } | null;
}

const SEAL_BATCH = 500;
const WATERMARK_MARGIN = 100_000n;

@Injectable()
export class AuditService implements OnModuleDestroy, RefusalAudit {
  private readonly logger = new Logger('Audit');
  private sealTimer: NodeJS.Timeout | null = null;
  private sealing: Promise<number> | null = null;

  constructor(
    private readonly ds: DataSource,
    private readonly repo: AuditRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private key(): string {
    if (!this.config.auditHmacKey) throw new Error('AUDIT_HMAC_KEY is not configured');
    return this.config.auditHmacKey;
  }

  /** The last link sealed before the chain was keyed (seq 0 on a database keyed from the start). */
  private async legacyBoundary(em?: EntityManager): Promise<{ sealSeq: string; headHash: string }> {
    const markers = await this.repo.legacyMarkers(em);
    if (markers.length !== 1) throw new Error(`the audit chain has ${markers.length} legacy markers instead of one`);
    return markers[0];
  }

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
        const key = this.key();
        const legacy = await this.legacyBoundary(em);
        const head = await this.repo.chainHead(em);
        // Never extend a chain cut behind its signed head: the next checkpoint would hide the cut.
        const checkpoint = await this.repo.latestCheckpoint(em);
        if (checkpoint.head && checkpoint.head.sealHash !== checkpoint.head.headHash) {
          throw new Error(`the audit chain no longer holds its signed head (seq ${checkpoint.head.sealSeq}): run audit:verify`);
        }
        if (BigInt(checkpoint.sequenceLast) > BigInt(checkpoint.maxId)) throw new Error('audit checkpoints were removed: run audit:verify');
        const [{ maxId }] = await em.query<{ maxId: string }[]>(`SELECT coalesce(max(audit_id), 0)::text AS "maxId" FROM audit_seal`);
        const from = BigInt(maxId) > WATERMARK_MARGIN ? (BigInt(maxId) - WATERMARK_MARGIN).toString() : '0';
        const rows = await this.repo.unsealed(em, from, SEAL_BATCH);
        let prev = head?.hash ?? GENESIS_HASH;
        let seq = BigInt(head?.seq ?? '0');
        const now = this.clock.now();
        const seals = rows.map((row) => {
          seq += 1n;
          const hash = linkHash(prev, row, key);
          const seal = { seq: seq.toString(), auditId: row.id, prevHash: prev, hash, sealedAt: now };
          prev = hash;
          return seal;
        });
        await this.repo.insertSeals(em, seals);
        if (seals.length > 0) {
          const facts = { legacySeq: legacy.sealSeq, legacyHash: legacy.headHash, sealSeq: seq.toString(), headHash: prev };
          await this.repo.insertCheckpoint(em, { sealSeq: facts.sealSeq, headHash: facts.headHash, mac: checkpointMac(key, facts), at: now });
        }
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

  /**
   * Walks the chain from the start and reports the first broken link, then checks what lies
   * outside it: the one legacy marker (links up to it are plain SHA-256, later ones HMACs), the
   * newest signed head (the chain must still reach it: a cut-off tail is seen there) and the
   * checkpoint id sequence (newest checkpoints removed leave it above the highest id).
   */
  async verify(): Promise<VerifyReport> {
    const key = this.key();
    const problems: string[] = [];
    const markers = await this.repo.legacyMarkers();
    if (markers.length !== 1) problems.push(`legacy marker: ${markers.length} found, exactly one expected`);
    const legacy = markers[0] ?? { sealSeq: '0', headHash: GENESIS_HASH };
    const legacySeq = BigInt(legacy.sealSeq);
    // Read before the walk: the chain only grows, so it must reach at least this head.
    const checkpoint = await this.repo.latestCheckpoint();
    const { rows, sealed } = await this.repo.counts();
    let prev = GENESIS_HASH;
    let expectedSeq = 1n;
    let checked = 0;
    let firstBroken: VerifyReport['firstBroken'] = null;
    let after = '0';
    let legacyHashSeen: string | null = legacySeq === 0n ? GENESIS_HASH : null;
    let checkpointHashSeen: string | null = null;
    outer: for (;;) {
      const batch = await this.repo.sealedBatch(after, 1000);
      if (batch.length === 0) break;
      for (const link of batch) {
        after = link.seq;
        const seq = BigInt(link.seq);
        let reason: string | null = null;
        if (seq !== expectedSeq) reason = `sequence gap: expected ${expectedSeq}, found ${link.seq}`;
        else if (link.prevHash !== prev) reason = 'previous-hash mismatch';
        else if (!link.row) reason = 'audit row is missing';
        else if (linkHash(prev, link.row, seq <= legacySeq ? null : key) !== link.hash) reason = 'row content does not match its hash';
        if (reason) {
          firstBroken = { seq: link.seq, auditId: link.auditId, reason };
          break outer;
        }
        if (seq === legacySeq) legacyHashSeen = link.hash;
        if (checkpoint.head && link.seq === checkpoint.head.sealSeq) checkpointHashSeen = link.hash;
        prev = link.hash;
        expectedSeq += 1n;
        checked += 1;
      }
    }
    if (!firstBroken) {
      if (legacyHashSeen === null) problems.push(`cut-off tail: the chain ends at seq ${expectedSeq - 1n}, before the legacy marker's seq ${legacy.sealSeq}`);
      else if (legacyHashSeen !== legacy.headHash) problems.push(`legacy marker: seq ${legacy.sealSeq} does not hold the recorded hash`);
      const head = checkpoint.head;
      if (!head) {
        if (expectedSeq - 1n > legacySeq) problems.push('no signed checkpoint covers the keyed chain');
      } else {
        const facts = { legacySeq: legacy.sealSeq, legacyHash: legacy.headHash, sealSeq: head.sealSeq, headHash: head.headHash };
        if (head.mac !== checkpointMac(key, facts)) problems.push(`checkpoint ${head.id}: the signature does not match (forged, or another AUDIT_HMAC_KEY)`);
        else if (checkpointHashSeen === null) problems.push(`cut-off tail: checkpoint ${head.id} signed the chain up to seq ${head.sealSeq}, but it ends at seq ${expectedSeq - 1n}`);
        else if (checkpointHashSeen !== head.headHash) problems.push(`checkpoint ${head.id}: seq ${head.sealSeq} does not hold the signed hash`);
      }
      if (BigInt(checkpoint.sequenceLast) > BigInt(checkpoint.maxId)) {
        problems.push(`cut-off tail: checkpoints up to id ${checkpoint.sequenceLast} were written, the highest left is ${checkpoint.maxId}`);
      }
    }
    const oldest = await this.repo.oldestUnsealed();
    const now = this.clock.now();
    return {
      ok: firstBroken === null && problems.length === 0,
      rows,
      sealed,
      checked,
      firstBroken,
      problems,
      oldestUnsealed: oldest ? { id: oldest.id, at: new Date(oldest.at).toISOString(), ageSeconds: Math.max(0, Math.round((now.getTime() - new Date(oldest.at).getTime()) / 1000)) } : null,
    };
  }
}
