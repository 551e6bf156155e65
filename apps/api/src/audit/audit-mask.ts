import { maskAddress, maskIdNumber, maskName, maskPhone, PERSON_OBJECTS, PERSONAL_FIELDS, PersonalKind } from '@fazhi/contracts';

const SECRET_KEYS = new Set(['password', 'passwordhash', 'newpassword', 'currentpassword', 'token', 'tokenhash', 'secret']);
const MASKS: Record<PersonalKind, (v: string) => string | null> = { name: maskName, idNumber: maskIdNumber, phone: maskPhone, address: maskAddress };

/** A citizen ID number (GB 11643) or a mobile number standing alone in free text. */
const ID_IN_TEXT = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const MOBILE_IN_TEXT = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/g;

/**
 * The kind of personal data a key holds, or null. Named fields come from the ledgers' personal
 * field list (`ownerName`, `partyIdNumber`, …); any `*IdNumber` or `*Phone` is personal; a bare
 * `name` or `address` only inside a citizen's object (a party, an owner). Names of officials and
 * org units (`displayName`, `villageName`, `campaignName`) are not.
 */
export function personalKindOf(key: string, inPersonObject = false): PersonalKind | null {
  const named = PERSONAL_FIELDS.get(key);
  if (named) return named;
  const k = key.toLowerCase();
  if (k.endsWith('idnumber') || k === 'idcard' || k === 'idcardnumber') return 'idNumber';
  if (k.endsWith('phone') || k === 'mobile' || k === 'telephone') return 'phone';
  if (inPersonObject && (k === 'name' || k === 'address')) return k;
  return null;
}

/** Free text with any ID or mobile number in it masked. */
function maskText(text: string): string {
  return text.replace(ID_IN_TEXT, (id) => maskIdNumber(id)!).replace(MOBILE_IN_TEXT, (phone) => maskPhone(phone)!);
}

/**
 * Copies a value for the audit trail with secrets removed and personal data masked: by field
 * name (see {@link personalKindOf}), and any ID or mobile number left in free text.
 */
export function maskForAudit(value: unknown, depth = 0, inPersonObject = false): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (depth > 8) return '[deep]';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return maskText(value);
  if (Array.isArray(value)) return value.map((v) => maskForAudit(v, depth + 1, inPersonObject));
  if (typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const kind = personalKindOf(key, inPersonObject);
    if (SECRET_KEYS.has(key.toLowerCase())) out[key] = v == null ? null : '[redacted]';
    else if (kind && typeof v === 'string') out[key] = MASKS[kind](v);
    else if (kind && Array.isArray(v)) out[key] = v.map((x) => (typeof x === 'string' ? MASKS[kind](x) : maskForAudit(x, depth + 1)));
    else out[key] = maskForAudit(v, depth + 1, PERSON_OBJECTS.has(key));
  }
  return out;
}
