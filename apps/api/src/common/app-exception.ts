import { HttpException } from '@nestjs/common';
import { ErrorCode, ErrorDetails } from '@fazhi/contracts';

export interface Bilingual {
  zh: string;
  en: string;
}

export interface BilingualFieldError {
  path: string;
  code: string;
  message: Bilingual;
}

/** An error with a stable code and a message in both languages; the filter picks the language. */
export class AppException extends HttpException {
  constructor(
    status: number,
    readonly code: ErrorCode,
    readonly messages: Bilingual,
    readonly fieldErrors?: BilingualFieldError[],
    readonly extra?: ErrorDetails,
  ) {
    super({ code, message: messages.en }, status);
  }
}

export const notFound = (what: Bilingual = { zh: '记录不存在', en: 'Record not found' }) => new AppException(404, ErrorCode.NOT_FOUND, what);

export const staleVersion = () =>
  new AppException(409, ErrorCode.STALE_VERSION, {
    zh: '记录已被他人修改，请刷新后重试',
    en: 'The record was changed by someone else; reload and try again',
  });

export const forbidden = (messages: Bilingual = { zh: '没有权限执行此操作', en: 'You do not have permission for this' }) => new AppException(403, ErrorCode.FORBIDDEN, messages);

export function invalidFields(errors: BilingualFieldError[], code: ErrorCode = ErrorCode.VALIDATION_FAILED): AppException {
  return new AppException(400, code, { zh: '提交的数据有误，请检查标出的字段', en: 'Invalid input; check the marked fields' }, errors);
}

export function invalidField(path: string, code: string, message: Bilingual): AppException {
  return invalidFields([{ path, code, message }]);
}
