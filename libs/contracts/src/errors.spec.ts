import { ERROR_CODES, ErrorCode, isErrorCode } from './errors';

describe('error codes', () => {
  it('names each code once across the feature lists', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });

  it('maps each code to itself', () => {
    for (const code of ERROR_CODES) expect(ErrorCode[code]).toBe(code);
    expect(Object.keys(ErrorCode)).toHaveLength(ERROR_CODES.length);
  });

  it('tells a known code from any other string', () => {
    expect(isErrorCode('STALE_VERSION')).toBe(true);
    expect(isErrorCode('stale_version')).toBe(false);
    expect(isErrorCode(undefined)).toBe(false);
  });
});
