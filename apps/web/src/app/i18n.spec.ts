import { i18nSlice, mergeSlices } from './core/i18n/dictionary';
import { DICTIONARIES } from './i18n';

describe('the app dictionaries', () => {
  it('have an English string for every Chinese one and nothing else', () => {
    expect(Object.keys(DICTIONARIES.en).sort()).toEqual(Object.keys(DICTIONARIES.zh).sort());
    for (const value of Object.values(DICTIONARIES.en)) expect(value.trim()).not.toBe('');
    for (const value of Object.values(DICTIONARIES.zh)) expect(value.trim()).not.toBe('');
  });

  it('hold the generic record words under record.*', () => {
    expect(DICTIONARIES.zh['record.void']).toBe('作废');
    expect(DICTIONARIES.zh['record.town']).toBe('镇(街道)');
    expect(DICTIONARIES.en['record.reopen']).toBe('Reopen');
    const borrowed = Object.keys(DICTIONARIES.zh).filter((key) => /^vessels\.(void|reopen|remark|town|village|unmask)[a-zA-Z]*$/.test(key));
    expect(borrowed).toEqual(['vessels.unmaskTitle']); // 查看船主完整信息 names the vessel's owner
  });

  it('refuse a key that two slices both define', () => {
    const first = i18nSlice({ 'x.a': '甲' }, { 'x.a': 'A' });
    const second = i18nSlice({ 'x.a': '乙' }, { 'x.a': 'B' });
    expect(() => mergeSlices([first, second])).toThrow('i18n key x.a is defined twice');
    expect(mergeSlices([first]).en).toEqual({ 'x.a': 'A' });
  });
});
