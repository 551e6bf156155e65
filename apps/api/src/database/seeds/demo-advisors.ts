import { ADVISOR_MONTHLY_HOURS, formatRecordNumber } from '@fazhi/contracts';
import type { AdvisorServiceType, RuleOfLawLevel } from '@fazhi/contracts';
import { EntityManager } from 'typeorm';
import { serviceSpan } from '../../advisors/advisor-hours';
import { KEPT_CALENDAR } from '../../ledger-core/calendar/kept-calendar';
import { addCalendarDays, isWorkday } from '../../ledger-core/calendar/working-days';
import { insertRows } from '../../ledger-core/kit/record-repository';
import { PersonalDataService } from '../../ledger-core/personal-data/personal-data.service';
import { demoEvidencePng } from './demo-images';
import { demoUnitName, demoVillages } from './demo-units';
import { attach, random } from './demo-vessels';
import { stableId } from './ids';

/**
 * Guanghai's village legal advisors as the 2021 report tells them: nine villages, each with a
 * legal-service room, an advisor and a published service list, all at provincial 民主法治村 level;
 * 123 consultations, 36 publicity events (700+ attendees) and 16 visits to village groups up to
 * the report's day, and every village served at least 8 hours in every month of the year. Then a
 * current year in progress (relative to the first start), one of the `advisor` account's villages
 * short of the hours this month.
 */
export const DEMO_ADVISOR_FIGURES_2021 = { consultations: 123, publicityEvents: 36, villageGroupVisits: 16, villages: 9, minAttendees: 700 };

const TOWN = 'guanghai';
const VILLAGES = demoVillages(TOWN);

interface DemoAdvisor {
  key: string;
  name: string;
  lawFirm: string;
  licenceNo: string;
  phone: string;
  user: string | null;
  villages: string[];
}

export const DEMO_ADVISORS: DemoAdvisor[] = [
  { key: 'zhu', name: '朱立法', lawFirm: '广东海晏律师事务所', licenceNo: '14407201810245678', phone: '0750-5123456', user: 'advisor', villages: ['gh-shequ', 'gh-nanwan', 'gh-denghu'] },
  { key: 'huang', name: '黄嘉欣', lawFirm: '广东台城律师事务所', licenceNo: '14407201610137421', phone: '0750-5567890', user: null, villages: ['gh-haiyong', 'gh-dawan'] },
  { key: 'chen', name: '陈志远', lawFirm: '广东侨乡律师事务所', licenceNo: '14407201410098812', phone: '0750-5634218', user: null, villages: ['gh-shalan', 'gh-penggang'] },
  { key: 'li', name: '李慧敏', lawFirm: '广东海晏律师事务所', licenceNo: '14407201910311590', phone: '0750-5123457', user: null, villages: ['gh-haijiao', 'gh-shihua'] },
];
/** The second town's advisor, who keeps a register of its own. */
const HAIYAN_ADVISOR: DemoAdvisor = {
  key: 'kuang',
  name: '邝志诚',
  lawFirm: '广东台城律师事务所',
  licenceNo: '14407201710226634',
  phone: '0750-5567891',
  user: null,
  villages: ['hy-shequ', 'hy-wufeng', 'hy-shazui', 'hy-dantang'],
};

const SURNAMES = ['黄', '陈', '李', '伍', '甄', '谭', '梁', '邝', '朱', '余', '雷', '关', '刘', '林', '何', '赵', '马', '吴', '曹', '容'];
const GIVEN = ['亚妹', '国强', '月娥', '永康', '丽华', '志明', '桂芳', '建华', '少玲', '伟强', '惠珍', '德明', '美娟', '家豪', '玉兰', '振华', '翠屏', '锦荣', '淑贞', '耀明', '水生', '金花'];

const CONSULTATIONS: [string, string][] = [
  ['咨询土地承包经营权流转合同到期后续签及补偿问题', '讲解农村土地承包法相关规定,建议与村集体协商续签并书面约定补偿标准'],
  ['咨询子女不履行赡养义务如何维权', '告知赡养义务的法律规定,建议先由村委会调解,必要时可向法院起诉'],
  ['咨询在外务工被拖欠工资如何追讨', '指导收集考勤、工资条等证据,告知可向劳动监察部门投诉或申请劳动仲裁'],
  ['咨询民间借贷借条效力及诉讼时效', '解释借条要件及三年诉讼时效,建议及时催收并保留催收记录'],
  ['咨询交通事故责任认定后的赔偿项目', '列明医疗费、误工费、护理费等赔偿项目,建议与保险公司协商并保留票据'],
  ['咨询父母去世后房屋继承份额', '讲解法定继承顺序与份额,建议兄弟姐妹协商一致后办理继承公证'],
  ['咨询宅基地使用权确权登记', '告知确权所需材料及办理流程,建议向镇自然资源所咨询具体手续'],
  ['咨询渔船买卖合同未过户的风险', '提示船舶登记对抗效力,建议尽快办理过户并完善书面合同'],
  ['咨询工伤认定申请时限及材料', '告知一年申请期限及所需材料,指导向人社部门提出工伤认定申请'],
  ['咨询离婚时夫妻共同财产分割', '讲解共同财产范围及分割原则,建议先协议离婚,协商不成可诉讼'],
  ['咨询邻居建房遮挡采光的处理', '讲解相邻关系规定,建议先由村调委会调解'],
  ['咨询网购商品质量问题如何退货维权', '告知七日无理由退货及消费者权益保护法规定,可向12315投诉'],
  ['咨询村集体分红外嫁女权益', '讲解妇女权益保障法相关规定,建议向村委会书面反映并可申请镇政府处理'],
  ['咨询租赁鱼塘合同提前解除的违约责任', '分析合同违约条款,建议协商解除并书面确认结算'],
  ['咨询被电信诈骗后如何报警及追回损失', '指导立即向公安机关报案并保存转账记录,提示防骗要点'],
];
const PUBLICITY: [string, string][] = [
  ['民法典进农村专题讲座', '讲解民法典婚姻家庭编、继承编重点条文,现场解答村民提问'],
  ['防范电信网络诈骗法治宣传', '结合典型案例讲解常见诈骗手法,发放宣传资料'],
  ['伏季休渔及渔业法律法规宣传', '宣讲渔业法、伏季休渔规定及涉渔"三无"船舶整治政策'],
  ['宪法宣传周进村活动', '开展宪法知识讲座及有奖问答'],
  ['反家庭暴力法宣传讲座', '讲解家庭暴力的认定及人身安全保护令申请'],
  ['禁毒法治宣传', '讲解禁毒法及毒品危害,发放禁毒宣传手册'],
  ['扫黑除恶常态化法治宣传', '宣讲扫黑除恶政策及举报渠道'],
  ['未成年人保护法宣讲', '面向家长和学生讲解未成年人保护法修订要点'],
  ['安全生产法治宣传', '讲解安全生产法及渔船作业安全规定'],
  ['村(居)民委员会换届选举法律宣传', '讲解村民委员会组织法及选举办法'],
];
const FILLERS: [AdvisorServiceType, string, string][] = [
  ['review', '审查村集体鱼塘发包合同', '提出修改违约责任及续包条款意见,村委会已采纳'],
  ['review', '审查村规民约修订稿', '对涉及外嫁女权益条款提出合法性审查意见'],
  ['review', '审查村委会厂房租赁合同', '出具书面审查意见,提示租金支付及消防责任条款'],
  ['review', '列席村两委会议,对集体土地征收补偿分配方案提出法律意见', '建议按程序提交村民代表会议表决'],
  ['health_check', '为村委会开展法治体检', '梳理村务决策程序及合同管理台账,提出整改建议三条'],
  ['health_check', '为村内企业开展法治体检', '检查劳动合同签订及用工管理,提示用工风险'],
  ['mediation', '参与调解村民宅基地边界纠纷', '协助村调委会释法明理,双方达成口头协议'],
  ['mediation', '参与调解渔船雇工工资纠纷', '协助调解员核算工资,双方达成还款计划'],
];
const VISITS = ['走访村民小组,了解群众法律服务需求', '入户走访困难群众,解答赡养、低保等法律问题', '走访渔民,了解涉渔纠纷隐患'];

const kindOf = (d: string) => KEPT_CALENDAR.byDate.get(d)?.kind;

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)];
}

function daysOfMonth(month: string): string[] {
  const days: string[] = [];
  for (let d = `${month}-01`; d.startsWith(month); d = addCalendarDays(d, 1)) days.push(d);
  return days;
}

interface PlannedEntry {
  village: string;
  advisor: DemoAdvisor;
  type: AdvisorServiceType;
  date: string;
  start: string;
  end: string;
  content: string;
  result: string | null;
  attendees: number | null;
  client: boolean;
}

/** Plans the entries of a village-month: the given ones, then fillers until `target` minutes. */
class MonthPlanner {
  /** Half-day slots taken per advisor: `<advisor>:<date>:<am|pm>`. */
  private readonly taken = new Set<string>();

  constructor(
    private readonly rnd: () => number,
    private readonly lastDay: string,
  ) {}

  private slot(advisor: DemoAdvisor, month: string, minutes: number): { date: string; start: string; end: string } | null {
    const days = daysOfMonth(month).filter((d) => isWorkday(d, kindOf) && d <= this.lastDay);
    for (let tries = 0; tries < 60 && days.length; tries++) {
      const date = pick(this.rnd, days);
      const half = this.rnd() < 0.55 ? 'am' : 'pm';
      const key = `${advisor.key}:${date}:${half}`;
      if (this.taken.has(key)) continue;
      this.taken.add(key);
      const from = (half === 'am' ? 8 * 60 + 30 : 14 * 60) + 15 * Math.floor(this.rnd() * 4);
      const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      return { date, start: clock(from), end: clock(from + minutes) };
    }
    return null;
  }

  add(out: PlannedEntry[], e: Omit<PlannedEntry, 'date' | 'start' | 'end'>, month: string, minutes: number): number {
    const s = this.slot(e.advisor, month, minutes);
    if (!s) return 0;
    out.push({ ...e, ...s });
    return minutes;
  }
}

function advisorOf(village: string): DemoAdvisor {
  return DEMO_ADVISORS.find((a) => a.villages.includes(village))!;
}

const duration = (rnd: () => number, min: number, max: number) => min + 15 * Math.floor(rnd() * ((max - min) / 15 + 1));

/** The 2021 entries: the report's counts spread over January to November, every village-month topped up past 8 hours. */
function plan2021(rnd: () => number): PlannedEntry[] {
  const out: PlannedEntry[] = [];
  const planner = new MonthPlanner(rnd, '2021-12-31');
  const cells = VILLAGES.flatMap((v) => Array.from({ length: 12 }, (_, m) => ({ village: v, month: `2021-${String(m + 1).padStart(2, '0')}`, minutes: 0 })));
  const before = cells.filter((c) => c.month <= '2021-11');
  const at = (i: number) => before[i % before.length];
  const spread = (n: number, seed: number) => Array.from({ length: n }, (_, i) => at(Math.floor((i * before.length) / n + seed) % before.length));
  for (const [i, c] of spread(123, 0).entries()) {
    const [content, result] = CONSULTATIONS[(i * 7) % CONSULTATIONS.length];
    c.minutes += planner.add(out, { village: c.village, advisor: advisorOf(c.village), type: 'consultation', content, result, attendees: null, client: true }, c.month, duration(rnd, 45, 120));
  }
  for (const [i, v] of VILLAGES.entries()) {
    for (let k = 0; k < 4; k++) {
      const c = before.find((x) => x.village === v && x.month === `2021-${String(1 + ((k * 3 + i) % 11)).padStart(2, '0')}`)!;
      const [content, result] = PUBLICITY[(i + k * 3) % PUBLICITY.length];
      const attendees = 16 + Math.floor(rnd() * 15);
      c.minutes += planner.add(out, { village: v, advisor: advisorOf(v), type: 'publicity', content, result, attendees, client: false }, c.month, duration(rnd, 90, 150));
    }
  }
  for (const [i, c] of spread(16, 3).entries()) {
    c.minutes += planner.add(
      out,
      { village: c.village, advisor: advisorOf(c.village), type: 'visit', content: VISITS[i % VISITS.length], result: '收集法律需求并现场解答', attendees: 5 + (i % 6), client: false },
      c.month,
      duration(rnd, 120, 180),
    );
  }
  for (const c of cells) {
    const target = ADVISOR_MONTHLY_HOURS * 60 + duration(rnd, 30, 150);
    for (let guard = 0; c.minutes < target && guard < 20; guard++) {
      const election = c.month <= '2021-03' && rnd() < 0.4;
      const [type, content, result] = election ? (['election', '指导村(居)委会换届选举工作,审查选举程序文件', '选举程序合法,未发现异议'] as const) : pick(rnd, FILLERS);
      c.minutes += planner.add(
        out,
        { village: c.village, advisor: advisorOf(c.village), type, content, result, attendees: type === 'election' ? 30 + Math.floor(rnd() * 40) : null, client: false },
        c.month,
        duration(rnd, 120, 180),
      );
    }
  }
  return out;
}

/** The current year up to yesterday: months met, a short month in one village, and the advisor's 南湾村 short this month. */
function planCurrent(rnd: () => number, year: number, today: string): PlannedEntry[] {
  const out: PlannedEntry[] = [];
  const yesterday = addCalendarDays(today, -1);
  const planner = new MonthPlanner(rnd, yesterday);
  const current = today.slice(0, 7);
  for (let m = 1; m <= 12; m++) {
    const month = `${year}-${String(m).padStart(2, '0')}`;
    if (month > current) break;
    for (const v of VILLAGES) {
      const short = (v === 'gh-haijiao' && m === 3) || (v === 'gh-nanwan' && month === current);
      const target = month === current ? (short ? 120 : Math.round((ADVISOR_MONTHLY_HOURS * 60 * Number(today.slice(8))) / 31)) : short ? 360 : ADVISOR_MONTHLY_HOURS * 60 + duration(rnd, 30, 120);
      let minutes = 0;
      for (let guard = 0; minutes < target && guard < 12; guard++) {
        const kind = rnd();
        const advisor = advisorOf(v);
        if (kind < 0.55) {
          const [content, result] = pick(rnd, CONSULTATIONS);
          minutes += planner.add(out, { village: v, advisor, type: 'consultation', content, result, attendees: null, client: true }, month, Math.min(duration(rnd, 45, 120), Math.max(45, target)));
        } else if (kind < 0.7) {
          const [content, result] = pick(rnd, PUBLICITY);
          minutes += planner.add(out, { village: v, advisor, type: 'publicity', content, result, attendees: 12 + Math.floor(rnd() * 20), client: false }, month, duration(rnd, 90, 150));
        } else {
          const [type, content, result] = pick(rnd, FILLERS);
          minutes += planner.add(out, { village: v, advisor, type, content, result, attendees: null, client: false }, month, duration(rnd, 90, 180));
        }
      }
    }
  }
  return out;
}

/** `YYYY-MM` `n` months before `month`. */
function monthsBefore(month: string, n: number): string {
  const total = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 - n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

export interface AdvisorSeedContext {
  em: EntityManager;
  now: Date;
  dataDir: string;
  personal: PersonalDataService;
  ids: (key: string) => string;
}

/** Today in Guanghai's zone (the seed's current year is relative to the first start). */
function todayInTown(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The file name of a village's published 2021 service list. */
const serviceListFile = (v: string) => `${demoUnitName(v)}法律顾问服务清单(2021版).png`;

export async function seedDemoAdvisors(ctx: AdvisorSeedContext): Promise<void> {
  const { em, personal } = ctx;
  const townId = ctx.ids(TOWN);
  const created = new Date('2021-01-04T01:00:00Z');
  const legal = stableId('user:legal');
  const advisors = [...DEMO_ADVISORS, HAIYAN_ADVISOR];
  const townOf = (a: DemoAdvisor) => (a === HAIYAN_ADVISOR ? ctx.ids('haiyan') : townId);
  await insertRows(
    em,
    'advisor',
    advisors.map((a) => ({
      id: stableId(`advisor:${a.key}`),
      town_id: townOf(a),
      name: a.name,
      law_firm: a.lawFirm,
      licence_no: a.licenceNo,
      ...personal.columns('phone', 'phone', a.phone),
      user_id: a.user ? stableId(`user:${a.user}`) : null,
      remark: null,
      created_at: created,
      created_by: legal,
      updated_at: created,
      updated_by: legal,
      version: 1,
    })),
  );
  await insertRows(
    em,
    'advisor_assignment',
    advisors.flatMap((a) =>
      a.villages.map((v) => ({
        id: stableId(`advisor-assignment:${a.key}:${v}`),
        town_id: townOf(a),
        advisor_id: stableId(`advisor:${a.key}`),
        village_id: ctx.ids(v),
        from_date: '2019-01-01',
        to_date: null,
      })),
    ),
  );
  await insertRows(
    em,
    'advisor_village',
    VILLAGES.map((v, i) => ({
      village_id: ctx.ids(v),
      town_id: townId,
      has_room: true,
      room_address: `${demoUnitName(v)}党群服务中心一楼公共法律服务室`,
      room_opened_on: `2019-0${1 + (i % 6)}-1${i % 9}`,
      service_list_title: `${demoUnitName(v)}法律顾问服务清单`,
      service_list_version: '2021版',
      service_list_published_on: `2021-01-${String(11 + i).padStart(2, '0')}`,
      service_list_attachment_id: stableId(`attachment:${ctx.ids(v)}:document:${serviceListFile(v)}`),
      rule_of_law_level: 'province' satisfies RuleOfLawLevel,
      rule_of_law_year: i < 5 ? 2019 : 2020,
      updated_at: created,
      updated_by: legal,
      version: 1,
    })),
  );

  // Each village's published service list: a scan of the 2021 version, on the village's notice board since its publication day.
  for (const [i, v] of VILLAGES.entries()) {
    const publishedOn = `2021-01-${String(11 + i).padStart(2, '0')}`;
    const uploadedAt = new Date(`${publishedOn}T02:00:00Z`);
    await attach(ctx, { townId, ledger: 'advisor-village', recordId: ctx.ids(v), stage: 'document', fileName: serviceListFile(v), png: demoEvidencePng(900 + i, 'after'), uploadedAt, by: legal });
    await insertRows(em, 'advisor_service_list', [
      {
        id: stableId(`advisor-service-list:${v}:2021`),
        town_id: townId,
        village_id: ctx.ids(v),
        list_version: '2021版',
        published_on: publishedOn,
        attachment_id: stableId(`attachment:${ctx.ids(v)}:document:${serviceListFile(v)}`),
        created_at: uploadedAt,
        created_by: legal,
      },
    ]);
  }

  const rnd = random(2021);
  const today = todayInTown(ctx.now);
  const year = Number(today.slice(0, 4));
  const entries = [...plan2021(rnd), ...(year > 2021 ? planCurrent(rnd, year, today) : [])].sort((a, b) => (a.date + a.start).localeCompare(b.date + b.start));
  const seq = new Map<number, number>();
  const rows: Record<string, unknown>[] = [];
  const history: Record<string, unknown>[] = [];
  for (const [i, e] of entries.entries()) {
    const y = Number(e.date.slice(0, 4));
    const n = (seq.get(y) ?? 0) + 1;
    seq.set(y, n);
    const id = stableId(`advisor-service:${y}:${n}`);
    const span = serviceSpan(e.date, e.start, e.end, 'Asia/Shanghai');
    const user = e.advisor.user ? stableId(`user:${e.advisor.user}`) : legal;
    const client = e.client ? { name: pick(rnd, SURNAMES) + pick(rnd, GIVEN), phone: `13${1 + (i % 9)}${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}` } : null;
    rows.push({
      id,
      town_id: townId,
      village_id: ctx.ids(e.village),
      number: formatRecordNumber('广海', '顾问', y, n),
      year: y,
      seq: n,
      status: 'logged',
      registered_at: span.endedAt,
      handler_ids: [user],
      created_at: span.endedAt,
      created_by: user,
      updated_at: span.endedAt,
      updated_by: user,
      version: 1,
      advisor_id: stableId(`advisor:${e.advisor.key}`),
      type: e.type,
      service_date: e.date,
      start_time: e.start,
      end_time: e.end,
      started_at: span.startedAt,
      ended_at: span.endedAt,
      minutes: span.minutes,
      ...personal.columns('client_name', 'name', client?.name ?? null),
      ...personal.columns('client_phone', 'phone', client?.phone ?? null),
      content: e.content,
      result: e.result,
      attendees: e.attendees,
    });
    history.push({ town_id: townId, ledger: 'advisor-service', record_id: id, from_status: null, to_status: 'logged', at: span.endedAt, user_id: user, remark: null });
  }
  await insertRows(em, 'advisor_service', rows);
  await insertRows(em, 'status_history', history);
  // Photos of the latest services of 2021, taken on the advisors' phones.
  const events = rows.filter((r) => r.type !== 'consultation' && String(r.service_date).startsWith('2021'));
  for (const [i, r] of events.slice(-12).entries()) {
    await attach(
      { ...ctx, ids: ctx.ids },
      {
        townId,
        ledger: 'advisor-service',
        recordId: String(r.id),
        stage: 'during',
        fileName: `服务现场${i + 1}.png`,
        png: demoEvidencePng(800 + i, 'during'),
        uploadedAt: r.ended_at as Date,
        by: String(r.created_by),
      },
    );
  }
  for (const [y, last] of seq) {
    await em.query(
      `INSERT INTO record_counter (town_id, ledger, year, last_seq) VALUES ($1, 'advisor-service', $2, $3) ON CONFLICT (town_id, ledger, year) DO UPDATE SET last_seq = GREATEST(record_counter.last_seq, $3)`,
      [townId, y, last],
    );
  }
  // Legal affairs signed off every month up to the one before last (relative to the first start).
  const lastChecked = monthsBefore(today.slice(0, 7), 2);
  const months = [...new Set(rows.map((r) => String(r.service_date).slice(0, 7)))].filter((m) => m <= lastChecked);
  const checks = VILLAGES.flatMap((v) =>
    months.map((month) => ({
      id: stableId(`advisor-month-check:${v}:${month}`),
      town_id: townId,
      village_id: ctx.ids(v),
      month,
      status: 'checked',
      remark: '服务记录完整,已核对',
      checked_at: new Date(`${addCalendarDays(`${month}-28`, 6)}T02:00:00Z`),
      checked_by: legal,
      version: 1,
    })),
  );
  await insertRows(em, 'advisor_month_check', checks);
}
