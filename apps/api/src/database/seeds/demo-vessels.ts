import { formatRecordNumber } from '@fazhi/contracts';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { EntityManager } from 'typeorm';
import { writeThumbnail } from '../../ledger-core/attachments/thumbnails';
import { PersonalDataService } from '../../ledger-core/personal-data/personal-data.service';
import { demoEvidencePng } from './demo-images';
import { stableId } from './ids';

/** A deterministic pseudo-random sequence (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
export function idNumber(rnd: () => number): string {
  const y = 1955 + Math.floor(rnd() * 36);
  const m = 1 + Math.floor(rnd() * 12);
  const d = 1 + Math.floor(rnd() * 28);
  const body = `440781${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${String(Math.floor(rnd() * 1000)).padStart(3, '0')}`;
  const sum = [...body].reduce((s, c, i) => s + Number(c) * ID_WEIGHTS[i], 0);
  return body + '10X98765432'[sum % 11];
}

const SURNAMES = ['黄', '陈', '李', '伍', '甄', '谭', '梁', '邝', '朱', '余', '雷', '关', '刘', '林', '何'];
const GIVEN = ['海生', '水明', '志强', '永福', '国华', '大海', '亚九', '伟雄', '金水', '树根', '德光', '锦泉', '炳坤', '沛林', '耀宗'];
const PLACES: Record<string, string[]> = {
  'gh-shequ': ['广海渔港避风塘', '广海渔港东堤'],
  'gh-nanwan': ['南湾海滩', '南湾码头'],
  'gh-denghu': ['灯湖河口', '灯湖水闸'],
  'gh-haiyong': ['海永围堤', '海永渔排区'],
  'gh-dawan': ['大湾码头', '大湾海堤'],
  'gh-shalan': ['沙栏海滩', '沙栏河涌'],
  'gh-penggang': ['鹏岗码头'],
  'gh-haijiao': ['海角渔港', '海角沙滩'],
  'gh-shihua': ['石化河口'],
};
const VILLAGES = Object.keys(PLACES);
const GEAR = ['刺网', '拖网', '地笼', '蟹笼', '钓具'];
const STAFF = ['伍国华', '伍国华、陈志明', '伍国华、黄永辉'];
const AGENCIES = ['台山市农业农村局', '台山海警工作站', '广海镇人民政府', '广海派出所', '广海镇综合行政执法办'];

interface Step {
  to: string;
  date: string;
  remark?: string;
}

interface DemoVessel {
  key: string;
  registered: string;
  village: string;
  claimed: boolean;
  steps: Step[];
  campaign?: number;
  disposal?: 'self' | 'campaign' | 'handed_over';
  dismantledOn?: string;
  committedOn?: string;
  verifiedOn?: string;
  handedOverOn?: string;
  persuasions: string[];
  evidence?: boolean;
}

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const at = (date: string, hour: number) => new Date(`${date}T${String(hour).padStart(2, '0')}:30:00+08:00`);
const dayBetween = (rnd: () => number, from: string, to: string) => {
  const span = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  return addDays(from, Math.floor(rnd() * (span + 1)));
};

export const DEMO_CAMPAIGNS = [
  { date: '2021-04-22', place: '广海渔港避风塘', vessels: 34, agencies: AGENCIES.slice(0, 4) },
  { date: '2021-08-26', place: '鱼塘湾拆解点', vessels: 35, agencies: [AGENCIES[0], AGENCIES[2], AGENCIES[4]] },
  { date: '2021-12-16', place: '广海渔港避风塘', vessels: 33, agencies: AGENCIES },
];
/** Guanghai 2021 in figures, as the demo data states them. */
export const DEMO_VESSEL_FIGURES_2021 = { campaignDismantled: 102, campaigns: 3, selfDismantled: 18, handedOver: 2, openAtYearEnd: 9 };

function plan(): DemoVessel[] {
  const rnd = random(20211231);
  const list: DemoVessel[] = [];
  const village = () => VILLAGES[Math.floor(rnd() * VILLAGES.length)];
  DEMO_CAMPAIGNS.forEach((c, ci) => {
    const window = ci === 0 ? ['2020-11-02', '2020-12-28'] : ci === 1 ? ['2021-01-05', '2021-06-30'] : ['2021-05-06', '2021-11-10'];
    for (let i = 0; i < c.vessels; i++) {
      const registered = dayBetween(rnd, window[0], window[1]);
      const claimed = rnd() > 0.3;
      const joined = addDays(c.date, -5 - Math.floor(rnd() * 10));
      const steps: Step[] = [];
      const persuasions: string[] = [];
      if (claimed) {
        const start = addDays(registered, 2 + Math.floor(rnd() * 5));
        steps.push({ to: 'persuading', date: start });
        const n = 1 + Math.floor(rnd() * 3);
        for (let k = 0; k < n; k++) persuasions.push(addDays(start, k * 7));
      } else {
        steps.push({ to: 'unclaimed', date: addDays(registered, 31), remark: '公告期满无人认领' });
      }
      steps.push({ to: 'in_campaign', date: joined < steps[0].date ? addDays(steps[0].date, 1) : joined });
      steps.push({ to: 'dismantled', date: c.date });
      const verified = ci < 2 || rnd() > 0.4 ? addDays(c.date, 3 + Math.floor(rnd() * 8)) : undefined;
      if (verified) steps.push({ to: 'verified', date: verified });
      list.push({ key: `c${ci}-${i}`, registered, village: village(), claimed, steps, campaign: ci, disposal: 'campaign', dismantledOn: c.date, verifiedOn: verified, persuasions });
    }
  });
  for (let i = 0; i < DEMO_VESSEL_FIGURES_2021.selfDismantled; i++) {
    const registered = dayBetween(rnd, '2021-02-01', '2021-09-20');
    const start = addDays(registered, 3);
    const committed = addDays(start, 10 + Math.floor(rnd() * 20));
    const dismantled = addDays(committed, 5 + Math.floor(rnd() * 20));
    const verified = i < 12 ? addDays(dismantled, 4) : undefined;
    const steps: Step[] = [
      { to: 'persuading', date: start },
      { to: 'owner_committed', date: committed },
      { to: 'self_dismantled', date: dismantled },
      ...(verified ? [{ to: 'verified', date: verified }] : []),
    ];
    list.push({
      key: `s-${i}`,
      registered,
      village: village(),
      claimed: true,
      steps,
      disposal: 'self',
      committedOn: committed,
      dismantledOn: dismantled,
      verifiedOn: verified,
      persuasions: [start, addDays(start, 7)],
      evidence: true,
    });
  }
  for (let i = 0; i < DEMO_VESSEL_FIGURES_2021.handedOver; i++) {
    const registered = dayBetween(rnd, '2021-03-01', '2021-06-30');
    const start = addDays(registered, 2);
    const handed = addDays(start, 40);
    list.push({
      key: `h-${i}`,
      registered,
      village: village(),
      claimed: true,
      steps: [
        { to: 'persuading', date: start },
        { to: 'handed_over', date: handed, remark: '船主拒不拆解,移交县农业农村局' },
      ],
      disposal: 'handed_over',
      handedOverOn: handed,
      persuasions: [start, addDays(start, 10), addDays(start, 20)],
    });
  }
  const openStates = ['registered', 'registered', 'persuading', 'persuading', 'persuading', 'owner_committed', 'owner_committed', 'registered', 'persuading'];
  openStates.forEach((state, i) => {
    const registered = dayBetween(rnd, '2021-10-08', '2021-12-24');
    const steps: Step[] = [];
    const persuasions: string[] = [];
    const claimed = i !== 7;
    if (state !== 'registered') {
      steps.push({ to: 'persuading', date: addDays(registered, 2) });
      persuasions.push(addDays(registered, 2));
    }
    if (state === 'owner_committed') steps.push({ to: 'owner_committed', date: addDays(registered, 6) });
    list.push({ key: `o-${i}`, registered, village: village(), claimed, steps, committedOn: state === 'owner_committed' ? addDays(registered, 6) : undefined, persuasions });
  });
  for (let i = 0; i < 4; i++) {
    const registered = dayBetween(rnd, '2022-03-01', '2022-05-31');
    list.push({
      key: `n-${i}`,
      registered,
      village: village(),
      claimed: true,
      steps: i < 2 ? [{ to: 'persuading', date: addDays(registered, 3) }] : [],
      persuasions: i < 2 ? [addDays(registered, 3)] : [],
    });
  }
  return list.sort((a, b) => a.registered.localeCompare(b.registered) || a.key.localeCompare(b.key));
}

export interface VesselSeedContext {
  em: EntityManager;
  now: Date;
  dataDir: string;
  personal: PersonalDataService;
  ids: (key: string) => string;
}

async function storeEvidence(ctx: VesselSeedContext, png: Buffer): Promise<{ sha: string; key: string; thumb: string | null }> {
  const sha = createHash('sha256').update(png).digest('hex');
  const key = `${sha.slice(0, 2)}/${sha}`;
  const file = path.join(ctx.dataDir, 'files', key);
  const thumbFile = `${file}.thumb.jpg`;
  if (!existsSync(file)) {
    await mkdir(path.dirname(file), { recursive: true, mode: 0o750 });
    await writeFile(file, png);
  }
  const thumb = existsSync(thumbFile) || (await writeThumbnail(file, thumbFile)) ? `${key}.thumb.jpg` : null;
  return { sha, key, thumb };
}

/** Stores a demo photo and attaches it to a record. */
export async function attach(
  ctx: VesselSeedContext,
  o: { townId: string; ledger: string; recordId: string; stage: string; fileName: string; png: Buffer; uploadedAt: Date; by: string },
): Promise<void> {
  const stored = await storeEvidence(ctx, o.png);
  await ctx.em.query(
    `INSERT INTO attachment (id, town_id, ledger, record_id, stage, file_name, mime, size, sha256, storage_key, thumbnail_key, uploaded_by, uploaded_at)
     VALUES ($1,$2,$3,$4,$5,$6,'image/png',$7,$8,$9,$10,$11,$12) ON CONFLICT (id) DO NOTHING`,
    [stableId(`attachment:${o.recordId}:${o.stage}:${o.fileName}`), o.townId, o.ledger, o.recordId, o.stage, o.fileName, o.png.length, stored.sha, stored.key, stored.thumb, o.by, o.uploadedAt],
  );
}

/** Guanghai 2021: three campaigns that dismantled 102 vessels, self-dismantled and open vessels, certificates. */
export async function seedDemoVessels(ctx: VesselSeedContext): Promise<void> {
  const { em, personal } = ctx;
  const gh = ctx.ids('guanghai');
  const hy = ctx.ids('haiyan');
  const officer = stableId('user:officer');
  const officer2 = stableId('user:officer2');
  const legal = stableId('user:legal');

  const certificates = [
    {
      key: 'officer',
      townId: gh,
      officerId: officer,
      number: '44078121001',
      issued: '2020-03-01',
      expires: '2029-02-28',
      events: [
        ['apply', '2020-03-01'],
        ['annual_review', '2021-03-15'],
        ['annual_review', '2022-03-10'],
        ['renew', '2023-02-20'],
      ],
    },
    {
      key: 'officer2',
      townId: hy,
      officerId: officer2,
      number: '44078121007',
      issued: '2021-01-10',
      expires: '2027-01-09',
      events: [
        ['apply', '2021-01-10'],
        ['annual_review', '2022-01-12'],
      ],
    },
  ];
  for (const c of certificates) {
    const id = stableId(`certificate:${c.key}`);
    await em.query(
      `INSERT INTO certificate (id, town_id, officer_id, number, issued_on, expires_on, status, created_at, created_by, updated_at, updated_by, version)
       VALUES ($1,$2,$3,$4,$5,$6,'valid',$7,$8,$7,$8,1) ON CONFLICT (id) DO NOTHING`,
      [id, c.townId, c.officerId, c.number, c.issued, c.expires, at(c.issued, 9), legal],
    );
    for (const [kind, date] of c.events) {
      await em.query(`INSERT INTO certificate_event (id, town_id, certificate_id, kind, date, remark, created_by, created_at) VALUES ($1,$2,$3,$4,$5,NULL,$6,$7) ON CONFLICT (id) DO NOTHING`, [
        stableId(`certificate-event:${c.key}:${kind}:${date}`),
        c.townId,
        id,
        kind,
        date,
        legal,
        at(date, 10),
      ]);
    }
  }

  const campaignIds = DEMO_CAMPAIGNS.map((_, i) => stableId(`campaign:guanghai-2021-${i}`));
  for (const [i, c] of DEMO_CAMPAIGNS.entries()) {
    const created = at(addDays(c.date, -30), 9);
    await em.query(
      `INSERT INTO campaign (id, town_id, village_id, number, year, seq, status, registered_at, handler_ids, created_at, created_by, updated_at, updated_by, version, date, place, agencies, closed_at, remark)
       VALUES ($1,$2,NULL,$3,2021,$4,'closed',$5,$6,$5,$7,$8,$7,2,$9,$10,$11,$8,$12) ON CONFLICT (id) DO NOTHING`,
      [campaignIds[i], gh, formatRecordNumber('广海', '销毁', 2021, i + 1), i + 1, created, [officer], officer, at(c.date, 17), c.date, c.place, c.agencies, `第${'一二三'[i]}次集中拆解销毁行动`],
    );
    await em.query(
      `INSERT INTO status_history (town_id, ledger, record_id, from_status, to_status, at, user_id, remark) VALUES ($1,'campaign',$2,NULL,'planned',$3,$4,NULL), ($1,'campaign',$2,'planned','closed',$5,$4,NULL)`,
      [gh, campaignIds[i], created, officer, at(c.date, 17)],
    );
    for (const [k, stage] of (['before', 'during', 'after'] as const).entries()) {
      await attach(ctx, {
        townId: gh,
        ledger: 'campaign',
        recordId: campaignIds[i],
        stage,
        fileName: `集中销毁${i + 1}-${['拆解前', '拆解中', '拆解后'][k]}.png`,
        png: demoEvidencePng(100 + i * 3 + k, stage),
        uploadedAt: at(c.date, 15 + k),
        by: officer,
      });
    }
  }
  await em.query(
    `INSERT INTO record_counter (town_id, ledger, year, last_seq) VALUES ($1, 'campaign', 2021, 3) ON CONFLICT (town_id, ledger, year) DO UPDATE SET last_seq = GREATEST(record_counter.last_seq, 3)`,
    [gh],
  );

  const rnd = random(7);
  const seqByYear = new Map<number, number>();
  for (const v of plan()) {
    const id = stableId(`vessel:${v.key}`);
    const year = Number(v.registered.slice(0, 4));
    const seq = (seqByYear.get(year) ?? 0) + 1;
    seqByYear.set(year, seq);
    const registeredAt = at(v.registered, 8 + Math.floor(rnd() * 9));
    const villageKey = v.village;
    const name = v.claimed ? SURNAMES[Math.floor(rnd() * SURNAMES.length)] + GIVEN[Math.floor(rnd() * GIVEN.length)] : null;
    const idNo = v.claimed ? idNumber(rnd) : null;
    const phone = v.claimed ? `13${Math.floor(rnd() * 9) + 1}${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}` : null;
    const status = v.steps.length ? v.steps[v.steps.length - 1].to : 'registered';
    const places = PLACES[villageKey];
    const noticeStart = v.claimed ? null : addDays(v.registered, 1);
    const campaignId = v.campaign !== undefined ? campaignIds[v.campaign] : null;
    await em.query(
      `INSERT INTO vessel_case (id, town_id, village_id, number, year, seq, status, registered_at, handler_ids, created_at, created_by, updated_at, updated_by, version,
         discovered_at, place, source, hull_material, length_m, engine_power_kw, gear_type, gear_count, marks, unclaimed,
         owner_name_enc, owner_name_idx, owner_id_enc, owner_id_idx, owner_phone_enc, owner_phone_idx, notice_start, notice_end,
         committed_on, disposal, dismantled_on, dismantle_place, campaign_id, witnesses, verified_on, verified_by, handed_over_on, external_case_no, remark)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$8,$10,$11,$10,$12,$8,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$26,$27,$28,$29,$30,$31,$32,$33,$34,$35,$36,$37,$38,$39,$40)
       ON CONFLICT (id) DO NOTHING`,
      [
        id,
        gh,
        ctx.ids(villageKey),
        formatRecordNumber('广海', '三无', year, seq),
        year,
        seq,
        status,
        registeredAt,
        [officer],
        officer,
        v.steps.length ? at(v.steps[v.steps.length - 1].date, 16) : registeredAt,
        v.steps.length + 1,
        places[Math.floor(rnd() * places.length)],
        rnd() < 0.8 ? 'patrol' : rnd() < 0.5 ? 'report' : 'joint',
        rnd() < 0.55 ? 'wood' : rnd() < 0.8 ? 'fibreglass' : 'plastic_steel',
        Math.round((4 + rnd() * 8) * 10) / 10,
        rnd() < 0.4 ? null : Math.round(rnd() * 40 * 10) / 10,
        GEAR[Math.floor(rnd() * GEAR.length)],
        1 + Math.floor(rnd() * 6),
        rnd() < 0.5 ? '船身无船名船号' : '船头有涂改痕迹',
        !v.claimed,
        personal.encrypt(name),
        personal.blindIndex('name', name),
        personal.encrypt(idNo),
        personal.blindIndex('idNumber', idNo),
        personal.encrypt(phone),
        personal.blindIndex('phone', phone),
        noticeStart,
        noticeStart ? addDays(noticeStart, 30) : null,
        v.committedOn ?? null,
        v.disposal ?? null,
        v.dismantledOn ?? null,
        v.dismantledOn ? (campaignId ? DEMO_CAMPAIGNS[v.campaign!].place : places[0]) : null,
        campaignId,
        v.dismantledOn ? '村委干部、船主' : null,
        v.verifiedOn ?? null,
        v.verifiedOn ? '伍国华' : null,
        v.handedOverOn ?? null,
        v.handedOverOn ? `粤执法〔2021〕台农渔字第${String(seq).padStart(3, '0')}号` : null,
        null,
      ],
    );
    let from = 'registered';
    const history: [string | null, string, Date, string | null][] = [[null, 'registered', registeredAt, null]];
    for (const s of v.steps) {
      history.push([from, s.to, at(s.date, 11), s.remark ?? null]);
      from = s.to;
    }
    for (const [f, t, when, remark] of history) {
      await em.query(`INSERT INTO status_history (town_id, ledger, record_id, from_status, to_status, at, user_id, remark) VALUES ($1,'vessel-case',$2,$3,$4,$5,$6,$7)`, [
        gh,
        id,
        f,
        t,
        when,
        officer,
        remark,
      ]);
    }
    for (const [k, date] of v.persuasions.entries()) {
      const measure = ['education', 'demonstration', 'guidance', 'visit'][k % 4];
      await em.query(`INSERT INTO vessel_persuasion (id, town_id, case_id, date, staff, measure, result, created_by, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT (id) DO NOTHING`, [
        stableId(`persuasion:${v.key}:${k}`),
        gh,
        id,
        date,
        STAFF[k % STAFF.length],
        measure,
        ['船主表示考虑自行拆解', '已讲解相关法律法规,船主同意配合', '发放告知书,船主签收', '上门劝导,船主承诺按期处理'][k % 4],
        officer,
        at(date, 15),
      ]);
    }
    if (v.evidence && v.dismantledOn) {
      await attach(ctx, {
        townId: gh,
        ledger: 'vessel-case',
        recordId: id,
        stage: 'after',
        fileName: `拆解后-${seq}.png`,
        png: demoEvidencePng(500 + seq, 'after'),
        uploadedAt: at(v.dismantledOn, 16),
        by: officer,
      });
    }
  }
  for (const [year, last] of seqByYear) {
    await em.query(
      `INSERT INTO record_counter (town_id, ledger, year, last_seq) VALUES ($1, 'vessel-case', $2, $3) ON CONFLICT (town_id, ledger, year) DO UPDATE SET last_seq = GREATEST(record_counter.last_seq, $3)`,
      [gh, year, last],
    );
  }
}
