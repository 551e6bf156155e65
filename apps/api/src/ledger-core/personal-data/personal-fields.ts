import { isValidIdNumber, isValidMobile, maskAddress, maskIdNumber, maskName, maskPhone, PersonalKind } from '@fazhi/contracts';
import { BilingualFieldError, invalidFields } from '../../common/app-exception';

const MASKS: Record<PersonalKind, (v: string | null) => string | null> = { name: maskName, idNumber: maskIdNumber, phone: maskPhone, address: maskAddress };

/**
 * Refuses person searches in a URL: query strings end up in proxy logs and browser history, so a
 * name, ID number or phone is searched in a POST body (`…/search`). 400 naming each field sent.
 */
export function refusePersonalQuery(query: object, fields: readonly string[]): void {
  const sent = fields.filter((f) => (query as Record<string, unknown>)[f] !== undefined);
  if (sent.length === 0) return;
  throw invalidFields(
    sent.map((path) => ({
      path,
      code: 'personal_in_url',
      message: { zh: '姓名、身份证号、电话等个人信息不能放在网址中，请用 POST …/search 查询', en: 'Names, ID numbers and phones may not travel in a URL; send the search in a POST body to …/search' },
    })),
  );
}

/** A personal value as lists show it: masked unless the caller unmasked it. */
export function maskPersonalValue(kind: PersonalKind, value: string | null, unmasked: boolean): string | null {
  return unmasked ? value : MASKS[kind](value);
}

/** The field errors of ID numbers (GB 11643) and phone numbers, by path. */
export function personalFieldErrors(fields: { path: string; kind: PersonalKind; value: string | null | undefined }[]): BilingualFieldError[] {
  const errors: BilingualFieldError[] = [];
  for (const f of fields) {
    if (!f.value) continue;
    if (f.kind === 'idNumber' && !isValidIdNumber(f.value.toUpperCase())) {
      errors.push({ path: f.path, code: 'id_number', message: { zh: '身份证号码不正确(18位，校验位不符)', en: 'Invalid ID number (18 characters with a valid check digit)' } });
    }
    if (f.kind === 'phone' && !isValidMobile(f.value)) errors.push({ path: f.path, code: 'phone', message: { zh: '电话号码格式不正确', en: 'Invalid phone number' } });
  }
  return errors;
}

/** Refuses invalid ID and phone numbers with one 400 naming each field. */
export function checkPersonalFields(fields: { path: string; kind: PersonalKind; value: string | null | undefined }[]): void {
  const errors = personalFieldErrors(fields);
  if (errors.length) throw invalidFields(errors);
}
