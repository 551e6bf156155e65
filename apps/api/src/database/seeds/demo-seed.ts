import { EntityManager } from 'typeorm';
import { AppConfig } from '../../config/config';
import { PersonalDataService } from '../../ledger-core/personal-data/personal-data.service';
import { AccountSeed, insertAccount, upsertUnits } from './base';
import { seedDemoAdvisors } from './demo-advisors';
import { seedDemoDisputes } from './demo-disputes';
import { seedDemoVessels } from './demo-vessels';
import { DEMO_UNITS } from './demo-units';
import { stableId } from './ids';

export const DEMO_PASSWORD = 'Fazhi@2021';

export interface DemoAccount {
  username: string;
  displayName: string;
  role: string;
  town: 'guanghai' | 'haiyan' | null;
  scope: 'all' | 'town' | 'villages';
  villages?: string[];
}

/** One account per role in Guanghai, two in the second town, and a county leader. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', displayName: '陈建国', role: 'admin', town: 'guanghai', scope: 'town' },
  { username: 'security', displayName: '黄志强', role: 'security', town: 'guanghai', scope: 'town' },
  { username: 'auditor', displayName: '林晓梅', role: 'auditor', town: 'guanghai', scope: 'town' },
  { username: 'leader', displayName: '李海生', role: 'leader', town: 'guanghai', scope: 'town' },
  { username: 'legal', displayName: '梁文静', role: 'legal_affairs', town: 'guanghai', scope: 'town' },
  { username: 'officer', displayName: '伍国华', role: 'enforcement_officer', town: 'guanghai', scope: 'town' },
  { username: 'mediator', displayName: '甄秀英', role: 'mediator', town: 'guanghai', scope: 'town' },
  { username: 'advisor', displayName: '朱立法', role: 'legal_advisor', town: 'guanghai', scope: 'villages', villages: ['gh-shequ', 'gh-nanwan', 'gh-denghu'] },
  { username: 'petition', displayName: '余美玲', role: 'petition_officer', town: 'guanghai', scope: 'town' },
  { username: 'leader2', displayName: '邝伟明', role: 'leader', town: 'haiyan', scope: 'town' },
  { username: 'officer2', displayName: '雷振东', role: 'enforcement_officer', town: 'haiyan', scope: 'town' },
  { username: 'county', displayName: '谭永康', role: 'leader', town: null, scope: 'all' },
];

export interface SeedContext {
  em: EntityManager;
  now: Date;
  hashPassword: (password: string) => Promise<string>;
  config: AppConfig;
}

export interface SeedStep {
  version: number;
  description: string;
  run(ctx: SeedContext): Promise<void>;
}

/** Versioned demo data: a database at version N receives the steps above N. */
export const DEMO_SEED_STEPS: SeedStep[] = [
  {
    version: 1,
    description: '台山市, 广海镇 and 海宴镇 with their villages; the demo accounts',
    async run({ em, now, hashPassword }) {
      const ids = await upsertUnits(em, DEMO_UNITS, now);
      const hash = await hashPassword(DEMO_PASSWORD);
      for (const a of DEMO_ACCOUNTS) {
        const unitId = ids.get(a.town ?? 'taishan')!;
        const townId = a.town ? ids.get(a.town)! : null;
        const seed: AccountSeed = {
          username: a.username,
          displayName: a.displayName,
          unitId,
          townId,
          demo: true,
          mustChangePassword: false,
          roles: [{ code: a.role, unitId, townId, scope: a.scope, villageIds: (a.villages ?? []).map((v) => ids.get(v)!) }],
        };
        await insertAccount(em, seed, hash, now);
      }
    },
  },
  {
    version: 2,
    description: 'Guanghai three-no vessels: 2021 campaigns (102 vessels), self-dismantled and open cases, certificates, evidence photos',
    async run({ em, now, config }) {
      await seedDemoVessels({ em, now, dataDir: config.dataDir, personal: new PersonalDataService(config), ids: (key) => stableId(`org:${key}`) });
    },
  },
  {
    version: 3,
    description:
      'Guanghai dispute mediation: 56 peace officers active in 2021, the 2021 disputes all resolved within the town (warnings handled, agreements, follow-ups), a few 2022 and Haiyan disputes',
    async run({ em, config }) {
      await seedDemoDisputes({ em, personal: new PersonalDataService(config), ids: (key) => stableId(`org:${key}`) });
    },
  },
  {
    version: 4,
    description:
      'Guanghai village legal advisors: 9 villages with rooms, advisors and published service lists at provincial level; 2021 with 123 consultations, 36 publicity events, 16 visits and 8 hours in every village-month; a current year in progress',
    async run({ em, now, config }) {
      await seedDemoAdvisors({ em, now, dataDir: config.dataDir, personal: new PersonalDataService(config), ids: (key) => stableId(`org:${key}`) });
    },
  },
];
