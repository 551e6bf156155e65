import { Injectable } from '@nestjs/common';
import { DEADLINE_WARNING_DAYS, MEDIATION_DEADLINE_KIND } from '@fazhi/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { ResolvedScope, scopeSql } from '../access/data-scope';
import { provisionalSql } from '../ledger-core/deadlines/deadlines.repository';
import { sqlParams } from '../common/sql';
import { camelRow, containsPattern, updateVersioned } from '../ledger-core/records';
import { DisputeListQuery } from './dispute.dto';
import { DisputeEntity, DisputeFollowUpEntity, DisputePartyEntity, DisputeSessionEntity } from './dispute.entities';

export const LEDGER = 'dispute' as const;

export interface DisputeRow extends DisputeEntity {
  townName: string;
  timeZone: string;
  villageName: string | null;
  mediatorNames: string[];
  followUpCount: number;
  deadlineKind: string | null;
  deadlineDue: string | null;
  deadlinePausedFrom: string | null;
  deadlineDoneAt: Date | null;
  deadlineProvisional: boolean | null;
}

export interface DisputeFilter extends Omit<DisputeListQuery, 'partyName' | 'partyIdNumber' | 'partyPhone'> {
  partyNameIdx?: string | null;
  partyIdNumberIdx?: string | null;
  partyPhoneIdx?: string | null;
  /** Disputes under a warning: `active` (still group-incident), `any` (ever raised). */
  warning?: 'active' | 'any';
  /** The instant "today" is taken at in each town's zone (deadline filters). */
  now?: Date;
}

const SORTS: Record<string, string> = {
  number: 'd.year %s, d.seq %s',
  registeredAt: 'd.registered_at %s',
  occurredOn: 'd.occurred_on %s',
  agreedOn: 'd.agreed_on %s NULLS LAST',
  status: 'd.status %s',
  warningRaisedAt: 'd.warning_raised_at %s NULLS LAST',
};

const SELECT = `SELECT d.*, t.name AS "townName", t.time_zone AS "timeZone", vil.name AS "villageName",
  COALESCE((SELECT array_agg(o.name ORDER BY array_position(d.mediator_ids, o.id)) FROM peace_officer o WHERE o.id = ANY(d.mediator_ids)), '{}') AS "mediatorNames",
  (SELECT count(*)::int FROM dispute_follow_up f WHERE f.town_id = d.town_id AND f.dispute_id = d.id) AS "followUpCount",
  dl.kind AS "deadlineKind", to_char(dl.due_date, 'YYYY-MM-DD') AS "deadlineDue", to_char(dl.paused_from, 'YYYY-MM-DD') AS "deadlinePausedFrom", dl.done_at AS "deadlineDoneAt", dl.provisional AS "deadlineProvisional"`;
const FROM = `FROM dispute d JOIN org_unit t ON t.id = d.town_id LEFT JOIN org_unit vil ON vil.id = d.village_id
  LEFT JOIN LATERAL (SELECT x.kind, x.due_date, x.paused_from, x.done_at, ${provisionalSql('x')} AS provisional FROM deadline x
    WHERE x.town_id = d.town_id AND x.ledger = '${LEDGER}' AND x.record_id = d.id AND x.kind = '${MEDIATION_DEADLINE_KIND}' ORDER BY x.created_at DESC LIMIT 1) dl ON TRUE`;

const hydrate = (r: Record<string, unknown>) => camelRow<DisputeRow>(r);

/** Every query of the dispute ledger. Scope is a required argument of every read. */
@Injectable()
export class DisputeRepository {
  constructor(private readonly ds: DataSource) {}

  /** The WHERE clause for the list filters; the statistics use the same conditions. */
  where(scope: ResolvedScope, f: DisputeFilter, params: unknown[]): string {
    const p = sqlParams(params);
    const local = (col: string) => `(${col} AT TIME ZONE t.time_zone)`;
    const reached = (status: string) => `EXISTS (SELECT 1 FROM status_history h WHERE h.town_id = d.town_id AND h.ledger = '${LEDGER}' AND h.record_id = d.id AND h.to_status = ${p(status)})`;
    const inYear = (col: string, year: number) => `extract(year FROM ${col})::int = ${p(year)}`;
    const party = (column: string, idx: string | null) => `EXISTS (SELECT 1 FROM dispute_party dp WHERE dp.town_id = d.town_id AND dp.dispute_id = d.id AND dp.${column} = ${p(idx)})`;
    const w = [scopeSql(scope, { town: 'd.town_id', village: 'd.village_id', owners: ['d.created_by'], ownerArrays: ['d.handler_ids'] }, params)];
    if (f.status?.length) w.push(`d.status = ANY(${p(f.status)}::varchar[])`);
    for (const s of f.reached ?? []) w.push(reached(s));
    if (f.townId) w.push(`d.town_id = ${p(f.townId)}`);
    if (f.villageId) w.push(`d.village_id = ${p(f.villageId)}`);
    if (f.noVillage === 'true') w.push('d.village_id IS NULL');
    if (f.category) w.push(`d.category = ${p(f.category)}`);
    if (f.source) w.push(`d.source = ${p(f.source)}`);
    if (f.riskLevel) w.push(`d.risk_level = ${p(f.riskLevel)}`);
    if (f.mediatorId) w.push(`${p(f.mediatorId)}::uuid = ANY(d.mediator_ids)`);
    if (f.from) w.push(`d.occurred_on >= ${p(f.from)}::date`);
    if (f.to) w.push(`d.occurred_on <= ${p(f.to)}::date`);
    if (f.q) {
      const like = p(containsPattern(f.q));
      w.push(`(d.number ILIKE ${like} OR d.summary ILIKE ${like})`);
    }
    if (f.partyNameIdx !== undefined) w.push(party('name_idx', f.partyNameIdx));
    if (f.partyIdNumberIdx !== undefined) w.push(party('id_number_idx', f.partyIdNumberIdx));
    if (f.partyPhoneIdx !== undefined) w.push(party('phone_idx', f.partyPhoneIdx));
    if (f.registeredYear) w.push(inYear(local('d.registered_at'), f.registeredYear));
    if (f.registeredMonth) w.push(`to_char(${local('d.registered_at')}, 'YYYY-MM') = ${p(f.registeredMonth)}`);
    if (f.acceptedYear) w.push(inYear('d.accepted_on', f.acceptedYear), reached('accepted'));
    if (f.agreedYear) w.push(inYear('d.agreed_on', f.agreedYear), reached('agreed'));
    if (f.agreedMonth) w.push(`to_char(d.agreed_on, 'YYYY-MM') = ${p(f.agreedMonth)}`, reached('agreed'));
    if (f.terminatedYear) w.push(inYear('d.terminated_on', f.terminatedYear), reached('terminated'));
    if (f.concludedYear) {
      w.push(`((${inYear('d.agreed_on', f.concludedYear)} AND ${reached('agreed')}) OR (${inYear('d.terminated_on', f.concludedYear)} AND ${reached('terminated')}))`);
    }
    if (f.warningYear) w.push(inYear(local('d.warning_raised_at'), f.warningYear));
    if (f.warning === 'any') w.push('d.warning_raised_at IS NOT NULL');
    if (f.warning === 'active') w.push(`d.warning_raised_at IS NOT NULL AND d.risk_level = 'group_incident'`);
    if (f.escalatedYear) w.push(inYear('d.escalated_on', f.escalatedYear));
    if (f.escalated === 'true') w.push('d.escalated_on IS NOT NULL');
    if (f.escalated === 'false') w.push('d.escalated_on IS NULL');
    if (f.deadline) {
      const today = `(${p(f.now ?? new Date())}::timestamptz AT TIME ZONE t.time_zone)::date`;
      const open = 'dl.due_date IS NOT NULL AND dl.done_at IS NULL AND dl.paused_from IS NULL';
      w.push(f.deadline === 'overdue' ? `${open} AND dl.due_date < ${today}` : `${open} AND dl.due_date - ${today} <= ${p(DEADLINE_WARNING_DAYS)}`);
    }
    if (f.voided === 'true') w.push('d.voided_at IS NOT NULL');
    if (f.voided === 'false') w.push('d.voided_at IS NULL');
    return w.join(' AND ');
  }

  async list(scope: ResolvedScope, f: DisputeFilter, page: { offset: number; limit: number }): Promise<{ rows: DisputeRow[]; total: number }> {
    const params: unknown[] = [];
    const where = this.where(scope, f, params);
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total ${FROM} WHERE ${where}`, params);
    const dir = f.order === 'asc' ? 'ASC' : 'DESC';
    const order = (SORTS[f.sort ?? 'number'] ?? SORTS.number).replace(/%s/g, dir);
    const p = sqlParams(params);
    const rows = await this.ds.query(`${SELECT} ${FROM} WHERE ${where} ORDER BY ${order}, d.id OFFSET ${p(page.offset)} LIMIT ${p(page.limit)}`, params);
    return { rows: rows.map(hydrate), total };
  }

  async count(scope: ResolvedScope, f: DisputeFilter): Promise<number> {
    const params: unknown[] = [];
    const [{ n }] = await this.ds.query(`SELECT count(*)::int AS n ${FROM} WHERE ${this.where(scope, f, params)}`, params);
    return n;
  }

  /** Counts of matching rows grouped by month, village or category. */
  async countBy(scope: ResolvedScope, f: DisputeFilter, group: 'registeredMonth' | 'agreedMonth' | 'terminatedMonth' | 'village' | 'category'): Promise<Map<string | null, number>> {
    const expr = {
      registeredMonth: `to_char(d.registered_at AT TIME ZONE t.time_zone, 'YYYY-MM')`,
      agreedMonth: `to_char(d.agreed_on, 'YYYY-MM')`,
      terminatedMonth: `to_char(d.terminated_on, 'YYYY-MM')`,
      village: 'd.village_id::text',
      category: 'd.category',
    }[group];
    const params: unknown[] = [];
    const rows = await this.ds.query(`SELECT ${expr} AS k, count(*)::int AS n ${FROM} WHERE ${this.where(scope, f, params)} GROUP BY 1`, params);
    return new Map(rows.map((r: { k: string | null; n: number }) => [r.k, r.n]));
  }

  /** All matching rows in number order, in batches (exports). */
  async *stream(scope: ResolvedScope, f: DisputeFilter, batch = 500): AsyncGenerator<DisputeRow> {
    for (let offset = 0; ; offset += batch) {
      const params: unknown[] = [];
      const where = this.where(scope, f, params);
      const p = sqlParams(params);
      const rows = await this.ds.query(`${SELECT} ${FROM} WHERE ${where} ORDER BY d.year, d.seq, d.id OFFSET ${p(offset)} LIMIT ${p(batch)}`, params);
      for (const r of rows) yield hydrate(r);
      if (rows.length < batch) return;
    }
  }

  /** One dispute in scope, or null (out of scope and missing look the same). */
  async findInScope(scope: ResolvedScope, id: string, em: EntityManager = this.ds.manager, lock = false): Promise<DisputeRow | null> {
    const params: unknown[] = [id];
    const where = this.where(scope, {}, params);
    const rows = await em.query(`${SELECT} ${FROM} WHERE d.id = $1 AND ${where}${lock ? ' FOR UPDATE OF d' : ''}`, params);
    return rows[0] ? hydrate(rows[0]) : null;
  }

  /** Records of a town by number, only those in the scope. */
  async byNumbers(em: EntityManager, scope: ResolvedScope, townId: string, numbers: string[]): Promise<Map<string, DisputeRow>> {
    if (numbers.length === 0) return new Map();
    const params: unknown[] = [townId, numbers];
    const rows = await em.query(`${SELECT} ${FROM} WHERE d.town_id = $1 AND d.number = ANY($2::varchar[]) AND ${this.where(scope, {}, params)}`, params);
    return new Map(rows.map((r: Record<string, unknown>) => [r.number as string, hydrate(r)]));
  }

  update(em: EntityManager, id: string, version: number, set: Record<string, unknown>): Promise<boolean> {
    return updateVersioned(em, 'dispute', id, version, set);
  }

  /** The parties of several disputes, in their order. */
  async parties(disputeIds: string[], em: EntityManager = this.ds.manager): Promise<Map<string, DisputePartyEntity[]>> {
    const out = new Map<string, DisputePartyEntity[]>(disputeIds.map((id) => [id, []]));
    if (disputeIds.length === 0) return out;
    const rows = await em.query(`SELECT * FROM dispute_party WHERE dispute_id = ANY($1::uuid[]) ORDER BY sort_order, created_at, id`, [disputeIds]);
    for (const r of rows) out.get(r.dispute_id)!.push(camelRow<DisputePartyEntity>(r));
    return out;
  }

  async sessions(disputeId: string, em: EntityManager = this.ds.manager): Promise<DisputeSessionEntity[]> {
    const rows = await em.query(`SELECT * FROM dispute_session WHERE dispute_id = $1 ORDER BY date, created_at, id`, [disputeId]);
    return rows.map((r: Record<string, unknown>) => camelRow<DisputeSessionEntity>(r));
  }

  async followUps(disputeId: string, em: EntityManager = this.ds.manager): Promise<DisputeFollowUpEntity[]> {
    const rows = await em.query(`SELECT * FROM dispute_follow_up WHERE dispute_id = $1 ORDER BY date, created_at, id`, [disputeId]);
    return rows.map((r: Record<string, unknown>) => camelRow<DisputeFollowUpEntity>(r));
  }
}
