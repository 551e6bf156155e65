import { camelRow } from './records';

/** The conversion camelRow stands for, written plainly. */
function plain(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(row)) out[k.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())] = row[k];
  return out;
}

describe('camelRow', () => {
  const when = new Date('2026-12-05T00:00:00Z');
  const rows: Record<string, unknown>[] = [
    { id: 'a', town_id: 't', registered_at: when, gps_lat: '22.1', handler_ids: ['u'], townName: '海宴镇', owner_name_enc: null },
    { id: 'b', town_id: 't2', registered_at: null, gps_lat: null, handler_ids: [], townName: '广海镇', owner_name_enc: 'v1:x' },
    { 's.id': 1, 'u.display_name': 'x', 'odd "name"': 2, plain: 3 },
    { year_2021: 1, _hidden: 2, a_b_c: 3 },
  ];

  it('gives the same keys, in the same order, with the same values as the plain conversion', () => {
    for (const row of rows) {
      const out = camelRow<Record<string, unknown>>(row);
      expect(Object.keys(out)).toEqual(Object.keys(plain(row)));
      expect(out).toEqual(plain(row));
      for (const k of Object.keys(out)) expect(out[k]).toBe(plain(row)[k]);
    }
  });

  it('maps every row of a statement with the same columns, each to an object of its own', () => {
    const [a, b] = [camelRow<Record<string, unknown>>(rows[0]), camelRow<Record<string, unknown>>(rows[1])];
    expect(a.townId).toBe('t');
    expect(b.townId).toBe('t2');
    expect(a.registeredAt).toBe(when);
    expect(b.ownerNameEnc).toBe('v1:x');
    a.townId = 'changed';
    expect(camelRow<Record<string, unknown>>(rows[0]).townId).toBe('t');
  });

  it('never sets a prototype from a column named __proto__ (it becomes _Proto__)', () => {
    const row = JSON.parse('{"id": "x", "__proto__": {"polluted": true}}') as Record<string, unknown>;
    const out = camelRow<Record<string, unknown>>(row);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect((out as { polluted?: boolean }).polluted).toBeUndefined();
    expect(Object.keys(out)).toEqual(['id', '_Proto__']);
    expect(out._Proto__).toEqual({ polluted: true });
  });
});
