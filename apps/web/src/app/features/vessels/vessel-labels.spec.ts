import { CERTIFICATE_EVENT_LABELS, DISPOSAL_LABELS, HULL_MATERIAL_LABELS, PERSUASION_MEASURE_LABELS, VESSEL_SOURCE_LABELS, VESSEL_TRANSITIONS } from '@fazhi/contracts';
import { TKey } from '../../core/i18n/dictionary';
import { DICTIONARIES } from '../../i18n';
import { CERTIFICATE_EVENT_KEYS, DISPOSAL_KEYS, HULL_KEYS, MEASURE_KEYS, SOURCE_KEYS, STEP_FIELD_KEYS } from './vessel-labels';

const { zh: ZH, en: EN } = DICTIONARIES;

function chinese(keys: Record<string, TKey>): Record<string, string> {
  return Object.fromEntries(Object.entries(keys).map(([value, key]) => [value, ZH[key]]));
}

describe('vessel ledger labels', () => {
  it('speak the contracts’ Chinese words', () => {
    expect(chinese(SOURCE_KEYS)).toEqual(VESSEL_SOURCE_LABELS);
    expect(chinese(HULL_KEYS)).toEqual(HULL_MATERIAL_LABELS);
    expect(chinese(DISPOSAL_KEYS)).toEqual(DISPOSAL_LABELS);
    expect(chinese(MEASURE_KEYS)).toEqual(PERSUASION_MEASURE_LABELS);
    expect(chinese(CERTIFICATE_EVENT_KEYS)).toEqual({ ...CERTIFICATE_EVENT_LABELS, apply: '申领' });
  });

  it('name every field a transition may require, in both languages', () => {
    const fields = VESSEL_TRANSITIONS.flatMap((r) => r.requires ?? []);
    expect(fields.length).toBeGreaterThan(5);
    for (const field of fields) {
      const key = STEP_FIELD_KEYS[field];
      expect(typeof ZH[key]).toBe('string');
      expect(typeof EN[key]).toBe('string');
      expect(EN[key]).not.toBe(ZH[key]);
    }
  });
});
