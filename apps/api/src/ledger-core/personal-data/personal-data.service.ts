import type { PersonalKind } from '@fazhi/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../../config/config';

const VERSION = 'v1';

export type { PersonalKind };

/** Normalises a value before indexing so that equal people match (spaces, case of the X check digit). */
export function normalizePersonal(kind: PersonalKind, value: string): string {
  const v = value.normalize('NFKC').trim();
  if (kind === 'idNumber') return v.toUpperCase().replace(/\s+/g, '');
  if (kind === 'phone') return v.replace(/[\s-]+/g, '');
  return v.replace(/\s+/g, ' ');
}

/**
 * Personal data at rest: AES-256-GCM with a key version in each ciphertext, and a keyed blind
 * index (HMAC-SHA256) so exact searches never scan ciphertext.
 */
@Injectable()
export class PersonalDataService {
  private readonly key: Buffer;
  private readonly indexKey: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    if (!config.personalDataKey || !config.blindIndexKey) throw new Error('personal-data keys are not configured');
    this.key = createHash('sha256').update(config.personalDataKey).digest();
    this.indexKey = createHash('sha256').update(config.blindIndexKey).digest();
  }

  encrypt(value: string | null | undefined): string | null {
    if (value === null || value === undefined || value === '') return null;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
    return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  decrypt(stored: string | null | undefined): string | null {
    if (!stored) return null;
    const [version, payload] = stored.split(':', 2);
    if (version !== VERSION || !payload) throw new Error(`unknown personal-data key version ${version}`);
    const raw = Buffer.from(payload, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  blindIndex(kind: PersonalKind, value: string | null | undefined): string | null {
    if (value === null || value === undefined || value.trim() === '') return null;
    return createHmac('sha256', this.indexKey)
      .update(`${kind}:${normalizePersonal(kind, value)}`)
      .digest('hex');
  }

  /**
   * A list query with its exact-search personal fields replaced by their blind indexes, e.g.
   * `{ ownerName: ['ownerNameIdx', 'name'] }` turns `ownerName=黄大海` into `ownerNameIdx=<hmac>`.
   */
  indexSearch<Q extends object, F>(query: Q, fields: Record<string, [target: string, kind: PersonalKind]>): F {
    const out: Record<string, unknown> = { ...(query as Record<string, unknown>) };
    for (const [key, [target, kind]] of Object.entries(fields)) {
      const value = out[key];
      delete out[key];
      if (typeof value === 'string' && value !== '') out[target] = this.blindIndex(kind, value);
    }
    return out as F;
  }

  /** The stored columns of one personal value: ciphertext and blind index (both null for an empty value). */
  protect(kind: PersonalKind, value: string | null | undefined): { enc: string | null; idx: string | null } {
    return { enc: this.encrypt(value), idx: this.blindIndex(kind, value) };
  }

  /** `{ <prefix>_enc, <prefix>_idx }` for an insert or update. */
  columns(prefix: string, kind: PersonalKind, value: string | null | undefined): Record<string, string | null> {
    const { enc, idx } = this.protect(kind, value);
    return { [`${prefix}_enc`]: enc, [`${prefix}_idx`]: idx };
  }
}
