import { ResolvedScope, scopeSql } from '../access/data-scope';

/** One group of a year's cases: months 1–12, or null when the date is outside the year. */
export interface VesselYearGroup {
  villageId: string | null;
  registeredMonth: number | null;
  dismantledMonth: number | null;
  disposal: string | null;
  handedOver: boolean;
  open: boolean;
  n: number;
}

export interface VesselYearFigures {
  campaigns: number;
  groups: VesselYearGroup[];
}

/**
 * Everything the vessel figures of one year need, in one statement: the year's cases (registered,
 * dismantled or handed over in the year, or open at its end; scope, town and not voided as the
 * list filters) grouped by village, registration month, dismantling month, disposal, handed over
 * and open, and the count of the year's closed campaigns.
 *
 * The year's end and the months' starts are computed once per town in its time zone (the
 * materialized `t`), so every period is a range on the column, with no per-row time-zone
 * conversion; a registration month is the bucket of the month starts it falls in.
 *
 * `vesselWhere` is the ledger's list filter (scope and not voided) over `v` joined with `t`; it
 * appends its parameters. Framework-free, so the benchmark's baseline sends the very same statement.
 */
export function yearFiguresStatement(scope: ResolvedScope, year: number, townId: string | undefined, vesselWhere: (params: unknown[]) => string): { sql: string; params: unknown[] } {
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}-01`);
  const params: unknown[] = [months, `${year + 1}-01-01`, `${year}-01-01`, `${year}-12-31`, ...(townId ? [townId] : [])];
  const town = (col: string) => (townId ? ` AND ${col} = $5` : '');
  const where = vesselWhere(params) + town('v.town_id');
  const campaignWhere = `c.date >= $3::date AND c.date < $2::date AND c.status = 'closed' AND c.voided_at IS NULL
      AND ${scopeSql(scope, { town: 'c.town_id', owners: ['c.created_by'] }, params)}${town('c.town_id')}`;
  const inYear = (col: string) => `(${col} >= $3::date AND ${col} < $2::date)`;
  const registered = `(v.registered_at >= t.month_starts[1] AND v.registered_at < t.year_end)`;
  const open = `(v.registered_at < t.year_end AND (v.dismantled_on IS NULL OR v.dismantled_on > $4::date)
                 AND (v.handed_over_on IS NULL OR v.handed_over_on > $4::date))`;
  const sql = `WITH t AS MATERIALIZED (
         SELECT t.id, t.time_zone, ($2::timestamp AT TIME ZONE t.time_zone) AS year_end,
                ARRAY(SELECT m::timestamp AT TIME ZONE t.time_zone FROM unnest($1::text[]) AS m) AS month_starts
           FROM org_unit t WHERE t.level = 'town'${town('t.id')}
       ), g AS (
         SELECT v.village_id AS "villageId",
                CASE WHEN ${registered} THEN width_bucket(v.registered_at, t.month_starts) END AS "registeredMonth",
                CASE WHEN ${inYear('v.dismantled_on')} THEN extract(month FROM v.dismantled_on)::int END AS "dismantledMonth",
                v.disposal,
                coalesce(${inYear('v.handed_over_on')}, false) AS "handedOver",
                ${open} AS open,
                count(*)::int AS n
           FROM vessel_case v JOIN t ON t.id = v.town_id
          WHERE ${where} AND (${registered} OR ${inYear('v.dismantled_on')} OR ${inYear('v.handed_over_on')} OR ${open})
          GROUP BY 1, 2, 3, 4, 5, 6
       )
       SELECT (SELECT count(*)::int FROM campaign c WHERE ${campaignWhere}) AS campaigns,
              (SELECT coalesce(json_agg(g), '[]'::json) FROM g) AS groups`;
  return { sql, params };
}
