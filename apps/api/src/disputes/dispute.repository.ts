import { Injectable } from '@nestjs/common';
import { DEADLINE_WARNING_DAYS, MEDIATION_DEADLINE_KIND } from '@fazhi/contracts';
import { provisionalSql } from '../ledger-core/deadlines/deadlines.repository';
import { RecordRepository, RecordTable } from '../ledger-core/kit/record-repository';
import { DisputeListQuery } from './dispute.dto';
import { DisputeEntity } from './dispute.entities';

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

export interface DisputeFilter extends Omit<DisputeListQuery, 'partyName' | 'partyIdNumber' | 'partyPhone' | 'sort'> {
  sort?: DisputeListQuery['sort'] | 'warningRaisedAt';
  partyNameIdx?: string | null;
  partyIdNumberIdx?: string | null;
  partyPhoneIdx?: string | null;
  /** Disputes under a warning: `active` (still group-incident), `any` (ever raised). */
  warning?: 'active' | 'any';
  /** The instant "today" is taken at in each town's zone (deadline filters). */
  now?: Date;
}

const party = (column: string) => (idx: string | null, s: { p(v: unknown): string }) =>
  `EXISTS (SELECT 1 FROM dispute_party dp WHERE dp.town_id = d.town_id AND dp.dispute_id = d.id AND dp.${column} = ${s.p(idx)})`;

const DISPUTES: RecordTable<DisputeFilter> = {
  ledger: LEDGER,
  table: 'dispute',
  alias: 'd',
  select: `d.*, t.name AS "townName", t.time_zone AS "timeZone", vil.name AS "villageName",
  COALESCE((SELECT array_agg(o.name ORDER BY array_position(d.mediator_ids, o.id)) FROM peace_officer o WHERE o.id = ANY(d.mediator_ids)), '{}') AS "mediatorNames",
  (SELECT count(*)::int FROM dispute_follow_up f WHERE f.town_id = d.town_id AND f.dispute_id = d.id) AS "followUpCount",
  dl.kind AS "deadlineKind", to_char(dl.due_date, 'YYYY-MM-DD') AS "deadlineDue", to_char(dl.paused_from, 'YYYY-MM-DD') AS "deadlinePausedFrom", dl.done_at AS "deadlineDoneAt", dl.provisional AS "deadlineProvisional"`,
  from: `FROM dispute d JOIN org_unit t ON t.id = d.town_id LEFT JOIN org_unit vil ON vil.id = d.village_id
  LEFT JOIN LATERAL (SELECT x.kind, x.due_date, x.paused_from, x.done_at, ${provisionalSql('x')} AS provisional FROM deadline x
    WHERE x.town_id = d.town_id AND x.ledger = '${LEDGER}' AND x.record_id = d.id AND x.kind = '${MEDIATION_DEADLINE_KIND}' ORDER BY x.created_at DESC LIMIT 1) dl ON TRUE`,
  sorts: {
    number: 'd.year %s, d.seq %s',
    registeredAt: 'd.registered_at %s',
    occurredOn: 'd.occurred_on %s',
    agreedOn: 'd.agreed_on %s NULLS LAST',
    status: 'd.status %s',
    warningRaisedAt: 'd.warning_raised_at %s NULLS LAST',
  },
  filters: {
    status: { in: 'd.status', cast: 'varchar' },
    reached: (states: string[], s) => states.map((x) => s.reached(x)),
    townId: { eq: 'd.town_id' },
    villageId: { eq: 'd.village_id' },
    noVillage: { when: { true: 'd.village_id IS NULL' } },
    category: { eq: 'd.category' },
    source: { eq: 'd.source' },
    riskLevel: { eq: 'd.risk_level' },
    mediatorId: { has: 'd.mediator_ids', cast: 'uuid' },
    from: { gte: 'd.occurred_on', cast: 'date' },
    to: { lte: 'd.occurred_on', cast: 'date' },
    q: { contains: ['d.number', 'd.summary'] },
    partyNameIdx: party('name_idx'),
    partyIdNumberIdx: party('id_number_idx'),
    partyPhoneIdx: party('phone_idx'),
    registeredYear: { year: 'd.registered_at', local: true },
    registeredMonth: (month: string, s) => `to_char(${s.local('d.registered_at')}, 'YYYY-MM') = ${s.p(month)}`,
    acceptedYear: (year: number, s) => [s.inYear('d.accepted_on', year), s.reached('accepted')],
    agreedYear: (year: number, s) => [s.inYear('d.agreed_on', year), s.reached('agreed')],
    agreedMonth: (month: string, s) => [`to_char(d.agreed_on, 'YYYY-MM') = ${s.p(month)}`, s.reached('agreed')],
    terminatedYear: (year: number, s) => [s.inYear('d.terminated_on', year), s.reached('terminated')],
    concludedYear: (year: number, s) => `((${s.inYear('d.agreed_on', year)} AND ${s.reached('agreed')}) OR (${s.inYear('d.terminated_on', year)} AND ${s.reached('terminated')}))`,
    warningYear: { year: 'd.warning_raised_at', local: true },
    warning: { when: { any: 'd.warning_raised_at IS NOT NULL', active: `d.warning_raised_at IS NOT NULL AND d.risk_level = 'group_incident'` } },
    escalatedYear: { year: 'd.escalated_on' },
    escalated: { when: { true: 'd.escalated_on IS NOT NULL', false: 'd.escalated_on IS NULL' } },
    deadline: (which: string, s, f) => {
      const today = `(${s.p(f.now ?? new Date())}::timestamptz AT TIME ZONE t.time_zone)::date`;
      const open = 'dl.due_date IS NOT NULL AND dl.done_at IS NULL AND dl.paused_from IS NULL';
      return which === 'overdue' ? `${open} AND dl.due_date < ${today}` : `${open} AND dl.due_date - ${today} <= ${s.p(DEADLINE_WARNING_DAYS)}`;
    },
    voided: { when: { true: 'd.voided_at IS NOT NULL', false: 'd.voided_at IS NULL' } },
  },
  groups: {
    registeredMonth: `to_char(d.registered_at AT TIME ZONE t.time_zone, 'YYYY-MM')`,
    agreedMonth: `to_char(d.agreed_on, 'YYYY-MM')`,
    terminatedMonth: `to_char(d.terminated_on, 'YYYY-MM')`,
    village: 'd.village_id::text',
    category: 'd.category',
  },
};

/** Every query of the dispute ledger: the record table (see the kit); its parties, sessions and follow-ups are the kit's parts (dispute.parts.ts). */
@Injectable()
export class DisputeRepository extends RecordRepository<DisputeRow, DisputeFilter> {
  protected readonly spec = DISPUTES;
}
