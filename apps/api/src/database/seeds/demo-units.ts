import { UnitSeed } from './base';

/** The demo org tree: 台山市 with 广海镇 and 海宴镇 and their villages (keys name the units in every demo seed). */
export const DEMO_UNITS: UnitSeed[] = [
  { key: 'taishan', parentKey: null, level: 'county', code: 'TS', name: '台山市', sortOrder: 0 },
  { key: 'guanghai', parentKey: 'taishan', level: 'town', code: 'GH', name: '广海镇', numberPrefix: '广海', sortOrder: 1 },
  { key: 'gh-shequ', parentKey: 'guanghai', level: 'village', code: 'GH01', name: '广海社区', sortOrder: 1 },
  { key: 'gh-nanwan', parentKey: 'guanghai', level: 'village', code: 'GH02', name: '南湾村', sortOrder: 2 },
  { key: 'gh-denghu', parentKey: 'guanghai', level: 'village', code: 'GH03', name: '灯湖村', sortOrder: 3 },
  { key: 'gh-haiyong', parentKey: 'guanghai', level: 'village', code: 'GH04', name: '海永村', sortOrder: 4 },
  { key: 'gh-dawan', parentKey: 'guanghai', level: 'village', code: 'GH05', name: '大湾村', sortOrder: 5 },
  { key: 'gh-shalan', parentKey: 'guanghai', level: 'village', code: 'GH06', name: '沙栏村', sortOrder: 6 },
  { key: 'gh-penggang', parentKey: 'guanghai', level: 'village', code: 'GH07', name: '鹏岗村', sortOrder: 7 },
  { key: 'gh-haijiao', parentKey: 'guanghai', level: 'village', code: 'GH08', name: '海角村', sortOrder: 8 },
  { key: 'gh-shihua', parentKey: 'guanghai', level: 'village', code: 'GH09', name: '石化村', sortOrder: 9 },
  { key: 'haiyan', parentKey: 'taishan', level: 'town', code: 'HY', name: '海宴镇', numberPrefix: '海宴', sortOrder: 2 },
  { key: 'hy-shequ', parentKey: 'haiyan', level: 'village', code: 'HY01', name: '海宴社区', sortOrder: 1 },
  { key: 'hy-wufeng', parentKey: 'haiyan', level: 'village', code: 'HY02', name: '五丰村', sortOrder: 2 },
  { key: 'hy-shazui', parentKey: 'haiyan', level: 'village', code: 'HY03', name: '沙咀村', sortOrder: 3 },
  { key: 'hy-dantang', parentKey: 'haiyan', level: 'village', code: 'HY04', name: '丹堂村', sortOrder: 4 },
];

/** The keys of a demo town's villages, in their order. */
export function demoVillages(townKey: string): string[] {
  return DEMO_UNITS.filter((u) => u.parentKey === townKey && u.level === 'village')
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((u) => u.key);
}

/** A demo unit's name by its key. */
export function demoUnitName(key: string): string {
  const unit = DEMO_UNITS.find((u) => u.key === key);
  if (!unit) throw new Error(`no demo unit ${key}`);
  return unit.name;
}
