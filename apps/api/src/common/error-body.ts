import { HttpException } from '@nestjs/common';
import { ErrorBody, ErrorCode } from '@fazhi/contracts';
import { QueryFailedError } from 'typeorm';
import { AppException, Bilingual } from './app-exception';

const STATUS_DEFAULTS: Record<number, { code: ErrorCode; message: Bilingual }> = {
  400: { code: ErrorCode.BAD_REQUEST, message: { zh: '请求有误', en: 'Bad request' } },
  401: { code: ErrorCode.UNAUTHENTICATED, message: { zh: '请先登录', en: 'Please sign in' } },
  403: { code: ErrorCode.FORBIDDEN, message: { zh: '没有权限执行此操作', en: 'You do not have permission for this' } },
  404: { code: ErrorCode.NOT_FOUND, message: { zh: '请求的资源不存在', en: 'Not found' } },
  405: { code: ErrorCode.BAD_REQUEST, message: { zh: '不支持的请求方法', en: 'Method not allowed' } },
  409: { code: ErrorCode.CONFLICT, message: { zh: '操作与当前数据冲突', en: 'Conflict with the current data' } },
  413: { code: ErrorCode.PAYLOAD_TOO_LARGE, message: { zh: '提交的数据过大(上限 1 MiB)', en: 'The request body is too large (1 MiB at most)' } },
  415: { code: ErrorCode.BAD_REQUEST, message: { zh: '不支持的内容类型', en: 'Unsupported content type' } },
  429: { code: ErrorCode.ACCOUNT_LOCKED, message: { zh: '请求过于频繁', en: 'Too many requests' } },
  500: { code: ErrorCode.INTERNAL, message: { zh: '服务器内部错误，请稍后重试', en: 'Internal server error; please try again later' } },
};

/** What a unique constraint guards, for the message of a 409 (by constraint name, else by table). */
const UNIQUE_FIELDS: Record<string, { path: string; message: Bilingual }> = {
  ux_certificate_number: { path: 'number', message: { zh: '证号已存在', en: 'The certificate number already exists' } },
  ux_vessel_case_number: { path: 'number', message: { zh: '编号已被占用，请检查后重试', en: 'The record number is already taken; check it and try again' } },
  ux_dispute_number: { path: 'number', message: { zh: '编号已被占用，请检查后重试', en: 'The record number is already taken; check it and try again' } },
  ux_campaign_number: { path: 'number', message: { zh: '编号已被占用，请检查后重试', en: 'The number is already taken; check it and try again' } },
  ux_app_user_username: { path: 'username', message: { zh: '用户名已存在', en: 'The username already exists' } },
  ux_role_code: { path: 'code', message: { zh: '角色代码已存在', en: 'The role code already exists' } },
  ux_org_unit_code: { path: 'code', message: { zh: '单位代码已存在', en: 'The unit code already exists' } },
  ux_document_template_kind: { path: 'version', message: { zh: '模板刚被他人保存，请刷新后重试', en: 'The template was just saved by someone else; reload and try again' } },
  town_setting: { path: 'version', message: { zh: '该设置刚被他人保存，请刷新后重试', en: 'The setting was just saved by someone else; reload and try again' } },
};
const DUPLICATE_MESSAGE: Bilingual = { zh: '数据已存在，与他人同时提交的记录冲突', en: 'This already exists: it conflicts with a record saved at the same time' };
const CONFLICT_MESSAGE: Bilingual = { zh: '与他人同时进行的操作冲突，请重试', en: 'Conflicted with a change made at the same time; try again' };
/** PostgreSQL's data exceptions that input outside what a column holds can still raise (class 22). */
const DATA_EXCEPTIONS = new Set(['22001', '22003', '22007', '22008', '22021', '22P02', '22P05']);

/**
 * The answer to a PostgreSQL error that is the request's doing, not the server's: a unique key
 * taken by a concurrent request (23505) → 409 `DUPLICATE` naming the field where the constraint
 * is known; a serialization failure or deadlock (40001, 40P01) → 409 `CONFLICT`; a value the
 * column cannot hold → 400. Anything else stays a 500.
 */
export function fromDatabaseError(error: unknown): AppException | null {
  if (!(error instanceof QueryFailedError)) return null;
  const pg = error.driverError as { code?: string; constraint?: string; table?: string } | undefined;
  switch (pg?.code) {
    case '23505': {
      const known = (pg.constraint && UNIQUE_FIELDS[pg.constraint]) || (pg.table && UNIQUE_FIELDS[pg.table]) || undefined;
      return known
        ? new AppException(409, ErrorCode.DUPLICATE, known.message, [{ path: known.path, code: 'duplicate', message: known.message }])
        : new AppException(409, ErrorCode.DUPLICATE, DUPLICATE_MESSAGE);
    }
    case '40001':
    case '40P01':
      return new AppException(409, ErrorCode.CONFLICT, CONFLICT_MESSAGE);
    default:
      return pg?.code && DATA_EXCEPTIONS.has(pg.code) ? new AppException(400, ErrorCode.BAD_REQUEST, { zh: '提交的数据超出允许的范围或格式不正确', en: 'A value is out of range or malformed' }) : null;
  }
}

/** Turns any thrown value into the API's error body (no internals leak). */
export function toErrorBody(thrown: unknown, requestId: string, language: 'zh' | 'en'): { status: number; body: ErrorBody } {
  const error = fromDatabaseError(thrown) ?? thrown;
  if (error instanceof AppException) {
    const status = error.getStatus();
    return {
      status,
      body: {
        statusCode: status,
        code: error.code,
        message: error.messages[language],
        ...(error.fieldErrors ? { errors: error.fieldErrors.map((f) => ({ path: f.path, code: f.code, message: f.message[language] })) } : {}),
        requestId,
        ...(error.extra ?? {}),
      },
    };
  }
  let status = 500;
  if (error instanceof HttpException) status = error.getStatus();
  else if (typeof error === 'object' && error !== null) {
    const e = error as { status?: number; statusCode?: number; type?: string };
    if (e.type === 'entity.too.large') status = 413;
    else if (e.type === 'entity.parse.failed' || e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') status = 400;
    else if (typeof e.status === 'number' && e.status >= 400 && e.status < 600) status = e.status;
  }
  const fallback = STATUS_DEFAULTS[status] ?? STATUS_DEFAULTS[status >= 500 ? 500 : 400];
  let message = fallback.message[language];
  if (status === 400 && (error as { type?: string })?.type === 'entity.parse.failed') {
    message = language === 'zh' ? '请求体不是有效的 JSON' : 'The request body is not valid JSON';
  } else if (status === 400 && error instanceof HttpException) {
    const response = error.getResponse() as { message?: unknown };
    if (typeof response?.message === 'string' && /uuid/i.test(response.message)) {
      message = language === 'zh' ? '编号格式不正确' : 'The id is not a valid UUID';
    }
  }
  return { status, body: { statusCode: status, code: fallback.code, message, requestId } };
}
