export type OrgLevel = 'county' | 'town' | 'village';
export const ORG_LEVELS: readonly OrgLevel[] = ['county', 'town', 'village'];
export const ORG_LEVEL_LABELS: Record<OrgLevel, { zh: string; en: string }> = {
  county: { zh: '县(市)', en: 'County' },
  town: { zh: '镇(街道)', en: 'Town' },
  village: { zh: '村(社区)', en: 'Village' },
};
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** Which level may sit under which. */
export const ORG_CHILD_LEVEL: Record<OrgLevel, OrgLevel | null> = {
  county: 'town',
  town: 'village',
  village: null,
};
