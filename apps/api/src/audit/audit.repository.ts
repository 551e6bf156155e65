import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLogEntity } from './audit.entities';

export interface AuditRowForHash {
  id: string;
  at: string;
  townId: string | null;
  userId: string | null;
  username: string | null;
  address: string | null;
  requestId: string | null;
  action: string;
  entity: string | null;
  entityId: string | null;
  outcome: string;
  before: string | null;
  after: string | null;
  detail: string | null;
}

export interface AuditListFilter {
  townIds: string[] | 'all';
  includeUnassigned: boolean;
  from?: Date;
  to?: Date;
  username?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  outcome?: string;
  offset: number;
  limit: number;
}

/** Columns of an audit row as the hash chain reads them: fixed text forms, microsecond time. */
const HASH_COLUMNS = `a.id::text AS "id", to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "at",
  a.town_id AS "townId", a.user_id AS "userId", a.username AS "username", a.address AS "address",
  a.request_id AS "requestId", a.action AS "action", a.entity AS "entity", a.entity_id AS "entityId",
  a.outcome AS "outcome", a.before::text AS "before", a.after::text AS "after", a.detail::text AS "detail"`;

export const AUDIT_SEALER_LOCK = 727_001;

@Injectable()
export class AuditRepository {
  constructor(private readonly ds: DataSource) {}

  async insert(em: EntityManager, row: Omit<AuditLogEntity, 'id'>): Promise<void> {
    const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
    await em.query(
      `INSERT INTO audit_log (at, town_id, user_id, username, address, request_id, action, entity, entity_id, outcome, before, after, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [row.at, row.townId, row.userId, row.username, row.address, row.requestId, row.action, row.entity, row.entityId, row.outcome, json(row.before), json(row.after), json(row.detail)],
    );
  }

  async insertMany(em: EntityManager, rows: Record<string, unknown>[]): Promise<void> {
    await em.query(
      `INSERT INTO audit_log (at, town_id, user_id, username, address, request_id, action, entity, entity_id, outcome, before, after, detail)
       SELECT at, town_id, user_id, username, address, request_id, action, entity, entity_id, outcome, before, after, detail
         FROM jsonb_to_recordset($1::jsonb) AS x(at timestamptz, town_id uuid, user_id uuid, username varchar, address varchar, request_id varchar,
              action varchar, entity varchar, entity_id varchar, outcome varchar, before jsonb, after jsonb, detail jsonb)`,
      [JSON.stringify(rows)],
    );
  }

  async list(f: AuditListFilter): Promise<{ rows: (AuditLogEntity & { sealed: boolean })[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (f.townIds !== 'all') {
      const scoped = `a.town_id = ANY(${p(f.townIds)}::uuid[])`;
      where.push(f.includeUnassigned ? `(${scoped} OR a.town_id IS NULL)` : scoped);
    }
    if (f.from) where.push(`a.at >= ${p(f.from)}`);
    if (f.to) where.push(`a.at < ${p(f.to)}`);
    if (f.username) where.push(`a.username = ${p(f.username.toLowerCase())}`);
    if (f.action) where.push(`a.action LIKE ${p(f.action.replace(/[%_]/g, '\\$&') + '%')}`);
    if (f.entity) where.push(`a.entity = ${p(f.entity)}`);
    if (f.entityId) where.push(`a.entity_id = ${p(f.entityId)}`);
    if (f.outcome) where.push(`a.outcome = ${p(f.outcome)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.ds.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM audit_log a ${clause}`, params);
    const rows = await this.ds.query<(AuditLogEntity & { sealed: boolean })[]>(
      `SELECT a.id::text AS id, a.at, a.town_id AS "townId", a.user_id AS "userId", a.username, a.address,
              a.request_id AS "requestId", a.action, a.entity, a.entity_id AS "entityId", a.outcome,
              a.before, a.after, a.detail, (s.seq IS NOT NULL) AS sealed
         FROM audit_log a LEFT JOIN audit_seal s ON s.audit_id = a.id
         ${clause} ORDER BY a.at DESC, a.id DESC OFFSET ${p(f.offset)} LIMIT ${p(f.limit)}`,
      params,
    );
    return { rows, total };
  }

  /** Committed rows not yet in the chain, oldest id first, from a watermark. */
  async unsealed(em: EntityManager, fromId: string, limit: number): Promise<AuditRowForHash[]> {
    return em.query<AuditRowForHash[]>(
      `SELECT ${HASH_COLUMNS} FROM audit_log a
        WHERE a.id >= $1 AND NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.audit_id = a.id)
        ORDER BY a.id LIMIT $2`,
      [fromId, limit],
    );
  }

  async chainHead(em: EntityManager): Promise<{ seq: string; hash: string } | null> {
    const rows = await em.query<{ seq: string; hash: string }[]>(`SELECT seq::text AS seq, hash FROM audit_seal ORDER BY seq DESC LIMIT 1`);
    return rows[0] ?? null;
  }

  async tryLockSealer(em: EntityManager): Promise<boolean> {
    const [row] = await em.query<{ locked: boolean }[]>(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [AUDIT_SEALER_LOCK]);
    return row.locked === true;
  }

  async insertSeals(em: EntityManager, seals: { seq: string; auditId: string; prevHash: string; hash: string; sealedAt: Date }[]): Promise<void> {
    if (seals.length === 0) return;
    await em.query(
      `INSERT INTO audit_seal (seq, audit_id, prev_hash, hash, sealed_at)
       SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::varchar[], $4::varchar[], $5::timestamptz[])`,
      [seals.map((s) => s.seq), seals.map((s) => s.auditId), seals.map((s) => s.prevHash), seals.map((s) => s.hash), seals.map((s) => s.sealedAt)],
    );
  }

  /** Sealed rows in chain order, with the row as it is now (null when the row is gone). */
  async sealedBatch(afterSeq: string, limit: number): Promise<{ seq: string; auditId: string; prevHash: string; hash: string; row: AuditRowForHash | null }[]> {
    const rows = await this.ds.query<(AuditRowForHash & { seq: string; auditId: string; prevHash: string; sealHash: string; present: boolean })[]>(
      `SELECT s.seq::text AS "seq", s.audit_id::text AS "auditId", s.prev_hash AS "prevHash", s.hash AS "sealHash",
              (a.id IS NOT NULL) AS "present", ${HASH_COLUMNS}
         FROM audit_seal s LEFT JOIN audit_log a ON a.id = s.audit_id
        WHERE s.seq > $1 ORDER BY s.seq LIMIT $2`,
      [afterSeq, limit],
    );
    return rows.map((r) => ({
      seq: r.seq,
      auditId: r.auditId,
      prevHash: r.prevHash,
      hash: r.sealHash,
      row: r.present ? r : null,
    }));
  }

  /** The legacy markers (exactly one in a sound database): the last link sealed before the chain was keyed. */
  async legacyMarkers(em: EntityManager = this.ds.manager): Promise<{ sealSeq: string; headHash: string }[]> {
    return em.query<{ sealSeq: string; headHash: string }[]>(`SELECT seal_seq::text AS "sealSeq", head_hash AS "headHash" FROM audit_checkpoint WHERE kind = 'legacy' ORDER BY id`);
  }

  async insertCheckpoint(em: EntityManager, c: { sealSeq: string; headHash: string; mac: string; at: Date }): Promise<void> {
    await em.query(`INSERT INTO audit_checkpoint (kind, seal_seq, head_hash, mac, at) VALUES ('head', $1, $2, $3, $4)`, [c.sealSeq, c.headHash, c.mac, c.at]);
  }

  /** The newest signed head, and how far the checkpoint id sequence has gone (to see removed checkpoints). */
  async latestCheckpoint(em: EntityManager = this.ds.manager): Promise<{
    head: { id: string; sealSeq: string; headHash: string; mac: string | null; sealHash: string | null } | null;
    maxId: string;
    sequenceLast: string;
  }> {
    const [head] = await em.query<{ id: string; sealSeq: string; headHash: string; mac: string | null; sealHash: string | null }[]>(
      `SELECT c.id::text AS id, c.seal_seq::text AS "sealSeq", c.head_hash AS "headHash", c.mac, s.hash AS "sealHash"
         FROM audit_checkpoint c LEFT JOIN audit_seal s ON s.seq = c.seal_seq
        WHERE c.kind = 'head' ORDER BY c.id DESC LIMIT 1`,
    );
    const [{ maxId }] = await em.query<{ maxId: string }[]>(`SELECT coalesce(max(id), 0)::text AS "maxId" FROM audit_checkpoint`);
    const [{ seq }] = await em.query<{ seq: string }[]>(`SELECT pg_get_serial_sequence('audit_checkpoint', 'id') AS seq`);
    const [{ sequenceLast }] = await em.query<{ sequenceLast: string }[]>(`SELECT (CASE WHEN is_called THEN last_value ELSE 0 END)::text AS "sequenceLast" FROM ${seq}`);
    return { head: head ?? null, maxId, sequenceLast };
  }

  async oldestUnsealed(): Promise<{ id: string; at: Date } | null> {
    const rows = await this.ds.query<{ id: string; at: Date }[]>(
      `SELECT a.id::text AS id, a.at FROM audit_log a
        WHERE NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.audit_id = a.id)
        ORDER BY a.id LIMIT 1`,
    );
    return rows[0] ?? null;
  }

  async counts(): Promise<{ rows: number; sealed: number }> {
    const [r] = await this.ds.query<{ rows: number; sealed: number }[]>(`SELECT (SELECT count(*) FROM audit_log)::int AS rows, (SELECT count(*) FROM audit_seal)::int AS sealed`);
    return r;
  }
}
