import { ColumnSpec, maskIdNumber, maskName, maskPhone } from '@fazhi/contracts';

export type PersonalMask = NonNullable<ColumnSpec['masked']>;

/** Characters that make a spreadsheet treat a cell as a formula (OWASP CSV/formula injection). */
const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];
const QUOTE = "'";
/** XML readers turn a stored CR into LF, so an escaped CR comes back as quote + LF. */
const ESCAPED_ON_IMPORT = [...FORMULA_TRIGGERS, '\n'];

/** Prefixes a single quote to text that a spreadsheet would otherwise evaluate. */
export function escapeFormulaText(text: string): string {
  return text.length > 0 && FORMULA_TRIGGERS.includes(text[0]) ? QUOTE + text : text;
}

/** Undoes {@link escapeFormulaText}; text that does not carry our escape is returned as it is. */
export function unescapeFormulaText(text: string): string {
  return text.length > 1 && text[0] === QUOTE && ESCAPED_ON_IMPORT.includes(text[1]) ? text.slice(1) : text;
}

/** Header text as compared on import: full-width forms folded, whitespace and required-markers (*) dropped. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^\*+|\*+$/g, '');
}

const MASKERS: Record<PersonalMask, (value: string) => string | null> = {
  name: maskName,
  phone: maskPhone,
  idNumber: maskIdNumber,
};

export function maskPersonal(kind: PersonalMask, value: string): string {
  return MASKERS[kind](value) ?? '';
}

/** The shapes the contracts mask functions produce, per kind. */
const MASK_PATTERNS: Record<PersonalMask, RegExp> = {
  name: /^[^*]?\*+$/u,
  phone: /^(?:[^*]{3}\*{4}[^*]{4}|\*+)$/u,
  idNumber: /^(?:[^*]{6}\*+[^*]{4}|\*+)$/u,
};

/** Whether a personal-data cell holds a masked value as our export writes it. */
export function looksMasked(kind: PersonalMask, value: string): boolean {
  return MASK_PATTERNS[kind].test(value.replace(/\s+/g, ''));
}
