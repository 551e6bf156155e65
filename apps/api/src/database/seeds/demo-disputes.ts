import { DISPUTE_CATEGORIES, formatRecordNumber } from '@fazhi/contracts';
import type { AgreementForm, DisputeCategory, DisputeSource, PerformanceStatus, ReferralRoute, Satisfaction } from '@fazhi/contracts';
import { EntityManager } from 'typeorm';
import { KEPT_CALENDAR } from '../../ledger-core/calendar/kept-calendar';
import { addMonths, calendarDaysBetween, periodEnd } from '../../ledger-core/calendar/working-days';
import { PersonalDataService } from '../../ledger-core/personal-data/personal-data.service';
import { idNumber, random } from './demo-vessels';
import { demoUnitName, demoVillages } from './demo-units';
import { stableId } from './ids';

/**
 * Guanghai's dispute mediation as the 2021 report tells it: 56 peace officers (平安员) active in
 * the year across the nine villages, and every dispute of the year resolved within the town by
 * mediation (全部化解, 零上访) — a few of them after a group-incident warning that was handled —
 * with sessions, agreements, follow-up visits and judicial confirmations. A few 2022 disputes in
 * other states, and some Haiyan ones for the second town.
 */
export const DEMO_DISPUTE_FIGURES_2021 = { received: 88, agreed: 88, terminated: 0, warnings: 3, escalated: 0, peaceOfficers: 56 };

const VILLAGES = demoVillages('guanghai');
/** Active 2021 officers per village: 56 in all. */
const OFFICERS_PER_VILLAGE = [8, 6, 6, 7, 6, 6, 5, 6, 6];
const SURNAMES = ['黄', '陈', '李', '伍', '甄', '谭', '梁', '邝', '朱', '余', '雷', '关', '刘', '林', '何', '赵', '马', '吴'];
const GIVEN = ['秀英', '国强', '月娥', '永康', '丽华', '志明', '桂芳', '建华', '少玲', '伟强', '惠珍', '德明', '美娟', '家豪', '玉兰', '振华', '翠屏', '锦荣', '淑贞', '耀明'];
const PARTY_GIVEN = ['海生', '水明', '志强', '永福', '大海', '亚九', '伟雄', '金水', '树根', '德光', '锦泉', '炳坤', '沛林', '耀宗', '桂英', '少芬', '惠玲', '美华'];

const CATEGORY_COUNTS: Record<DisputeCategory, number> = { neighbour: 22, marriage_family: 16, land_forest: 12, sea_fishery: 14, labour: 6, contract: 8, damages: 7, other: 3 };

const STORIES: Record<DisputeCategory, { summary: string; issues: string; terms: string; manner: string }[]> = {
  neighbour: [
    {
      summary: '两户因宅基地边界滴水檐及排水沟走向发生争执',
      issues: '排水沟改道及滴水檐越界问题',
      terms: '甲方于期限内将排水沟改至自家屋后,乙方配合拆除越界雨棚,双方互不追究',
      manner: '双方各自施工,村委会现场见证',
    },
    {
      summary: '邻居因楼顶养鸽噪音及卫生问题多次口角',
      issues: '养鸽噪音、卫生影响',
      terms: '养鸽一方将鸽笼迁至远离邻居卧室一侧并每日清理,另一方不再张贴投诉',
      manner: '当事人自行整改,平安员回访核实',
    },
    { summary: '两户因共用巷道堆放杂物阻碍通行发生纠纷', issues: '共用巷道占用', terms: '双方清理巷道杂物,今后共用巷道不得堆放物品', manner: '当场清理,村委会监督' },
  ],
  marriage_family: [
    { summary: '兄弟三人因父母赡养费分担及轮流照顾发生争执', issues: '赡养费分担与照顾安排', terms: '三兄弟每月各支付赡养费六百元,按月轮流照顾父母起居', manner: '按月转账至父亲账户' },
    { summary: '夫妻感情不和,就子女抚养及共同财产分割发生纠纷', issues: '子女抚养及财产分割', terms: '婚生子由女方抚养,男方每月支付抚养费一千二百元,共同存款平均分割', manner: '银行转账' },
    { summary: '继承父亲遗留房屋,兄妹就份额分配发生争议', issues: '房屋继承份额', terms: '房屋归兄长所有,兄长补偿妹妹人民币五万元', manner: '分两期现金支付' },
  ],
  land_forest: [
    { summary: '村民小组之间因林地界址不清发生争执', issues: '林地四至界址', terms: '以村委会存档的一九九八年林权图为准重新定界,双方共同埋设界桩', manner: '双方派员会同村委会现场定界' },
    { summary: '承包田灌溉水渠使用及维修费用分担争议', issues: '水渠使用及维修费用', terms: '水渠共同使用,维修费用按承包面积比例分担', manner: '每年春耕前结算' },
  ],
  sea_fishery: [
    { summary: '两渔户因近海蚝排养殖区界线重叠发生争执', issues: '养殖海域界线', terms: '以镇海洋渔业部门划定的坐标为界,越界一方于期限内迁移蚝排', manner: '越界一方自行迁移,平安员现场核实' },
    { summary: '渔船靠泊时碰撞他人渔排造成网箱损坏', issues: '网箱损失赔偿', terms: '船主赔偿网箱修复费用人民币八千元', manner: '一次性现金支付' },
    { summary: '渔民雇工出海作业工钱结算争议', issues: '出海工钱结算', terms: '船东支付拖欠工钱人民币一万二千元', manner: '分两期银行转账' },
  ],
  labour: [{ summary: '工人在建筑工地务工后被拖欠工资', issues: '工资拖欠', terms: '包工头支付拖欠工资人民币九千六百元', manner: '一次性银行转账' }],
  contract: [
    { summary: '海产品收购货款结算发生争议', issues: '货款金额及支付', terms: '收购方支付剩余货款人民币一万五千元', manner: '分三期支付' },
    { summary: '房屋租赁到期押金退还发生争执', issues: '押金退还', terms: '出租方扣除水电费后退还押金人民币二千三百元', manner: '当场现金支付' },
  ],
  damages: [
    { summary: '摩托车与电动车相撞致一方受轻伤,医疗费赔偿争议', issues: '医疗费及误工费赔偿', terms: '摩托车驾驶人赔偿医疗费、误工费共计人民币六千五百元', manner: '一次性现金支付' },
    { summary: '饲养的狗咬伤邻居小孩,医疗费赔偿争议', issues: '医疗费赔偿', terms: '犬主人赔偿医疗费及疫苗费人民币一千八百元并拴养犬只', manner: '一次性支付' },
  ],
  other: [{ summary: '村民因集体经济分红名单发生争议', issues: '分红资格', terms: '经村民代表会议确认,将当事人列入分红名单并补发分红', manner: '村委会统一发放' }],
};

const SOURCES: [DisputeSource, number][] = [
  ['screening', 0.4],
  ['application', 0.35],
  ['police', 0.1],
  ['court', 0.05],
  ['government', 0.1],
];

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const at = (date: string, hour: number) => new Date(`${date}T${String(hour).padStart(2, '0')}:30:00+08:00`);
const minDate = (a: string, b: string) => (a < b ? a : b);
const kindOf = (d: string) => KEPT_CALENDAR.byDate.get(d)?.kind;

interface Step {
  to: string;
  date: string;
  remark?: string;
}

interface DemoDispute {
  key: string;
  town: 'guanghai' | 'haiyan';
  village: string;
  registered: string;
  category: DisputeCategory;
  source: DisputeSource;
  story: (typeof STORIES)[DisputeCategory][number];
  parties: number;
  steps: Step[];
  sessions: string[];
  acceptedOn?: string;
  agreedOn?: string;
  agreementForm?: AgreementForm;
  performanceDeadline?: string;
  performanceStatus?: PerformanceStatus;
  followUps: { date: string; performance: PerformanceStatus; satisfaction: Satisfaction }[];
  terminatedOn?: string;
  referralRoute?: ReferralRoute;
  refusedOn?: string;
  archivedOn?: string;
  warning?: { raised: string; resolved: string };
  judicial?: { appliedOn: string; decidedOn: string };
}

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)];
}

function weighted<T>(rnd: () => number, list: readonly [T, number][]): T {
  let r = rnd();
  for (const [v, w] of list) if ((r -= w) < 0) return v;
  return list[list.length - 1][0];
}

/** A full mediation: accepted, sessions, agreement, performance, follow-up and (mostly) archive. */
function resolved(rnd: () => number, d: Omit<DemoDispute, 'steps' | 'sessions' | 'followUps'>, lastAgreement: string): DemoDispute {
  const accepted = addDays(d.registered, Math.floor(rnd() * 3));
  const mediating = addDays(accepted, Math.floor(rnd() * 2));
  const agreed = minDate(addDays(mediating, 3 + Math.floor(rnd() * 18)), lastAgreement);
  const sessions = [mediating, ...(rnd() < 0.6 ? [addDays(mediating, Math.max(1, Math.floor(calendarDaysBetween(mediating, agreed) / 2)))] : [])].filter((s) => s <= agreed);
  if (!sessions.includes(agreed) && rnd() < 0.7) sessions.push(agreed);
  const form: AgreementForm = rnd() < 0.8 ? 'written' : 'oral';
  const deadline = addDays(agreed, 7 + Math.floor(rnd() * 50));
  const fate = rnd();
  const steps: Step[] = [
    { to: 'accepted', date: accepted },
    { to: 'mediating', date: mediating },
    { to: 'agreed', date: agreed },
    { to: 'performing', date: agreed },
  ];
  const followUps: DemoDispute['followUps'] = [];
  let performanceStatus: PerformanceStatus = 'in_progress';
  let archivedOn: string | undefined;
  if (fate < 0.9) {
    const visit = addDays(deadline, 2 + Math.floor(rnd() * 10));
    performanceStatus = rnd() < 0.93 ? 'fulfilled' : 'partial';
    followUps.push({ date: visit, performance: performanceStatus, satisfaction: performanceStatus === 'fulfilled' ? (rnd() < 0.85 ? 'satisfied' : 'basically_satisfied') : 'basically_satisfied' });
    steps.push({ to: 'followed_up', date: visit });
    if (fate < 0.72) {
      archivedOn = addDays(visit, 5 + Math.floor(rnd() * 15));
      steps.push({ to: 'archived', date: archivedOn });
    }
  }
  const judicial = form === 'written' && rnd() < 0.05 ? { appliedOn: addDays(agreed, 5), decidedOn: addDays(agreed, 20) } : undefined;
  return { ...d, steps, sessions, acceptedOn: accepted, agreedOn: agreed, agreementForm: form, performanceDeadline: deadline, performanceStatus, followUps, archivedOn, judicial };
}

function plan(): DemoDispute[] {
  const rnd = random(2021_0318);
  const list: DemoDispute[] = [];
  const categories = DISPUTE_CATEGORIES.flatMap((c) => Array<DisputeCategory>(CATEGORY_COUNTS[c]).fill(c));
  // Spread over the year, in a shuffled category order.
  for (let i = categories.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [categories[i], categories[j]] = [categories[j], categories[i]];
  }
  categories.forEach((category, i) => {
    const registered = addDays('2021-01-04', Math.floor((i * 338) / categories.length) + Math.floor(rnd() * 3));
    const base = {
      key: `gh21-${i}`,
      town: 'guanghai' as const,
      village: pick(rnd, VILLAGES),
      registered,
      category,
      source: weighted(rnd, SOURCES),
      story: pick(rnd, STORIES[category]),
      parties: rnd() < 0.15 ? 3 : 2,
    };
    list.push(resolved(rnd, base, '2021-12-30'));
  });
  // Three group-incident warnings, raised during the mediation and handled.
  for (const i of [14, 41, 67]) {
    const d = list[i];
    const raised = d.steps.find((s) => s.to === 'mediating')!.date;
    d.warning = { raised, resolved: d.agreedOn! };
  }
  const y22 = (key: string, registered: string, category: DisputeCategory, village: string) => ({
    key,
    town: 'guanghai' as const,
    village,
    registered,
    category,
    source: 'screening' as DisputeSource,
    story: STORIES[category][0],
    parties: 2,
  });
  list.push({ ...y22('gh22-registered', '2022-05-16', 'neighbour', 'gh-dawan'), steps: [], sessions: [], followUps: [] });
  list.push({ ...y22('gh22-accepted', '2022-05-10', 'contract', 'gh-nanwan'), steps: [{ to: 'accepted', date: '2022-05-11' }], sessions: [], followUps: [], acceptedOn: '2022-05-11' });
  list.push({
    ...y22('gh22-mediating', '2022-04-20', 'sea_fishery', 'gh-haijiao'),
    steps: [
      { to: 'accepted', date: '2022-04-21' },
      { to: 'mediating', date: '2022-04-22' },
    ],
    sessions: ['2022-04-22', '2022-05-06'],
    followUps: [],
    acceptedOn: '2022-04-21',
  });
  list.push({
    ...y22('gh22-terminated', '2022-03-07', 'contract', 'gh-shequ'),
    steps: [
      { to: 'accepted', date: '2022-03-08' },
      { to: 'mediating', date: '2022-03-09' },
      { to: 'terminated', date: '2022-03-25', remark: '双方分歧较大,调解不成' },
    ],
    sessions: ['2022-03-09', '2022-03-18'],
    followUps: [],
    acceptedOn: '2022-03-08',
    terminatedOn: '2022-03-25',
    referralRoute: 'litigation',
  });
  list.push({
    ...y22('gh22-refused', '2022-02-21', 'marriage_family', 'gh-shalan'),
    steps: [{ to: 'refused', date: '2022-02-23', remark: '被申请人明确表示不接受调解' }],
    sessions: [],
    followUps: [],
    refusedOn: '2022-02-23',
  });
  list.push(resolved(rnd, { ...y22('gh22-agreed', '2022-03-14', 'damages', 'gh-denghu') }, '2022-04-30'));
  for (let i = 0; i < 5; i++) {
    const category = pick(rnd, DISPUTE_CATEGORIES);
    const base = {
      key: `hy21-${i}`,
      town: 'haiyan' as const,
      village: pick(rnd, ['hy-shequ', 'hy-wufeng', 'hy-shazui', 'hy-dantang']),
      registered: addDays('2021-03-01', i * 50),
      category,
      source: weighted(rnd, SOURCES),
      story: pick(rnd, STORIES[category]),
      parties: 2,
    };
    list.push(resolved(rnd, base, '2021-12-30'));
  }
  return list;
}

interface DemoOfficer {
  key: string;
  town: 'guanghai' | 'haiyan';
  village: string;
  name: string;
  activeFrom: string;
  activeTo: string | null;
  user?: string;
}

function officers(): DemoOfficer[] {
  const rnd = random(56);
  const list: DemoOfficer[] = [];
  const used = new Set<string>(['甄秀英']);
  const name = () => {
    for (;;) {
      const n = pick(rnd, SURNAMES) + pick(rnd, GIVEN);
      if (!used.has(n)) {
        used.add(n);
        return n;
      }
    }
  };
  VILLAGES.forEach((village, vi) => {
    for (let k = 0; k < OFFICERS_PER_VILLAGE[vi]; k++) {
      const first = vi === 0 && k === 0;
      list.push({
        key: `${village}-${k}`,
        town: 'guanghai',
        village,
        name: first ? '甄秀英' : name(),
        activeFrom: first ? '2018-03-01' : addDays('2017-01-01', Math.floor(rnd() * 1460)),
        // One officer left mid-2021: still active in 2021.
        activeTo: vi === 3 && k === 6 ? '2021-06-30' : null,
        user: first ? 'mediator' : undefined,
      });
    }
  });
  // Not active in 2021: two who left at the end of 2020 and one who joined in 2022.
  list.push({ key: 'gh-left-0', town: 'guanghai', village: 'gh-nanwan', name: name(), activeFrom: '2016-05-01', activeTo: '2020-12-31' });
  list.push({ key: 'gh-left-1', town: 'guanghai', village: 'gh-shihua', name: name(), activeFrom: '2017-09-01', activeTo: '2020-12-31' });
  list.push({ key: 'gh-new-0', town: 'guanghai', village: 'gh-haiyong', name: name(), activeFrom: '2022-03-01', activeTo: null });
  for (const [k, village] of ['hy-shequ', 'hy-wufeng', 'hy-shazui', 'hy-dantang'].entries()) {
    list.push({ key: `${village}-0`, town: 'haiyan', village, name: name(), activeFrom: '2019-01-01', activeTo: null });
    if (k === 0) list.push({ key: `${village}-1`, town: 'haiyan', village, name: name(), activeFrom: '2020-06-01', activeTo: null });
  }
  return list;
}

export interface DisputeSeedContext {
  em: EntityManager;
  personal: PersonalDataService;
  ids: (key: string) => string;
}

function phone(rnd: () => number): string {
  return `13${Math.floor(rnd() * 9) + 1}${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}`;
}

export async function seedDemoDisputes(ctx: DisputeSeedContext): Promise<void> {
  const { em, personal } = ctx;
  const rnd = random(88);
  const mediatorUser = stableId('user:mediator');
  const officerRows = officers();
  for (const o of officerRows) {
    const townId = ctx.ids(o.town);
    const p = personal.protect('phone', phone(rnd));
    await em.query(
      `INSERT INTO peace_officer (id, town_id, village_id, name, phone_enc, phone_idx, active_from, active_to, user_id, remark, created_at, created_by, updated_at, updated_by, version)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,NULL,$10,NULL,$10,NULL,1) ON CONFLICT (id) DO NOTHING`,
      [
        stableId(`peace-officer:${o.key}`),
        townId,
        ctx.ids(o.village),
        o.name,
        p.enc,
        p.idx,
        o.activeFrom,
        o.activeTo,
        o.user ? stableId(`user:${o.user}`) : null,
        at(o.activeFrom < '2021-01-01' ? '2021-01-01' : o.activeFrom, 9),
      ],
    );
  }
  const mediatorsOf = (d: DemoDispute, on: string) => {
    const candidates = officerRows.filter((o) => o.village === d.village && o.activeFrom <= on && (o.activeTo === null || o.activeTo >= on));
    const first = pick(rnd, candidates);
    const chosen = d.village === 'gh-shequ' ? [officerRows[0], first] : [first, ...(rnd() < 0.3 ? [pick(rnd, candidates)] : [])];
    return [...new Set(chosen.map((o) => stableId(`peace-officer:${o.key}`)))];
  };

  const seq = new Map<string, number>();
  for (const d of plan()) {
    const townId = ctx.ids(d.town);
    const prefix = d.town === 'guanghai' ? '广海' : '海宴';
    const year = Number(d.registered.slice(0, 4));
    const n = (seq.get(`${d.town}:${year}`) ?? 0) + 1;
    seq.set(`${d.town}:${year}`, n);
    const id = stableId(`dispute:${d.key}`);
    const number = formatRecordNumber(prefix, '调', year, n);
    const registeredAt = at(d.registered, 9 + Math.floor(rnd() * 3));
    const last = d.steps.at(-1);
    const status = last?.to ?? 'registered';
    const mediatorIds = d.acceptedOn ? mediatorsOf(d, d.acceptedOn) : [];
    const place = `${demoUnitName(d.village)}${pick(rnd, ['村委会', '当事人家中', '码头', '田间', '调解室'])}`;
    const partyIds = Array.from({ length: d.parties }, (_, k) => stableId(`dispute-party:${d.key}:${k}`));
    const refusing = d.refusedOn ? partyIds[1] : null;
    const w = d.warning;
    await em.query(
      `INSERT INTO dispute (id, town_id, village_id, number, year, seq, status, registered_at, handler_ids, created_at, created_by, updated_at, updated_by, version,
         occurred_on, source, category, summary, place, risk_level, warning_raised_at, warning_reason, police_informed_on, police_unit, warning_measures, warning_resolved_at, warning_resolution,
         mediator_ids, accepted_on, refused_on, refusing_party_id, refusal_reason, agreement_form, agreed_on, facts, issues, responsibilities, terms, performance_manner, performance_deadline,
         terminated_on, termination_reason, referral_route, referral_note, performance_status, jc_applied_on, jc_court, jc_result, jc_decided_on, jc_case_no, archived_on, archive_no)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$8,$10,$11,$10,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$26,$27,$28,$29,$30,$31,$32,$33,$34,$35,$36,$37,$38,$39,$40,$41,$42,$43,$44,$45,$46,$47,$48,$49,$50)
       ON CONFLICT (id) DO NOTHING`,
      [
        id,
        townId,
        ctx.ids(d.village),
        number,
        year,
        n,
        status,
        registeredAt,
        [mediatorUser],
        mediatorUser,
        last ? at(last.date, 16) : registeredAt,
        d.steps.length + 1,
        addDays(d.registered, -Math.floor(rnd() * 5)),
        d.source,
        d.category,
        d.story.summary,
        place,
        w ? (d.key.endsWith('41') ? 'elevated' : 'normal') : 'normal',
        w ? at(w.raised, 15) : null,
        w ? '双方家族多人聚集现场对峙,有激化为群体性事件的可能' : null,
        w?.raised ?? null,
        w ? '广海派出所' : null,
        w ? '派出所民警及镇综治办到场稳控,分别做双方思想工作' : null,
        w ? at(w.resolved, 17) : null,
        w ? '经调解达成协议,聚集人员已散去,风险解除' : null,
        mediatorIds,
        d.acceptedOn ?? null,
        d.refusedOn ?? null,
        refusing,
        d.refusedOn ? '被申请人明确拒绝人民调解,表示将向法院起诉' : null,
        d.agreementForm ?? null,
        d.agreedOn ?? null,
        d.agreedOn ? d.story.summary : null,
        d.agreedOn ? d.story.issues : null,
        d.agreedOn ? '双方对纠纷的发生均负有一定责任' : null,
        d.agreedOn ? d.story.terms : null,
        d.agreedOn ? d.story.manner : null,
        d.performanceDeadline ?? null,
        d.terminatedOn ?? null,
        d.terminatedOn ? '经多次调解,双方对赔偿金额分歧较大,无法达成一致' : null,
        d.referralRoute ?? null,
        d.terminatedOn ? '已告知当事人可向台山市人民法院起诉' : null,
        d.performanceStatus ?? null,
        d.judicial?.appliedOn ?? null,
        d.judicial ? '台山市人民法院' : null,
        d.judicial ? 'confirmed' : null,
        d.judicial?.decidedOn ?? null,
        d.judicial ? `(2021)粤0781民特${100 + n}号` : null,
        d.archivedOn ?? null,
        d.archivedOn ? number : null,
      ],
    );
    for (const [k, partyId] of partyIds.entries()) {
      const village = demoUnitName(d.village);
      const fields = {
        name: pick(rnd, SURNAMES) + pick(rnd, PARTY_GIVEN),
        idNumber: idNumber(rnd),
        phone: phone(rnd),
        address: `台山市${d.town === 'guanghai' ? '广海镇' : '海宴镇'}${village}${1 + Math.floor(rnd() * 120)}号`,
      };
      await em.query(
        `INSERT INTO dispute_party (id, town_id, dispute_id, role, name_enc, name_idx, id_number_enc, id_number_idx, phone_enc, phone_idx, address_enc, address_idx, sort_order, created_at, created_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15) ON CONFLICT (id) DO NOTHING`,
        [
          partyId,
          townId,
          id,
          k === 0 ? 'applicant' : k === 1 ? 'respondent' : 'third_party',
          ...Object.values(personal.protect('name', fields.name)),
          ...Object.values(personal.protect('idNumber', fields.idNumber)),
          ...Object.values(personal.protect('phone', fields.phone)),
          ...Object.values(personal.protect('address', fields.address)),
          k,
          registeredAt,
          mediatorUser,
        ],
      );
    }
    const history: [string | null, string, Date, string | null][] = [[null, 'registered', registeredAt, null]];
    let from = 'registered';
    for (const s of d.steps) {
      history.push([from, s.to, at(s.date, 11), s.remark ?? null]);
      from = s.to;
    }
    for (const [f, t, when, remark] of history) {
      await em.query(`INSERT INTO status_history (town_id, ledger, record_id, from_status, to_status, at, user_id, remark) VALUES ($1,'dispute',$2,$3,$4,$5,$6,$7)`, [
        townId,
        id,
        f,
        t,
        when,
        mediatorUser,
        remark,
      ]);
    }
    for (const [k, date] of d.sessions.entries()) {
      await em.query(`INSERT INTO dispute_session (id, town_id, dispute_id, date, place, attendees, record, created_by, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT (id) DO NOTHING`, [
        stableId(`dispute-session:${d.key}:${k}`),
        townId,
        id,
        date,
        place,
        '双方当事人、平安员、村委干部',
        k === 0 ? '听取双方陈述,讲解相关法律法规,引导双方理性协商' : '在上次调解基础上进一步协商,双方互谅互让,就主要争议达成一致意见',
        mediatorUser,
        at(date, 17),
      ]);
    }
    for (const [k, f] of d.followUps.entries()) {
      await em.query(
        `INSERT INTO dispute_follow_up (id, town_id, dispute_id, date, visitor, performance, satisfaction, new_risk, note, created_by, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,false,$8,$9,$10) ON CONFLICT (id) DO NOTHING`,
        [
          stableId(`dispute-follow-up:${d.key}:${k}`),
          townId,
          id,
          f.date,
          '甄秀英',
          f.performance,
          f.satisfaction,
          f.performance === 'fulfilled' ? '协议已履行完毕,双方关系恢复正常' : '已履行大部分,剩余款项约定下月付清',
          mediatorUser,
          at(f.date, 15),
        ],
      );
    }
    if (d.acceptedOn) {
      const days = calendarDaysBetween(d.acceptedOn, addMonths(d.acceptedOn, 1));
      const due = periodEnd(d.acceptedOn, days, 'calendar', kindOf);
      const ended = d.agreedOn ?? d.terminatedOn ?? null;
      await em.query(
        `INSERT INTO deadline (id, town_id, village_id, ledger, record_id, kind, title, rule_days, rule_unit, start_date, base_due_date, paused_from, paused_days, extension_days,
           extension_reason, extended_by, due_date, done_at, assignee_ids, created_at, updated_at, version)
         VALUES ($1,$2,$3,'dispute',$4,'mediation-period',$5,$6,'calendar',$7,$8,NULL,0,0,NULL,NULL,$8,$9,$10,$11,$12,1) ON CONFLICT (id) DO NOTHING`,
        [
          stableId(`deadline:dispute:${d.key}`),
          townId,
          ctx.ids(d.village),
          id,
          `${number} 调解期限`,
          days,
          d.acceptedOn,
          due,
          ended ? at(ended, 11) : null,
          [mediatorUser],
          at(d.acceptedOn, 11),
          ended ? at(ended, 11) : at(d.acceptedOn, 11),
        ],
      );
    }
  }
  for (const [key, last] of seq) {
    const [town, year] = key.split(':');
    await em.query(
      `INSERT INTO record_counter (town_id, ledger, year, last_seq) VALUES ($1, 'dispute', $2, $3) ON CONFLICT (town_id, ledger, year) DO UPDATE SET last_seq = GREATEST(record_counter.last_seq, $3)`,
      [ctx.ids(town), Number(year), last],
    );
  }
}
