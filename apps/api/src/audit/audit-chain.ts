import { createHash } from 'node:crypto';
import type { AuditRowForHash } from './audit.repository';

export const GENESIS_HASH = '0'.repeat(64);

const FIELDS: (keyof AuditRowForHash)[] = [
  'id', 'at', 'townId', 'userId', 'username', 'address', 'requestId',
  'action', 'entity', 'entityId', 'outcome', 'before', 'after', 'detail',
];

/** The link hash of one audit row: sha256 over the previous hash and the row's fixed text form. */
export function linkHash(prevHash: string, row: AuditRowForHash): string {
  const canonical = JSON.stringify(FIELDS.map((f) => row[f] ?? null));
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}
