import { ERROR_CODES } from '@fazhi/contracts';
import { ERROR_MESSAGES, errorCodeMessage } from './error-messages';

const HAN = /[\u4e00-\u9fff]/;

describe('error messages', () => {
  it.each([...ERROR_CODES])('%s has a message in Chinese and in English', (code) => {
    const message = ERROR_MESSAGES[code];
    expect(message).toBeDefined();
    expect(message.zh.trim()).not.toBe('');
    expect(message.en.trim()).not.toBe('');
    expect(message.zh).toMatch(HAN);
    expect(message.en).not.toMatch(HAN);
  });

  it('has no message for a code the API does not answer', () => {
    expect(Object.keys(ERROR_MESSAGES).sort()).toEqual([...ERROR_CODES].sort());
  });

  it('picks the language', () => {
    expect(errorCodeMessage('STALE_VERSION', 'zh-CN')).toBe('记录已被他人修改，请刷新后重试');
    expect(errorCodeMessage('STALE_VERSION', 'en')).toBe('The record was changed by someone else; reload and try again');
  });
});
