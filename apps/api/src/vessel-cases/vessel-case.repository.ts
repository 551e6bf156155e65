import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ResolvedScope } from '../access/data-scope';
import { RecordPart } from '../ledger-core/kit/record-parts';
import { ConditionSql, RecordRepository, RecordTable } from '../ledger-core/kit/record-repository';
import { VesselListQuery } from './vessel-case.dto';
import { VesselCaseEntity } from './vessel-case.entities';
import { VesselYearFigures, yearFiguresStatement } from './vessel-year-figures';

export interface VesselRow extends VesselCaseEntity {
  townName: string;
  timeZone: string;
  villageName: string | null;
  campaignNumber: string | null;
  handlerNames: string[];
}

export interface VesselFilter extends Omit<VesselListQuery, 'ownerName' | 'ownerIdNumber' | 'ownerPhone'> {
  ownerNameIdx?: string | null;
  ownerIdIdx?: string | null;
  ownerPhoneIdx?: string | null;
}

const NUMERIC = ['gpsLat', 'gpsLng', 'lengthM', 'enginePowerKw'] as const;
/** The evidence stages that document a dismantling. */
const DISMANTLING_STAGES = ['during', 'after'];

// Periods as ranges on the column, so the (town_id, date) indexes serve them.
const instants = (col: string, from: string, to: string, sql: ConditionSql) =>
  `${col} >= (${sql.p(from)}::timestamp AT TIME ZONE t.time_zone) AND ${col} < (${sql.p(to)}::timestamp AT TIME ZONE t.time_zone)`;
const dates = (col: string, from: string, to: string, sql: ConditionSql) => `${col} >= ${sql.p(from)}::date AND ${col} < ${sql.p(to)}::date`;
const year = (y: number): [string, string] => [`${y}-01-01`, `${y + 1}-01-01`];
const month = (m: string): [string, string] => {
  const [y, mm] = m.split('-').map(Number);
  return [`${m}-01`, mm === 12 ? `${y + 1}-01-01` : `${y}-${String(mm + 1).padStart(2, '0')}-01`];
};

const TABLE: RecordTable<VesselFilter> = {
  ledger: 'vessel-case',
  table: 'vessel_case',
  alias: 'v',
  select: `v.*, t.name AS "townName", t.time_zone AS "timeZone", vil.name AS "villageName", c.number AS "campaignNumber",
    COALESCE((SELECT array_agg(u.display_name ORDER BY array_position(v.handler_ids, u.id)) FROM app_user u WHERE u.id = ANY(v.handler_ids)), '{}') AS "handlerNames"`,
  from: `FROM vessel_case v JOIN org_unit t ON t.id = v.town_id LEFT JOIN org_unit vil ON vil.id = v.village_id LEFT JOIN campaign c ON c.id = v.campaign_id`,
  sorts: {
    number: 'v.year %s, v.seq %s',
    registeredAt: 'v.registered_at %s',
    discoveredAt: 'v.discovered_at %s',
    dismantledOn: 'v.dismantled_on %s NULLS LAST',
    status: 'v.status %s',
  },
  filters: {
    status: { in: 'v.status', cast: 'varchar' },
    townId: { eq: 'v.town_id' },
    villageId: { eq: 'v.village_id' },
    from: (d: string, sql) => `v.discovered_at >= (${sql.p(d)}::date::timestamp AT TIME ZONE t.time_zone)`,
    to: (d: string, sql) => `v.discovered_at < ((${sql.p(d)}::date + 1)::timestamp AT TIME ZONE t.time_zone)`,
    campaignId: { eq: 'v.campaign_id' },
    q: { contains: ['v.number', 'v.place', 'v.marks'] },
    ownerNameIdx: { blind: 'v.owner_name_idx' },
    ownerIdIdx: { blind: 'v.owner_id_idx' },
    ownerPhoneIdx: { blind: 'v.owner_phone_idx' },
    registeredYear: (y: number, sql) => instants('v.registered_at', ...year(y), sql),
    registeredMonth: (m: string, sql) => instants('v.registered_at', ...month(m), sql),
    dismantledYear: (y: number, sql) => dates('v.dismantled_on', ...year(y), sql),
    dismantledMonth: (m: string, sql) => dates('v.dismantled_on', ...month(m), sql),
    disposal: { eq: 'v.disposal' },
    handedOverYear: (y: number, sql) => dates('v.handed_over_on', ...year(y), sql),
    openAt: (day: string, sql) => {
      const d = sql.p(day);
      return `v.registered_at < ((${d}::date + 1)::timestamp AT TIME ZONE t.time_zone) AND (v.dismantled_on IS NULL OR v.dismantled_on > ${d}::date)
        AND (v.handed_over_on IS NULL OR v.handed_over_on > ${d}::date)`;
    },
    voided: { when: { true: 'v.voided_at IS NOT NULL', false: 'v.voided_at IS NULL' } },
  },
};

/** The persuasion entries (劝解) of a case. */
export const PERSUASIONS: RecordPart<VesselRow> = {
  name: 'persuasion',
  table: 'vessel_persuasion',
  parent: 'case_id',
  fields: { date: 'date', staff: 'staff', measure: 'measure', result: 'result' },
  answer: ['id', 'date', 'staff', 'measure', 'result', 'createdAt'],
  order: 'date, created_at',
  notFound: { zh: '劝解记录不存在', en: 'Persuasion entry not found' },
};

/** Every query of the vessel ledger. Scope is a required argument of every read. */
@Injectable()
export class VesselCaseRepository extends RecordRepository<VesselRow, VesselFilter> {
  protected readonly spec = TABLE;

  /** Numeric columns as numbers. */
  protected override hydrate(raw: Record<string, unknown>): VesselRow {
    const row = super.hydrate(raw);
    for (const k of NUMERIC) row[k] = row[k] === null || row[k] === undefined ? null : Number(row[k]);
    return row;
  }

  /** Everything the figures of one year need, in one statement (see yearFiguresStatement). */
  async yearFigures(scope: ResolvedScope, year: number, townId?: string): Promise<VesselYearFigures> {
    const st = yearFiguresStatement(scope, year, townId, (params) => this.where(scope, { voided: 'false' }, params));
    const [row] = await this.ds.query<VesselYearFigures[]>(st.sql, st.params);
    return row;
  }

  /** The state of a campaign a case may join. */
  async campaignState(em: EntityManager, id: string): Promise<{ status: string; town_id: string; voided_at: Date | null } | undefined> {
    const [campaign] = await em.query<{ status: string; town_id: string; voided_at: Date | null }[]>(`SELECT status, town_id, voided_at FROM campaign WHERE id = $1`, [id]);
    return campaign;
  }

  /** A vessel's own during/after photos or video, or (with `campaignId`) its campaign's evidence, count. */
  async hasDismantlingEvidence(em: EntityManager, caseId: string | null, campaignId: string | null): Promise<boolean> {
    const [row] = await em.query<{ ok: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM attachment WHERE removed_at IS NULL AND (
         (ledger = 'vessel-case' AND record_id = $1 AND stage = ANY($3::varchar[])) OR (ledger = 'campaign' AND record_id = $2))) AS ok`,
      [caseId, campaignId, DISMANTLING_STAGES],
    );
    return row.ok === true;
  }
}
