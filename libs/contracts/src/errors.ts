import type { ImportPreview } from './ledger';

/**
 * Error codes answered in `{ statusCode, code, message, errors?, requestId }`, one list per
 * feature. `AppException` takes only these, and the web has a message for each in both languages.
 */

/** Any route: validation, access, missing records, concurrent changes, limits. */
export const COMMON_ERROR_CODES = ['VALIDATION_FAILED', 'BAD_REQUEST', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'STALE_VERSION', 'DUPLICATE', 'PAYLOAD_TOO_LARGE', 'INTERNAL'] as const;
export type CommonErrorCode = (typeof COMMON_ERROR_CODES)[number];

/** Signing in, sessions and passwords. */
export const AUTH_ERROR_CODES = [
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'TOO_MANY_FAILURES_FROM_ADDRESS',
  'ACCOUNT_DISABLED',
  'PASSWORD_CHANGE_REQUIRED',
  'PASSWORD_POLICY',
  'WRONG_CURRENT_PASSWORD',
] as const;
export type AuthErrorCode = (typeof AUTH_ERROR_CODES)[number];

/** Units, accounts and roles. */
export const ORG_ERROR_CODES = ['SELF_ROLE_CHANGE', 'SELF_DISABLE', 'OUT_OF_SCOPE_UNIT', 'ORG_HIERARCHY', 'ORG_NOT_EMPTY', 'ROLE_IN_USE', 'BUILTIN_ROLE_PROTECTED', 'ROLE_DUTY_IN_USE'] as const;
export type OrgErrorCode = (typeof ORG_ERROR_CODES)[number];

/** The separation of the administrator's, the security administrator's and the business duties. */
export const SECURITY_ERROR_CODES = ['SEPARATION_OF_DUTIES', 'ADMIN_DUTY_RESERVED', 'BUSINESS_DUTY_RESERVED'] as const;
export type SecurityErrorCode = (typeof SECURITY_ERROR_CODES)[number];

/** What every ledger shares: record life cycle, transitions, attachments, spreadsheets, documents. */
export const LEDGER_CORE_ERROR_CODES = [
  'RECORD_VOID',
  'RECORD_CLOSED',
  'RECORD_NOT_CLOSED',
  'ILLEGAL_TRANSITION',
  'DATE_IN_FUTURE',
  'DATE_ORDER',
  'UNSUPPORTED_FILE_TYPE',
  'NOT_MULTIPART',
  'UPLOAD_INCOMPLETE',
  'NOT_XLSX',
  'XLSX_DAMAGED',
  'XLSX_EXPANDS_TOO_MUCH',
  'IMPORT_INVALID',
  'TEMPLATE_NOT_DOCX',
  'TEMPLATE_PLACEHOLDERS_MISSING',
] as const;
export type LedgerCoreErrorCode = (typeof LEDGER_CORE_ERROR_CODES)[number];

/** Deadlines and the working-day calendar. */
export const DEADLINE_ERROR_CODES = ['CALENDAR_SOURCE_DAY', 'DEADLINE_DONE', 'DEADLINE_PAUSED', 'DEADLINE_NOT_PAUSED', 'CALENDAR_SOURCE_YEAR'] as const;
export type DeadlineErrorCode = (typeof DEADLINE_ERROR_CODES)[number];

/** The vessel ledger, its destruction campaigns and the officers' certificates. */
export const VESSEL_ERROR_CODES = [
  'EVIDENCE_REQUIRED',
  'NOTICE_REQUIRED',
  'NOTICE_PERIOD_RUNNING',
  'HANDLER_REQUIRED',
  'CERTIFICATE_INVALID',
  'CERTIFICATE_CANCELLED',
  'USE_CAMPAIGN_CLOSE',
  'CAMPAIGN_NOT_FOUND',
  'CAMPAIGN_CLOSED',
  'CAMPAIGN_EMPTY',
  'CAMPAIGN_NOT_EMPTY',
  'CAMPAIGN_BLOCKED',
  'CAMPAIGN_VESSELS_BLOCKED',
] as const;
export type VesselErrorCode = (typeof VESSEL_ERROR_CODES)[number];

/** The dispute ledger. */
export const DISPUTE_ERROR_CODES = ['DISPUTE_WRONG_STATE', 'PARTIES_REQUIRED', 'PARTY_NOT_FOUND', 'SESSION_REQUIRED', 'FOLLOW_UP_REQUIRED', 'NO_WRITTEN_AGREEMENT'] as const;
export type DisputeErrorCode = (typeof DISPUTE_ERROR_CODES)[number];

/** The village legal advisors' service log, monthly check and registers. */
export const ADVISOR_ERROR_CODES = [
  'ADVISOR_SERVICE_OVERLAP',
  'ADVISOR_MONTH_CHECKED',
  'ADVISOR_MONTH_NOT_CHECKED',
  'ADVISOR_MONTH_NOT_OVER',
  'ADVISOR_NOT_LINKED',
  'ADVISOR_VILLAGE_NOT_SERVED',
  'ADVISOR_HANDOVER_DONE',
  'ADVISOR_HANDOVER_NOT_ALLOWED',
] as const;
export type AdvisorErrorCode = (typeof ADVISOR_ERROR_CODES)[number];

/** Every code the API answers. */
export const ERROR_CODES = [
  ...COMMON_ERROR_CODES,
  ...AUTH_ERROR_CODES,
  ...ORG_ERROR_CODES,
  ...SECURITY_ERROR_CODES,
  ...LEDGER_CORE_ERROR_CODES,
  ...DEADLINE_ERROR_CODES,
  ...VESSEL_ERROR_CODES,
  ...DISPUTE_ERROR_CODES,
  ...ADVISOR_ERROR_CODES,
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A list of codes as an object, `Codes.NOT_FOUND === 'NOT_FOUND'`, for readable call sites. */
export function errorCodeMap<C extends string>(codes: readonly C[]): { readonly [K in C]: K } {
  return Object.freeze(Object.fromEntries(codes.map((code) => [code, code]))) as { readonly [K in C]: K };
}

export const ErrorCode = errorCodeMap(ERROR_CODES);
export const DeadlineErrorCode = errorCodeMap(DEADLINE_ERROR_CODES);

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

export interface FieldError {
  path: string;
  code: string;
  message: string;
}

/** What some errors add to the body, after `requestId`. */
export interface ErrorDetails {
  /** Seconds until a lock ends, for ACCOUNT_LOCKED and TOO_MANY_FAILURES_FROM_ADDRESS. */
  retryAfterSeconds?: number;
  /** The refused step as `from->to`, for ILLEGAL_TRANSITION and a transition guard's refusal. */
  rule?: string;
  /** The transition guard that refused the step. */
  guard?: string;
  /** The checked file of an IMPORT_INVALID refusal, its row errors included. */
  preview?: ImportPreview;
  /** The placeholders a template lacks, for TEMPLATE_PLACEHOLDERS_MISSING. */
  missing?: string[];
}

export interface ErrorBody extends ErrorDetails {
  statusCode: number;
  code: ErrorCode;
  message: string;
  errors?: FieldError[];
  requestId: string;
}
