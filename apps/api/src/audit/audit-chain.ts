import { createHash, createHmac } from 'node:crypto';
import type { AuditRowForHash } from './audit.repository';

export const GENESIS_HASH = '0'.repeat(64);

const FIELDS: (keyof AuditRowForHash)[] = ['id', 'at', 'townId', 'userId', 'username', 'address', 'requestId', 'action', 'entity', 'entityId', 'outcome', 'before', 'after', 'detail'];

/**
 * The link hash of one audit row over the previous hash and the row's fixed text form:
 * HMAC-SHA256 with the audit key, so a rewrite without the key is detected. Links sealed before
 * the chain was keyed (up to the legacy marker, see audit_checkpoint) are plain SHA-256: `key` null.
 */
export function linkHash(prevHash: string, row: AuditRowForHash, key: string | null): string {
  const canonical = JSON.stringify(FIELDS.map((f) => row[f] ?? null));
  const h = key === null ? createHash('sha256') : createHmac('sha256', key);
  return h.update(prevHash).update('\n').update(canonical).digest('hex');
}

/** What a head checkpoint signs: the legacy boundary it builds on and the chain's head at that moment. */
export interface CheckpointFacts {
  legacySeq: string;
  legacyHash: string;
  sealSeq: string;
  headHash: string;
}

export function checkpointMac(key: string, c: CheckpointFacts): string {
  return createHmac('sha256', key).update(`audit-checkpoint\n${c.legacySeq}\n${c.legacyHash}\n${c.sealSeq}\n${c.headHash}`).digest('hex');
}
