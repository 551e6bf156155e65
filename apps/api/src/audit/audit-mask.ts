import { maskIdNumber, maskPhone } from '@fazhi/contracts';

const SECRET_KEYS = new Set(['password', 'passwordhash', 'newpassword', 'currentpassword', 'token', 'tokenhash', 'secret']);
const PHONE_KEYS = new Set(['phone', 'mobile', 'telephone']);
const ID_KEYS = new Set(['idnumber', 'idcard', 'idcardnumber']);

/** Copies a value for the audit trail with secrets removed and personal data masked. */
export function maskForAudit(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (depth > 8) return '[deep]';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => maskForAudit(v, depth + 1));
  if (typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const k = key.toLowerCase();
    if (SECRET_KEYS.has(k)) out[key] = v == null ? null : '[redacted]';
    else if (PHONE_KEYS.has(k) && typeof v === 'string') out[key] = maskPhone(v);
    else if (ID_KEYS.has(k) && typeof v === 'string') out[key] = maskIdNumber(v);
    else out[key] = maskForAudit(v, depth + 1);
  }
  return out;
}
