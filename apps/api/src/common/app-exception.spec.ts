import { ERROR_CODES } from '@fazhi/contracts';
import { AppException, invalidFields } from './app-exception';
import { toErrorBody } from './error-body';

describe('AppException', () => {
  it('takes only the codes the contracts list', () => {
    // @ts-expect-error a code no feature lists is refused by the type checker
    const unlisted = new AppException(409, 'NOT_A_LISTED_CODE', { zh: '冲突', en: 'Conflict' });
    expect(ERROR_CODES).not.toContain(unlisted.code);
    // @ts-expect-error the body's own code for a group of field errors is listed too
    invalidFields([], 'SOMETHING_ELSE');
  });

  it('answers its code, its message in the language asked, and its details', () => {
    const error = new AppException(429, 'ACCOUNT_LOCKED', { zh: '账户已被锁定', en: 'The account is locked' }, undefined, { retryAfterSeconds: 60 });
    expect(toErrorBody(error, 'r-1', 'en')).toEqual({
      status: 429,
      body: { statusCode: 429, code: 'ACCOUNT_LOCKED', message: 'The account is locked', requestId: 'r-1', retryAfterSeconds: 60 },
    });
  });
});
