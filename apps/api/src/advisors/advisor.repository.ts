import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { ResolvedScope, scopeSql } from '../access/data-scope';
import { sqlParams } from '../common/sql';
import { insertRows, RecordRepository, RecordTable } from '../ledger-core/kit/record-repository';
import { AttachmentEntity } from '../ledger-core/attachments/attachment.entity';
import { camelRow, updateVersioned } from '../ledger-core/records';
import { AdvisorServiceListQuery, AdvisorVillageListQuery } from './advisor.dto';
import { AdvisorAssignmentEntity, AdvisorEntity, AdvisorMonthCheckEntity, AdvisorServiceEntity, AdvisorVillageEntity } from './advisor.entities';

export const LEDGER = 'advisor-service' as const;

export interface AdvisorServiceRow extends AdvisorServiceEntity {
  townName: string;
  timeZone: string;
  villageName: string | null;
  advisorName: string;
  locked: boolean;
  disputeId: string | null;
  disputeNumber: string | null;
}

export interface AdvisorServiceFilter extends Omit<AdvisorServiceListQuery, 'clientName' | 'clientPhone' | 'page' | 'pageSize'> {
  clientNameIdx?: string | null;
  clientPhoneIdx?: string | null;
}

/** A logged entry's span (the overlap checks). */
export interface LoggedSpan {
  id: string;
  advisorId: string;
  number: string;
  startedAt: Date;
  endedAt: Date;
  startTime: string;
  endTime: string;
  serviceDate: string;
}

/** Whether one of the assignments has the advisor serve the village on the day (YYYY-MM-DD). */
export function servesOn(assignments: readonly Pick<AdvisorAssignmentEntity, 'advisorId' | 'villageId' | 'fromDate' | 'toDate'>[], advisorId: string, villageId: string, day: string): boolean {
  return assignments.some((a) => a.advisorId === advisorId && a.villageId === villageId && a.fromDate <= day && (!a.toDate || a.toDate >= day));
}

/** A village-month's entries and minutes (the monthly check grid). */
export interface MonthTotal {
  villageId: string;
  month: string;
  entries: number;
  minutes: number;
}

export type AdvisorRow = AdvisorEntity & { townName: string; userName: string | null };
export type AdvisorVillageRow = AdvisorVillageEntity;

/** A published service list's version with its document's attachment row. */
export type ServiceListRow = AttachmentEntity & {
  listId: string;
  listVillageId: string;
  listVersion: string;
  publishedOn: string;
  listCreatedAt: Date;
  listCreatedBy: string | null;
  listCreatedByName: string | null;
};

const monthOf = (col: string) => `to_char(${col}, 'YYYY-MM')`;

const SERVICES: RecordTable<AdvisorServiceFilter> = {
  ledger: LEDGER,
  table: 'advisor_service',
  alias: 's',
  select: `s.*, t.name AS "townName", t.time_zone AS "timeZone", vil.name AS "villageName", a.name AS "advisorName", COALESCE(mc.status = 'checked', false) AS locked,
  lk.id AS "disputeId", lk.number AS "disputeNumber"`,
  from: `FROM advisor_service s JOIN org_unit t ON t.id = s.town_id LEFT JOIN org_unit vil ON vil.id = s.village_id JOIN advisor a ON a.id = s.advisor_id
  LEFT JOIN advisor_month_check mc ON mc.town_id = s.town_id AND mc.village_id = s.village_id AND mc.month = ${monthOf('s.service_date')}
  LEFT JOIN LATERAL (SELECT l.to_id AS id, l.to_number AS number FROM record_link l
    WHERE l.town_id = s.town_id AND l.from_ledger = '${LEDGER}' AND l.from_id = s.id AND l.relation = 'handover' ORDER BY l.created_at LIMIT 1) lk ON TRUE`,
  sorts: { number: 's.year %s, s.seq %s', serviceDate: 's.service_date %s, s.start_time %s', hours: 's.minutes %s' },
  filters: {
    townId: { eq: 's.town_id' },
    villageId: { eq: 's.village_id' },
    advisorId: { eq: 's.advisor_id' },
    type: { in: 's.type', cast: 'varchar' },
    from: { gte: 's.service_date', cast: 'date' },
    to: { lte: 's.service_date', cast: 'date' },
    year: (year: number, s) => s.inYear('s.service_date', year),
    month: (month: string, s) => `${monthOf('s.service_date')} = ${s.p(month)}`,
    handedOver: { when: { true: 's.handover_kind IS NOT NULL', false: 's.handover_kind IS NULL' } },
    legalAidReferral: { when: { true: `(s.type = 'legal_aid' OR s.handover_kind = 'legal_aid')` } },
    q: { contains: ['s.number', 's.content', 's.result'] },
    clientNameIdx: { blind: 's.client_name_idx' },
    clientPhoneIdx: { blind: 's.client_phone_idx' },
    voided: { when: { true: 's.voided_at IS NOT NULL', false: 's.voided_at IS NULL' } },
  },
  groups: { month: monthOf('s.service_date'), village: 's.village_id', type: 's.type' },
};

/** The service log's table and the queries of the advisor registers and the monthly check. */
@Injectable()
export class AdvisorRepository extends RecordRepository<AdvisorServiceRow, AdvisorServiceFilter> {
  protected readonly spec = SERVICES;

  /** Entries, minutes and attendees of the matching rows, by one of the table's groups. */
  async sums(scope: ResolvedScope, f: AdvisorServiceFilter, group: 'month' | 'village' | 'type'): Promise<Map<string | null, { entries: number; minutes: number; attendees: number }>> {
    const params: unknown[] = [];
    const rows = await this.ds.query<{ k: string | null; entries: number; minutes: number; attendees: number }[]>(
      `SELECT ${SERVICES.groups![group]} AS k, count(*)::int AS entries, COALESCE(sum(s.minutes), 0)::int AS minutes, COALESCE(sum(s.attendees), 0)::int AS attendees
       ${SERVICES.from} WHERE ${this.where(scope, f, params)} GROUP BY 1`,
      params,
    );
    return new Map(rows.map((r) => [r.k, r]));
  }

  /** Minutes and entries of the matching rows. */
  async total(scope: ResolvedScope, f: AdvisorServiceFilter): Promise<{ entries: number; minutes: number; attendees: number }> {
    const params: unknown[] = [];
    const [r] = await this.ds.query<{ entries: number; minutes: number; attendees: number }[]>(
      `SELECT count(*)::int AS entries, COALESCE(sum(s.minutes), 0)::int AS minutes, COALESCE(sum(s.attendees), 0)::int AS attendees ${SERVICES.from} WHERE ${this.where(scope, f, params)}`,
      params,
    );
    return r;
  }

  /** Entries and minutes per village and month of a year (void entries left out), in the scope. */
  async monthTotals(scope: ResolvedScope, year: number, townId?: string, em: EntityManager = this.ds.manager): Promise<MonthTotal[]> {
    const params: unknown[] = [];
    const where = this.where(scope, { year, voided: 'false', ...(townId ? { townId } : {}) }, params);
    return em.query<MonthTotal[]>(
      `SELECT s.village_id AS "villageId", ${monthOf('s.service_date')} AS month, count(*)::int AS entries, sum(s.minutes)::int AS minutes ${SERVICES.from} WHERE ${where} GROUP BY 1, 2`,
      params,
    );
  }

  /**
   * Each village's month (`<villageId>` → its month, YYYY-MM): the minutes logged in it (void
   * entries left out, in the scope) and whether it is signed off, in one statement.
   */
  async monthStates(scope: ResolvedScope, months: Map<string, string>): Promise<Map<string, { minutes: number; checked: boolean }>> {
    if (months.size === 0) return new Map();
    const params: unknown[] = [];
    const where = this.where(scope, { voided: 'false' }, params);
    const p = sqlParams(params);
    const rows = await this.ds.query<{ villageId: string; minutes: number; checked: boolean }[]>(
      `SELECT k.village_id AS "villageId",
         (SELECT COALESCE(sum(s.minutes), 0)::int ${SERVICES.from} WHERE ${where} AND s.village_id = k.village_id AND ${monthOf('s.service_date')} = k.month) AS minutes,
         EXISTS (SELECT 1 FROM advisor_month_check c WHERE c.village_id = k.village_id AND c.month = k.month AND c.status = 'checked') AS checked
       FROM unnest(${p([...months.keys()])}::uuid[], ${p([...months.values()])}::varchar[]) AS k(village_id, month)`,
      params,
    );
    return new Map(rows.map((r) => [r.villageId, r]));
  }

  /** The advisors' entries (not void) whose span meets `[start, end)`, other than `exceptId`, in the order they started. */
  async overlapping(em: EntityManager, townId: string, advisorIds: string[], start: Date, end: Date, exceptId: string | null): Promise<LoggedSpan[]> {
    return em.query(
      `SELECT id, advisor_id AS "advisorId", number, started_at AS "startedAt", ended_at AS "endedAt", start_time AS "startTime", end_time AS "endTime",
              to_char(service_date, 'YYYY-MM-DD') AS "serviceDate"
       FROM advisor_service WHERE town_id = $1 AND advisor_id = ANY($2::uuid[]) AND voided_at IS NULL AND started_at < $4 AND ended_at > $3 AND ($5::uuid IS NULL OR id <> $5)
       ORDER BY started_at, id`,
      [townId, advisorIds, start, end, exceptId],
    );
  }

  /* ---------- advisors ---------- */

  private advisorSelect(where: string): string {
    return `SELECT a.*, t.name AS "town_name", u.display_name AS "user_name" FROM advisor a JOIN org_unit t ON t.id = a.town_id LEFT JOIN app_user u ON u.id = a.user_id WHERE ${where}`;
  }

  /** Advisors in the scope: their town is the caller's, or they serve one of the caller's villages. */
  async advisors(scope: ResolvedScope, f: { townId?: string; villageId?: string; year?: number; ids?: string[] }, em: EntityManager = this.ds.manager): Promise<AdvisorRow[]> {
    const params: unknown[] = [];
    const p = sqlParams(params);
    const served = (extra: string) => `EXISTS (SELECT 1 FROM advisor_assignment x WHERE x.advisor_id = a.id${extra})`;
    const w = [
      `(${scopeSql(scope, { town: 'a.town_id' }, params)} OR ${served(` AND x.village_id = ANY(${p(scope.villageIds)}::uuid[])`)})`,
      f.townId ? `a.town_id = ${p(f.townId)}` : '',
      f.villageId ? served(` AND x.village_id = ${p(f.villageId)}`) : '',
      f.year ? served(` AND extract(year FROM x.from_date) <= ${p(f.year)} AND (x.to_date IS NULL OR extract(year FROM x.to_date) >= ${p(f.year)})`) : '',
      f.ids ? `a.id = ANY(${p(f.ids)}::uuid[])` : '',
    ];
    const rows = await em.query<Record<string, unknown>[]>(`${this.advisorSelect(w.filter(Boolean).join(' AND '))} ORDER BY a.name, a.id`, params);
    return rows.map((r) => camelRow<AdvisorRow>(r));
  }

  async advisorOfUser(userId: string, em: EntityManager = this.ds.manager): Promise<AdvisorRow | null> {
    const rows = await em.query<Record<string, unknown>[]>(this.advisorSelect('a.user_id = $1'), [userId]);
    return rows[0] ? camelRow<AdvisorRow>(rows[0]) : null;
  }

  /** The assignments of the advisor linked to the account, or null when none is linked to it. */
  async assignmentsOfUser(userId: string): Promise<AdvisorAssignmentEntity[] | null> {
    const rows = await this.ds.query<Record<string, unknown>[]>(
      `SELECT x.*, to_char(x.from_date, 'YYYY-MM-DD') AS from_date, to_char(x.to_date, 'YYYY-MM-DD') AS to_date
       FROM advisor a LEFT JOIN advisor_assignment x ON x.advisor_id = a.id WHERE a.user_id = $1 ORDER BY x.from_date`,
      [userId],
    );
    return rows.length === 0 ? null : rows.filter((r) => r.id !== null).map((r) => camelRow<AdvisorAssignmentEntity>(r));
  }

  /** The villages the advisors serve or served, each with its first and last day. */
  async assignments(advisorIds: string[], em: EntityManager = this.ds.manager): Promise<AdvisorAssignmentEntity[]> {
    const rows = await em.query<Record<string, unknown>[]>(
      `SELECT x.*, to_char(x.from_date, 'YYYY-MM-DD') AS from_date, to_char(x.to_date, 'YYYY-MM-DD') AS to_date FROM advisor_assignment x WHERE x.advisor_id = ANY($1::uuid[]) ORDER BY x.from_date`,
      [advisorIds],
    );
    return rows.map((r) => camelRow<AdvisorAssignmentEntity>(r));
  }

  /** Locks the advisors' rows (in the order of their ids): an advisor's entries are checked for overlaps one write at a time. */
  async lockAdvisors(em: EntityManager, ids: string[]): Promise<void> {
    await em.query(`SELECT 1 FROM advisor WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [ids]);
  }

  /* ---------- villages ---------- */

  async villageRows(villageIds: string[], em: EntityManager = this.ds.manager): Promise<Map<string, AdvisorVillageRow>> {
    if (villageIds.length === 0) return new Map();
    const rows = await em.query<Record<string, unknown>[]>(
      `SELECT v.*, to_char(v.room_opened_on, 'YYYY-MM-DD') AS room_opened_on, to_char(v.service_list_published_on, 'YYYY-MM-DD') AS service_list_published_on
       FROM advisor_village v WHERE v.village_id = ANY($1::uuid[])`,
      [villageIds],
    );
    return new Map(rows.map((r) => [r.village_id as string, camelRow<AdvisorVillageRow>(r)]));
  }

  /** Names of the advisors serving each village on a day. */
  async advisorNamesOn(villageIds: string[], day: string): Promise<Map<string, string[]>> {
    if (villageIds.length === 0) return new Map();
    const rows = await this.ds.query<{ villageId: string; names: string[] }[]>(
      `SELECT x.village_id AS "villageId", array_agg(DISTINCT a.name) AS names FROM advisor_assignment x JOIN advisor a ON a.id = x.advisor_id
       WHERE x.village_id = ANY($1::uuid[]) AND x.from_date <= $2 AND (x.to_date IS NULL OR x.to_date >= $2) GROUP BY 1`,
      [villageIds, day],
    );
    return new Map(rows.map((r) => [r.villageId, r.names]));
  }

  /**
   * Of `villageIds`, those meeting a village condition of the list (each filter of the village
   * figures, the rows behind `villagesWithRoom` etc.).
   */
  async villagesMatching(villageIds: string[], f: AdvisorVillageListQuery, requiredMinutes: number): Promise<Set<string>> {
    if (villageIds.length === 0) return new Set();
    const params: unknown[] = [villageIds];
    const p = sqlParams(params);
    const endOf = (year: number) => `make_date(${p(year)}::int, 12, 31)`;
    const w = ['u.id = ANY($1::uuid[])'];
    if (f.roomYear) w.push(`v.has_room AND (v.room_opened_on IS NULL OR v.room_opened_on <= ${endOf(f.roomYear)})`);
    if (f.publishedListYear) w.push(`v.service_list_published_on <= ${endOf(f.publishedListYear)}`);
    if (f.ruleOfLawLevel) w.push(`COALESCE(v.rule_of_law_level, 'none') = ${p(f.ruleOfLawLevel)}`);
    if (f.advisorYear) {
      const y = p(f.advisorYear);
      w.push(`EXISTS (SELECT 1 FROM advisor_assignment x WHERE x.village_id = u.id AND extract(year FROM x.from_date) <= ${y} AND (x.to_date IS NULL OR extract(year FROM x.to_date) >= ${y}))`);
    }
    if (f.meetsHoursYear) {
      const y = p(f.meetsHoursYear);
      w.push(`(SELECT count(*) FROM (SELECT 1 FROM advisor_service s WHERE s.town_id = u.town_id AND s.village_id = u.id AND s.voided_at IS NULL AND extract(year FROM s.service_date) = ${y}
        GROUP BY to_char(s.service_date, 'YYYY-MM') HAVING sum(s.minutes) >= ${p(requiredMinutes)}) m) = 12`);
    }
    const rows = await this.ds.query<{ id: string }[]>(`SELECT u.id FROM org_unit u LEFT JOIN advisor_village v ON v.village_id = u.id WHERE ${w.join(' AND ')}`, params);
    return new Set(rows.map((r) => r.id));
  }

  /* ---------- monthly checks ---------- */

  async checks(townIds: string[], months: string[], em: EntityManager = this.ds.manager): Promise<(AdvisorMonthCheckEntity & { checkedByName: string | null })[]> {
    if (townIds.length === 0) return [];
    const rows = await em.query<Record<string, unknown>[]>(
      `SELECT c.*, u.display_name AS checked_by_name FROM advisor_month_check c LEFT JOIN app_user u ON u.id = c.checked_by WHERE c.town_id = ANY($1::uuid[]) AND c.month = ANY($2::varchar[])`,
      [townIds, months],
    );
    return rows.map((r) => camelRow(r));
  }

  /** The signed-off village-months of a town, as `<villageId>:<YYYY-MM>`. */
  async checkedMonths(townId: string): Promise<Set<string>> {
    const rows = await this.ds.query<{ k: string }[]>(`SELECT village_id || ':' || month AS k FROM advisor_month_check WHERE town_id = $1 AND status = 'checked'`, [townId]);
    return new Set(rows.map((r) => r.k));
  }

  async check(em: EntityManager, townId: string, villageId: string, month: string, lock = false): Promise<(AdvisorMonthCheckEntity & { checkedByName: string | null }) | null> {
    const rows = await em.query<Record<string, unknown>[]>(
      `SELECT c.*, u.display_name AS checked_by_name FROM advisor_month_check c LEFT JOIN app_user u ON u.id = c.checked_by
       WHERE c.town_id = $1 AND c.village_id = $2 AND c.month = $3${lock ? ' FOR UPDATE OF c' : ''}`,
      [townId, villageId, month],
    );
    return rows[0] ? camelRow(rows[0]) : null;
  }

  /**
   * Signs a village-month off: the check `before` signed off again (a reopened one, locked by the
   * caller), or a first check of the month; false when it changed meanwhile or another sign-off
   * added it first.
   */
  async signOff(em: EntityManager, before: { id: string; version: number } | null, month: { town_id: string; village_id: string; month: string }, signed: Record<string, unknown>): Promise<boolean> {
    if (before) return this.setCheck(em, before, { status: 'checked', ...signed, reopened_at: null, reopened_by: null, reopen_reason: null });
    const columns = { id: randomUUID(), ...month, status: 'checked', ...signed, version: 1 };
    const names = Object.keys(columns);
    const inserted = await em.query<unknown[]>(
      `INSERT INTO advisor_month_check (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')}) ON CONFLICT (town_id, village_id, month) DO NOTHING RETURNING id`,
      Object.values(columns),
    );
    return inserted.length > 0;
  }

  /** Sets a locked check's columns and bumps its version; false when the version is no longer `before`'s. */
  setCheck(em: EntityManager, before: { id: string; version: number }, columns: Record<string, unknown>): Promise<boolean> {
    return updateVersioned(em, 'advisor_month_check', before.id, before.version, columns);
  }

  /* ---------- published service lists ---------- */

  /** Every version of the villages' published service lists with its document (not removed), newest first. */
  async serviceLists(villageIds: string[], id?: string): Promise<ServiceListRow[]> {
    if (villageIds.length === 0) return [];
    const rows = await this.ds.query<Record<string, unknown>[]>(
      `SELECT a.*, l.id AS list_id, l.village_id AS list_village_id, l.list_version, to_char(l.published_on, 'YYYY-MM-DD') AS published_on, l.created_at AS list_created_at,
         l.created_by AS list_created_by, u.display_name AS list_created_by_name
       FROM advisor_service_list l JOIN attachment a ON a.id = l.attachment_id AND a.removed_at IS NULL LEFT JOIN app_user u ON u.id = l.created_by
       WHERE l.village_id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR l.id = $2) ORDER BY l.village_id, l.published_on DESC, l.created_at DESC, l.id`,
      [villageIds, id ?? null],
    );
    return rows.map((r) => camelRow<ServiceListRow>(r));
  }

  /** Locks the village's attributes and answers their version (0 while the village has none). */
  async lockVillage(em: EntityManager, villageId: string): Promise<number> {
    const [row] = await em.query<{ version: number }[]>(`SELECT version FROM advisor_village WHERE village_id = $1 FOR UPDATE`, [villageId]);
    return row?.version ?? 0;
  }

  /**
   * Writes the village's attributes when their version still is `version` (0: adds them, with
   * `created` as the columns of a village without any yet); false when stale.
   */
  async saveVillage(em: EntityManager, villageId: string, townId: string, version: number, cols: Record<string, unknown>): Promise<boolean> {
    const names = Object.keys(cols);
    const values = Object.values(cols);
    const rows =
      version === 0
        ? await em.query<unknown[]>(
            `INSERT INTO advisor_village (village_id, town_id, ${names.join(', ')}, version) VALUES ($1, $2, ${names.map((_, i) => `$${i + 3}`).join(', ')}, 1) ON CONFLICT (village_id) DO NOTHING RETURNING village_id`,
            [villageId, townId, ...values],
          )
        : (
            await em.query<[unknown[], number]>(
              `UPDATE advisor_village SET ${names.map((c, i) => `${c} = $${i + 3}`).join(', ')}, version = version + 1 WHERE village_id = $1 AND version = $2 RETURNING village_id`,
              [villageId, version, ...values],
            )
          )[0];
    return rows.length > 0;
  }

  async insertServiceList(em: EntityManager, row: Record<string, unknown>): Promise<void> {
    await insertRows(em, 'advisor_service_list', [row]);
  }
}
