import { Injectable } from '@nestjs/common';
import { ListFilter } from '../ledger-core/kit/record-repository';
import { RegisterRepository, RegisterTable } from '../ledger-core/kit/register-repository';
import { AdvisorListQuery } from './advisor.dto';
import { AdvisorEntity } from './advisor.entities';

export interface AdvisorRegisterRow extends AdvisorEntity {
  townName: string;
  timeZone: string;
  userName: string | null;
  villages: { villageId: string; villageName: string; from: string; to: string | null }[];
}

export type AdvisorFilter = Omit<AdvisorListQuery, 'page' | 'pageSize'> & ListFilter;

/** The advisor serves a village (`extra`: more conditions on the assignment `x`). */
const serves = (extra: string) => `EXISTS (SELECT 1 FROM advisor_assignment x WHERE x.advisor_id = a.id AND ${extra})`;

const ADVISORS: RegisterTable<AdvisorFilter> = {
  ledger: 'advisor',
  table: 'advisor',
  alias: 'a',
  select: `a.*, t.name AS "townName", t.time_zone AS "timeZone", u.display_name AS "userName",
    COALESCE((SELECT json_agg(json_build_object('villageId', x.village_id, 'villageName', v.name, 'from', to_char(x.from_date, 'YYYY-MM-DD'), 'to', to_char(x.to_date, 'YYYY-MM-DD')) ORDER BY v.sort_order, x.from_date)
      FROM advisor_assignment x JOIN org_unit v ON v.id = x.village_id WHERE x.advisor_id = a.id), '[]') AS "villages"`,
  from: `FROM advisor a JOIN org_unit t ON t.id = a.town_id LEFT JOIN app_user u ON u.id = a.user_id`,
  owners: { owners: [], ownerArrays: [] },
  village: null,
  villages: `ARRAY(SELECT x.village_id FROM advisor_assignment x WHERE x.advisor_id = a.id)`,
  sorts: { name: 'a.name' },
  defaultSort: 'name',
  filters: {
    townId: { eq: 'a.town_id' },
    villageId: (id: string, s) => serves(`x.village_id = ${s.p(id)}`),
    year: (year: number, s) => serves(`extract(year FROM x.from_date) <= ${s.p(year)} AND (x.to_date IS NULL OR extract(year FROM x.to_date) >= ${s.p(year)})`),
  },
  children: { villages: { table: 'advisor_assignment', parent: 'advisor_id', fields: {}, order: [] } },
};

/** The advisor register's queries: advisors in the scope (their town, or a village of the caller's they serve) with the villages they serve. */
@Injectable()
export class AdvisorRegisterRepository extends RegisterRepository<AdvisorRegisterRow, AdvisorFilter> {
  protected readonly spec = ADVISORS;

  /** Another advisor linked to the account, if any. */
  async linkedTo(userId: string, exceptId: string, em = this.ds.manager): Promise<boolean> {
    const rows = await em.query<unknown[]>(`SELECT 1 FROM advisor WHERE user_id = $1 AND id <> $2`, [userId, exceptId]);
    return rows.length > 0;
  }
}
