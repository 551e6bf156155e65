import { HttpException } from '@nestjs/common';
import { ErrorBody, ErrorCode } from '@fazhi/contracts';
import { AppException, Bilingual } from './app-exception';

const STATUS_DEFAULTS: Record<number, { code: string; message: Bilingual }> = {
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

/** Turns any thrown value into the API's error body (no internals leak). */
export function toErrorBody(error: unknown, requestId: string, language: 'zh' | 'en'): { status: number; body: ErrorBody } {
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
