import { inScope, resolveScope, ScopeUnit, scopeSql } from './data-scope';

const unit = (id: string, parent: ScopeUnit | null, level: ScopeUnit['level']): ScopeUnit => ({
  id,
  parentId: parent?.id ?? null,
  level,
  townId: level === 'town' ? id : level === 'village' ? (parent?.id ?? null) : null,
  path: `${parent?.path ?? '/'}${id}/`,
  name: id,
});
const county = unit('county', null, 'county');
const t1 = unit('t1', county, 'town');
const t2 = unit('t2', county, 'town');
const v11 = unit('v11', t1, 'village');
const v12 = unit('v12', t1, 'village');
const v21 = unit('v21', t2, 'village');
const units = [county, t1, t2, v11, v12, v21];

describe('data scope', () => {
  it('all at the county covers both towns and county-level rows', () => {
    const s = resolveScope('u', [{ scope: 'all', unit: county, villageIds: [] }], units);
    expect(s.townIds).toEqual(['t1', 't2']);
    expect(inScope(s, { townId: null })).toBe(true);
    expect(inScope(s, { townId: 't2', villageId: 'v21' })).toBe(true);
  });

  it('town covers the town of the unit only', () => {
    const s = resolveScope('u', [{ scope: 'town', unit: v12, villageIds: [] }], units);
    expect(s.townIds).toEqual(['t1']);
    expect(inScope(s, { townId: 't1', villageId: 'v11' })).toBe(true);
    expect(inScope(s, { townId: 't2' })).toBe(false);
    expect(inScope(s, { townId: null })).toBe(false);
  });

  it('villages covers the listed villages of the town only', () => {
    const s = resolveScope('u', [{ scope: 'villages', unit: t1, villageIds: ['v11', 'v21'] }], units);
    expect(s.villageIds).toEqual(['v11']);
    expect(inScope(s, { townId: 't1', villageId: 'v11' })).toBe(true);
    expect(inScope(s, { townId: 't1', villageId: 'v12' })).toBe(false);
    expect(inScope(s, { townId: 't1', villageId: null })).toBe(false);
  });

  it('own covers records the user created or handles', () => {
    const s = resolveScope('u', [{ scope: 'own', unit: t1, villageIds: [] }], units);
    expect(inScope(s, { townId: 't1', ownerIds: ['someone', 'u'] })).toBe(true);
    expect(inScope(s, { townId: 't1', ownerIds: ['someone'] })).toBe(false);
  });

  it('unions several assignments, and a whole town absorbs its villages', () => {
    const s = resolveScope(
      'u',
      [
        { scope: 'villages', unit: t1, villageIds: ['v11'] },
        { scope: 'town', unit: t1, villageIds: [] },
        { scope: 'villages', unit: t2, villageIds: ['v21'] },
      ],
      units,
    );
    expect(s).toMatchObject({ townIds: ['t1'], villageIds: ['v21'], ownTownIds: [] });
  });

  it('renders a parameterised SQL condition', () => {
    const s = resolveScope(
      'u',
      [
        { scope: 'town', unit: t1, villageIds: [] },
        { scope: 'villages', unit: t2, villageIds: ['v21'] },
      ],
      units,
    );
    const params: unknown[] = [];
    const sql = scopeSql(s, { town: 'r.town_id', village: 'r.village_id' }, params);
    expect(sql).toBe('(r.town_id = ANY($1::uuid[]) OR r.village_id = ANY($2::uuid[]))');
    expect(params).toEqual([['t1'], ['v21']]);
    expect(scopeSql(resolveScope('u', [], units), { town: 'x' }, [])).toBe('FALSE');
  });
});
