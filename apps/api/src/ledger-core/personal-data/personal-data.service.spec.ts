import { loadConfig } from '../../config/config';
import { PersonalDataService } from './personal-data.service';

const config = loadConfig({ NODE_ENV: 'test', PERSONAL_DATA_KEY: 'k'.repeat(40), BLIND_INDEX_KEY: 'i'.repeat(40) });

describe('personal data at rest', () => {
  const pd = new PersonalDataService(config);

  it('encrypts with a key version and a fresh IV, and decrypts back', () => {
    const a = pd.encrypt('黄大海')!;
    const b = pd.encrypt('黄大海')!;
    expect(a).toMatch(/^v1:/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('黄大海');
    expect(pd.decrypt(a)).toBe('黄大海');
    expect(pd.encrypt('')).toBeNull();
  });

  it('detects tampering', () => {
    const a = pd.encrypt('13812345678')!;
    const raw = Buffer.from(a.slice(3), 'base64');
    raw[raw.length - 1] ^= 1;
    expect(() => pd.decrypt(`v1:${raw.toString('base64')}`)).toThrow();
  });

  it('indexes equal people equally, per kind and key', () => {
    expect(pd.blindIndex('idNumber', '11010519491231002x')).toBe(pd.blindIndex('idNumber', ' 11010519491231002X '));
    expect(pd.blindIndex('phone', '138-1234-5678')).toBe(pd.blindIndex('phone', '13812345678'));
    expect(pd.blindIndex('name', '黄大海')).not.toBe(pd.blindIndex('phone', '黄大海'));
    const other = new PersonalDataService(loadConfig({ NODE_ENV: 'test', PERSONAL_DATA_KEY: 'k'.repeat(40), BLIND_INDEX_KEY: 'j'.repeat(40) }));
    expect(other.blindIndex('name', '黄大海')).not.toBe(pd.blindIndex('name', '黄大海'));
    expect(pd.blindIndex('name', '  ')).toBeNull();
  });
});
