/** Masking and validation of personal data (DOMAIN.md §2). */
export function maskPhone(phone: string | null | undefined): string | null {
  if (phone == null || phone === '') return phone ?? null;
  const digits = phone.replace(/\s+/g, '');
  if (digits.length >= 7) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return '*'.repeat(digits.length);
}

export function maskIdNumber(id: string | null | undefined): string | null {
  if (id == null || id === '') return id ?? null;
  if (id.length <= 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

export function maskName(name: string | null | undefined): string | null {
  if (name == null || name === '') return name ?? null;
  const chars = [...name];
  if (chars.length === 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643 citizen ID number: 18 characters, a valid birth date and check digit. */
export function isValidIdNumber(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11] === id[17];
}

export function isValidMobile(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone) || /^0\d{2,3}-?\d{7,8}$/.test(phone);
}

/** An address keeps its first six characters (county and town, usually): `台山市广海镇****`. */
export function maskAddress(address: string | null | undefined): string | null {
  if (address == null || address === '') return address ?? null;
  const chars = [...address];
  if (chars.length <= 6) return chars[0] + '*'.repeat(Math.max(chars.length - 1, 1));
  return chars.slice(0, 6).join('') + '****';
}
